import Diagnostics

/// A subject the catalog covers; reports group checks and coverage by it.
public enum CheckTopic: String, Hashable, Sendable, Codable, CaseIterable {
    case pfkey, ts, spd
}

/// An executable check: it drives the reference code (PFKey, TrafficSelectors, SPDBridge)
/// and records evidence; its claims say which specification statements the outcome bears on.
public struct Check: Sendable, Identifiable {
    public typealias Body = @Sendable (inout CheckContext) throws -> Void

    /// Stable, dotted: "ts.narrow.r6-first-choices", "pfkey.acquire.linux-ports-zero".
    public var id: String
    public var title: String
    public var topic: CheckTopic
    /// The dialects or profiles it exercises ("rfc2367", "linux", "kame", "rfc7296", ...).
    public var dialects: [String]
    public var claims: [Claim]
    public var body: Body

    public init(id: String, title: String, topic: CheckTopic, dialects: [String], claims: [Claim], body: @escaping Body) {
        self.id = id
        self.title = title
        self.topic = topic
        self.dialects = dialects
        self.claims = claims
        self.body = body
    }

    /// Runs the body: passed when every expectation held, failed when one did not,
    /// errored when the body threw or recorded no expectation at all (a check that cannot
    /// fail proves nothing).
    public func run(perturbing perturbation: Perturbation? = nil) -> CheckResult {
        var context = CheckContext(perturbation: perturbation)
        let clock = ContinuousClock()
        let start = clock.now
        var outcome: CheckOutcome
        var error: String?
        do {
            try body(&context)
            if context.evidence.observations.isEmpty {
                outcome = .errored
                error = "the check recorded no expectation"
            } else {
                outcome = context.evidence.unmet.isEmpty ? .passed : .failed
            }
        } catch {
            outcome = .errored
            context.note("threw: \(error)")
            return CheckResult(checkID: id, outcome: outcome, evidence: context.evidence, error: String(describing: error), duration: clock.now - start)
        }
        return CheckResult(checkID: id, outcome: outcome, evidence: context.evidence, error: error, duration: clock.now - start)
    }
}

public enum CheckOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case passed, failed, errored
}

public struct CheckResult: Hashable, Sendable {
    public var checkID: String
    public var outcome: CheckOutcome
    public var evidence: Evidence
    /// Why the check errored, when it did.
    public var error: String?
    public var duration: Duration

    public init(checkID: String, outcome: CheckOutcome, evidence: Evidence, error: String? = nil, duration: Duration = .zero) {
        self.checkID = checkID
        self.outcome = outcome
        self.evidence = evidence
        self.error = error
        self.duration = duration
    }
}

/// What a check body writes its evidence into.
public struct CheckContext: Sendable {
    public private(set) var evidence = Evidence()
    /// Set by the perturbation test: one expectation is judged against a changed expected value.
    public let perturbation: Perturbation?

    public init(perturbation: Perturbation? = nil) {
        self.perturbation = perturbation
    }

    /// True when the expectation about to be recorded is the one to perturb.
    var perturbsNext: Bool { perturbation?.observation == evidence.observations.count }

    public mutating func input(_ label: String, _ value: String) {
        evidence.inputs.append(LabeledValue(label, value))
    }

    public mutating func input(_ label: String, _ value: some CustomStringConvertible) {
        input(label, value.description)
    }

    public mutating func hex(_ label: String, _ bytes: [UInt8]) {
        evidence.hexDumps.append(HexDump(label: label, bytes: bytes))
    }

    /// Records that the check compared with a live kernel capture.
    public mutating func capture(_ name: String) {
        if !evidence.kernelCaptures.contains(name) { evidence.kernelCaptures.append(name) }
    }

    public mutating func note(_ text: String) {
        evidence.notes.append(text)
    }

    /// Expects `actual == expected`; returns whether it held.
    @discardableResult
    public mutating func expect<T: Equatable>(_ label: String, _ actual: T, equals expected: T) -> Bool {
        guard perturbsNext else {
            let holds = actual == expected
            evidence.observations.append(Observation(label: label, expected: Self.show(expected), actual: Self.show(actual), holds: holds))
            return holds
        }
        let changed = Perturbation.changed(expected)
        // A value the hook cannot change is perturbed into "anything but it".
        let holds = changed != expected ? actual == changed : actual != expected
        let shown = changed != expected ? Self.show(changed) : "not \(Self.show(expected))"
        evidence.observations.append(Observation(label: label, expected: shown, actual: Self.show(actual), holds: holds))
        return holds
    }

    /// Expects a condition, with the words for what was expected and what was seen.
    @discardableResult
    public mutating func expect(_ label: String, _ holds: Bool, expected: String, actual: String) -> Bool {
        // Perturbed, the check expects the opposite of what it states.
        let (holds, expected) = perturbsNext ? (!holds, "not (\(expected))") : (holds, expected)
        evidence.observations.append(Observation(label: label, expected: expected, actual: actual, holds: holds))
        return holds
    }

    /// Expects `body` to throw an error whose `code` description is `code`.
    @discardableResult
    public mutating func expectRejection(_ label: String, code expected: String, _ body: () throws -> Void) -> Bool {
        // Perturbed, the check expects the input to be accepted.
        let expectsAcceptance = perturbsNext
        let wanted = expectsAcceptance ? "accepted" : "rejected with \(expected)"
        do {
            try body()
            return record(label, expectsAcceptance, expected: wanted, actual: "accepted")
        } catch {
            let actual = Self.code(of: error)
            return record(label, !expectsAcceptance && actual == expected, expected: wanted, actual: "rejected with \(actual): \(error)")
        }
    }

    private mutating func record(_ label: String, _ holds: Bool, expected: String, actual: String) -> Bool {
        evidence.observations.append(Observation(label: label, expected: expected, actual: actual, holds: holds))
        return holds
    }

    /// The code of a module error (every module's error type is a `Diagnostic`), else its description.
    static func code(of error: Error) -> String {
        if let diagnostic = error as? any Diagnostic { return diagnostic.codeName }
        return String(describing: error)
    }

    static func show<T>(_ value: T) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "none" }
            return show(wrapped)
        }
        if let bytes = value as? [UInt8] { return HexDump.format(bytes) }
        if let text = value as? String { return text }
        return String(describing: value)
    }
}
