import Glibc
import PFKey

/// Differential strictness: deterministic mutations of valid requests sent to the kernel,
/// one fresh socket each. Prints `MUT <base> <kind> <kernel verdict> <ours> <hex>`; the
/// kernel's verdict is `ok`, `errno:N` (an error reply) or `send:N` (send(2) refused the
/// message with no reply); ours is `ok` or the PFKeyError code of a strict request decode.
struct Differential {
    func run() throws {
        let control = try KeySocket(log: Transcript())
        print("SCENARIO differential")
        var total = 0, agree = 0
        for (name, base) in Mutations.bases() {
            for (kind, bytes) in Mutations.all(of: base) {
                let kernel = try verdict(bytes)
                let ours = Mutations.ourVerdict(bytes)
                total += 1
                if (kernel == "ok") == (ours == "ok") { agree += 1 }
                print("MUT \(name) \(kind) \(kernel) \(ours) \(hex(bytes))")
                try control.request(Message(.flush, saType: .unspecified), record: false)
                try control.request(Message(.spdFlush), record: false)
                control.drain()
            }
        }
        print("DIFFERENTIAL agree \(agree) of \(total)")
    }

    func verdict(_ bytes: [UInt8]) throws -> String {
        let s = try KeySocket(log: Transcript())
        let e = s.sendRaw(bytes, record: false)
        if e != 0 { return "send:\(e)" }
        guard let reply = s.receive(milliseconds: 20) else { return "noreply" }
        return reply.count >= 3 && reply[2] != 0 ? "errno:\(reply[2])" : "ok"
    }
}
