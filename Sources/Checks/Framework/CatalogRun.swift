/// The catalog's checks and what running them gave. Runs are deterministic (the reference
/// code has no clock or randomness), so one run serves every document of an invocation.
public struct CatalogRun: Sendable {
    public var checks: [Check]
    public var results: [String: CheckResult]

    public init(checks: [Check], results: [String: CheckResult]) {
        self.checks = checks
        self.results = results
    }

    /// Runs every check of `checks`, in order.
    public static func run(_ checks: [Check]) -> CatalogRun {
        var results: [String: CheckResult] = [:]
        for check in checks { results[check.id] = check.run() }
        return CatalogRun(checks: checks, results: results)
    }

    public func check(id: String) -> Check? { checks.first { $0.id == id } }

    public func result(for id: String) -> CheckResult? { results[id] }

    /// The checks that passed, failed and errored.
    public var counts: [CheckOutcome: Int] {
        var out: [CheckOutcome: Int] = [:]
        for r in results.values { out[r.outcome, default: 0] += 1 }
        return out
    }
}
