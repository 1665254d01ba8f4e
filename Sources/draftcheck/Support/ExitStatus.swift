import Diagnostics
import Foundation

/// The documented exit codes (sysexits.h values where one fits). The README and
/// `draftcheck --help` list them; tests assert them.
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
}

extension ExitStatus {
    /// The exit code of each kind of failure (README "Exit codes").
    static func code(for category: DiagnosticCategory) -> Int32 {
        switch category {
        case .invalidUsage: usage
        case .invalidInput: dataError
        case .missingInput: noInput
        case .internalError: software
        case .cannotWrite: cannotCreate
        case .ioError: ioError
        case .unavailable: unavailable
        }
    }
}

/// Thrown by a command to end the run with this status (its messages already written).
struct ExitCode: Error {
    let status: Int32

    init(_ status: Int32) {
        self.status = status
    }

    static let success = ExitCode(0)
}

/// What a command made that only the process's end frees: taking apart a large review
/// (871,200 statements of a 50 MB draft, each a handful of strings and arrays) took a tenth
/// of its run on one core, while the kernel reclaims the memory at exit at once (the choice
/// clang makes with -disable-free).
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}

/// Runs a command body, turning a module's typed error (every one is a `Diagnostic`) into
/// its report line and the exit code of its category. Nothing below the CLI prints or
/// exits; this is the one place that does.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch is StandardOutput.ReaderGone {
        throw ExitCode.success
    } catch let error as any Diagnostic {
        StandardError.write(error.reportLine + "\n")
        throw ExitCode(ExitStatus.code(for: error.category))
    }
}

/// Writes to standard error (warnings), leaving standard output to the result.
func printWarning(_ text: String) {
    StandardError.write(text + "\n")
}
