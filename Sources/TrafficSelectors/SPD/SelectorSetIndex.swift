/// Finds the lowest-numbered selector set containing a packet without scanning them all:
/// per family, a segment tree over the elementary intervals of the remote address ranges.
/// Each set is stored in the O(log n) canonical nodes covering its remote range, in
/// ascending number; a lookup walks one root-to-leaf path and, in each node's list, stops
/// at the first set that matches or that cannot beat the best so far. Memory O(n log n).
final class SelectorSetIndex: Sendable {
    private struct Tree: Sendable {
        /// Sorted starts of the elementary intervals; interval k is [bounds[k], bounds[k+1]-1].
        var bounds: [UInt128] = []
        /// Node lists of set numbers, heap-ordered (node 1 the root).
        var nodes: [[Int32]] = []
        var leaves = 0
    }

    private let sets: [SPDSelectorSet]
    private let trees: [IPFamily: Tree]

    /// `sets` in priority order: the index of a set is its number.
    init(_ sets: [SPDSelectorSet]) {
        self.sets = sets
        var trees: [IPFamily: Tree] = [:]
        for family in IPFamily.allCases {
            let members = sets.indices.filter { sets[$0].family == family }
            guard !members.isEmpty else { continue }
            var points = Set<UInt128>()
            for i in members {
                points.insert(sets[i].remote.start)
                if sets[i].remote.end < UInt128.max { points.insert(sets[i].remote.end + 1) }
            }
            var tree = Tree()
            tree.bounds = points.sorted()
            tree.leaves = tree.bounds.count
            var size = 1
            while size < tree.leaves { size <<= 1 }
            tree.nodes = Array(repeating: [], count: 2 * size)
            for i in members {
                let lo = SelectorSetIndex.leaf(of: sets[i].remote.start, in: tree.bounds)!
                let hi = SelectorSetIndex.leaf(of: sets[i].remote.end, in: tree.bounds)!
                SelectorSetIndex.insert(Int32(i), lo, hi, node: 1, nodeLo: 0, nodeHi: size - 1, into: &tree.nodes)
            }
            trees[family] = tree
        }
        self.trees = trees
    }

    /// The elementary interval holding `address`, or nil below the first bound.
    private static func leaf(of address: UInt128, in bounds: [UInt128]) -> Int? {
        var lo = 0, hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] <= address { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    private static func insert(_ id: Int32, _ lo: Int, _ hi: Int, node: Int, nodeLo: Int, nodeHi: Int, into nodes: inout [[Int32]]) {
        if lo <= nodeLo && nodeHi <= hi {
            nodes[node].append(id)
            return
        }
        let mid = (nodeLo + nodeHi) / 2
        if lo <= mid { insert(id, lo, hi, node: 2 * node, nodeLo: nodeLo, nodeHi: mid, into: &nodes) }
        if hi > mid { insert(id, lo, hi, node: 2 * node + 1, nodeLo: mid + 1, nodeHi: nodeHi, into: &nodes) }
    }

    /// The lowest set number containing `packet`, or nil.
    func firstMatch(_ packet: SPDPacket) -> Int? {
        guard let tree = trees[packet.family], let k = SelectorSetIndex.leaf(of: packet.remote, in: tree.bounds) else { return nil }
        var best = Int32.max
        var node = 1, nodeLo = 0, nodeHi = tree.nodes.count / 2 - 1
        while true {
            for id in tree.nodes[node] {
                if id >= best { break }
                if sets[Int(id)].contains(packet) { best = id; break }
            }
            if nodeLo == nodeHi { break }
            let mid = (nodeLo + nodeHi) / 2
            if k <= mid { node = 2 * node; nodeHi = mid } else { node = 2 * node + 1; nodeLo = mid + 1 }
        }
        return best == Int32.max ? nil : Int(best)
    }
}
