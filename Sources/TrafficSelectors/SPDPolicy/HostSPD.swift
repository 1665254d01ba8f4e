/// A host's SPD with entries applications create (RFC 4301 4.4.1, "Management Interface":
/// "applications MAY be allowed to create SPD entries"), under the administrator's two
/// settings: whether applications may create entries at all, and which of them may
/// override the (default) system policy.
public struct HostSPD: Sendable {
    /// Where the entry that decided a packet came from.
    public enum Origin: String, Hashable, Sendable {
        case system, application
    }

    public let system: [SPDEntry]
    public private(set) var applicationEntries: [String: [SPDEntry]] = [:]
    /// Administrator: applications may create entries.
    public var applicationsMayCreateEntries: Bool
    /// Administrator: the applications whose entries override the system policy. The
    /// others' entries only decide traffic the system entries leave undecided.
    public var mayOverrideSystemPolicy: Set<String>

    public init(system: [SPDEntry], applicationsMayCreateEntries: Bool, mayOverrideSystemPolicy: Set<String> = []) {
        self.system = system
        self.applicationsMayCreateEntries = applicationsMayCreateEntries
        self.mayOverrideSystemPolicy = mayOverrideSystemPolicy
    }

    /// An application's request for an entry on its own traffic; throws `notPermitted`
    /// when the administrator does not let applications create entries.
    public mutating func addEntry(_ entry: SPDEntry, forApplication application: String) throws {
        guard applicationsMayCreateEntries else {
            throw TSError(.notPermitted, "application \(application) may not create SPD entries (administrator setting)", rule: "RFC 4301 4.4.1")
        }
        applicationEntries[application, default: []].append(entry)
    }

    /// The entry deciding a packet sent by `application` (nil: a packet of no application,
    /// e.g. forwarded): its entries first when it may override the system policy, else
    /// after the system's.
    public func lookup(_ packet: SPDPacket, application: String?) -> (entry: SPDEntry, origin: Origin)? {
        let own = application.flatMap { applicationEntries[$0] } ?? []
        let overrides = application.map { mayOverrideSystemPolicy.contains($0) } ?? false
        let ordered: [(SPDEntry, Origin)] = overrides
            ? own.map { ($0, .application) } + system.map { ($0, .system) }
            : system.map { ($0, .system) } + own.map { ($0, .application) }
        let spd = SPD(entries: ordered.map(\.0))
        return spd.lookup(packet).map { ordered[$0] }
    }
}
