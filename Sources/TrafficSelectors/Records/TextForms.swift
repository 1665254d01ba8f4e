/// The text `draftcheck ts decode|narrow|decorrelate` prints, one line per item; the JSON
/// forms are the records beside this file.
extension TSPayload {
    /// The header line, then one line per selector and per ignored selector.
    public var text: String {
        var out = "\(kind?.name ?? "TS payload"): \(selectors.count + ignored.count) selectors, next payload \(nextPayload)\(critical ? ", critical" : "")\n"
        for selector in selectors {
            switch selector {
            case .addressRange(let t):
                out += "  type \(t.tsType)  protocol \(t.ipProtocol)  ports \(t.ports)  \(t.addresses.startText) - \(t.addresses.endText)\n"
            case .securityLabel(let l):
                out += "  type 10 (TS_SECLABEL)  label \(l.hex)\n"
            }
        }
        for u in ignored {
            // RFC 7296 2.9: a selector of unknown type is skipped.
            out += "  ignored: unknown type \(u.tsType) at offset \(u.offset), \(u.bytes.count) bytes (RFC 7296 2.9)\n"
        }
        return out
    }
}

extension NarrowingResult {
    /// The verdict with the rule that gave it, the notify, the narrowed TSi and TSr, the reasons.
    public var text: String {
        var out = "profile \(profile.rawValue): \(isAccepted ? "accepted" : "refused")\(rule.map { " (rule \($0))" } ?? "")\n"
        if let n = notify { out += "notify \(n.name) (\(n.rawValue))\n" }
        for s in tsi { out += "  TSi \(s)\n" }
        for s in tsr { out += "  TSr \(s)\n" }
        for r in reasons { out += "  - \(r)\n" }
        return out
    }
}

extension DecorrelatedSPD {
    /// The counts, then each fragment with the entry it comes from.
    public func text(original: SPD) -> String {
        var out = "\(original.entries.count) entries -> \(fragments.count) decorrelated fragments\n"
        for f in fragments {
            out += "  [\(f.origin) \(f.originName)] \(f.action.rawValue)  \(f.selectorSet)\n"
        }
        return out
    }
}
