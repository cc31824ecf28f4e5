import XCTest
@testable import GarterRuntime

/// The substring search algorithms against a naive search, on random and
/// adversarial inputs (no Python needed: the naive search is the oracle).
final class TextSearchTests: XCTestCase {
    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    func naiveFind(_ haystack: [UInt32], _ needle: [UInt32], _ start: Int, _ end: Int) -> Int {
        guard end - start >= needle.count else { return -1 }
        for position in start...(end - needle.count) where Array(haystack[position..<(position + needle.count)]) == needle {
            return position
        }
        return -1
    }

    func naiveRFind(_ haystack: [UInt32], _ needle: [UInt32], _ start: Int, _ end: Int) -> Int {
        guard end - start >= needle.count else { return -1 }
        for position in stride(from: end - needle.count, through: start, by: -1)
        where Array(haystack[position..<(position + needle.count)]) == needle {
            return position
        }
        return -1
    }

    func naiveCount(_ haystack: [UInt32], _ needle: [UInt32]) -> Int {
        var count = 0
        var position = 0
        while true {
            let found = naiveFind(haystack, needle, position, haystack.count)
            if found < 0 { return count }
            count += 1
            position = found + needle.count
        }
    }

    func randomText(_ random: inout Random, length: Int, alphabet: [UInt32]) -> [UInt32] {
        (0..<length).map { _ in alphabet[random.below(alphabet.count)] }
    }

    func testTwoWayAgreesWithNaiveSearch() {
        var random = Random(state: 42)
        let alphabets: [[UInt32]] = [[0x61], [0x61, 0x62], [0x61, 0x62, 0x63], [0x61, 0x1F600, 0xD800, 0x10FFFF]]
        for _ in 0..<3000 {
            let alphabet = alphabets[random.below(alphabets.count)]
            let haystack = randomText(&random, length: random.below(80), alphabet: alphabet)
            var needle = randomText(&random, length: 2 + random.below(10), alphabet: alphabet)
            if random.below(3) == 0 && haystack.count > 4 {
                // A needle that occurs, with a mutation sometimes.
                let start = random.below(haystack.count - 2)
                needle = Array(haystack[start..<min(haystack.count, start + 2 + random.below(12))])
                if random.below(2) == 0 { needle[random.below(needle.count)] = alphabet[random.below(alphabet.count)] }
            }
            let start = random.below(max(1, haystack.count / 3))
            let end = haystack.count - random.below(max(1, haystack.count / 3))
            haystack.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    let forward = TwoWaySearch(ForwardView(base: n))
                    XCTAssertEqual(forward.search(ForwardView(base: h), from: start, end: end),
                                   naiveFind(haystack, needle, start, end), "\(haystack) \(needle) \(start) \(end)")
                    let reversed = TwoWaySearch(ReversedView(base: n))
                    let found = reversed.search(ReversedView(base: h), from: h.count - end, end: h.count - start)
                    XCTAssertEqual(found < 0 ? -1 : h.count - found - n.count, naiveRFind(haystack, needle, start, end))
                    XCTAssertEqual(FastSearch.find(h, n, start: start, end: end), naiveFind(haystack, needle, start, end))
                    XCTAssertEqual(FastSearch.rfind(h, n, start: start, end: end), naiveRFind(haystack, needle, start, end))
                    XCTAssertEqual(FastSearch.count(h, n, start: 0, end: h.count), naiveCount(haystack, needle))
                }
            }
        }
    }

    func testLongInputsTakeTheTwoWayPathCorrectly() {
        var random = Random(state: 7)
        for round in 0..<40 {
            let alphabet: [UInt32] = round % 2 == 0 ? [0x61, 0x62] : [0x61, 0x62, 0x63, 0x64]
            var haystack = randomText(&random, length: 5000 + random.below(3000), alphabet: alphabet)
            let needleLength = 64 + random.below(200)
            var needle = randomText(&random, length: needleLength, alphabet: alphabet)
            if round % 3 != 0 {
                let at = random.below(haystack.count - needleLength)
                haystack.replaceSubrange(at..<(at + needleLength), with: needle)
                if round % 3 == 2 { needle[needleLength - 1 - random.below(4)] ^= 1 }
            }
            haystack.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    XCTAssertEqual(FastSearch.find(h, n, start: 0, end: h.count), naiveFind(haystack, needle, 0, h.count))
                    XCTAssertEqual(FastSearch.rfind(h, n, start: 0, end: h.count), naiveRFind(haystack, needle, 0, h.count))
                }
            }
        }
    }

    /// Inputs that make a naive search quadratic: many partial matches.
    func testAdversarialInputs() {
        let n = 200_000
        let cases: [([UInt32], [UInt32])] = [
            ([UInt32](repeating: 0x61, count: n), [UInt32](repeating: 0x61, count: 1000) + [0x62]),
            ([UInt32](repeating: 0x61, count: n), [0x62] + [UInt32](repeating: 0x61, count: 1000)),
            ((0..<n).map { $0 % 2 == 0 ? 0x61 : 0x62 }, (0..<2000).map { $0 % 2 == 0 ? 0x61 : 0x62 } + [0x61, 0x61]),
            ([UInt32](repeating: 0x61, count: n), [UInt32](repeating: 0x61, count: 30) + [0x62]),
            ([UInt32](repeating: 0x61, count: 3000), [UInt32](repeating: 0x61, count: 100) + [0x62]),
        ]
        for (haystack, needle) in cases {
            haystack.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { needleBuffer in
                    XCTAssertEqual(FastSearch.find(h, needleBuffer, start: 0, end: h.count), -1)
                    XCTAssertEqual(FastSearch.rfind(h, needleBuffer, start: 0, end: h.count), -1)
                    XCTAssertEqual(FastSearch.count(h, needleBuffer, start: 0, end: h.count), 0)
                }
            }
        }
        // Found at the very end.
        let haystack = [UInt32](repeating: 0x61, count: n) + [0x62]
        let needle = [UInt32](repeating: 0x61, count: 500) + [0x62]
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { needleBuffer in
                XCTAssertEqual(FastSearch.find(h, needleBuffer, start: 0, end: h.count), n - 500)
                XCTAssertEqual(FastSearch.rfind(h, needleBuffer, start: 0, end: h.count), n - 500)
            }
        }
    }
}
