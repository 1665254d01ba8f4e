/// An SA in the SAD when the SPD changes: its SPI, the SPD entry it was created for, and
/// its selectors.
public struct ExtantSA: Hashable, Sendable {
    public var spi: UInt32
    public var entry: String
    public var selectors: SPDSelectorSet

    public init(spi: UInt32, entry: String, selectors: SPDSelectorSet) {
        self.spi = spi
        self.entry = entry
        self.selectors = selectors
    }
}

/// An SA whose traffic the changed SPD no longer sends to its entry, with the part that
/// moved and where it went.
public struct AffectedSA: Hashable, Sendable, CustomStringConvertible {
    public var spi: UInt32
    /// The traffic of the SA the new SPD decides otherwise.
    public var traffic: SPDSelectorSet
    /// The entry that now decides it, with its action; nil: no entry matches it.
    public var nowDecidedBy: String?
    public var nowAction: SPDAction?

    public var description: String {
        let by = nowDecidedBy.map { "\($0) (\(nowAction?.rawValue ?? "?"))" } ?? "no entry"
        return "SA 0x\(String(spi, radix: 16)): \(traffic) now meets \(by)"
    }
}

/// What the administrator configured to do with an SA an SPD change affects (RFC 4301
/// 4.4.1, "Handling Changes to the SPD While the System Is Running").
public enum SPDChangeAction: String, Hashable, Sendable, CaseIterable {
    /// Delete the affected SA (its traffic will meet the new policy).
    case deleteAffected = "delete"
    /// Let the affected SA continue unchanged.
    case continueUnchanged = "continue"
}

/// The check of an SPD change's effect on extant SAs, and the configured action.
public enum SPDChangeImpact {
    /// For each SA, the parts of its traffic the new SPD does not send to the PROTECT entry
    /// of the SA's name: the decorrelated new SPD cut down to the SA's selectors.
    public static func affected(by newSPD: SPD, _ sas: [ExtantSA]) throws(TSError) -> [AffectedSA] {
        let fragments = try Decorrelation.decorrelate(newSPD).fragments
        var out: [AffectedSA] = []
        for sa in sas {
            var uncovered = [sa.selectors]
            for f in fragments {
                guard let part = sa.selectors.intersection(f.selectorSet) else { continue }
                uncovered = uncovered.flatMap { $0.intersects(f.selectorSet) ? $0.subtracting(f.selectorSet) : [$0] }
                if f.action != .protect || f.originName != sa.entry {
                    out.append(AffectedSA(spi: sa.spi, traffic: part, nowDecidedBy: f.originName, nowAction: f.action))
                }
            }
            for part in uncovered { out.append(AffectedSA(spi: sa.spi, traffic: part, nowDecidedBy: nil, nowAction: nil)) }
        }
        return out
    }

    /// The SAs kept and deleted under `action`, with what the check found.
    public static func apply(_ newSPD: SPD, to sas: [ExtantSA], action: SPDChangeAction) throws(TSError) -> (kept: [ExtantSA], deleted: [ExtantSA], affected: [AffectedSA]) {
        let affected = try affected(by: newSPD, sas)
        let hit = Set(affected.map(\.spi))
        switch action {
        case .continueUnchanged: return (sas, [], affected)
        case .deleteAffected: return (sas.filter { !hit.contains($0.spi) }, sas.filter { hit.contains($0.spi) }, affected)
        }
    }
}
