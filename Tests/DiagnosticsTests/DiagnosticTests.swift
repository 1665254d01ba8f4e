import Diagnostics
import Testing

/// A module error as each module writes one; description and rule come from the defaults.
private struct SampleError: Diagnostic {
    typealias Code = DiagnosticCode<SampleError>
    var code: Code
    var message: String
    var diagnosticLocation: DiagnosticLocation?
    var category: DiagnosticCategory { .invalidInput }
}

extension DiagnosticCode where Domain == SampleError {
    static var truncated: Self { Self("truncated") }
    static var overrun: Self { Self("overrun") }
}

@Suite struct DiagnosticTests {
    @Test func equalityAndHashCompareTheCodeOnly() {
        let a = SampleError(code: .truncated, message: "at 4")
        let b = SampleError(code: .truncated, message: "at 9", diagnosticLocation: .byteOffset(9))
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != SampleError(code: .overrun, message: "at 4"))
    }

    @Test func anErrorOfAnyModuleNamesItsCodeAndReportLine() {
        let error: any Error = SampleError(code: .overrun, message: "12 bytes past the end")
        let diagnostic = error as? any Diagnostic
        #expect(diagnostic?.codeName == "overrun")
        #expect(diagnostic?.reportLine == "error: overrun: 12 bytes past the end")
        #expect(diagnostic?.description == "overrun: 12 bytes past the end")
        #expect(diagnostic?.ruleBroken == nil)
        #expect(diagnostic?.diagnosticLocation == nil)
    }

    @Test func codesSwitchAndEncodeAsTheirNames() throws {
        let code = SampleError.Code.truncated
        switch code {
        case .truncated: break
        default: Issue.record("switch did not match .truncated")
        }
        #expect(code.rawValue == "truncated")
        #expect(SampleError.Code(rawValue: "overrun") == .overrun)
    }

    @Test(arguments: [
        (DiagnosticLocation.byteOffset(40), "offset 40"),
        (.file("errata/x.md"), "errata/x.md"),
        (.fileLine(file: "errata/x.md", line: 3), "errata/x.md:3"),
        (.fileLineColumn(file: "d.xml", line: 3, column: 7), "d.xml:3:7"),
    ])
    func locationsReadAsCompilersWriteThem(_ location: DiagnosticLocation, _ text: String) {
        #expect(location.description == text)
    }
}
