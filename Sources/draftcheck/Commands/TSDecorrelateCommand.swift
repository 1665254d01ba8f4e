import CommandLineParsing
import Foundation
import TrafficSelectors

/// `draftcheck ts decorrelate [--format text|json] FILE`.
struct TSDecorrelateCommand: Command {
    static let info = CommandInfo(
        name: "decorrelate",
        abstract: "Decorrelate an ordered SPD (RFC 4301 Appendix B) into an unordered set.",
        discussion: """
        Each fragment is linked to the entry it comes from; entries an earlier one covers \
        entirely leave no fragment. The file is JSON: {"entries": [{"name", "action", "pfp", \
        "selectors": [{"local", "remote", "protocol", "localPorts", "remotePorts"}]}]}. \
        Entries that overlap in many selectors multiply the fragments: an SPD that would cut \
        one entry into more than 65536 pieces, or give more than 262144 fragments, is refused \
        (exit 65, naming the entry).
        """
    )

    var format: TSDecodeCommand.Format
    var file: String

    init(_ arguments: inout ArgumentReader) throws {
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        file = try arguments.argument("file", help: "The SPD file (JSON).")
    }

    func run() throws {
        try reportingErrors {
            let spd = try TSInputFile.within(file) { try TSInputFile.read(SPDRecord.self, from: file).spd() }
            let result = try TSInputFile.within(file) { try Decorrelation.decorrelate(spd) }
            try StandardOutput.write(format == .json ? try encodeJSON(DecorrelationRecord(original: spd, decorrelated: result)) + "\n" : result.text(original: spd))
        }
    }
}
