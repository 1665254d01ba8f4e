import Checks
import DraftDocument
import Foundation
import Linking

/// Everything the check reports show: the catalog run and the documents judged by it.
/// Every output format is a pure function of this value.
public struct CheckReport: Sendable {
    public var run: CatalogRun
    public var documents: [LinkedDocument]
    public var toolVersion: String

    public init(run: CatalogRun, documents: [LinkedDocument], toolVersion: String) {
        self.run = run
        self.documents = documents
        self.toolVersion = toolVersion
    }

    /// Every status that occurs in any document, and `failed`/`errored` when a check of
    /// the catalog did so (even one no document links to).
    public var statusesPresent: Set<StatementStatus> {
        var out = Set<StatementStatus>()
        for d in documents { out.formUnion(d.statusesPresent) }
        for r in run.results.values {
            if r.outcome == .failed { out.insert(.failed) }
            if r.outcome == .errored { out.insert(.errored) }
        }
        return out
    }

    /// The checks in catalog order with their results.
    var checkResults: [(check: Check, result: CheckResult)] {
        run.checks.map { ($0, run.result(for: $0.id) ?? CheckResult(checkID: $0.id, outcome: .errored, evidence: Evidence(), error: "not run")) }
    }

    /// The claim links touching `statement`.
    static func links(of statement: LinkedStatement, in document: LinkedDocument) -> [ClaimLink] {
        document.claims.filter { $0.statementIDs.contains(statement.statement.id) }
    }
}

/// The output formats of `draftcheck check`.
public enum CheckReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, sarif, junit, html, github

    /// `text` applies to the text format only.
    public func render(_ report: CheckReport, text: TextCheckReport.Options = TextCheckReport.Options()) throws -> String {
        switch self {
        case .text: TextCheckReport.render(report, options: text)
        case .json: try JSONCheckReport.render(report)
        case .markdown: MarkdownCheckReport.render(report)
        case .sarif: try SARIFReport.render(report)
        case .junit: JUnitReport.render(report)
        case .html: HTMLCheckReport.render(report)
        case .github: GitHubReport.render(report)
        }
    }

    /// The same text handed to `emit`: JSON in pieces as it is encoded (a large draft's
    /// report is never held whole), the other formats whole.
    public func write<E: Error>(_ report: CheckReport, text: TextCheckReport.Options = TextCheckReport.Options(),
                                emit: (String) throws(E) -> Void) throws {
        if self == .json { return try JSONCheckReport.write(report, emit: emit) }
        try emit(render(report, text: text))
    }
}

extension StatementStatus {
    /// Status words as reports print them ("check failed" rather than "failed").
    var phrase: String {
        switch self {
        case .failed: "check failed"
        case .errored: "check errored"
        default: rawValue
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension CheckReport {
    /// Runs the checks named by `checkIDs` (the whole catalog when empty; an unknown id
    /// throws `CheckError.unknownCheck`) and judges each of `documents` by the run.
    /// `catalog` is the whole catalog (Swift checks and scenario files); `Catalog.all` by default.
    /// `exemptions` name the statements deliberately not checked.
    public static func judging(_ documents: [Document], catalog: [Check] = Catalog.all, exemptions: [Exemption] = [],
                               checkIDs: [String] = [], toolVersion: String) throws -> CheckReport {
        let checks = checkIDs.isEmpty ? catalog : try Catalog.checks(ids: checkIDs, in: catalog)
        let run = CatalogRun.run(checks)
        let linker = Linker(run: run, exemptions: exemptions)
        return CheckReport(run: run, documents: documents.map { linker.link($0) }, toolVersion: toolVersion)
    }
}
