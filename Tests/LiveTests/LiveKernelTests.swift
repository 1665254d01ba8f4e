import Foundation
import TestSupport
import Testing

/// The live suite: one User-Mode Linux boot runs every scenario and the differential
/// (scripts/uml .build/debug/pfkey-live); the fresh capture must match the committed one
/// apart from what the kernel picks (seq, pid, SPI values, timestamps).
@Suite(.serialized) struct LiveKernelTests {
    struct Run {
        var capture: CaptureFile
        var status: Int32
        var seconds: Double
        var output: String
        /// The guest ran under QEMU's emulation, scripts/uml's fallback on a host that cannot
        /// run UML (a boot takes 30-40 s there against UML's 5).
        var underQEMU: Bool { output.contains("QEMU seconds ") }
    }

    /// pfkey-live beside the test bundle (LiveTests depends on it, so `swift build` makes it).
    static var pfkeyLive: URL {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent()] {
            let c = dir.appendingPathComponent("pfkey-live")
            if FileManager.default.isExecutableFile(atPath: c.path) { return c }
        }
        return TestEnvironment.packageRoot.appendingPathComponent(".build/debug/pfkey-live")
    }

    /// The one boot of the suite (nil without UML); `liveRun` asks for it only on a host
    /// that can run UML.
    static let run: Run? = {
        guard Peer.uml.path != nil else { return nil }
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/uml").path
        let start = Date()
        guard let r = try? runProcess(script, [pfkeyLive.path], timeout: 400) else { return nil }
        return Run(capture: CaptureFile(text: r.stdout), status: r.status, seconds: Date().timeIntervalSince(start), output: r.stdout + r.stderr)
    }()

    func liveRun() -> Run? {
        if Peer.uml.path == nil {
            let msg = Absence.peer(.uml, neededFor: "the live PF_KEY checks against the Linux af_key")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return nil
        }
        if let problem = Peer.umlHostProblem {
            _ = Absence.hostCannotRun(.uml, problem, neededFor: "the live PF_KEY checks against the Linux af_key")
            return nil
        }
        guard let run = Self.run else { Issue.record("scripts/uml could not be started"); return nil }
        return run
    }

    /// A bound against a hung guest, not a speed target: 60 s under UML, 300 s under QEMU.
    @Test func theGuestRunsEveryScenarioWithinItsBound() throws {
        guard let run = liveRun() else { return }
        #expect(run.status == 0, "scripts/uml failed:\n\(run.output.suffix(3000))")
        #expect(run.capture.result == "PASS")
        let vm = run.underQEMU ? "QEMU" : "UML"
        #expect(run.seconds < (run.underQEMU ? 300 : 60), "\(vm) took \(run.seconds) s")
        FileHandle.standardError.write(Data("LiveKernelTests: \(vm) run took \(String(format: "%.1f", run.seconds)) s\n".utf8))
    }

    @Test func freshCapturesHaveTheCommittedShapes() throws {
        guard let run = liveRun() else { return }
        let committed = CaptureFile.committed
        #expect(run.capture.scenarioNames == committed.scenarioNames)
        for name in requiredScenarios {
            let fresh = (run.capture.scenarios[name] ?? []).map { "\($0.sent ? ">" : "<") \(Shape($0.bytes))" }
            let old = (committed.scenarios[name] ?? []).map { "\($0.sent ? ">" : "<") \(Shape($0.bytes))" }
            #expect(fresh == old, "scenario \(name) changed shape")
        }
    }

    @Test func freshDifferentialVerdictsAreTheCommittedOnes() throws {
        guard let run = liveRun() else { return }
        let fresh = run.capture.mutations.map { "\($0.base) \($0.kind) \($0.kernel) \($0.ours)" }
        let old = CaptureFile.committed.mutations.map { "\($0.base) \($0.kind) \($0.kernel) \($0.ours)" }
        #expect(fresh == old)
    }
}
