/// Myers' diff in linear space, with its work bounded: what the edit scripts fall back to
/// when two sequences differ too much for the quadratic paths (`CollectionDifference`
/// takes time N x D, the wdiff table N x M cells of memory).
///
/// The method is the middle snake of "An O(ND) Difference Algorithm and Its Variations"
/// (E. Myers, 1986, section 4b): search from both ends at once until the two searches
/// meet, split the problem there and do each half the same way, with two arrays of
/// N + M entries for the whole run. Two bounds keep hostile input in check, as GNU diff
/// does with its `too_expensive` heuristic: a search that passes `tooExpensive` edits
/// splits at the point that got furthest, and once the whole run has spent `budget`
/// steps, what is left is marked removed and inserted whole. Either way the result is an
/// edit script that turns one sequence into the other (possibly longer than the shortest
/// one), in time of the order of N + M + budget.
struct BoundedDiff {
    /// Which elements of each sequence are not common: removed from `a`, inserted from `b`.
    private(set) var removed: [Bool]
    private(set) var inserted: [Bool]
    /// True when neither bound was reached (the script is a shortest one).
    private(set) var isMinimal = true

    private let a: [Int32], b: [Int32]
    private var forward: [Int], backward: [Int]
    /// Diagonal k = x - y is stored at index k + offset.
    private let offset: Int
    private let tooExpensive: Int
    private var budget: Int

    /// Sequences of interned elements (equal elements, equal numbers). `tooExpensive`:
    /// the edits one search may try before it splits where it got furthest (by default
    /// about twice the square root of N + M, at least 256).
    init(_ a: [Int32], _ b: [Int32], budget: Int, tooExpensive: Int? = nil) {
        self.a = a
        self.b = b
        removed = Array(repeating: false, count: a.count)
        inserted = Array(repeating: false, count: b.count)
        let diagonals = a.count + b.count + 3
        forward = Array(repeating: 0, count: diagonals)
        backward = Array(repeating: 0, count: diagonals)
        offset = b.count + 1
        if let tooExpensive {
            self.tooExpensive = max(1, tooExpensive)
        } else {
            var root = 1
            while root * root < a.count + b.count { root += 1 }
            self.tooExpensive = max(256, 2 * root)
        }
        self.budget = budget
        run()
    }

