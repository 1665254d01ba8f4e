import Foundation

/// xml2rfc v3 and v2 sources on libxml2. (Issue 2 replaces this placeholder.)
enum XMLDocumentReader {
    static func read(data: Data, path: String, includeDirectories: [String]) throws -> Document {
        throw DocumentError(.unsupportedStructure, "\(path): the XML reader is not written yet")
    }
}
