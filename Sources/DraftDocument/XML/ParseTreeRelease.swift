import CLibXML2
import Synchronization

/// When libxml2's tree of a parsed XML source is freed, once the model is built from it.
///
/// By default at once: a library, a test run or the corpus mode reads many documents in one
/// process. A program that reads one document and then exits (`draftcheck sections`,
/// `review`, `render`) can leave the tree of a small source to the kernel, which takes back
/// the whole heap at exit at once (the choice clang makes with -disable-free): freeing the
/// tree of rfc9001 (229 KB, some 30,000 nodes) node by node, and the heap consolidation
/// that follows, was a sixteenth of a `draftcheck sections` run. The tree of a large
/// source is still freed, so that its memory serves the rest of the run.
public enum ParseTreeRelease {
    /// The largest source whose tree `leaveSmallTreesToExit()` leaves to the exit: its tree
    /// is some ten times the source, 80 MB at most.
    static let largestLeftToExit = 8 << 20

    private static let leavesSmallTrees = Atomic<Bool>(false)

    /// For a process that exits after reading a document or two: from now on the trees of
    /// sources up to `largestLeftToExit` bytes are not freed.
    public static func leaveSmallTreesToExit() {
        leavesSmallTrees.store(true, ordering: .relaxed)
    }

    /// Whether the tree of a source of `sourceBytes` bytes is freed once its model is built,
    /// when small trees are (or are not) left to the exit.
    static func freesTree(ofSourceBytes sourceBytes: Int, leavingSmallTrees: Bool) -> Bool {
        !(leavingSmallTrees && sourceBytes <= largestLeftToExit)
    }

    static func release(_ document: xmlDocPtr, sourceBytes: Int) {
        if freesTree(ofSourceBytes: sourceBytes, leavingSmallTrees: leavesSmallTrees.load(ordering: .relaxed)) {
            xmlFreeDoc(document)
        }
    }
}
