import ArgumentParser
import Foundation
import TrafficSelectors

/// `draftcheck ts decorrelate [--format text|json] FILE`.
struct TSDecorrelateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decorrelate",
        abstract: "Decorrelate an ordered SPD (RFC 4301 Appendix B) into an unordered set.",
        discussion: """
        Each fragment is linked to the entry it comes from; entries an earlier one covers \
        entirely leave no fragment. The file is JSON: {"entries": [{"name", "action", "pfp", \
        "selectors": [{"local", "remote", "protocol", "localPorts", "remotePorts"}]}]}.
        """
    )

    @Option(help: "Output format: text or json.")
    var format: TSDecodeCommand.Format = .text

    @Argument(help: "The SPD file (JSON).")
    var file: String

    func run() throws {
        try reportingErrors {
            let spd = try TSInputFile.within(file) { try TSInputFile.read(SPDRecord.self, from: file).spd() }
            let result = Decorrelation.decorrelate(spd)
            try StandardOutput.write(format == .json ? try encodeJSON(DecorrelationRecord(original: spd, decorrelated: result)) + "\n" : result.text(original: spd))
        }
    }
}
