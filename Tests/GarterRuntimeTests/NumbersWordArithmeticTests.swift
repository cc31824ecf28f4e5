import BigInt
import XCTest
@testable import GarterRuntime

/// The word-buffer kernels (schoolbook and Karatsuba multiplication, Knuth
/// division, modular power) against attaswift BigInt's own algorithms.
final class NumbersWordArithmeticTests: XCTestCase {
    /// A deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A magnitude of `count` words, sometimes with runs of all-ones or zero words.
        mutating func magnitude(words count: Int) -> BigUInt {
            var words: [UInt] = []
            let style = next() % 4
            for _ in 0..<count {
                switch style {
                case 0: words.append(UInt.max)
                case 1: words.append(next() % 3 == 0 ? 0 : UInt(next()))
                default: words.append(UInt(next()))
                }
            }
            if let last = words.indices.last, words[last] == 0 { words[last] = 1 }
            return BigUInt(words: words)
        }
    }

    func testMultiplicationAgreesWithBigInt() {
        var generator = Generator(state: 1)
        let sizes = [1, 2, 3, 5, 39, 40, 41, 60, 79, 80, 81, 100, 161, 250]
        for a in sizes {
            for b in sizes {
                let x = generator.magnitude(words: a)
                let y = generator.magnitude(words: b)
                XCTAssertEqual(WordMultiplication.multiply(x, y), x * y, "\(a) × \(b) words")
            }
        }
        // Squares of all-ones values stress every carry.
        for count in [40, 81, 130] {
            let x = BigUInt(words: [UInt](repeating: .max, count: count))
            XCTAssertEqual(WordMultiplication.multiply(x, x), x * x)
        }
    }

    func testDivisionAgreesWithBigInt() {
        var generator = Generator(state: 2)
        for (a, b) in [(2, 2), (3, 2), (10, 3), (64, 63), (130, 63), (200, 100), (300, 7), (41, 40), (5, 5)] {
            for _ in 0..<20 {
                let x = generator.magnitude(words: a)
                let y = generator.magnitude(words: b)
                let (q, r) = WordDivision.quotientAndRemainder(x, y)
                let expected = x.quotientAndRemainder(dividingBy: y)
                XCTAssertEqual(q, expected.quotient, "\(a) / \(b) words")
                XCTAssertEqual(r, expected.remainder, "\(a) % \(b) words")
            }
        }
        // Dividends whose top words equal the divisor's (quotient digit
        // estimates of 2^64 - 1 and the add-back step).
        for count in [2, 3, 8, 40] {
            let y = generator.magnitude(words: count)
            for x in [y * (BigUInt(1) << 64) - 1, y * (BigUInt(1) << 128) - y - 1, (y << 64) + y, y * y - 1] {
                let (q, r) = WordDivision.quotientAndRemainder(x, y)
                XCTAssertEqual(q * y + r, x)
                XCTAssertLessThan(r, y)
            }
        }
    }

    func testModularPowerAgreesWithBigInt() {
        var generator = Generator(state: 3)
        for (m, e) in [(2, 1), (2, 3), (5, 2), (20, 4), (63, 5), (90, 1)] {
            let modulus = generator.magnitude(words: m)
            let exponent = generator.magnitude(words: e)
            let base = generator.magnitude(words: m + 1) % modulus
            XCTAssertEqual(PyInteger.modularPower(base, exponent, modulus), base.power(exponent, modulus: modulus),
                           "\(m)-word modulus, \(e)-word exponent")
        }
    }
}
