// pfkey-live: runs PF_KEY scenarios against a real kernel's AF_KEY socket (inside
// User-Mode Linux: `scripts/uml .build/debug/pfkey-live`). Prints the capture format of
// Tests/Fixtures/kernel/README.md and a final `RESULT PASS` or `RESULT FAIL` line.
// `pfkey-live scenarios` runs the scenarios only, `pfkey-live differential` the mutations only,
// `pfkey-live seed-flow` the seed's flow whole (not part of `all`: its own capture).
import Glibc

let mode = CommandLine.arguments.dropFirst().first ?? "all"
var failures: [String] = []
do {
    if mode == "all" || mode == "scenarios" {
        var s = Scenarios()
        try s.run()
        failures += s.failures
    }
    if mode == "all" || mode == "differential" {
        try Differential().run()
    }
    if mode == "seed-flow" {
        var s = SeedFlowLive()
        try s.run()
        failures += s.failures
    }
} catch {
    failures.append("\(error)")
}
for f in failures { print("FAILURE \(f)") }
print(failures.isEmpty ? "RESULT PASS" : "RESULT FAIL")
