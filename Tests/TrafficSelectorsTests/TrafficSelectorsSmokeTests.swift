import Testing
@testable import TrafficSelectors

// Placeholder so the target builds until its issue adds real tests; removed then.
@Test func TrafficSelectorsModuleLinks() { #expect(Bool(true)) }
