import Diagnostics

/// What the command line itself rejects: the input files only it reads (the ts commands'
/// JSON, pfkey's hex and JSON) and an output it cannot write. Module errors carry their
/// own types; this one exists so `reportingErrors` maps every failure the same way.
struct CommandLineError: Diagnostic {
    typealias Code = DiagnosticCode<CommandLineError>

    var code: Code
    var message: String
    /// The file it is about, named before the message when given.
    var file: String?

    init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    var diagnosticLocation: DiagnosticLocation? { file.map(DiagnosticLocation.file) }
    var category: DiagnosticCategory {
        switch code {
        case .missingInput: .missingInput
        case .cannotWrite: .cannotWrite
        case .outputFailed: .ioError
        default: .invalidInput
        }
    }

    /// `FILE: error: message`, or `FILE: cannot write: reason` for an output.
    var description: String {
        (file.map { "\($0): " } ?? "") + (code == .cannotWrite ? "cannot write: " : "error: ") + message
    }

    var reportLine: String { description }
}

extension DiagnosticCode where Domain == CommandLineError {
    /// An input file that does not exist or cannot be read (66).
    static var missingInput: Self { Self("missingInput") }
    /// An input that is not of the expected shape (65).
    static var invalidInput: Self { Self("invalidInput") }
    /// The output file could not be written (73).
    static var cannotWrite: Self { Self("cannotWrite") }
    /// Writing standard output failed part way (a full disk, an I/O error) (74).
    static var outputFailed: Self { Self("outputFailed") }
}
