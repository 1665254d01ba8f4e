import CLibXML2
import Foundation

/// libxml2, configured so that parsing a hostile document is safe by construction:
/// no network (`XML_PARSE_NONET`), no entity substitution by libxml2 (no `XML_PARSE_NOENT`,
/// so external entities are never loaded by the parser; the reader resolves the few it
/// allows itself), no DTD loading, `XML_PARSE_HUGE` off (libxml2's own depth and size
/// limits stay on), big line numbers kept for source locations.
enum LibXMLParser {
    /// libxml2 refuses deeper trees without `XML_PARSE_HUGE`; the reader walks the tree
    /// recursively and relies on this bound.
    static let maximumDepth = 256

    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue)
        | Int32(XML_PARSE_NOERROR.rawValue)
        | Int32(XML_PARSE_NOWARNING.rawValue)
        | Int32(XML_PARSE_BIG_LINES.rawValue)
        | Int32(XML_PARSE_NOCDATA.rawValue)
        | Int32(XML_PARSE_COMPACT.rawValue)

    /// Installed once: every external resource libxml2 might still ask for (a DTD named
    /// in DOCTYPE, an entity) is refused. Files the reader allows are read by the reader.
    private static let refuseExternalLoads: Void = {
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// libxml2's first error of a parse (later ones are mostly consequences of it): the
    /// first fatal one, which made the document not well-formed, when there is one. libxml2
    /// also reports errors it recovers from (an entity a DTD it was not allowed to read may
    /// declare, a namespace problem) at the level below; the reader reads past those, so
    /// the place to show is the fatal error's.
    final class FirstError {
        struct Report {
            var message: String?
            var line = 0
            var column = 0
            var code: Int32 = 0

            /// An error raised with no place (an encoding conversion failure has none)
            /// takes the place of the parser error that follows it.
            mutating func record(_ error: UnsafePointer<xmlError>) {
                if message == nil {
                    var text = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
                    if error.pointee.domain == Int32(XML_FROM_I18N.rawValue) {
                        text = "bytes not valid in the document's declared encoding: \(text)"
                    }
                    message = text
                    code = error.pointee.code
                }
                if line == 0, error.pointee.line > 0 {
                    line = Int(error.pointee.line)
                    column = Int(error.pointee.int2)
                }
            }
        }
        var fatal = Report()
        var recoverable = Report()

        /// The report to give: the first fatal error's, else the first error's.
        var first: Report { fatal.message != nil ? fatal : recoverable }

        func record(_ error: UnsafePointer<xmlError>) {
            switch error.pointee.level.rawValue {
            case XML_ERR_FATAL.rawValue...: fatal.record(error)
            case XML_ERR_ERROR.rawValue: recoverable.record(error)
            default: return
            }
        }
    }

    /// What a parse of a document keeps beside libxml2's context (its `_private`): the
    /// errors, and how many names the document never declared were given placeholders.
    final class Session {
        let errors = FirstError()
        var placeholders = 0

        /// The session of a parser context `parse` made; nil for any other context.
        static func of(_ context: UnsafePointer<xmlParserCtxt>) -> Session? {
            context.pointee._private.map { Unmanaged<Session>.fromOpaque($0).takeUnretainedValue() }
        }
    }

    /// Parses `data` into a libxml2 document the caller must free with `xmlFreeDoc`.
    /// - Throws: `DocumentError.malformedXML` with `FILE:LINE:COL` of libxml2's first
    ///   diagnostic, `.refusedUnsafe` when libxml2 stopped on an entity loop or its depth limit.
    static func parse(_ data: Data, path: String) throws -> xmlDocPtr {
        _ = refuseExternalLoads
        guard data.count < Int(Int32.max) else {
            throw DocumentError(.refusedUnsafe, "\(path): document larger than 2 GiB")
        }
        try AttributeBound.check(data, path: path)
        guard !data.isEmpty else {
            throw DocumentError(.malformedXML, "empty document", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try data.withUnsafeBytes { raw in
            // libxml2 pulls the bytes through a read callback, a few kilobytes at a time, and
            // lets go of what it has parsed, as it does for a file. A memory parser context
            // would copy the whole document into its own buffer first (a second copy of the
            // source, and a page fault per 4 KB of it).
            var cursor = ReadCursor(bytes: raw)
            return try withUnsafeMutablePointer(to: &cursor) { cursor in
                try parse(reading: cursor, path: path)
            }
        }
    }

    /// The part of the source libxml2 has not read yet.
    private struct ReadCursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
    }

    private static func parse(reading cursor: UnsafeMutablePointer<ReadCursor>, path: String) throws -> xmlDocPtr {
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let cursor = context.assumingMemoryBound(to: ReadCursor.self)
            let count = min(Int(length), cursor.pointee.bytes.count - cursor.pointee.offset)
            guard count > 0, let base = cursor.pointee.bytes.baseAddress else { return 0 }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + cursor.pointee.offset, byteCount: count)
            cursor.pointee.offset += count
            return Int32(count)
        }
        guard let context = xmlCreateIOParserCtxt(nil, nil, read, nil, cursor, XML_CHAR_ENCODING_NONE) else {
            throw DocumentError(.malformedXML, "libxml2 could not start a parser", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { xmlFreeParserCtxt(context) }
        _ = xmlCtxtUseOptions(context, options)
        let session = Session()
        let first = session.errors
        let box = Unmanaged.passRetained(session)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let session = Session.of(ctxt) else { return }
            session.errors.record(error)
        }
        context.pointee.sax.pointee.getEntity = XMLCharacterEntities.lookUp
        // Errors libxml2 raises outside the parser context (encoding conversion, I/O) go to
        // the thread's structured handler; without one libxml2 prints them to standard error.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(first).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<FirstError>.fromOpaque(userData).takeUnretainedValue().record(error)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        _ = xmlParseDocument(context)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        if let document, context.pointee.wellFormed != 0 {
            return document
        }
        if let document { xmlFreeDoc(document) }
        throw error(first, path: path, source: cursor.pointee.bytes)
    }

    /// Parses the UTF-8 `content` of an external parsed entity (a well-balanced chunk: text
    /// and elements, no XML declaration) as if it stood inside `parent`, so the entities
    /// and namespaces declared by `parent`'s document apply. Returns the first of the
    /// nodes, unlinked (free with `xmlFreeNodeList`), or nil when the chunk is empty.
    /// - Throws: `DocumentError.malformedXML` at `path`'s line and column.
    static func parseChunk(_ content: [UInt8], in parent: xmlNodePtr, path: String) throws -> xmlNodePtr? {
        guard !content.isEmpty else { return nil }
        guard content.count < Int(Int32.max) else {
            throw DocumentError(.refusedUnsafe, "\(path): entity larger than 2 GiB")
        }
        _ = refuseExternalLoads
        let first = FirstError()
        let box = Unmanaged.passRetained(first)
        defer { box.release() }
        xmlSetStructuredErrorFunc(box.toOpaque()) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<FirstError>.fromOpaque(userData).takeUnretainedValue().record(error)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // libxml2 2.9 reads a chunk in the encoding its document declared; this one is UTF-8.
        let document = parent.pointee.doc
        let declared = document?.pointee.encoding
        document?.pointee.encoding = nil
        defer { document?.pointee.encoding = declared }
        var list: xmlNodePtr?
        let code = content.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlParseInNodeContext(parent, chars.baseAddress, Int32(chars.count), options, &list)
            }
        }
        if code == XML_ERR_OK { return list }
        if let list { xmlFreeNodeList(list) }
        if first.first.message == nil { first.fatal.message = "not a well-balanced chunk of XML (libxml2 error \(code.rawValue))" }
        return try content.withUnsafeBytes { throw error(first, path: path, source: $0) }
    }

    private static func error(_ errors: FirstError, path: String, source: UnsafeRawBufferPointer) -> DocumentError {
        let first = errors.first
        guard let raw = first.message else {
            return DocumentError(.malformedXML, "not well-formed XML", at: SourceLocation(file: path, line: 1, column: 1))
        }
        // One line, as every diagnostic is ("... indicate encoding !\nBytes: 0xE9 ...").
        var message = raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        var location = SourceLocation(file: path, line: max(1, first.line), column: max(1, first.column))
        if let (column, byte) = ASCIIDeclaration.strayByte(in: source, line: location.line), column <= location.column {
            // libxml2 stops at such a byte with "Premature end of data", not a word of why.
            let hex = String(byte, radix: 16, uppercase: true)
            message = "byte 0x\(hex) is not US-ASCII, the encoding the XML declaration names (libxml2: \(message))"
            location.column = column
        }
        let unsafeCodes: Set<Int32> = [Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_INTERNAL_ERROR.rawValue)]
        if unsafeCodes.contains(first.code) || message.contains("Excessive depth") || message.contains("amplification") {
            return DocumentError(.refusedUnsafe, message, at: location)
        }
        return DocumentError(.malformedXML, message, at: location)
    }
}

