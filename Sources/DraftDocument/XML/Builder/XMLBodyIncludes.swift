import CLibXML2
import Foundation

/// What the body reads from other files: `<xi:include>` (a section in `<middle>`, a
/// paragraph or a subsection in a `<section>`, a `<references>` in `<back>`) and external
/// parsed entities (`<!ENTITY intro SYSTEM "intro.xml">` and `&intro;` in the body, as
/// drafts split into files were written before xi:include). Both read in place under the
/// same rules as bibliography entries (the draft's directory or an --include-dir, never
/// outside them, never the network), and when not read, a warning naming the file and why.
extension XMLModelBuilder {
    /// `forEachChild`, with each xi:include replaced by the root element of the file it
    /// names. While `body` handles an included element, `file` is the included file, so
    /// locations and warnings name it.
    func forEachChildReadingIncludes(of node: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        try forEachChild(of: node) { child in
            guard child.isElement(named: "include"), child.isXInclude else { return try body(child) }
            try readBodyInclude(child, body)
        }
    }

    private func readBodyInclude(_ node: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        let href = node.attribute("href") ?? ""
        let reason: String
        if href.isEmpty {
            reason = "it has no href"
        } else if let parse = node.attribute("parse"), parse != "xml" {
            reason = "parse=\"\(parse)\" is read only inside artwork"
        } else {
            switch bodyFile(href) {
            case .success(let path):
                guard let root = try parseIncludedRoot(path: path, at: node) else { return }
                return try reading(path) { try body(root) }
            case .failure(let unread):
                reason = unread.reason
            }
        }
        warn("xi:include href=\"\(href)\" not read: \(reason); its content is missing from this reading", node)
    }

    /// An external parsed entity's reference, replaced by the file's content (text and
    /// elements, read as if written in `parent`; a text declaration `<?xml ... ?>` and a
    /// byte-order mark at its start are dropped, and it is UTF-8 unless the declaration
    /// names ISO-8859-1, Windows-1252 or US-ASCII), as xml2rfc expands it. Each reference
    /// counts the file's size against the entity budget; the content is parsed once.
    func readExternalEntity(_ reference: XMLNode, _ entity: xmlEntityPtr, in parent: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        let system = entity.pointee.SystemID.map { String(cString: $0) } ?? ""
        let reason: String
        if system.isEmpty {
            reason = "it names no file"
        } else {
            switch bodyFile(system) {
            case .success(let path):
                guard let content = try externalEntityContent(entity, path: path, at: reference, in: parent) else { return }
                return try reading(path) {
                    var node: xmlNodePtr? = content
                    while let n = node {
                        try visit(XMLNode(n), in: parent, body)
                        node = n.pointee.next
                    }
                }
            case .failure(let unread):
                reason = unread.reason
            }
        }
        warn("external entity &\(reference.name); (\"\(system)\") not read: \(reason); its content is missing from this reading", reference)
    }

    struct Unread: Error { let reason: String }

    /// The file an include or entity in the body names, or why it is not read.
    private func bodyFile(_ name: String) -> Result<String, Unread> {
        guard expansion.includeNesting < Self.maximumIncludeNesting else {
            return .failure(Unread(reason: "includes nest more than \(Self.maximumIncludeNesting) deep"))
        }
        switch resolver.resolve(name) {
        case .file(let path): return .success(path)
        case .network(let url): return .failure(Unread(reason: "\(url) is on the network, which is never read"))
        case .unavailable(let why): return .failure(Unread(reason: why))
        }
    }

    /// Runs `body` with `path` as the file being read (locations and warnings name it),
    /// one include deeper.
    private func reading(_ path: String, _ body: () throws -> Void) throws {
        let saved = file
        file = path
        expansion.includeNesting += 1
        defer { file = saved; expansion.includeNesting -= 1 }
        try body()
    }

    /// The parsed content of the entity in `path` (nil when empty, or when it cannot be
    /// used: then with a warning). Throws past the entity budget.
    private func externalEntityContent(_ entity: xmlEntityPtr, path: String, at reference: XMLNode, in parent: XMLNode) throws -> xmlNodePtr? {
        // Counted before reading: a file past the budget is not read at all.
        let unreadable = "external entity &\(reference.name); (\(path)) not read: unreadable; its content is missing from this reading"
        var status = stat()
        guard stat(path, &status) == 0 else {
            warn(unreadable, reference)
            return nil
        }
        try chargeEntityBytes(Int(status.st_size), for: reference)
        let key = UnsafeMutableRawPointer(entity)
        if let parsed = expansion.externalEntities[key] { return parsed }
        guard let data = FileManager.default.contents(atPath: path) else {
            warn(unreadable, reference)
            return nil
        }
        let parsed: xmlNodePtr?
        do {
            guard let text = ExternalEntityText.utf8(data) else {
                warn("external entity &\(reference.name); (\(path)) not read: neither UTF-8 nor in an encoding its declaration names that the reader knows; its content is missing from this reading", reference)
                return nil
            }
            parsed = try LibXMLParser.parseChunk(text, in: parent.pointer, path: path)
        } catch let error as DocumentError {
            warn("external entity &\(reference.name); not read: \(error.description); its content is missing from this reading", reference)
            return nil
        }
        expansion.externalEntities[key] = parsed
        return parsed
    }
}

/// The bytes of an external parsed entity as UTF-8, without what may open it: a byte-order
/// mark and a text declaration (`<?xml version="1.0" encoding="..."?>`, whose bytes are
/// dropped, its line break kept, so lines count as in the file).
enum ExternalEntityText {
    static func utf8(_ data: Data) -> [UInt8]? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var encoding = "utf-8"
        if bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5, bytes[5] == 0x20 || bytes[5] == 0x09 || bytes[5] == 0x0A || bytes[5] == 0x0D,
           let end = ByteSearch.first(Array("?>".utf8), in: bytes) {
            if let named = ASCIIDeclaration.encodingName(Array(bytes[..<(end + 2)])) { encoding = named.lowercased() }
            bytes.removeFirst(end + 2)
        }
        switch encoding {
        case "utf-8", "utf8":
            return String(validating: bytes, as: UTF8.self) == nil ? nil : bytes
        case "us-ascii", "ascii":
            return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
        case "iso-8859-1", "latin1", "iso_8859-1", "l1":
            var text = String.UnicodeScalarView()
            text.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return Array(String(text).utf8)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252).map { Array($0.utf8) }
        default:
            return nil
        }
    }
}
