import Foundation

/// Plain-text RFCs and Internet-Drafts. (Issue 3 replaces this placeholder.)
enum TextDocumentReader {
    static func read(data: Data, path: String) throws -> Document {
        throw DocumentError(.unsupportedStructure, "\(path): the text reader is not written yet")
    }
}
