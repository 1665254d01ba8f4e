import CommandLineParsing
import Foundation
import TrafficSelectors

/// `draftcheck ts decode|narrow|decorrelate|agreement`: the reference Traffic Selector engine.
struct TSCommand: CommandNode {
    static let info = CommandInfo(
        name: "ts",
        abstract: "Decode IKEv2 Traffic Selector payloads, narrow them as a responder, decorrelate an SPD, replay real daemons against the narrowing profiles.",
        discussion: """
        The reference engine behind the Traffic Selector checks (RFC 7296 2.9 and 3.13, \
        RFC 4301 4.4.1 and Appendix B). Input files are JSON; the README's "Traffic \
        Selectors" section documents their format. An invalid payload exits 65 with the \
        byte offset and the rule it breaks; a missing file exits 66.
        """,
        subcommands: [TSDecodeCommand.self, TSNarrowCommand.self, TSDecorrelateCommand.self, TSAgreementCommand.self]
    )
}

/// Reading the ts commands' JSON input files: a missing file is missing input (66), one
/// that is not valid JSON of the expected shape invalid input (65).
enum TSInputFile {
    /// Reads and decodes `path` as `T`; a TSError inside keeps its own message, prefixed by the path.
    static func read<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineError(.missingInput, "no such file or not readable", file: path)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw CommandLineError(.invalidInput, "not a valid file: \(Self.describe(error))", file: path)
        } catch {
            throw CommandLineError(.invalidInput, "not valid JSON: \(error.localizedDescription)", file: path)
        }
    }

    /// Runs `body`, naming `path` in a TSError it throws.
    static func within<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TSError {
            throw CommandLineError(.invalidInput, e.description, file: path)
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        func at(_ ctx: DecodingError.Context) -> String {
            let p = path(ctx.codingPath)
            return p.isEmpty ? ctx.debugDescription : "at \(p): \(ctx.debugDescription)"
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            // The context's path is the object that lacks the field; its debugDescription
            // only repeats the key as a CodingKeys dump.
            let object = path(ctx.codingPath)
            return "missing field \"\(key.stringValue)\" in \(object.isEmpty ? "the top-level object" : "the object at \(object)")"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx): return at(ctx)
        @unknown default: return "\(error)"
        }
    }
}
