/// A narrowing scenario run against real IKEv2 daemons (Tests/Fixtures/daemons/*.json,
/// recorded by scripts/uml-ike): draftcheck's own inputs of `ts narrow` plus, per
/// responder, what the daemon did. Fields the replay does not need (kernel policies, log
/// evidence, the daemon's configuration) stay in the file and are not decoded.
public struct DaemonCaptureRecord: Codable, Sendable {
    public struct Proposal: Codable, Sendable {
        public var tsi: [SelectorRecord]
        public var tsr: [SelectorRecord]
    }

    public struct Outcome: Codable, Sendable {
        public var version: String?
        /// The scenario's policy cannot be written in this daemon's configuration.
        public var notExpressible: String?
        /// The TSi/TSr as this responder logged them (pluto leaves out what it could not
        /// parse, and logs nothing for a payload it refused whole).
        public var received: Proposal?
        public var childSA: Bool?
        public var notifies: [String]?
        /// What the responder returned (empty when no Child SA was made).
        public var tsi: [SelectorRecord]?
        public var tsr: [SelectorRecord]?
        /// Why the profile is allowed to differ here (a daemon quirk not modelled).
        public var explained: String?
    }

    public var description: String
    public var origin: String?
    public var trigger: Bool?
    public var policy: PolicyRecord
    public var tsi: PayloadRecord
    public var tsr: PayloadRecord
    /// The TSi/TSr as they went on the wire (as the strongSwan responder logged them): what
    /// the replay narrows. strongSwan as initiator leaves out a selector contained in
    /// another, so this can be shorter than `tsi`/`tsr`.
    public var proposal: Proposal?
    public var daemons: [String: Outcome]?
}

/// Which daemon capture judges a profile.
extension NarrowingProfile {
    /// The responder key in a capture's "daemons" whose behaviour this profile models;
    /// nil for the RFC.
    public var daemon: String? {
        switch self {
        case .rfc7296: nil
        case .strongswan: "strongswan"
        case .libreswan: "libreswan"
        case .libreswanNarrowing: "libreswan-narrowing"
        }
    }
}

/// A profile's answer set beside a daemon's, compared as traffic covered.
public struct DaemonComparison: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Same Child SA decision, same notifies, same traffic on each side.
        case agreed
        /// Different, with the reason written in the capture.
        case explained
        case disagreed
    }

    public var scenario: String
    public var profile: NarrowingProfile
    public var daemon: String
    public var verdict: Verdict
    /// What differs (empty when agreed).
    public var differences: [String]
    public var explanation: String?
}

public enum DaemonAgreement {
    /// Compares `profile` with its daemon on one capture; nil when the capture holds no
    /// result of that daemon (not recorded, or the policy is not expressible there).
    public static func compare(scenario: String, capture: DaemonCaptureRecord, profile: NarrowingProfile, daemon: String? = nil) throws -> DaemonComparison? {
        guard let key = daemon ?? profile.daemon, let outcome = capture.daemons?[key], outcome.notExpressible == nil,
              let childSA = outcome.childSA else { return nil }
        let policy = try capture.policy.policy()
        let tsi: TSPayload, tsr: TSPayload
        if let wire = capture.proposal {
            tsi = TSPayload(kind: .initiator, selectors: try wire.tsi.map { try $0.selector() })
            tsr = TSPayload(kind: .responder, selectors: try wire.tsr.map { try $0.selector() })
        } else {
            tsi = try capture.tsi.payload()
            tsr = try capture.tsr.payload()
        }
        let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: profile)
        var diffs: [String] = []
        if result.isAccepted != childSA {
            diffs.append(childSA ? "the daemon made a Child SA, the profile refuses (\(result.notify?.name ?? "no notify"))"
                                 : "the daemon refused, the profile accepts")
        }
        let daemonNotifies = Set(outcome.notifies ?? [])
        let profileNotifies: Set<String> = result.notify.map { [$0.name] } ?? []
        if daemonNotifies != profileNotifies {
            diffs.append("notifies: daemon \(sorted(daemonNotifies)), profile \(sorted(profileNotifies))")
        }
        if childSA && result.isAccepted {
            let dTSi = try (outcome.tsi ?? []).map { try $0.trafficSelector() }
            let dTSr = try (outcome.tsr ?? []).map { try $0.trafficSelector() }
            if SelectorSet(dTSi) != SelectorSet(result.tsi) {
                diffs.append("TSi: daemon \(list(dTSi)), profile \(list(result.tsi))")
            }
            if SelectorSet(dTSr) != SelectorSet(result.tsr) {
                diffs.append("TSr: daemon \(list(dTSr)), profile \(list(result.tsr))")
            }
        }
        let verdict: DaemonComparison.Verdict = diffs.isEmpty ? .agreed : (outcome.explained != nil && daemon == nil ? .explained : .disagreed)
        return DaemonComparison(scenario: scenario, profile: profile, daemon: key, verdict: verdict, differences: diffs,
                                explanation: verdict == .explained ? outcome.explained : nil)
    }

    private static func list(_ l: [TrafficSelector]) -> String { "[" + l.map(\.description).joined(separator: ", ") + "]" }

    private static func sorted(_ s: Set<String>) -> String { "[" + s.sorted().joined(separator: ", ") + "]" }
}