    /// The length of the shortest edit script from `a` to `b` (removals plus insertions),
    /// or nil when it is longer than `limit`: Myers' forward search alone, in time of the
    /// order of (N + M) x limit and memory of the order of min(N + M, limit).
    static func distance(_ a: [Int32], _ b: [Int32], atMost limit: Int) -> Int? {
        let n = a.count, m = b.count
        let low = min(limit, m), high = min(limit, n)
        // furthest[k + low]: the furthest x reached on diagonal k = x - y.
        var furthest = Array(repeating: 0, count: low + high + 1)
        var previous = (low: 1, high: -1)
        for d in 0...limit {
            var kLow = -min(d, m), kHigh = min(d, n)
            if (kLow + d) & 1 != 0 { kLow += 1 }
            if (kHigh + d) & 1 != 0 { kHigh -= 1 }
            var k = kLow
            while k <= kHigh {
                var x = 0
                if d > 0 {
                    // From diagonal k + 1 by an insertion, or from k - 1 by a removal, where
                    // the move stays inside the grid (-1: not reached).
                    let above = k + 1 <= previous.high ? furthest[k + 1 + low] : -1
                    let below = k - 1 >= previous.low ? furthest[k - 1 + low] : -1
                    x = max(above >= 0 && above - (k + 1) < m ? above : -1,
                            below >= 0 && below < n ? below + 1 : -1)
                    if x < 0 { furthest[k + low] = -1; k += 2; continue }
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                if x >= n, y >= m { return d }
                furthest[k + low] = x
                k += 2
            }
            previous = (kLow, kHigh)
        }
        return nil
    }

    /// Boxes still to compare, taken from a stack (a split can be lopsided: recursion
    /// could go as deep as the input is long).
    private mutating func run() {
        var boxes = [(x: 0, xEnd: a.count, y: 0, yEnd: b.count)]
        while let box = boxes.popLast() {
            var (x, xEnd, y, yEnd) = box
            while x < xEnd, y < yEnd, a[x] == b[y] { x += 1; y += 1 }
            while x < xEnd, y < yEnd, a[xEnd - 1] == b[yEnd - 1] { xEnd -= 1; yEnd -= 1 }
            budget -= (x - box.x) + (box.xEnd - xEnd)
            if x == xEnd || y == yEnd || budget <= 0 {
                if x < xEnd, y < yEnd { isMinimal = false }
                for i in x..<xEnd { removed[i] = true }
                for j in y..<yEnd { inserted[j] = true }
                continue
            }
            let (midX, midY) = split(x: x, xEnd: xEnd, y: y, yEnd: yEnd)
            // A split at a corner would not make the problem smaller.
            if (midX == x && midY == y) || (midX == xEnd && midY == yEnd) {
                isMinimal = false
                for i in x..<xEnd { removed[i] = true }
                for j in y..<yEnd { inserted[j] = true }
                continue
            }
            boxes.append((midX, xEnd, midY, yEnd))
            boxes.append((x, midX, y, midY))
        }
    }

    /// A point of a shortest path through the box (the two ends already differ), or, past
    /// the bounds, the point either search got furthest to.
    private mutating func split(x xStart: Int, xEnd: Int, y yStart: Int, yEnd: Int) -> (Int, Int) {
        let lowest = xStart - yEnd, highest = xEnd - yStart
        let forwardMid = xStart - yStart, backwardMid = xEnd - yEnd
        let odd = (forwardMid - backwardMid) & 1 != 0
        var fMin = forwardMid, fMax = forwardMid, bMin = backwardMid, bMax = backwardMid
        forward[forwardMid + offset] = xStart
        backward[backwardMid + offset] = xEnd
        var cost = 0
        while true {
            cost += 1
            // One more edit forward, on every diagonal in reach (-1: none yet).
            if fMin > lowest { fMin -= 1; forward[fMin - 1 + offset] = -1 } else { fMin += 1 }
            if fMax < highest { fMax += 1; forward[fMax + 1 + offset] = -1 } else { fMax -= 1 }
            var k = fMax
            while k >= fMin {
                let below = forward[k - 1 + offset], above = forward[k + 1 + offset]
                var x = below >= above ? below + 1 : above
                var y = x - k
                let start = x
                while x < xEnd, y < yEnd, a[x] == b[y] { x += 1; y += 1 }
                budget -= 1 + x - start
                forward[k + offset] = x
                if odd, bMin <= k, k <= bMax, backward[k + offset] <= x { return (x, y) }
                k -= 2
            }
            // And backward (Int.max: none yet).
            if bMin > lowest { bMin -= 1; backward[bMin - 1 + offset] = Int.max } else { bMin += 1 }
            if bMax < highest { bMax += 1; backward[bMax + 1 + offset] = Int.max } else { bMax -= 1 }
            k = bMax
            while k >= bMin {
                let below = backward[k - 1 + offset], above = backward[k + 1 + offset]
                var x = below < above ? below : above - 1
                var y = x - k
                let start = x
                while x > xStart, y > yStart, a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                budget -= 1 + start - x
                backward[k + offset] = x
                if !odd, fMin <= k, k <= fMax, x <= forward[k + offset] { return (x, y) }
                k -= 2
            }
            guard cost >= tooExpensive || budget <= 0 else { continue }
            isMinimal = false
            // The furthest point reached forward (largest x + y) or backward (smallest),
            // whichever is further from its own end.
            var forwardBest = (sum: -1, x: 0, y: 0)
            k = fMax
            while k >= fMin {
                var x = min(forward[k + offset], xEnd), y = x - k
                if y > yEnd { x = yEnd + k; y = yEnd }
                if x + y > forwardBest.sum { forwardBest = (x + y, x, y) }
                k -= 2
            }
            var backwardBest = (sum: Int.max, x: 0, y: 0)
            k = bMax
            while k >= bMin {
                var x = max(xStart, backward[k + offset]), y = x - k
                if y < yStart { x = yStart + k; y = yStart }
                if x + y < backwardBest.sum { backwardBest = (x + y, x, y) }
                k -= 2
            }
            return forwardBest.sum - (xStart + yStart) >= (xEnd + yEnd) - backwardBest.sum
                ? (forwardBest.x, forwardBest.y) : (backwardBest.x, backwardBest.y)
        }
    }
}
