import Testing
@testable import DraftDocument

// Placeholder so the target builds until its issue adds real tests; removed then.
@Test func DraftDocumentModuleLinks() { #expect(Bool(true)) }
