import Testing
@testable import Checks

// Placeholder so the target builds until its issue adds real tests; removed then.
@Test func ChecksModuleLinks() { #expect(Bool(true)) }
