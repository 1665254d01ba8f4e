import Checks
import Scenarios
import Testing

/// Issue 15: every check must be able to fail. Each check (Swift and scenario file) is run
/// once per expectation with that expectation perturbed (an expected value changed, a
/// rejection expected as an acceptance, a stated condition negated); each run must fail.
@Suite struct PerturbationTests {
    static let catalog: [Check] = (try? ScenarioCatalog.load().checks) ?? Catalog.all

    @Test func theCatalogLoadsWithItsScenarioFiles() throws {
        let loaded = try ScenarioCatalog.load()
        #expect(loaded.checks.count == Catalog.all.count + loaded.scenarios.count)
        #expect(!loaded.scenarios.isEmpty, "no scenario file found under checks/")
    }

    @Test(arguments: catalog.map(\.id))
    func everyExpectationPerturbedFailsTheCheck(id: String) throws {
        let check = try #require(Self.catalog.first { $0.id == id })
        let plain = check.run()
        try #require(plain.outcome == .passed, "\(id) does not pass unperturbed: \(plain.error ?? "") \(plain.evidence.unmet.map(\.label))")
        let count = plain.evidence.observations.count
        #expect(count > 0)
        var stillPassing: [String] = []
        for k in 0..<count {
            let perturbed = check.run(perturbing: Perturbation(observation: k))
            if perturbed.outcome != .failed { stillPassing.append("#\(k) \(plain.evidence.observations[k].label): \(perturbed.outcome)") }
            // The perturbed run judged exactly the expectation it was told to.
            #expect(perturbed.evidence.unmet.map(\.label) == [plain.evidence.observations[k].label] || perturbed.outcome != .failed,
                    "\(id) #\(k): unmet \(perturbed.evidence.unmet.map(\.label))")
        }
        #expect(stillPassing.isEmpty, "\(id): perturbed, these expectations left the check passing: \(stillPassing)")
    }

    @Test func aPerturbedEqualityComparesAgainstAChangedValue() {
        var context = CheckContext(perturbation: Perturbation(observation: 1))
        let first = context.expect("first", 44, equals: 44)
        #expect(first)
        let second = context.expect("second", 45, equals: 45)
        #expect(!second)
        #expect(context.evidence.observations.map(\.expected) == ["44", "46"])
        var strings = CheckContext(perturbation: Perturbation(observation: 0))
        let name = strings.expect("name", "TSi", equals: "TSi")
        #expect(!name)
        #expect(strings.evidence.observations[0].expected == "TSi (perturbed)")
    }

    @Test func aPerturbedRejectionExpectsAcceptance() {
        var context = CheckContext(perturbation: Perturbation(observation: 0))
        #expect(!context.expectRejection("bad", code: "setupFailed") { throw CheckError(.setupFailed, "x") })
        #expect(context.evidence.observations[0].expected == "accepted")
        var accepting = CheckContext(perturbation: Perturbation(observation: 0))
        #expect(accepting.expectRejection("good", code: "setupFailed") {})
    }

    @Test func aValueTheHookCannotChangeIsExpectedToDiffer() {
        enum Colour: Equatable { case red }
        var context = CheckContext(perturbation: Perturbation(observation: 0))
        let colour = context.expect("colour", Colour.red, equals: .red)
        #expect(!colour)
        #expect(context.evidence.observations[0].expected == "not red")
        var absent = CheckContext(perturbation: Perturbation(observation: 0))
        let none = absent.expect("none", Int?.none, equals: nil)
        #expect(!none)
    }
}
