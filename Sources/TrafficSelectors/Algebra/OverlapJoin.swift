/// Which selectors of two lists have overlapping address ranges, found by sorting and
/// sweeping rather than testing every pair: O((n + m) log(n + m) + k) for k overlaps.
/// Address overlap is necessary for any intersection or containment, so callers test only
/// these pairs.
enum OverlapJoin {
    /// Pairs (i, j) with `a[i].addresses` and `b[j].addresses` overlapping (same family),
    /// sorted by i, then j.
    static func pairs(_ a: [TrafficSelector], _ b: [TrafficSelector]) -> [(Int, Int)] {
        pairs(a.map(\.addresses), b.map(\.addresses))
    }

    static func pairs(_ a: [IPAddressRange], _ b: [IPAddressRange]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        if a.count * b.count <= 256 {
            for i in a.indices {
                for j in b.indices where a[i].family == b[j].family && max(a[i].start, b[j].start) <= min(a[i].end, b[j].end) {
                    out.append((i, j))
                }
            }
            return out
        }
        // Events sorted by (family, start); side 0 is `a`, side 1 is `b`.
        var events: [(family: IPFamily, start: UInt128, end: UInt128, side: Int, index: Int)] = []
        events.reserveCapacity(a.count + b.count)
        for (i, r) in a.enumerated() { events.append((r.family, r.start, r.end, 0, i)) }
        for (j, r) in b.enumerated() { events.append((r.family, r.start, r.end, 1, j)) }
        events.sort { ($0.family, $0.start, $0.side) < ($1.family, $1.start, $1.side) }
        var active: [[(end: UInt128, index: Int)]] = [[], []]
        var family = events.first?.family
        for e in events {
            if e.family != family {
                active = [[], []]
                family = e.family
            }
            let other = 1 - e.side
            active[other].removeAll { $0.end < e.start }
            for o in active[other] {
                out.append(e.side == 0 ? (e.index, o.index) : (o.index, e.index))
            }
            active[e.side].append((e.end, e.index))
        }
        out.sort { $0 < $1 }
        return out
    }
}
