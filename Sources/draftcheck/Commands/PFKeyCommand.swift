import ArgumentParser
import Foundation
import PFKey

/// `draftcheck pfkey decode|encode`: the reference PF_KEY v2 codec on the command line.
struct PFKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfkey",
        abstract: "Decode and encode PF_KEY v2 messages (RFC 2367, Linux, KAME) with the strict reference codec.",
        discussion: """
        decode shows a message extension by extension with byte offsets, as text (with a \
        setkey-style rendering of SAs and policies) or JSON; invalid input exits 65 with the \
        byte offset and the rule it breaks, e.g. "RFC 2367 2.3: duplicate extension type 5 at \
        offset 40". encode turns the same JSON shape back into bytes.
        """,
        // The live subcommand (UML, issue 6) lives in its own file; add it to this list.
        subcommands: [PFKeyDecodeCommand.self, PFKeyEncodeCommand.self]
    )
}

/// Options shared by decode and encode.
struct PFKeyDialectOptions: ParsableArguments {
    @Option(help: "The PF_KEY dialect: linux (default), kame or rfc2367.")
    var dialect: Dialect.Name = .linux
}

extension Dialect.Name: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}

// MARK: - decode

struct PFKeyDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
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

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var dialectOptions: PFKeyDialectOptions

    @Option(help: "Apply the presence rules of one direction: request (to the kernel) or kernel (from it).")
    var direction: Direction?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Reject unknown extension types (strongSwan's choice) instead of ignoring them (RFC 2367 2.3).")
    var rejectUnknown = false

    @Option(help: "Read the message(s) from a file: raw bytes, or hex text.")
    var file: String?

    @Argument(help: "The message as hex (spaces allowed).")
    var hex: String?

    func validate() throws {
        if (file == nil) == (hex == nil) { throw ValidationError("give the message as HEX or with --file, not both or neither") }
    }

    func run() throws {
        try reportingErrors {
            let dialect = Dialect.named(dialectOptions.dialect)
            let bytes = try PFKeyInput.bytes(hex: hex, file: file)
            let options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: rejectUnknown ? .reject : .ignore)
            var decoded: [(Message, [ExtensionSpan], Int)] = []
            var base = 0
            for chunk in try Message.split(bytes, dialect: dialect) {
                do throws(PFKeyError) {
                    let (m, spans) = try Message.decodeWithLayout(chunk, options: options)
                    decoded.append((m, spans, base))
                } catch {
                    throw error.shifted(by: base)
                }
                base += chunk.count
            }
            switch format {
            case .json:
                let values = decoded.map { JSONFieldValue($0.0.fields(dialect: dialect, spans: $0.1)) }
                print(try values.count == 1 ? encodeJSON(values[0]) : encodeJSON(values))
            case .text:
                print(decoded.map { PFKeyText.render($0.0, spans: $0.1, base: $0.2, dialect: dialect) }.joined(separator: "\n"), terminator: "")
            }
        }
    }
}

// MARK: - encode

struct PFKeyEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode PF_KEY messages from the JSON shape decode prints; writes hex.",
        discussion: """
        FILE holds one message object or an array of them, in the shape of `pfkey decode \
        --format json` ("offset" and "length" are recomputed). The bytes are not validated, \
        so invalid messages can be crafted on purpose; pipe them to `pfkey decode` to check.
        """
    )

    @OptionGroup var dialectOptions: PFKeyDialectOptions

    @Argument(help: "The JSON file ('-' for standard input).")
    var file: String

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
            let objects: [FieldValue]
            if case .list(let l) = value.value { objects = l } else { objects = [value.value] }
            var out: [UInt8] = []
            for o in objects {
                out += try Message(fields: o, dialect: dialect).encode(dialect: dialect)
            }
            print(out.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
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
            guard let b = parseHex(hex) else { throw CommandLineError(.invalidInput, "not hex: \(hex.prefix(40))") }
            return b
        }
        let data = try read(file!)
        if let text = String(data: data, encoding: .utf8), let b = parseHex(text), !b.isEmpty { return b }
        return [UInt8](data)
    }

    static func parseHex(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var pending: UInt8?
        for c in text.unicodeScalars where !CharacterSet.whitespacesAndNewlines.contains(c) && c != ":" {
            guard let d = UInt8(String(c), radix: 16) else { return nil }
            if let p = pending { out.append(p << 4 | d); pending = nil } else { pending = d }
        }
        return pending == nil ? out : nil
    }
}

extension PFKeyError {
    /// The same error with its offset moved by `base` (a message inside a stream).
    func shifted(by base: Int) -> PFKeyError {
        guard base != 0 else { return self }
        var e = self
        e.offset += base
        e.rule = rule.replacingOccurrences(of: "at offset \(offset)", with: "at offset \(offset + base) (offset \(offset) in the message at \(base))")
        return e
    }
}

/// The field tree as JSON (numbers stay exact 64-bit integers).
struct JSONFieldValue: Codable {
    var value: FieldValue

    init(_ value: FieldValue) { self.value = value }

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(UInt64.self) { value = .number(n); return }
        if let s = try? c.decode(String.self) { value = .string(s); return }
        if let l = try? c.decode([JSONFieldValue].self) { value = .list(l.map(\.value)); return }
        if let o = try? c.decode([String: JSONFieldValue].self) { value = .object(o.mapValues(\.value)); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a non-negative integer, string, array or object")
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l.map(JSONFieldValue.init))
        case .object(let o): try c.encode(o.mapValues(JSONFieldValue.init))
        }
    }
}

/// decode's text: the header, each extension with its offset and fields, then setkey's view.
enum PFKeyText {
    static func render(_ m: Message, spans: [ExtensionSpan], base: Int, dialect: Dialect) -> String {
        var out = "SADB_\(m.type.name) (\(dialect.number(of: m.type) ?? 0)) satype=\(m.saType.rawValue) errno=\(m.errno) seq=\(m.sequence) pid=\(m.pid)"
        out += " length=\(spans.last.map { $0.offset + $0.length } ?? 16)\(m.reserved != 0 ? " reserved=\(m.reserved)" : "")\(base != 0 ? " at=\(base)" : "")\n"
        for (e, span) in zip(m.extensions, spans) {
            out += "  @\(span.offset) \(e.name) (\(e.typeNumber(in: dialect) ?? 0)) len=\(span.length):"
            for (k, v) in e.fields.sorted(by: { $0.key < $1.key }) { out += " \(k)=\(flat(v))" }
            out += "\n"
        }
        return out + "\n" + SetkeyText.render(m)
    }

    static func flat(_ v: FieldValue) -> String {
        switch v {
        case .number(let n): String(n)
        case .string(let s): s.isEmpty ? "\"\"" : s
        case .list(let l): "[" + l.map(flat).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.sorted { $0.key < $1.key }.map { "\($0.key)=\(flat($0.value))" }.joined(separator: " ") + "}"
        }
    }
}
