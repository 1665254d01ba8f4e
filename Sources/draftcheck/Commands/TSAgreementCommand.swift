import CommandLineParsing
import Foundation
import TrafficSelectors

/// `draftcheck ts agreement [--format text|json] DIR`.
struct TSAgreementCommand: Command {
    static let info = CommandInfo(
        name: "agreement",
        abstract: "Replay captures of real IKEv2 daemons against the narrowing profiles.",
        discussion: """
        DIR holds one JSON capture per scenario (as scripts/uml-ike records them, \
        Tests/Fixtures/daemons): the policy, the proposed TSi/TSr and, per responder \
        (strongswan, libreswan, libreswan-narrowing), what the daemon did. Each profile is \
        run on the proposal the daemon received and compared with the daemon's answer as \
        traffic covered (set equality), with the Child SA decision and the notifies. A \
        difference the capture explains ("explained") is counted apart. Exits 1 when a \
        profile disagrees with its daemon without an explanation.
        """
    )

    var format: TSDecodeCommand.Format
    var directory: String

    init(_ arguments: inout ArgumentReader) throws {
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        directory = try arguments.argument("directory", help: "The directory of captures (*.json).")
    }

    func run() throws {
        var failed = false
        try reportingErrors {
            let url = URL(fileURLWithPath: directory)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw CommandLineError(.missingInput, "no such directory or not readable", file: directory)
            }
            var captures: [(name: String, capture: DaemonCaptureRecord)] = []
            for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
                let path = url.appendingPathComponent(name).path
                let capture = try TSInputFile.read(DaemonCaptureRecord.self, from: path)
                captures.append((String(name.dropLast(5)), capture))
            }
            guard !captures.isEmpty else { throw CommandLineError(.missingInput, "no *.json captures", file: directory) }
            let report = try TSInputFile.within(directory) { try AgreementReport(captures: captures) }
            try StandardOutput.write(format == .json ? try encodeJSON(AgreementReportRecord(report)) + "\n" : report.text)
            failed = report.rows.contains { $0.disagreed > 0 }
        }
        if failed { throw ExitCode(1) }
    }
}
