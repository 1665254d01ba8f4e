import Testing
@testable import SPDBridge

// Placeholder so the target builds until its issue adds real tests; removed then.
@Test func SPDBridgeModuleLinks() { #expect(Bool(true)) }
