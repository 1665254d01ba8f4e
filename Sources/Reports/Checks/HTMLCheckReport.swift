import Checks
import Linking
import Plot

/// One self-contained HTML page (no external resource): per document its sections with
/// the statements coloured by status, each statement's evidence in an expandable
/// `<details>`, status filters (a small script), and the catalog with every check's outcome.
public enum HTMLCheckReport {
    public static func render(_ report: CheckReport) -> String {
        let html = HTML(
            .head(
                .meta(.charset(.utf8)),
                .title("draftcheck: " + report.documents.map(\.identity.description).joined(separator: ", ")),
                .style(css)
            ),
            .body(
                .h1("draftcheck check report"),
                .p(.class("summary"), .text(summary(report))),
                .div(.id("filters"), .group(StatementStatus.allCases.map { status in
                    .element(named: "button", nodes: [
                        .attribute(named: "type", value: "button"),
                        .class("filter status-\(status.rawValue)"),
                        .data(named: "status", value: status.rawValue),
                        .attribute(named: "aria-pressed", value: "true"),
                        .text(status.rawValue),
                    ])
                })),
                .group(report.documents.map { document($0, report) }),
                catalog(report),
                .script(.raw(script))
            )
        )
        return "<!DOCTYPE html>\n" + html.render(indentedBy: .spaces(1)) + "\n"
    }

    static func summary(_ report: CheckReport) -> String {
        let c = report.run.counts
        return "\(report.run.checks.count) checks: \(c[.passed] ?? 0) passed, \(c[.failed] ?? 0) failed, \(c[.errored] ?? 0) errored. draftcheck \(report.toolVersion)."
    }

    static func document(_ d: LinkedDocument, _ report: CheckReport) -> Node<HTML.BodyContext> {
        let bySection = Dictionary(grouping: d.statements, by: \.statement.section)
        let t = d.coverage.total
        return .element(named: "section", nodes: [
            .class("document"),
            .h2(.text("\(d.identity): \(d.metadata.title)")),
            .p(.class("file"), .text(d.metadata.file)),
            .p(.class("counts"), .group(CoverageTable.columns.map { s in
                .span(.class("badge status-\(s.rawValue)"), .text("\(s.rawValue) \(t.count(s))"))
            })),
            .group(d.sections.compactMap { section -> Node<HTML.BodyContext>? in
                let key = section.number ?? section.title.lowercased()
                guard let statements = bySection[key], !statements.isEmpty else { return nil }
                return .div(.class("section"),
                    .h3(.text("\(section.number.map { "Section \($0). " } ?? "")\(section.title)")),
                    .group(statements.map { statement($0, d, report) }))
            }),
            .group(d.staleClaims.isEmpty ? [] : [
                .h3("Stale claims"),
                .ul(.group(d.staleClaims.map { l in
                    .li(.class("statement status-stale"), .text("\(l.checkID): Section \(l.claim.section): \u{201C}\(l.claim.quote)\u{201D} (\(l.match?.label ?? "not found"))"))
                })),
            ]),
        ])
    }

    static func statement(_ s: LinkedStatement, _ d: LinkedDocument, _ report: CheckReport) -> Node<HTML.BodyContext> {
        let links = CheckReport.links(of: s, in: d)
        var nodes: [Node<HTML.BodyContext>] = [
            .class("statement status-\(s.status.rawValue)"),
            .data(named: "status", value: s.status.rawValue),
            .id("st-" + s.statement.id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()),
            .span(.class("badge status-\(s.status.rawValue)"), .text(s.status.phrase)),
            .span(.class("where"), .text(" paragraph \(s.statement.paragraph), line \(s.statement.location.line) ")),
            .span(.class("levels"), .text(s.statement.levels.joined(separator: " "))),
            .p(.class("text"), .text(s.statement.text)),
        ]
        if let d = s.drift {
            let what = s.isDrifted ? "\(d.label): the clause \u{201C}\(d.clauseFound ?? d.clause)\u{201D} is still there"
                                   : "reworded (\(d.similarityText)): the clause \u{201C}\(d.clause)\u{201D} is gone"
            nodes.append(.p(.class("drift"), .text(what + ". Word by word: " + d.wordDiff)))
        }
        if !links.isEmpty {
            nodes.append(details("Evidence: \(s.checkIDs.joined(separator: ", "))", links.map { l in evidence(l, report) }))
        }
        if let e = s.exemption {
            nodes.append(.p(.class("exemption"), .strong(.text("Not checked (\(e.reason.rawValue)): ")), .text(e.note)))
        }
        return .element(named: "div", nodes: nodes)
    }

