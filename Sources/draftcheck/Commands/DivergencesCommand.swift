import CommandLineParsing
import Checks
import Reports

/// `draftcheck divergences`: where the real kernel does something other than RFC 2367 says.
struct DivergencesCommand: Command {
    static let info = CommandInfo(
        name: "divergences",
        abstract: "List where the real Linux 6.1 af_key differs from RFC 2367, with the captured bytes as evidence.",
        discussion: """
        Read from the committed captures (Tests/Fixtures/kernel, recorded under User-Mode \
        Linux): every SADB_ACQUIRE the kernel sent, decoded again; and each malformed request \
        of the differential, decoded again by the strict codec and set beside what the kernel \
        answered, grouped by the rule the codec applies.
        """
    )

    var format: DivergenceFormat

    init(_ arguments: inout ArgumentReader) throws {
        format = try arguments.option("format", default: .text, help: "Output format: text, json or markdown.")
    }

    func run() throws {
        try reportingErrors {
            try StandardOutput.write(try format.render(KernelDivergences.all))
        }
    }
}

extension DivergenceFormat: ArgumentValue {}
