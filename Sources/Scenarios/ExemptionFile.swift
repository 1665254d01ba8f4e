import Checks
import Diagnostics
import DraftDocument
import Foundation
import Linking

/// An exemption file (README "Exemptions"; checks/schema/exemptions.schema.json): one per
/// document series, `checks/exemptions/SERIES.yaml` or `DIR/exemptions/*.yaml` of a
/// `--checks DIR`. Every refusal is a `ScenarioError` at the field's line and column.
public struct ExemptionFile: Sendable {
    public var exemptions: [Exemption]
    /// Where each exemption's quote is written (for `quoteNotFound`), parallel to `exemptions`.
    public var quoteLocations: [DiagnosticLocation]
    /// Each quote's field path (`exemptions[3].quote`), parallel to `exemptions`.
    public var quoteFields: [String] = []
    public var file: String

    public static let fields = ["section", "quote", "reason", "note"]

    /// `displayName` names the file in reports (`checks/exemptions/rfc2367.yaml`).
    public static func parse(_ text: String, file: String, displayName: String? = nil) throws(ScenarioError) -> ExemptionFile {
        let top = try YAMLFile.parse(text, file: file).mapping()
        try top.only(["document", "exemptions"])
        let documentValue = try top.required("document")
        let document = try documentValue.string()
        guard DocumentIdentity(parsing: document) != nil else {
            throw documentValue.error(.invalidValue, "\"\(document)\" names no document (RFC N or draft-name)")
        }
        var out = ExemptionFile(exemptions: [], quoteLocations: [], file: file)
        for value in try top.required("exemptions").list() {
            let m = try value.mapping()
            try m.only(fields)
            let reasonValue = try m.required("reason")
            let reasonText = try reasonValue.string()
            guard let reason = ExemptionReason(rawValue: reasonText) else {
                throw reasonValue.error(.invalidValue, "unknown reason \"\(reasonText)\" (one of \(ExemptionReason.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let section = try nonEmpty(try m.required("section"))
            let quoteValue = try m.required("quote")
            let quote = try nonEmpty(quoteValue)
            let note = try nonEmpty(try m.required("note"))
            let origin = quoteValue.location.description.replacingOccurrences(of: file, with: displayName ?? file)
            out.exemptions.append(Exemption(document: document, section: section, quote: quote, reason: reason, note: note, origin: origin))
            out.quoteLocations.append(quoteValue.location)
            out.quoteFields.append(quoteValue.path)
        }
        return out
    }

    static func nonEmpty(_ value: YAMLValue) throws(ScenarioError) -> String {
        let text = try value.string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw value.error(.missingField, "must not be empty") }
        return text
    }

    /// Every `*.yaml` / `*.yml` file of `directory`, in name order; no directory, no exemptions.
    public static func loadDirectory(_ directory: String, displayPrefix: String? = nil) throws(ScenarioError) -> [ExemptionFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ScenarioError(.directoryMissing, "cannot list the exemption files", at: .file(directory))
        }
        var out: [ExemptionFile] = []
        for file in try YAMLFiles.read(directory, names: names) {
            out.append(try parse(file.text, file: file.path, displayName: displayPrefix.map { "\($0)/\(file.name)" }))
        }
        return out
    }
}

/// An exemption's quote must name its statement: in the documents read of its series it
/// is found (exactly or normalised, as a claim is) and touches exactly one statement.
/// Otherwise `quoteNotFound` (found nowhere, or only approximately) or `quoteAmbiguous`
/// (found in no statement, or across several), at the quote's line. An exemption whose
/// series no document read belongs to is not judged.
public enum ExemptionAudit {
    public static func verify(_ files: [ExemptionFile], against documents: [Document]) throws(ScenarioError) {
        let all = files.flatMap { f in f.exemptions.indices.map { (f.exemptions[$0], f.quoteLocations[$0], f.quoteFields[$0]) } }
        guard !all.isEmpty, !documents.isEmpty else { return }
        let linker = Linker(run: CatalogRun(checks: [], results: [:]), exemptions: all.map(\.0))
        // Per exemption: the statements (and their sentences) it touched in some document
        // of its series, if read.
        var touched: [Int: (ids: [String], sentences: Int)] = [:]
        var read: [Int: [String]] = [:]
        let series = all.compactMap { DocumentIdentity(parsing: $0.0.document) }
        for document in documents {
            // A document no exemption names has nothing to verify: linking it (its
            // statements extracted again) was a fifth of `check` on a large draft.
            let identity = DocumentIdentity(document.metadata)
            guard series.contains(where: { $0.isSameSeries(as: identity) }) else { continue }
            let linked = linker.link(document)
            var next = 0
            for link in linked.exemptions {
                // The links come in exemption order, for the exemptions naming this series.
                while next < all.count && all[next].0 != link.exemption { next += 1 }
                guard next < all.count else { break }
                read[next, default: []].append(linked.identity.description)
                if link.match != nil, touched[next] == nil || touched[next]!.sentences != 1 { touched[next] = (link.statementIDs, link.sentences) }
                next += 1
            }
        }
        for (i, (exemption, location, field)) in all.enumerated() {
            guard let names = read[i] else { continue }
            guard let (ids, sentences) = touched[i] else {
                throw ScenarioError(.quoteNotFound, "the quote is in no document of \(DocumentIdentity(parsing: exemption.document)!) read (\(names.joined(separator: ", "))): \"\(exemption.quote)\"",
                                    at: location, field: field)
            }
            guard sentences == 1 else {
                let what = ids.isEmpty ? "in no statement" : "across \(sentences) statements (\(ids.joined(separator: ", ")))"
                throw ScenarioError(.quoteAmbiguous, "the quote is found \(what): an exemption names exactly one statement: \"\(exemption.quote)\"",
                                    at: location, field: field)
            }
        }
    }
}
