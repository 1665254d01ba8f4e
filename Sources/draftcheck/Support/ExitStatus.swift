import ArgumentParser
import DraftDocument
import Foundation

/// The documented exit codes (sysexits.h values where one fits). The README and
/// `draftcheck --help` list them; tests assert them.
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
}

/// An error a module threw, as the command line reports it: one message line on standard
/// error and an exit code. Each module's error type conforms in the command file that
/// uses it (or here, for the shared ones).
protocol CLIReportable: Error {
    var exitCode: Int32 { get }
    var cliMessage: String { get }
}

extension DocumentError: CLIReportable {
    var exitCode: Int32 {
        switch code {
        case .fileNotFound: ExitStatus.noInput
        case .unreadable: ExitStatus.noInput
        case .sectionNotFound: ExitStatus.dataError
        default: ExitStatus.dataError
        }
    }

    var cliMessage: String { description }
}

/// Runs a command body, turning a module's typed error into its message and exit code.
/// Nothing below the CLI prints or exits; this is the one place that does.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIReportable {
        FileHandle.standardError.write(Data((error.cliMessage + "\n").utf8))
        throw ExitCode(error.exitCode)
    }
}

/// Writes to standard error (warnings), leaving standard output to the result.
func printWarning(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
