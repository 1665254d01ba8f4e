import CommandLineParsing
import Foundation
import TrafficSelectors

/// `draftcheck ts decode [--format text|json] [--kind tsi|tsr] HEX`.
struct TSDecodeCommand: Command {
    static let info = CommandInfo(
        name: "decode",
        abstract: "Decode one TSi/TSr payload given as hex, from its generic payload header on.",
        discussion: """
        Decoding is strict (RFC 7296 3.13): wrong or overrunning Selector Length, Number of \
        TSs not matching, trailing bytes, start after end (other than OPAQUE ports 65535-0) \
        and truncation are errors (exit 65, byte offset and rule). A selector of unknown type \
        is skipped and listed under "ignored". TS_SECLABEL (type 10) uses a layout \
        reconstructed from implementations (RFC 9478 not yet checked).
        JSON: {"kind": "TSi"|"TSr"|null, "selectors": [{"type", "protocol", "startPort", \
        "endPort", "startAddress", "endAddress"} or {"type": 10, "label"}], "ignored": \
        [{"type", "offset", "length"}]}.
        """
    )

    enum Format: String, ArgumentValue, CaseIterable { case text, json }
    enum Kind: String, ArgumentValue, CaseIterable { case tsi, tsr }

    var format: Format
    var kind: Kind?
    var hex: String

    init(_ arguments: inout ArgumentReader) throws {
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        kind = try arguments.option("kind", help: "Which payload it is (the header does not say): tsi or tsr.")
        hex = try arguments.argument("hex", help: "The payload bytes as hex (spaces and colons allowed).")
    }

    func run() throws {
        try reportingErrors {
            let payload = try TSPayload.decode(try HexText.decode(hex), kind: kind.map { $0 == .tsi ? .initiator : .responder })
            try StandardOutput.write(format == .json ? try encodeJSON(try PayloadRecord(payload)) + "\n" : payload.text)
        }
    }
}
