import Checks
import Diagnostics
import Foundation
import Linking

/// The whole catalog: the Swift checks (`Catalog.all`), then the bundled scenario files
/// (`checks/` at the package root), then those of each `--checks DIR`, each folder's
/// `*.yaml` files in name order. One id may appear once.
public struct ScenarioCatalog: Sendable {
    public var scenarios: [Scenario]
    public var checks: [Check]
    /// The exemption files: `checks/exemptions/` (bundled), then each directory's `exemptions/`.
    public var exemptionFiles: [ExemptionFile] = []

    /// Every exemption, in file order.
    public var exemptions: [Exemption] { exemptionFiles.flatMap(\.exemptions) }

    /// Loads `directories` (the bundled one first when `bundled`), refusing any bad file.
    public static func load(directories: [String] = [], bundled: Bool = true) throws(ScenarioError) -> ScenarioCatalog {
        var dirs: [(path: String, display: String?)] = directories.map { ($0, nil) }
        if bundled, let b = bundledDirectory() { dirs.insert((b, "checks"), at: 0) }
        var scenarios: [Scenario] = []
        var exemptionFiles: [ExemptionFile] = []
        var seenDirectories = Set<String>()
        for dir in dirs where seenDirectories.insert(URL(fileURLWithPath: dir.path).standardizedFileURL.path).inserted {
            var loaded = try loadDirectory(dir.path, displayPrefix: dir.display)
            if dir.display != nil { for i in loaded.indices { loaded[i].bundled = true } }
            scenarios += loaded
            let sub = dir.path.hasSuffix("/") ? dir.path + "exemptions" : dir.path + "/exemptions"
            exemptionFiles += try ExemptionFile.loadDirectory(sub, displayPrefix: dir.display.map { "\($0)/exemptions" })
        }
        var checks = Catalog.all
        for s in scenarios {
            if checks.contains(where: { $0.id == s.id }) {
                throw ScenarioError(.duplicateID, "a check with id \"\(s.id)\" is already in the catalog", at: .file(s.file), field: "id")
            }
            checks.append(check(s))
        }
        return ScenarioCatalog(scenarios: scenarios, checks: checks, exemptionFiles: exemptionFiles)
    }

    /// Every `*.yaml` / `*.yml` file of `directory`, parsed.
    /// `displayPrefix` names the directory in reports (`checks` for the bundled one).
    public static func loadDirectory(_ directory: String, displayPrefix: String? = nil) throws(ScenarioError) -> [Scenario] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ScenarioError(.directoryMissing, "no such directory of scenario files", at: .file(directory))
        }
        var out: [Scenario] = []
        for file in try YAMLFiles.read(directory, names: names) {
            out.append(try ScenarioParser.parse(file.text, file: file.path, displayName: displayPrefix.map { "\($0)/\(file.name)" }))
        }
        return out
    }

    /// The scenario as a catalog check: its body runs the steps.
    public static func check(_ s: Scenario) -> Check {
        Check(id: s.id, title: s.title, topic: s.topic, dialects: s.dialects, claims: s.claims) { ctx in
            try ScenarioRunner.run(s, &ctx)
        }
    }

    /// `checks/` of the package: beside the executable's package (walking up from the
    /// binary, e.g. .build/debug/draftcheck), else from the working directory, else from
    /// where this source file was compiled. Nil when none exists.
    public static func bundledDirectory() -> String? {
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("checks")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}

/// The `*.yaml` / `*.yml` files among `names` of `directory`, in name order, read as UTF-8:
/// scenario files and exemption files alike.
enum YAMLFiles {
    static func read(_ directory: String, names: [String]) throws(ScenarioError) -> [(name: String, path: String, text: String)] {
        var out: [(name: String, path: String, text: String)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ScenarioError(.directoryMissing, "cannot read the file", at: .file(path))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ScenarioError(.syntax, "not UTF-8 text", at: .file(path))
            }
            out.append((name, path, text))
        }
        return out
    }
}
