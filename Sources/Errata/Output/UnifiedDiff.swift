import DraftDocument

/// Unified diffs (the format `diff -u`, `git apply` and `patch` read), line by line on raw
/// bytes so that a source's bytes survive exactly, with Myers' algorithm underneath
/// (`CollectionDifference`).
public enum UnifiedDiff {
    /// The diff from `old` to `new`, with `---`/`+++` headers naming `oldLabel` and
    /// `newLabel` as given (pass "a/PATH" and "b/PATH" for `git apply` and `patch -p1`).
    /// Empty when the two are identical.
    public static func make(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> [UInt8] {
        let a = lines(old), b = lines(new)
        let ops = EditScript.myers(a, b)
        var positioned: [(op: EditOp<ArraySlice<UInt8>>, old: Int, new: Int)] = []
        var i = 0, j = 0
        for op in ops {
            positioned.append((op, i, j))
            switch op {
            case .equal: i += 1; j += 1
            case .delete: i += 1
            case .insert: j += 1
            }
        }
        let changes = positioned.indices.filter { if case .equal = positioned[$0].op { false } else { true } }
        guard !changes.isEmpty else { return [] }

        var out: [UInt8] = Array("--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
        var k = 0
        while k < changes.count {
            let start = max(0, changes[k] - context)
            var last = changes[k]
            while k + 1 < changes.count, changes[k + 1] - last <= 2 * context + 1 {
                k += 1
                last = changes[k]
            }
            let end = min(positioned.count - 1, last + context)
            let hunk = positioned[start...end]
            let oldCount = hunk.filter { if case .insert = $0.op { false } else { true } }.count
            let newCount = hunk.filter { if case .delete = $0.op { false } else { true } }.count
            let oldStart = oldCount == 0 ? hunk.first!.old : hunk.first!.old + 1
            let newStart = newCount == 0 ? hunk.first!.new : hunk.first!.new + 1
            out.append(contentsOf: Array("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n".utf8))
            for entry in hunk {
                let (mark, line): (UInt8, ArraySlice<UInt8>) = switch entry.op {
                case .equal(let l): (0x20, l)
                case .delete(let l): (UInt8(ascii: "-"), l)
                case .insert(let l): (UInt8(ascii: "+"), l)
                }
                out.append(mark)
                out.append(contentsOf: line)
                if line.last != 0x0A {
                    out.append(contentsOf: Array("\n\\ No newline at end of file\n".utf8))
                }
            }
            k += 1
        }
        return out
    }

    /// Text convenience: the diff of two strings, as a string.
    public static func make(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        String(decoding: make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: oldLabel, newLabel: newLabel, context: context), as: UTF8.self)
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Lines with their line feed (the last may have none), so that a change of the final
    /// line break is a change of that line.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }
}
