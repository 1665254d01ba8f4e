import Testing
@testable import DraftDocument

@Suite struct ByteSearchTests {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func oneNeedleEveryOccurrenceOverlappingOnesToo() {
        #expect(ByteSearch.all(bytes("aa"), in: bytes("aaaa")) == [0, 1, 2])
        #expect(ByteSearch.all(bytes("MUST"), in: bytes("It MUST, it MUST NOT.")) == [3, 12])
        #expect(ByteSearch.all(bytes("x"), in: bytes("abc")) == [])
    }

    @Test func manyNeedlesOfSeveralLengthsAtOnce() {
        let hay = bytes("The peer MUST send it. The peer MUST NOT send it. send")
        let found = ByteSearch.all(of: [bytes("send"), bytes("The peer MUST"), bytes("send it."), bytes("MUST NOT"), bytes("absent")], in: hay)
        #expect(found == [[14, 41, 50], [0, 23], [14, 41], [32], []])
    }

    @Test func identicalNeedlesEachGetTheirOccurrences() {
        let found = ByteSearch.all(of: [bytes("ab"), bytes("b"), bytes("ab")], in: bytes("abab"))
        #expect(found == [[0, 2], [1, 3], [0, 2]])
    }

    @Test func emptyNeedlesAndNeedlesLongerThanTheHayAreFoundNowhere() {
        #expect(ByteSearch.all(of: [[], bytes("abcd"), bytes("abc")], in: bytes("abc")) == [[], [], [0]])
        #expect(ByteSearch.all(of: [bytes("a")], in: []) == [[]])
    }

    /// Against the plain search, on text of a small alphabet (many near misses and repeats).
    @Test func agreesWithSearchingEachNeedleAlone() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        for _ in 0..<50 {
            let hay = (0..<(200 + next(300))).map { _ in UInt8(ascii: "a") + UInt8(next(3)) }
            let needles = (0..<20).map { _ -> [UInt8] in
                let length = 1 + next(6)
                let start = next(hay.count - length)
                return next(4) == 0 ? (0..<length).map { _ in UInt8(ascii: "a") + UInt8(next(4)) } : Array(hay[start..<(start + length)])
            }
            let plain = needles.map { needle in hay.indices.filter { hay[$0...].starts(with: needle) } }
            #expect(ByteSearch.all(of: needles, in: hay) == plain)
        }
    }

    /// The first occurrence at or after `start`, whichever byte of the needle memchr looks
    /// for, is the plain search's: on a small alphabet, every anchor and several starts,
    /// needles taken from the hay and made up, some as long as the hay or longer.
    @Test func firstFromEveryAnchorIsTheLeftmost() {
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        var compared = 0
        for _ in 0..<300 {
            let hay = (0..<(1 + next(60))).map { _ in UInt8(ascii: "a") + UInt8(next(3)) }
            let length = 1 + next(8)
            let needle: [UInt8] = next(3) == 0 || length > hay.count
                ? (0..<length).map { _ in UInt8(ascii: "a") + UInt8(next(3)) }
                : { let s = next(hay.count - length + 1); return Array(hay[s..<(s + length)]) }()
            for start in [0, next(hay.count + 1), hay.count] {
                let plain = start > hay.count - needle.count ? nil : (start...(hay.count - needle.count)).first { hay[$0...].starts(with: needle) }
                for anchor in needle.indices {
                    #expect(ByteSearch.first(needle, in: hay, from: start, anchor: anchor) == plain, "\(needle) in \(hay) from \(start) anchor \(anchor)")
                    compared += 1
                }
            }
        }
        #expect(compared > 2000)
        // An anchor outside the needle finds nothing rather than reading past it.
        #expect(ByteSearch.first(bytes("ab"), in: bytes("xxab"), anchor: 2) == nil)
    }
}
