import Testing
@testable import Normative

// Placeholder so the target builds until its issue adds real tests; removed then.
@Test func NormativeModuleLinks() { #expect(Bool(true)) }
