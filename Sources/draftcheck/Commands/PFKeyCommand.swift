import CommandLineParsing
import Foundation
import PFKey

/// `draftcheck pfkey decode|encode`: the reference PF_KEY v2 codec on the command line.
struct PFKeyCommand: CommandNode {
    static let info = CommandInfo(
        name: "pfkey",
        abstract: "Decode and encode PF_KEY v2 messages (RFC 2367, Linux, KAME) with the strict reference codec.",
        discussion: """
        decode shows a message extension by extension with byte offsets, as text (with a \
        setkey-style rendering of SAs and policies) or JSON; invalid input exits 65 with the \
        byte offset and the rule it breaks, e.g. "RFC 2367 2.3: duplicate extension type 5 at \
        offset 40". encode turns the same JSON shape back into bytes.
        """,
        subcommands: [PFKeyDecodeCommand.self, PFKeyEncodeCommand.self]
    )
}

/// Options shared by decode and encode.
struct PFKeyDialectOptions {
    var dialect: Dialect.Name

    init(_ arguments: inout ArgumentReader) throws {
        dialect = try arguments.option("dialect", default: .linux, help: "The PF_KEY dialect: linux (default), kame or rfc2367.")
    }
}

extension Dialect.Name: ArgumentValue {}
extension Direction: ArgumentValue {}

// MARK: - decode

struct PFKeyDecodeCommand: Command {
    static let info = CommandInfo(
        name: "decode",
        abstract: "Decode and validate PF_KEY messages given as hex or in a file.",
        discussion: """
        The input is one message or a stream of messages (a DUMP's replies), as hex on the \
        command line, or with --file as raw bytes or hex text. Without --direction a message \
        is accepted when it is valid either as a request to the kernel or as a message from \
        it; --direction request|kernel applies that direction's presence rules (and, for \
        requests, that reserved fields are zero). Unknown extension types are ignored, as \
        RFC 2367 2.3 says, unless --reject-unknown.
        """
    )

    enum Format: String, ArgumentValue { case text, json }

    var dialectOptions: PFKeyDialectOptions
    var direction: Direction?
    var format: Format
    var rejectUnknown: Bool
    var file: String?
    var hex: String?

    init(_ arguments: inout ArgumentReader) throws {
        dialectOptions = try PFKeyDialectOptions(&arguments)
        direction = try arguments.option("direction", help: "Apply the presence rules of one direction: request (to the kernel) or kernel (from it).")
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
        rejectUnknown = arguments.flag("reject-unknown", help: "Reject unknown extension types (strongSwan's choice) instead of ignoring them (RFC 2367 2.3).")
        file = try arguments.option("file", help: "Read the message(s) from a file: raw bytes, or hex text.")
        hex = arguments.optionalArgument("hex", help: "The message as hex (spaces allowed).")
    }

    func validate() throws {
        if (file == nil) == (hex == nil) { throw UsageError("give the message as HEX or with --file, not both or neither") }
    }

    func run() throws {
        try reportingErrors {
            let dialect = Dialect.named(dialectOptions.dialect)
            let bytes = try PFKeyInput.bytes(hex: hex, file: file)
            let options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: rejectUnknown ? .reject : .ignore)
            let decoded = try Message.decodeStream(bytes, options: options)
            switch format {
            case .json: try StandardOutput.write(try encodeJSON(MessageText.json(decoded, dialect: dialect)) + "\n")
            case .text: try StandardOutput.write(MessageText.render(decoded, dialect: dialect))
            }
        }
    }
}

// MARK: - encode

struct PFKeyEncodeCommand: Command {
    static let info = CommandInfo(
        name: "encode",
        abstract: "Encode PF_KEY messages from the JSON shape decode prints; writes hex.",
        discussion: """
        FILE holds one message object or an array of them, in the shape of `pfkey decode \
        --format json` ("offset" and "length" are recomputed). The bytes are not validated, \
        so invalid messages can be crafted on purpose; pipe them to `pfkey decode` to check.
        """
    )

    var dialectOptions: PFKeyDialectOptions
    var file: String

    init(_ arguments: inout ArgumentReader) throws {
        dialectOptions = try PFKeyDialectOptions(&arguments)
        file = try arguments.argument("file", help: "The JSON file ('-' for standard input).")
    }

    func run() throws {
        try reportingErrors {
            let dialect = Dialect.named(dialectOptions.dialect)
            let data = try PFKeyInput.read(file)
            let value: JSONFieldValue
            do {
                value = try JSONDecoder().decode(JSONFieldValue.self, from: data)
            } catch {
                throw CommandLineError(.invalidInput, "\(file): not JSON: \(error)")
            }
            try StandardOutput.write(MessageText.hex(try Message.encodeStream(fields: value.value, dialect: dialect)) + "\n")
        }
    }
}

// MARK: - support

/// Reading the input of decode and encode.
enum PFKeyInput {
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandLineError(.missingInput, "\(path): no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineError(.missingInput, "\(path): unreadable")
        }
        return data
    }

    /// Hex text (whitespace and colons allowed) or, from a file that is not hex, raw bytes.
    static func bytes(hex: String?, file: String?) throws -> [UInt8] {
        if let hex {
            guard let b = MessageText.bytes(hex: hex) else { throw CommandLineError(.invalidInput, "not hex: \(hex.prefix(40))") }
            return b
        }
        let data = try read(file!)
        if let text = String(data: data, encoding: .utf8), let b = MessageText.bytes(hex: text), !b.isEmpty { return b }
        return [UInt8](data)
    }
}
