/// The SPD file of `draftcheck ts decorrelate`, entries in order:
/// `{"entries": [{"name", "action": "PROTECT"|"BYPASS"|"DISCARD", "pfp": ["remoteAddress", ...],
///   "selectors": [{"local": "A/len", "remote": "A-B", "protocol": 6, "localPorts": "any",
///   "remotePorts": "80"}]}]}`. Addresses as "A", "A-B" or "A/len"; ports as "any",
/// "opaque", "N" or "N-M"; protocol 0 or absent is any.
public struct SPDRecord: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var name: String
        public var action: SPDAction
        public var pfp: [String]?
        public var selectors: [SelectorSetRecord]
    }

    public struct SelectorSetRecord: Codable, Hashable, Sendable {
        public var local: String
        public var remote: String
        public var `protocol`: UInt8?
        public var localPorts: String?
        public var remotePorts: String?
    }

    public var entries: [Entry]

    public func spd() throws -> SPD {
        SPD(entries: try entries.map { e in
            guard !e.selectors.isEmpty else { throw TSError(.invalidValue, "entry \(e.name) has no selector set", rule: "RFC 4301 4.4.1.2") }
            var flags: PFPFlags = []
            for name in e.pfp ?? [] {
                guard let f = PFPFlags.names.first(where: { $0.0 == name })?.1 else {
                    throw TSError(.invalidValue, "unknown PFP flag \(name); known: \(PFPFlags.names.map(\.0).joined(separator: ", "))")
                }
                flags.insert(f)
            }
            return SPDEntry(name: e.name, selectorSets: try e.selectors.map {
                try SPDSelectorSet(local: $0.local, remote: $0.remote, protocol: $0.protocol ?? 0,
                                   localPorts: $0.localPorts ?? "any", remotePorts: $0.remotePorts ?? "any")
            }, pfp: flags, action: e.action)
        })
    }
}

/// A decorrelated SPD as JSON: each fragment with its origin entry. Protocol and ports are
/// text because decorrelation can produce sets a single number cannot say ("7-255").
public struct DecorrelationRecord: Codable, Hashable, Sendable {
    public struct Fragment: Codable, Hashable, Sendable {
        public var origin: Int
        public var originName: String
        public var action: SPDAction
        public var local: String
        public var remote: String
        public var `protocol`: String
        public var localPorts: String
        public var remotePorts: String
    }

    public var entries: Int
    public var fragments: [Fragment]

    public init(original: SPD, decorrelated: DecorrelatedSPD) {
        entries = original.entries.count
        fragments = decorrelated.fragments.map { f in
            Fragment(origin: f.origin, originName: f.originName, action: f.action,
                     local: f.selectorSet.local.description, remote: f.selectorSet.remote.description,
                     protocol: f.selectorSet.ipProtocol.description,
                     localPorts: f.selectorSet.localPorts.description, remotePorts: f.selectorSet.remotePorts.description)
        }
    }
}
