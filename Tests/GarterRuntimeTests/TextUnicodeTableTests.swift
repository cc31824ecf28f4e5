import Dispatch
import XCTest
@testable import GarterRuntime

/// The generated Unicode 14.0 tables, checked for every code point against
/// digests of CPython 3.11's answers (TextUnicodeDigests.swift, from
/// scripts/gen_text_cases.py): one FNV-1a digest per property and plane.
final class TextUnicodeTableTests: XCTestCase {
    struct Digest {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func add(_ item: UInt64) {
            value = (value ^ item) &* 0x100_0000_01B3
        }

        mutating func add(_ flag: Bool) { add(flag ? 1 : 0) }
        mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

        mutating func add(text: [UInt32]) {
            for codePoint in text { add(UInt64(codePoint)) }
            add(UInt64(0xFFFF_FFFF))
        }
    }

    func testEveryCodePointAgreesWithCPython() {
        let propertyCount = textUnicodeDigests.count
        // One row of digests per plane, computed in parallel.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Digest>.allocate(capacity: 17 * propertyCount)
        results.initialize(repeating: Digest())
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 17) { plane in
            var digests = [Digest](repeating: Digest(), count: propertyCount)
            let first = UInt32(plane) << 16
            for codePoint in first...(first + 0xFFFF) {
                Self.addProperties(of: codePoint, to: &digests)
            }
            for index in 0..<propertyCount { results[plane * propertyCount + index] = digests[index] }
        }
        for (index, expected) in textUnicodeDigests.enumerated() {
            for plane in 0..<17 where results[plane * propertyCount + index].value != expected.planes[plane] {
                XCTFail("\(expected.name) differs from CPython in plane \(plane)")
            }
        }
    }

    /// Adds each property of `codePoint`, in the order of textUnicodeDigests.
    static func addProperties(of codePoint: UInt32, to digests: inout [Digest]) {
        let sigma: UInt32 = 0x3A3
        var index = 0
        func add(_ body: (inout Digest) -> Void) {
            body(&digests[index])
            index += 1
        }
        var scratch: (UInt32, UInt32, UInt32) = (codePoint, 0, 0)
        func with(_ a: UInt32, _ b: UInt32, _ c: UInt32?, _ body: (CodePoints) -> Void) {
            scratch = (a, b, c ?? 0)
            withUnsafePointer(to: &scratch) { pointer in
                pointer.withMemoryRebound(to: UInt32.self, capacity: 3) {
                    body(CodePoints(start: $0, count: c == nil ? 2 : 3))
                }
            }
        }
        let one = [codePoint]
        one.withUnsafeBufferPointer { c in
            add { $0.add(Int(UnicodeDatabase.category(codePoint).rawValue)) }
            add { $0.add(PyText.isAlpha(c)) }
            add { $0.add(PyText.isAlnum(c)) }
            add { $0.add(PyText.isDecimal(c)) }
            add { $0.add(PyText.isDigit(c)) }
            add { $0.add(PyText.isNumeric(c)) }
            add { $0.add(PyText.isSpace(c)) }
            add { $0.add(PyText.isLower(c)) }
            add { $0.add(PyText.isUpper(c)) }
            add { $0.add(PyText.isTitle(c)) }
            add { $0.add(PyText.isIdentifier(c)) }
            add { $0.add(PyText.isPrintable(c)) }
            add { digest in with(0x61, codePoint, nil) { digest.add(PyText.isIdentifier($0)) } }
            add { digest in with(0x61, codePoint, 0x62) { digest.add(PyText.splitlines($0).count == 2) } }
            add { $0.add(UnicodeDatabase.decimalValue(codePoint) ?? -1) }
            add { $0.add(UnicodeDatabase.digitValue(codePoint) ?? -1) }
            add { $0.add((UnicodeDatabase.numericValue(codePoint) ?? -1.0).bitPattern) }
            add { $0.add(text: PyText.lower(c)) }
            add { $0.add(text: PyText.upper(c)) }
            add { $0.add(text: PyText.title(c)) }
            add { $0.add(text: PyText.casefold(c)) }
            add { $0.add(text: PyText.swapcase(c)) }
            add { digest in with(codePoint, 0x41, nil) { digest.add(text: PyText.title($0)) } }
            add { digest in
                var afterLetter = false
                var afterSpace = false
                with(0x61, codePoint, sigma) { afterLetter = PyText.lower($0).last == 0x3C2 }
                with(0x20, codePoint, sigma) { afterSpace = PyText.lower($0).last == 0x3C2 }
                digest.add((afterLetter ? 2 : 0) + (afterSpace ? 1 : 0))
            }
            add { $0.add(text: (UnicodeDatabase.name(codePoint) ?? "").unicodeScalars.map(\.value)) }
        }
        precondition(index == digests.count)
    }

    func testSimpleCaseMappingsAreTheFirstCharacterOfTheFullOnes() {
        XCTAssertEqual(UnicodeDatabase.simpleMapping(.upper, of: 0xDF), 0x53)  // ß -> S
        XCTAssertEqual(UnicodeDatabase.simpleMapping(.lower, of: 0x130), 0x69)  // İ -> i
        XCTAssertEqual(UnicodeDatabase.simpleMapping(.upper, of: 0x61), 0x41)
        XCTAssertEqual(UnicodeDatabase.simpleMapping(.title, of: 0x1C6), 0x1C5)  // ǆ -> ǅ
        XCTAssertEqual(UnicodeDatabase.simpleMapping(.fold, of: 0x3A3), 0x3C3)
        XCTAssertEqual(UnicodeDatabase.mapping(.fold, of: 0xDF), [0x73, 0x73])
    }

    func testCategoryAbbreviations() {
        XCTAssertEqual(UnicodeDatabase.category(0x41).abbreviation, "Lu")
        XCTAssertEqual(UnicodeDatabase.category(0xD800).abbreviation, "Cs")
        XCTAssertEqual(UnicodeDatabase.category(0x1FAF7).abbreviation, "Cn")  // assigned after Unicode 14
        XCTAssertEqual(UnicodeDatabase.category(0x110000).abbreviation, "Cn")
    }
}
