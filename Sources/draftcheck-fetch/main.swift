import DocumentSources
import Foundation

/// draftcheck-fetch [--head] --timeout S --max-redirects N --name NAME URL
/// One HTTP(S) request for draftcheck (HTTPFetcher in DocumentSources describes the protocol).
func fail(_ status: Int32, _ text: String) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var headOnly = false, timeout = 30.0, maximumRedirects = 5, name = "", url: String?
while !arguments.isEmpty {
    let word = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail(64, "draftcheck-fetch: \(word) needs a value") }
        return arguments.removeFirst()
    }
    switch word {
    case "--head": headOnly = true
    case "--timeout": guard let t = Double(value()), t > 0 else { fail(64, "draftcheck-fetch: --timeout takes seconds") }; timeout = t
    case "--max-redirects": guard let n = Int(value()), n >= 0 else { fail(64, "draftcheck-fetch: --max-redirects takes a count") }; maximumRedirects = n
    case "--name": name = value()
    default:
        guard url == nil, !word.hasPrefix("-") else { fail(64, "draftcheck-fetch: unexpected \(word)") }
        url = word
    }
}
guard let url else { fail(64, "usage: draftcheck-fetch [--head] --timeout S --max-redirects N --name NAME URL") }

do {
    switch try URLSessionFetcher(timeout: timeout, maximumRedirects: maximumRedirects).get(url, name: name.isEmpty ? url : name, headOnly: headOnly) {
    case .body(let response):
        FileHandle.standardOutput.write(response.body)
        fail(HTTPFetcher.HelperStatus.body, "final-url \(response.finalURL)")
    case .notFound:
        exit(HTTPFetcher.HelperStatus.notFound)
    }
} catch let error as SourceError {
    fail(HTTPFetcher.HelperStatus.sourceError, "\(error.code.rawValue)\t\(error.message.replacingOccurrences(of: "\n", with: " "))")
} catch {
    fail(HTTPFetcher.HelperStatus.sourceError, "connectionFailed\t\(url): \(error)")
}
