import History
import Plot

/// The history as one self-contained page, a timeline: the revisions as columns in date
/// order, one row per statement with a coloured cell per revision (the statement's words in
/// that revision as the cell's tooltip), its story in a `<details>`; the statements never
/// linked in any revision are hidden until asked for; then the errata's adoption.
public enum HistoryHTMLFormat {
    public static func render(_ history: SeriesHistory, toolVersion: String) -> String {
        let tracked = history.statements.filter(\.isTracked).count
        let html = HTML(
            .head(.meta(.charset(.utf8)), .title("draftcheck history: " + history.revisions.map(\.name).joined(separator: ", ")), .style(css)),
            .body(
                .h1("Statement history"),
                .p(.class("summary"), .text(HistoryTextFormat.summaryLine(history) + " draftcheck \(toolVersion).")),
                .element(named: "button", nodes: [
                    .attribute(named: "type", value: "button"), .id("toggle"),
                    .text("show the \(history.statements.count - tracked) statements unlinked in every revision"),
                ]),
                .table(.class("timeline"),
                    .tr(.th("statement"), .group(history.revisions.map(header))),
                    .group(history.statements.map { row($0, history) })
                ),
                .group(history.errata.map { errata($0, history) }),
                .script(.raw(script))
            )
        )
        return "<!DOCTYPE html>\n" + html.render(indentedBy: .spaces(1)) + "\n"
    }

    static func row(_ h: StatementHistory, _ history: SeriesHistory) -> Node<HTML.TableContext> {
        var story: [Node<HTML.BodyContext>] = [.p(.text(h.lifeLine(revisionCount: history.revisions.count)))]
        for span in h.contradictions { story.append(.p(.class("contradiction"), .text("Contradicted: " + span.phrase))) }
        for c in h.clauses { story.append(.p(.text("Clause \u{201C}\(c.clause)\u{201D}: " + c.phrase))) }
        for c in h.changeLines { story.append(.p(.class("diff"), diffNodes(c.text))) }
        let summary: Node<HTML.BodyContext> = .element(named: "summary", nodes: [.code(.text(h.key))])
        let text: Node<HTML.BodyContext> = .p(.class("text"), .text(h.latest?.statement.text ?? ""))
        let details: Node<HTML.BodyContext> = .element(named: "details", nodes: [summary, text] + story)
        let cells: [Node<HTML.TableRowContext>] = (1...max(history.revisions.count, 1)).map { r in cell(h, r) }
        return .tr(.class(h.isTracked ? "tracked" : "untracked"), .td(.class("key"), details), .group(cells))
    }

    static func header(_ r: HistoryRevision) -> Node<HTML.TableRowContext> {
        let date: Node<HTML.BodyContext> = .span(.class("date"), .text(r.date?.description ?? ""))
        return .th(.class("revision"), .text(r.label), .br(), .text(r.name), .br(), date)
    }

    static func cell(_ h: StatementHistory, _ r: Int) -> Node<HTML.TableRowContext> {
        let s = h.status(in: r)
        let classes = "cell status-\(s.verdict.rawValue)" + (s.status == .drifted ? " drifted" : "")
        let title: String = if let cell = h.cells[r - 1] { "r\(r) \(s.phrase): \(cell.statement.text)" } else { "r\(r): absent" }
        let label = s.status == .absent ? "" : s.phrase
        return .td(.class(classes), .attribute(named: "title", value: title), .text(label))
    }

    /// The wdiff notation as spans: [-removed-] and {+added+}.
    static func diffNodes(_ text: String) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "{" }) {
            let next = rest.index(after: open)
            guard next < rest.endIndex else { break }
            let marker = rest[open], sign = rest[next]
            guard (marker == "[" && sign == "-") || (marker == "{" && sign == "+") else {
                nodes.append(.text(String(rest[...open])))
                rest = rest[next...]
                continue
            }
            let close = marker == "[" ? "-]" : "+}"
            guard let end = rest[next...].range(of: close) else { break }
            nodes.append(.text(String(rest[..<open])))
            let inner = String(rest[rest.index(after: next)..<end.lowerBound])
            nodes.append(marker == "[" ? .element(named: "del", text: inner) : .element(named: "ins", text: inner))
            rest = rest[end.upperBound...]
        }
        nodes.append(.text(String(rest)))
        return .group(nodes)
    }

    static func errata(_ e: ErrataHistory, _ history: SeriesHistory) -> Node<HTML.BodyContext> {
        .element(named: "section", nodes: [
            .class("errata"),
            .h2(.text("Errata \(e.file)")),
            .p(.text("Proposed against \(e.errata.document)" + (e.target.map { " (r\($0))" } ?? " (not among the revisions)"))),
            .group(e.blocks.map { b -> Node<HTML.BodyContext> in
                .div(
                    .h3(.text(b.change.heading + ": " + (b.adoptedIn.map { "adopted in r\($0) \(history.revisions[$0 - 1].name)" } ?? "not adopted"))),
                    .table(.class("timeline"),
                        .tr(.group(b.revisions.map(adoptionHeader))),
                        .tr(.group(b.revisions.map(adoptionCell))))
                )
            }),
        ])
    }

    static func adoptionHeader(_ c: ErrataAdoptionCell) -> Node<HTML.TableRowContext> { .th(.text("r\(c.revision)")) }

    static func adoptionCell(_ c: ErrataAdoptionCell) -> Node<HTML.TableRowContext> {
        .td(.class(c.adopted ? "cell status-supported" : "cell"), .text(c.phrase))
    }

    static let css = """
    body { font-family: sans-serif; margin: 1em; color: #222; }
    table.timeline { border-collapse: collapse; margin: 1em 0; }
    table.timeline th, table.timeline td { border: 1px solid #ddd; padding: .2em .5em; vertical-align: top; }
    th.revision { position: sticky; top: 0; background: #f4f4f4; font-weight: normal; }
    th .date { color: #666; font-size: .85em; }
    td.key { max-width: 40em; } td.key .text { font-size: .9em; }
    td.cell, th.revision { min-width: 8em; } td.cell { text-align: center; font-size: .85em; white-space: nowrap; }
    .status-supported { background: #e3f2e5; } .status-contradicted { background: #fbd5d5; font-weight: bold; }
    .status-stale { background: #fde7cf; } .status-failed, .status-errored { background: #ead7f0; }
    .status-unlinked { color: #777; } .status-absent { background: #fafafa; }
    td.cell.drifted { font-style: italic; }
    tr.untracked { display: none; } body.all tr.untracked { display: table-row; }
    del { background: #fdd; } ins { background: #dfd; text-decoration: none; }
    .contradiction { color: #c62828; }
    """

    static let script = """
    document.getElementById('toggle').addEventListener('click', function () { document.body.classList.toggle('all'); });
    """
}
