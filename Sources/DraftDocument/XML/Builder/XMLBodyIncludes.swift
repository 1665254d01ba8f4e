import Foundation

/// `<xi:include>` in the body of a draft (a section in `<middle>`, a paragraph or a
/// subsection in a `<section>`, a `<references>` in `<back>`): read in place under the
/// same rules as bibliography entries (the draft's directory or an --include-dir, never
/// outside them, never the network), and when not read, a warning naming the href and why.
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
        } else if expansion.includeNesting >= Self.maximumIncludeNesting {
            reason = "includes nest more than \(Self.maximumIncludeNesting) deep"
        } else {
            switch resolver.resolve(href) {
            case .file(let path):
                guard let root = try parseIncludedRoot(path: path, at: node) else { return }
                let saved = file
                file = path
                expansion.includeNesting += 1
                defer { file = saved; expansion.includeNesting -= 1 }
                try body(root)
                return
            case .network(let url):
                reason = "\(url) is on the network, which is never read"
            case .unavailable(let why):
                reason = why
            }
        }
        warn("xi:include href=\"\(href)\" not read: \(reason); its content is missing from this reading", node)
    }
}
