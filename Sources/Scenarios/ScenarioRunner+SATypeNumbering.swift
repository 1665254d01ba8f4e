import Checks
import PFKey

/// The `pfkey` step's `satype-name` expectation (ScenarioParser+SATypeNumbering.swift).
extension ScenarioRunner {
    /// The name the decoded message's `sadb_msg_satype` byte stands for in the step's numbering.
    static func expectSATypeName(_ s: PFKeyStep, _ decoded: Result<Message, Error>, _ label: String, _ ctx: inout CheckContext) {
        guard let numbering = s.saTypeNumbering, let expected = s.expectSATypeName else { return }
        guard case .success(let m) = decoded else {
            ctx.expect("\(label): SA type by name (\(numbering.rawValue) numbering)", "not decoded", equals: expected)
            return
        }
        let byte = m.saType.rawValue
        ctx.expect("\(label): SA type \(byte) by name (\(numbering.rawValue) numbering)",
                   numbering.saType(number: byte)?.name ?? "no SA type \(byte)", equals: expected)
    }
}