/// A document whose XML declaration names US-ASCII and holds a byte above 0x7F (Latin-1
/// text under a US-ASCII declaration, as some v2 drafts were written).
enum ASCIIDeclaration {
    /// The first byte above 0x7F on `line` (1-based) and its column, when the declaration
    /// names US-ASCII.
    static func strayByte(in source: UnsafeRawBufferPointer, line: Int) -> (column: Int, byte: UInt8)? {
        guard declaresASCII(source) else { return nil }
        var current = 1, i = 0
        while current < line, i < source.count {
            if source[i] == 0x0A { current += 1 }
            i += 1
        }
        var column = 1
        while i < source.count, source[i] != 0x0A {
            if source[i] > 0x7F { return (column, source[i]) }
            i += 1
            column += 1
        }
        return nil
    }

    /// Whether the XML declaration (`<?xml ... encoding="..."?>` at the very start) names
    /// US-ASCII under one of its IANA names.
    static func declaresASCII(_ source: UnsafeRawBufferPointer) -> Bool {
        guard let name = encodingName(Array(source.prefix(256)))?.uppercased() else { return false }
        return ["US-ASCII", "ASCII", "ANSI_X3.4-1968", "ISO646-US", "US"].contains(name)
    }

    /// The encoding an XML or text declaration (`<?xml ... encoding="..."?>` at the start of
    /// `head`) names; nil when there is no declaration or it names none.
    static func encodingName(_ head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)), let end = ByteSearch.first(Array("?>".utf8), in: head),
              let key = ByteSearch.first(Array("encoding".utf8), in: Array(head[..<end])) else { return nil }
        var i = key + 8
        while i < end, head[i] == 0x20 || head[i] == 0x3D || head[i] == 0x09 { i += 1 }
        guard i < end, head[i] == 0x22 || head[i] == 0x27 else { return nil }
        let quote = head[i]
        var j = i + 1
        while j < end, head[j] != quote { j += 1 }
        return String(decoding: head[(i + 1)..<j], as: UTF8.self)
    }
}