/// The agreement of every profile with its daemon over a set of captures.
public struct AgreementReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var profile: NarrowingProfile
        public var daemon: String
        public var agreed = 0
        public var explained = 0
        public var disagreed = 0
        /// Captures without this daemon's result (not expressible in its configuration).
        public var notApplicable = 0
        public var total: Int { agreed + explained + disagreed }
    }

    public var scenarios: Int
    /// One row per daemon-modelling profile (strongswan, libreswan, libreswan-narrowing).
    public var rows: [Row]
    /// The RFC profile against each daemon: informational, the RFC models neither.
    public var rfcRows: [Row]
    /// Every comparison that did not agree (explained ones first), in scenario order.
    public var differences: [DaemonComparison]
    /// Scenarios where the RFC profile's answer differs from every daemon's (the
    /// "independent peer" evidence that an implementation reading departs from the RFC).
    public var rfcDiffersFromEveryDaemon: [String]

    public init(captures: [(name: String, capture: DaemonCaptureRecord)]) throws {
        scenarios = captures.count
        let modelled = NarrowingProfile.allCases.filter { $0.daemon != nil }
        rows = modelled.map { Row(profile: $0, daemon: $0.daemon!) }
        rfcRows = modelled.map { Row(profile: .rfc7296, daemon: $0.daemon!) }
        var explained: [DaemonComparison] = [], disagreed: [DaemonComparison] = []
        rfcDiffersFromEveryDaemon = []
        for (name, capture) in captures {
            var rfcSame = 0, rfcCompared = 0
            for (k, p) in modelled.enumerated() {
                if let c = try DaemonAgreement.compare(scenario: name, capture: capture, profile: p) {
                    switch c.verdict {
                    case .agreed: rows[k].agreed += 1
                    case .explained: rows[k].explained += 1; explained.append(c)
                    case .disagreed: rows[k].disagreed += 1; disagreed.append(c)
                    }
                } else {
                    rows[k].notApplicable += 1
                }
                if let c = try DaemonAgreement.compare(scenario: name, capture: capture, profile: .rfc7296, daemon: p.daemon) {
                    rfcCompared += 1
                    if c.verdict == .agreed { rfcRows[k].agreed += 1; rfcSame += 1 } else { rfcRows[k].disagreed += 1 }
                } else {
                    rfcRows[k].notApplicable += 1
                }
            }
            if rfcCompared > 0 && rfcSame == 0 { rfcDiffersFromEveryDaemon.append(name) }
        }
        differences = explained + disagreed
    }

    public var text: String {
        var out = ["Narrowing profiles against real daemons: \(scenarios) scenarios", ""]
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        out.append(pad("profile", 21) + pad("agreed", 10) + pad("explained", 11) + pad("disagreed", 11) + "not expressible")
        for r in rows {
            out.append(pad(r.profile.rawValue, 21) + pad("\(r.agreed)/\(r.total)", 10) + pad("\(r.explained)", 11) + pad("\(r.disagreed)", 11) + "\(r.notApplicable)")
        }
        out.append("")
        out.append("rfc7296 (the RFC, a model of neither) beside each daemon:")
        for r in rfcRows { out.append("  \(pad(r.daemon, 21))same answer in \(r.agreed)/\(r.total)") }
        if !rfcDiffersFromEveryDaemon.isEmpty {
            out.append("  differs from every daemon in \(rfcDiffersFromEveryDaemon.count): \(rfcDiffersFromEveryDaemon.joined(separator: ", "))")
        }
        for (title, verdict) in [("Explained differences", DaemonComparison.Verdict.explained), ("Disagreements", .disagreed)] {
            let list = differences.filter { $0.verdict == verdict }
            guard !list.isEmpty else { continue }
            out.append("")
            out.append("\(title):")
            for c in list {
                out.append("  \(c.profile.rawValue) \(c.scenario): " + (c.explanation.map { $0 + " -- " } ?? "") + c.differences.joined(separator: "; "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// The agreement report as JSON.
public struct AgreementReportRecord: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public var profile: String
        public var daemon: String
        public var agreed: Int
        public var explained: Int
        public var disagreed: Int
        public var total: Int
        public var notExpressible: Int
    }

    public struct Difference: Codable, Hashable, Sendable {
        public var profile: String
        public var scenario: String
        public var verdict: DaemonComparison.Verdict
        public var explanation: String?
        public var differences: [String]
    }

    public var scenarios: Int
    public var profiles: [Row]
    public var rfc7296: [Row]
    /// Scenarios where rfc7296 answers unlike every daemon.
    public var rfc7296DiffersFromEveryDaemon: [String]
    public var differences: [Difference]

    public init(_ r: AgreementReport) {
        func row(_ x: AgreementReport.Row) -> Row {
            Row(profile: x.profile.rawValue, daemon: x.daemon, agreed: x.agreed, explained: x.explained, disagreed: x.disagreed, total: x.total, notExpressible: x.notApplicable)
        }
        scenarios = r.scenarios
        profiles = r.rows.map(row)
        rfc7296 = r.rfcRows.map(row)
        rfc7296DiffersFromEveryDaemon = r.rfcDiffersFromEveryDaemon
        differences = r.differences.map {
            Difference(profile: $0.profile.rawValue, scenario: $0.scenario, verdict: $0.verdict, explanation: $0.explanation, differences: $0.differences)
        }
    }
}
