import Foundation

/// GET over HTTP(S) through the `draftcheck-fetch` helper program (beside the draftcheck
/// executable, or `DRAFTCHECK_FETCH`): the helper holds URLSession and libcurl, so a run that
/// reads only local files never loads them. One request a run of the helper; a time limit for
/// the whole transfer, bounded redirects and the Content-Length check are the helper's.
///
/// The helper's protocol (`draftcheck-fetch [--head] --timeout S --max-redirects N --name
/// NAME URL`): exit 0, the body on standard output and `final-url URL` on standard error;
/// exit 3, not found (404/410); exit 4, a `SourceError` as `CODE<TAB>MESSAGE` on standard
/// error.
public struct HTTPFetcher: Sendable {
    public var timeout: Double
    public var maximumRedirects: Int

    public init(timeout: Double, maximumRedirects: Int) {
        self.timeout = timeout
        self.maximumRedirects = maximumRedirects
    }

    /// A body and the URL it finally came from (after redirects).
    public struct Response: Sendable {
        public var body: Data
        public var finalURL: String

        public init(body: Data, finalURL: String) {
            self.body = body
            self.finalURL = finalURL
        }
    }

    /// What a request came to, when it did not bring a body.
    public enum Outcome: Sendable {
        case body(Response)
        /// 404 or 410: the server says there is no such document.
        case notFound
    }

    /// The helper's exit statuses.
    public enum HelperStatus {
        public static let body: Int32 = 0
        public static let notFound: Int32 = 3
        public static let sourceError: Int32 = 4
    }

    public static let helperName = "draftcheck-fetch"

    /// Fetches `url`; `name` is what the user called the document, for error messages.
    /// `headOnly`: ask whether it exists (HEAD), bringing no body.
    public func get(_ url: String, name: String, headOnly: Bool = false) throws -> Outcome {
        let helper = try Self.helperPath(name: name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: helper)
        process.arguments = (headOnly ? ["--head"] : []) + ["--timeout", "\(timeout)", "--max-redirects", "\(maximumRedirects)", "--name", name, url]
        // The body to a file (it may be megabytes: no pipe to drain while waiting); the
        // few lines of standard error through a pipe, read after the exit.
        let bodyURL = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-fetch-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: bodyURL.path, contents: nil) else {
            throw SourceError(.connectionFailed, name: name, "cannot create a temporary file for \(url) in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? FileManager.default.removeItem(at: bodyURL) }
        let bodyHandle = try FileHandle(forWritingTo: bodyURL)
        let errors = Pipe()
        process.standardOutput = bodyHandle
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SourceError(.connectionFailed, name: name, "cannot run \(helper): \(error.localizedDescription)")
        }
        try? bodyHandle.close()
        let stderrData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let said = String(decoding: stderrData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit else {
            throw SourceError(.connectionFailed, name: name, "\(helper) was killed (signal \(process.terminationStatus)) fetching \(url)")
        }
        switch process.terminationStatus {
        case HelperStatus.body:
            let finalURL = said.split(separator: "\n").first { $0.hasPrefix("final-url ") }.map { String($0.dropFirst("final-url ".count)) } ?? url
            let body = try Data(contentsOf: bodyURL)
            return .body(Response(body: body, finalURL: finalURL))
        case HelperStatus.notFound:
            return .notFound
        case HelperStatus.sourceError:
            let parts = said.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw SourceError(.connectionFailed, name: name, "\(url): \(said)") }
            throw SourceError(SourceError.Code(parts[0]), name: name, parts[1])
        default:
            throw SourceError(.connectionFailed, name: name, "\(helper) exited \(process.terminationStatus) fetching \(url): \(said)")
        }
    }

    /// `DRAFTCHECK_FETCH`, else `draftcheck-fetch` beside the running executable (symbolic
    /// links resolved: an installed link to the build directory finds its helper).
    static func helperPath(name: String) throws -> String {
        if let path = ProcessInfo.processInfo.environment["DRAFTCHECK_FETCH"], !path.isEmpty { return path }
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(helperName).path)
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent(helperName).path)
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        throw SourceError(.connectionFailed, name: name, "\(helperName), which fetches documents, is not beside draftcheck (looked in \(candidates.joined(separator: ", "))); build it (swift build --product \(helperName)) or set DRAFTCHECK_FETCH")
    }

    /// "10 s", "0.5 s".
    public static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
