import DraftDocument
import Plot

extension WordDiff {
    /// The two sides for an HTML table: OLD with `<del>`, NEW with `<ins>`.
    func htmlCells() -> (old: Node<HTML.BodyContext>, new: Node<HTML.BodyContext>) {
        var left: [Node<HTML.BodyContext>] = [], right: [Node<HTML.BodyContext>] = []
        for op in ops {
            switch op {
            case .equal(let w):
                left.append(.text(w + " ")); right.append(.text(w + " "))
            case .delete(let w):
                left.append(.del(.text(w))); left.append(.text(" "))
            case .insert(let w):
                right.append(.ins(.text(w))); right.append(.text(" "))
            }
        }
        return (.group(left), .group(right))
    }
}
