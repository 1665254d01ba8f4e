/// Finds the lowest-numbered selector set containing a packet without scanning them all:
/// per family, a segment tree over the elementary intervals of the remote address ranges.
/// Each set is stored in the O(log n) canonical nodes covering its remote range, in
/// ascending number; a lookup walks one root-to-leaf path and, in each node's list, stops
/// at the first set that matches or that cannot beat the best so far. Memory O(n log n).
final class SelectorSetIndex: Sendable {
    /// One family's segment tree, its node lists flattened (node k's sets are
    /// `items[offsets[k] ..< offsets[k + 1]]`) so a lookup touches two flat arrays.
    private struct Tree: Sendable {
        /// Sorted starts of the elementary intervals; interval k is [bounds[k], bounds[k+1]-1].
        var bounds: [UInt128] = []
        var offsets: [Int32] = [0, 0]
        var items: [Int32] = []
        /// Leaves in the (power of two) tree; node 1 is the root.
        var size = 1
    }

    /// What is left to check once the tree has placed a packet's remote address inside a
    /// set's remote range: kept compact and contiguous for the hot loop.
    private struct Rest: Sendable {
        var localStart: UInt128
        var localEnd: UInt128
        var localPortLower: UInt32
        var localPortUpper: UInt32
        var remotePortLower: UInt32
        var remotePortUpper: UInt32
        var protocolLower: UInt8
        var protocolUpper: UInt8
    }

    private let rest: [Rest]
    private let ipv4: Tree
    private let ipv6: Tree

    /// `sets` in priority order: the index of a set is its number.
    init(_ sets: [SPDSelectorSet]) {
        rest = sets.map {
            Rest(localStart: $0.local.start, localEnd: $0.local.end,
                 localPortLower: $0.localPorts.lower, localPortUpper: $0.localPorts.upper,
                 remotePortLower: $0.remotePorts.lower, remotePortUpper: $0.remotePorts.upper,
                 protocolLower: $0.ipProtocol.lower, protocolUpper: $0.ipProtocol.upper)
        }
        ipv4 = SelectorSetIndex.build(sets, family: .ipv4)
        ipv6 = SelectorSetIndex.build(sets, family: .ipv6)
    }

    private static func build(_ sets: [SPDSelectorSet], family: IPFamily) -> Tree {
        let members = sets.indices.filter { sets[$0].family == family }
        guard !members.isEmpty else { return Tree() }
        var points = Set<UInt128>()
        for i in members {
            points.insert(sets[i].remote.start)
            if sets[i].remote.end < UInt128.max { points.insert(sets[i].remote.end + 1) }
        }
        var tree = Tree()
        tree.bounds = points.sorted()
        while tree.size < tree.bounds.count { tree.size <<= 1 }
        var lists = Array(repeating: [Int32](), count: 2 * tree.size)
        for i in members {
            let lo = leaf(of: sets[i].remote.start, in: tree.bounds)!
            let hi = leaf(of: sets[i].remote.end, in: tree.bounds)!
            insert(Int32(i), lo, hi, node: 1, nodeLo: 0, nodeHi: tree.size - 1, into: &lists)
        }
        tree.offsets = [0]
        tree.offsets.reserveCapacity(lists.count + 1)
        for list in lists {
            tree.items.append(contentsOf: list)
            tree.offsets.append(Int32(tree.items.count))
        }
        return tree
    }

    /// The elementary interval holding `address`, or nil below the first bound.
    private static func leaf(of address: UInt128, in bounds: [UInt128]) -> Int? {
        bounds.withUnsafeBufferPointer { b in
            var lo = 0, hi = b.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if b[mid] <= address { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : lo - 1
        }
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
        packet.family == .ipv4 ? firstMatch(packet, in: ipv4) : firstMatch(packet, in: ipv6)
    }

    private func firstMatch(_ packet: SPDPacket, in tree: Tree) -> Int? {
        guard let k = SelectorSetIndex.leaf(of: packet.remote, in: tree.bounds) else { return nil }
        // Every set listed on the root-to-leaf path covers the packet's remote address (its
        // canonical nodes lie inside its remote range), so only the rest is checked.
        let lp = packet.localPort, rp = packet.remotePort, proto = packet.ipProtocol, local = packet.local
        var best = Int32.max
        rest.withUnsafeBufferPointer { rest in
            tree.items.withUnsafeBufferPointer { items in
                tree.offsets.withUnsafeBufferPointer { offsets in
                    var node = 1, nodeLo = 0, nodeHi = tree.size - 1
                    while true {
                        var i = Int(offsets[node])
                        let end = Int(offsets[node + 1])
                        while i < end {
                            let id = items[i]
                            if id >= best { break }
                            let r = rest[Int(id)]
                            if r.remotePortLower <= rp, rp <= r.remotePortUpper, r.protocolLower <= proto, proto <= r.protocolUpper,
                               r.localPortLower <= lp, lp <= r.localPortUpper, r.localStart <= local, local <= r.localEnd {
                                best = id
                                break
                            }
                            i += 1
                        }
                        if nodeLo == nodeHi { break }
                        let mid = (nodeLo + nodeHi) / 2
                        if k <= mid { node = 2 * node; nodeHi = mid } else { node = 2 * node + 1; nodeLo = mid + 1 }
                    }
                }
            }
        }
        return best == Int32.max ? nil : Int(best)
    }
}
