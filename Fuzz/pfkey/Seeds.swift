// Writes the fuzz seed corpus (valid messages of every family) into the directory given.
import Foundation
import PFKey
import PFKeyReference

@main struct Seeds {
    static func main() throws {
        let dir = CommandLine.arguments[1]
        let all = Dialect.Name.allCases.flatMap { n in SampleMessages.covering(.named(n)).map { ($0, Dialect.named(n)) } }
            + [(KernelSamples.addReply(), Dialect.linux), (KernelSamples.acquire(combinations: 20), .linux), (KernelSamples.spdAddReply(), .linux)]
        for (i, (message, dialect)) in all.enumerated() {
            let bytes = try message.encode(dialect: dialect)
            try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/seed-\(i)-\(message.type.name).bin"))
        }
    }
}
