import Checks
import PFKey
import PFKeyReference

extension ScenarioRunner {
    /// A `traffic` packet through the reference kernel: outbound, sent `count` times with
    /// its size charged to the SA that protects it; inbound, received on the SA its SPI
    /// names and checked against that SA's selectors. What the kernel sent to listeners
    /// (ACQUIRE, EXPIRE) is encoded and decoded before any expectation reads it; the audit
    /// record is the kernel's own.
    static func runTraffic(_ t: TrafficInput, _ item: KernelStep.Item, _ kernel: inout ReferenceKernel, dialect: Dialect,
                           _ label: String, _ ctx: inout CheckContext) throws {
        guard let src = IPAddress(t.source), let dst = IPAddress(t.destination) else {
            throw CheckError(.setupFailed, "\(label): packet addresses do not parse")
        }
        let size = t.length.map { ", \($0) bytes" } ?? ""
        if t.inbound {
            guard let outer = IPAddress(t.outerDestination ?? t.destination) else { throw CheckError(.setupFailed, "\(label): outer destination does not parse") }
            ctx.input("\(label): inbound packet", "SPI \(t.spi) satype \(t.saType) to \(outer): proto \(t.proto) \(t.source) -> \(t.destination)\(size)")
            let result = kernel.receive(ReferenceKernel.InboundPacket(saType: SAType(rawValue: t.saType), spi: t.spi, outerDestination: outer,
                                                                      source: src, destination: dst, proto: t.proto, length: t.length))
            if let expected = item.packetAction { ctx.expect("\(label): inbound packet", result.action.rawValue, equals: expected) }
            try listenerMessages(result.messages, item, dialect: dialect, label, &ctx)
            expectAudit([], item, label, &ctx)
            return
        }
        ctx.input("\(label): packet", "\(t.count) x proto \(t.proto) \(t.source):\(t.sourcePort) -> \(t.destination):\(t.destinationPort)\(size)")
        let result = kernel.send(ReferenceKernel.OutboundPacket(source: src, destination: dst, proto: t.proto, sourcePort: t.sourcePort, destinationPort: t.destinationPort),
                                 length: t.length, count: t.count)
        if let expected = item.packetAction { ctx.expect("\(label): the last packet meets", name(result.action), equals: expected) }
        if let spi = item.packetSPI { ctx.expect("\(label): SPI the packet is protected with", Self.spi(result.action), equals: String(spi)) }
        if let n = item.traffic?.protectedCount { ctx.expect("\(label): packets protected", result.protected, equals: n) }
        try listenerMessages(result.messages, item, dialect: dialect, label, &ctx)
        expectAudit(result.audit, item, label, &ctx)
    }

    static func expectAudit(_ records: [AuditRecord], _ item: KernelStep.Item, _ label: String, _ ctx: inout CheckContext) {
        guard let fields = item.traffic?.audit else { return }
        guard let r = records.first else {
            ctx.expect("\(label): audit record", "none", equals: fields.isEmpty ? "none" : "a record")
            return
        }
        if fields.isEmpty { ctx.expect("\(label): audit record", "\(r.event) SPI \(r.spi)", equals: "none") }
        for (name, value) in fields {
            let actual: String = switch name {
            case "event": r.event
            case "spi": String(r.spi)
            case "time": String(r.time)
            case "local": r.localAddress.description
            case "remote": r.remoteAddress.description
            default: r.selectors
            }
            ctx.expect("\(label): audit record \(name)", actual, equals: value)
        }
    }
}
