import XCTest
@testable import GarterRuntime

/// `hash()` of str, bytes, tuple and frozenset, and PYTHONHASHSEED, against
/// CPython 3.11 (HashingGeneratedCases, from scripts/gen_hash_cases.py).
final class HashingTests: XCTestCase {
    func cases(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    func testStringHashesMatchCPythonUnderEverySeed() {
        var checked = 0
        for fields in cases(HashingGeneratedCases.strings) {
            let secret = HashSecret(seed: UInt32(fields[0])!)
            let codePoints = decodeCodePoints(fields[1])
            XCTAssertEqual(secret.hash(codePoints: codePoints), Int(fields[2])!, "seed \(fields[0]) str \(fields[1])")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testBytesHashesMatchCPython() {
        for fields in cases(HashingGeneratedCases.bytes) {
            let secret = HashSecret(seed: UInt32(fields[0])!)
            let hex = Array(fields[1] == "-" ? "" : fields[1])
            let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16)! }
            XCTAssertEqual(secret.hash(bytes: bytes), Int(fields[2])!, "seed \(fields[0]) bytes \(fields[1])")
        }
    }

    /// Parses t(...)/f(...)/i/s items and hashes them as CPython does.
    struct ItemHasher {
        let secret: HashSecret
        var text: [Character]
        var position = 0

        mutating func parse() -> Int {
            let tag = text[position]
            position += 1
            switch tag {
            case "i":
                let start = position
                while position < text.count, text[position] == "-" || text[position].isNumber { position += 1 }
                let digits = String(text[start..<position])
                if let small = Int(digits) { return NumberHash.hash(small) }
                // Beyond a word: reduce modulo 2^61 - 1 by hand.
                let negative = digits.hasPrefix("-")
                var reduced: UInt64 = 0
                for digit in digits.drop(while: { $0 == "-" }) {
                    let wide = UInt128(reduced) * 10 + UInt128(digit.wholeNumberValue!)
                    reduced = UInt64(wide % UInt128(NumberHash.modulus))
                }
                let result = negative ? -Int(reduced) : Int(reduced)
                return result == -1 ? -2 : result
            case "s":
                let start = position
                while position < text.count, text[position] != ",", text[position] != ")" { position += 1 }
                return secret.hash(codePoints: decodeCodePoints(Substring(String(text[start..<position]))))
            default:
                position += 1  // "("
                var hashes: [Int] = []
                while text[position] != ")" {
                    hashes.append(parse())
                    if text[position] == "," { position += 1 }
                }
                position += 1
                return tag == "t" ? TupleHasher.hash(itemHashes: hashes) : FrozenSetHash.hash(memberHashes: hashes)
            }
        }
    }

    func testTupleHashesMatchCPython() {
        for fields in cases(HashingGeneratedCases.tuples) {
            var hasher = ItemHasher(secret: HashSecret(seed: UInt32(fields[0])!), text: Array(fields[1]))
            XCTAssertEqual(hasher.parse(), Int(fields[2])!, "seed \(fields[0]) \(fields[1])")
        }
    }

    func testFrozenSetHashesMatchCPython() {
        for fields in cases(HashingGeneratedCases.frozensets) {
            var hasher = ItemHasher(secret: HashSecret(seed: UInt32(fields[0])!), text: Array(fields[1]))
            XCTAssertEqual(hasher.parse(), Int(fields[2])!, "seed \(fields[0]) \(fields[1])")
        }
    }

    func testPythonHashSeedIsReadAsCPythonReadsIt() throws {
        let abc: [UInt32] = [0x61, 0x62, 0x63]
        for fields in cases(HashingGeneratedCases.seedTexts) {
            let text = String(String.UnicodeScalarView(decodeCodePoints(fields[0]).map { Unicode.Scalar($0)! }))
            do {
                let secret = try HashSecret.fromEnvironment(text.isEmpty ? nil : text)
                XCTAssertEqual(fields[1], "ok", "PYTHONHASHSEED=\(text) should fail")
                XCTAssertEqual(secret.isRandomized, fields[2] == "1", "PYTHONHASHSEED=\(text)")
                if fields[3] == "random" {
                    XCTAssertNil(secret.fixedSeed)
                } else {
                    XCTAssertEqual(secret.hash(codePoints: abc), Int(fields[3])!, "PYTHONHASHSEED=\(text)")
                }
            } catch {
                XCTAssertEqual(fields[1], "error", "PYTHONHASHSEED=\(text) should be accepted")
                let stderr = fields[3].replacingOccurrences(of: "\\n", with: "\n")
                XCTAssertEqual(error.fatalErrorText, stderr)
            }
        }
    }

    func testHashInfoIsCPythons() {
        let expected = cases(HashingGeneratedCases.hashInfo).map { "\($0[0])=\($0[1])" }
        XCTAssertEqual(HashInfo.fields.map { "\($0.0)=\($0.1)" }, expected)
    }

    func testRandomSecretsDiffer() {
        XCTAssertNotEqual(HashSecret.random(), HashSecret.random())
        XCTAssertEqual(HashSecret(seed: 0).hash(codePoints: []), 0)
        XCTAssertEqual(HashSecret.random().hash(bytes: []), 0)
    }
}
