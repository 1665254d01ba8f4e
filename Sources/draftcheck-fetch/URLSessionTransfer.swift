import DocumentSources
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GET over HTTP(S) with FoundationNetworking's URLSession (libcurl underneath, already part
/// of the toolchain, so no package to build): one request at a time, a time limit for the
/// whole transfer, bounded redirects, and a body checked against its Content-Length. It
/// lives in this helper program so draftcheck itself does not load libcurl and its thirty
/// libraries at every start (issue 17: about half of `draftcheck --version`'s time).
struct URLSessionFetcher {
    var timeout: Double
    var maximumRedirects: Int

    /// Fetches `url`; `name` is what the user called the document, for error messages.
    /// `headOnly`: ask whether it exists (HEAD), bringing no body.
    func get(_ url: String, name: String, headOnly: Bool = false) throws -> HTTPFetcher.Outcome {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw SourceError(.connectionFailed, name: name, "\(url) is not an http(s) URL")
        }
        let transfer = Transfer(maximumRedirects: maximumRedirects, headOnly: headOnly)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("draftcheck", forHTTPHeaderField: "User-Agent")
        if headOnly { request.httpMethod = "HEAD" }
        let task = session.dataTask(with: request)
        task.resume()
        // URLSession's own limits are per read; this one bounds the whole transfer.
        if transfer.done.wait(timeout: .now() + timeout) == .timedOut {
            task.cancel()
            throw SourceError(.timedOut, name: name, "no complete answer from \(url) within \(HTTPFetcher.seconds(timeout)) (--timeout)")
        }
        return try transfer.outcome(url: url, name: name, timeout: timeout)
    }
}

/// The delegate that collects one transfer; its state is touched by URLSession's queue until
/// `done` is signalled, and read by the caller only after.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maximumRedirects: Int
    let done = DispatchSemaphore(value: 0)
    var body = Data()
    var response: HTTPURLResponse?
    var error: (any Error)?
    var redirects = 0
    var refusedRedirect: String?

    let headOnly: Bool

    init(maximumRedirects: Int, headOnly: Bool) {
        self.maximumRedirects = maximumRedirects
        self.headOnly = headOnly
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        redirects += 1
        let scheme = request.url?.scheme?.lowercased()
        if redirects > maximumRedirects || !(scheme == "https" || scheme == "http") {
            refusedRedirect = request.url?.absoluteString ?? "?"
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        self.response = response as? HTTPURLResponse
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        body.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        self.error = error
        done.signal()
    }

    func outcome(url: String, name: String, timeout: Double) throws -> HTTPFetcher.Outcome {
        if let refusedRedirect {
            throw SourceError(.tooManyRedirects, name: name, "\(url): more than \(maximumRedirects) redirects, or one to a non-http URL (last: \(refusedRedirect))")
        }
        // A compressed body is counted after decoding, so its Content-Length says nothing.
        let encoding = response?.value(forHTTPHeaderField: "Content-Encoding")?.lowercased() ?? "identity"
        let expected = encoding == "identity" ? response.map { $0.expectedContentLength } ?? -1 : -1
        if let error {
            let code = (error as? URLError)?.code
            if code == .timedOut {
                throw SourceError(.timedOut, name: name, "no complete answer from \(url) within \(HTTPFetcher.seconds(timeout)) (--timeout)")
            }
            if expected > 0, Int64(body.count) < expected {
                throw SourceError(.truncated, name: name, "\(url): the body ended after \(body.count) of \(expected) bytes (Content-Length); nothing cached")
            }
            if code == .httpTooManyRedirects {
                throw SourceError(.tooManyRedirects, name: name, "\(url): too many redirects")
            }
            throw SourceError(.connectionFailed, name: name, "\(url): \(error.localizedDescription)")
        }
        guard let response else {
            throw SourceError(.connectionFailed, name: name, "\(url): no HTTP response")
        }
        let finalURL = response.url?.absoluteString ?? url
        switch response.statusCode {
        case 200..<300:
            if !headOnly, expected >= 0, Int64(body.count) != expected {
                throw SourceError(.truncated, name: name, "\(url): the body has \(body.count) bytes, its Content-Length says \(expected); nothing cached")
            }
            return .body(HTTPFetcher.Response(body: body, finalURL: finalURL))
        case 404, 410:
            return .notFound
        case 300..<400:
            throw SourceError(.tooManyRedirects, name: name, "\(url): redirected (\(response.statusCode)) without a usable Location")
        default:
            throw SourceError(.httpError, name: name, "\(finalURL): HTTP \(response.statusCode)")
        }
    }
}