    static func evidence(_ l: ClaimLink, _ report: CheckReport) -> Node<HTML.BodyContext> {
        let check = report.run.check(id: l.checkID)
        let result = report.run.result(for: l.checkID)
        let e = result?.evidence ?? Evidence()
        return .div(.class("evidence"),
            .h4(.text("\(l.checkID) (\(result?.outcome.rawValue ?? "not run"), \(l.claim.relation.rawValue), match \(l.match?.label ?? "none")\(l.inheritedFrom.map { ", inherited from \($0)" } ?? ""))")),
            .p(.text(check?.title ?? "")),
            .if(l.claim.rationale != nil, .p(.class("rationale"), .text(l.claim.rationale ?? ""))),
            .if(!e.inputs.isEmpty, .ul(.class("inputs"), .group(e.inputs.map { .li(.strong(.text($0.label + ": ")), .code(.text($0.value))) }))),
            .table(.class("observations"),
                .tr(.th("expectation"), .th("expected"), .th("actual"), .th("")),
                .group(e.observations.map { o in
                    .tr(.class(o.holds ? "holds" : "unmet"), .td(.text(o.label)), .td(.code(.text(o.expected))), .td(.code(.text(o.actual))), .td(.text(o.holds ? "ok" : "UNMET")))
                })),
            .group(e.hexDumps.map { h in details("\(h.label) (\(h.byteCount) bytes)", [.pre(.text(h.hex))]) }),
            .if(!e.kernelCaptures.isEmpty, .p(.class("captures"), .text("Linux af_key captures: " + e.kernelCaptures.joined(separator: ", ")))),
            .group(e.notes.map { .p(.class("note"), .text("Note: " + $0)) })
        )
    }

    /// `<details>` with its summary, in body context (Plot's typed `.details` only takes
    /// details-context children).
    static func details(_ summary: String, _ nodes: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [.element(named: "summary", text: summary)] + nodes)
    }

    static func catalog(_ report: CheckReport) -> Node<HTML.BodyContext> {
        .element(named: "section", nodes: [
            .class("catalog"),
            .h2("Catalog"),
            .table(
                .tr(.th("check"), .th("topic"), .th("dialects"), .th("outcome"), .th("claims")),
                .group(report.checkResults.map { check, result in
                    .tr(.class("outcome-\(result.outcome.rawValue)"),
                        .td(.code(.text(check.id)), .br(), .text(check.title)),
                        .td(.text(check.topic.rawValue)),
                        .td(.text(check.dialects.joined(separator: ", "))),
                        .td(.text(result.outcome.rawValue)),
                        .td(.ul(.group(check.claims.map { c in .li(.text("\(c.relation.rawValue) \(c.document) \(c.section): \u{201C}\(c.quote)\u{201D}")) }))))
                })
            ),
        ])
    }

    static let css = """
    body { font-family: sans-serif; max-width: 72em; margin: 1em auto; padding: 0 1em; color: #222; }
    .statement { border-left: 6px solid #bbb; margin: .6em 0; padding: .3em .6em; background: #fafafa; }
    .statement.hidden { display: none; }
    .statement .text { margin: .3em 0; }
    .badge { display: inline-block; padding: 0 .5em; border-radius: .6em; font-size: .85em; color: #fff; background: #888; margin-right: .4em; }
    .status-supported { border-color: #2e7d32; } .badge.status-supported, button.status-supported { background: #2e7d32; }
    .status-contradicted { border-color: #c62828; background: #fff3f3; } .badge.status-contradicted, button.status-contradicted { background: #c62828; }
    .status-failed, .status-errored { border-color: #6a1b9a; } .badge.status-failed, .badge.status-errored, button.status-failed, button.status-errored { background: #6a1b9a; }
    .status-stale { border-color: #ef6c00; } .badge.status-stale, button.status-stale { background: #ef6c00; }
    .status-exempt { border-color: #90a4ae; } .badge.status-exempt, button.status-exempt { background: #607d8b; }
    .status-unlinked { border-color: #bbb; } .badge.status-unlinked, button.status-unlinked { background: #888; }
    button.filter { color: #fff; border: 0; border-radius: .6em; padding: .2em .8em; margin: 0 .3em .5em 0; cursor: pointer; }
    button.filter[aria-pressed=false] { opacity: .35; }
    table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2em .4em; vertical-align: top; text-align: left; }
    tr.unmet td { background: #ffe0e0; } tr.outcome-failed td, tr.outcome-errored td { background: #f3e5f5; }
    pre { background: #f0f0f0; padding: .4em; overflow-x: auto; } .note { font-style: italic; }
    """

    /// Status filters: pressing a status button hides or shows the statements with it.
    static let script = """
    (function () {
      "use strict";
      var buttons = document.querySelectorAll("button.filter");
      buttons.forEach(function (button) {
        button.addEventListener("click", function () {
          var on = button.getAttribute("aria-pressed") !== "true";
          button.setAttribute("aria-pressed", on ? "true" : "false");
          document.querySelectorAll(".statement[data-status='" + button.dataset.status + "']").forEach(function (el) {
            el.classList.toggle("hidden", !on);
          });
        });
      });
      document.body.dataset.ready = "true";
    })();
    """
}
