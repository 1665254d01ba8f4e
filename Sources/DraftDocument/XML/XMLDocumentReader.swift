import CLibXML2
import Foundation

/// xml2rfc v3 and v2 sources on libxml2, into the one document model. Section numbers
/// follow xml2rfc's preptool: middle sections 1, 1.1...; `<references>` in `<back>`
/// continue the middle numbering; `<back>` sections are appendices A, A.1...; sections
/// with `numbered="false"` (and everything under them) have no number.
enum XMLDocumentReader {
    /// `outline`: build the section tree (numbers, titles, anchors, lines), the metadata and
    /// the references, but not the blocks of section bodies, the abstract or the notes
    /// (see `XMLModelBuilder.Outline`).
    static func read(data: Data, path: String, includeDirectories: [String], outline: Bool = false, fetchReference: ReferenceFetcher? = nil) throws -> Document {
        let document = try LibXMLParser.parse(data, path: path)
        defer { ParseTreeRelease.release(document, sourceBytes: data.count) }
        guard let rootPointer = xmlDocGetRootElement(document) else {
            throw DocumentError(.malformedXML, "no root element", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let root = XMLNode(rootPointer)
        guard root.name == "rfc" else {
            throw DocumentError(.notAnRFCDocument, "root element is <\(root.name)>, not <rfc>: not an xml2rfc document", at: SourceLocation(file: path, line: root.line, column: 1))
        }
        let resolver = IncludeResolver(documentPath: path, includeDirectories: includeDirectories, fetchReference: fetchReference)
        var result = try build(document, root: root, path: path, resolver: resolver, outline: outline)
        result.warnings += XMLCharacterEntities.attributeWarnings(in: document, path: path)
        return result
    }

    private static func build(_ document: xmlDocPtr, root: XMLNode, path: String, resolver: IncludeResolver, outline: Bool) throws -> Document {
        if outline {
            let builder = XMLModelBuilder(document: document, path: path, resolver: resolver, outlineOnly: true)
            defer { builder.freeIncludedDocuments() }
            let result = try builder.build(root: root)
            if !builder.outline.needsBodies { return result }
        }
        let builder = XMLModelBuilder(document: document, path: path, resolver: resolver)
        defer { builder.freeIncludedDocuments() }
        return try builder.build(root: root)
    }
}
