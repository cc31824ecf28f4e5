import Foundation
import XCTest
@testable import GarterRuntime

/// The engine beyond the per-pattern cases: the case-folding functions the
/// compiler calls, long subjects (explicit stack, bounded memory), the
/// interrupt hook, and the validator.
final class RegexEngineTests: XCTestCase {
    /// `_sre.unicode_tolower` and `_sre.unicode_iscased` for every code point.
    func testUnicodeCaseFunctionsAgreeWithCPython() {
        let unicode = RegexCaseData.document()["unicode"] as! [String: Any]
        var expectedLower = [UInt32](0...0x10FFFF)
        for run in unicode["tolower"] as! [[NSNumber]] {
            let first = run[0].intValue, last = run[1].intValue, step = run[2].intValue, delta = run[3].intValue
            for cp in stride(from: first, through: last, by: step) {
                expectedLower[cp] = UInt32(cp + delta)
            }
        }
        var expectedCased = [Bool](repeating: false, count: 0x110000)
        for range in unicode["iscased"] as! [[NSNumber]] {
            for cp in range[0].intValue...range[1].intValue { expectedCased[cp] = true }
        }
        var lowerDiffer = 0, casedDiffer = 0
        for cp in 0...0x10FFFF {
            if RegexCharacterRules.unicodeToLower(UInt32(cp)) != expectedLower[cp] {
                lowerDiffer += 1
                if lowerDiffer < 10 { XCTFail("unicode_tolower(\(String(cp, radix: 16)))") }
            }
            if RegexCharacterRules.unicodeIsCased(UInt32(cp)) != expectedCased[cp] {
                casedDiffer += 1
                if casedDiffer < 10 { XCTFail("unicode_iscased(\(String(cp, radix: 16)))") }
            }
        }
        XCTAssertEqual(lowerDiffer, 0)
        XCTAssertEqual(casedDiffer, 0)
    }

    /// Long subjects through patterns whose backtracking state grows with the
    /// subject: no Swift recursion, so no stack overflow.
    func testLongSubjectsAgreeWithCPython() throws {
        let large = RegexCaseData.document()["large"] as! [[String: Any]]
        XCTAssertFalse(large.isEmpty)
        for entry in large {
            let source = entry["source"] as! String
            let program = try RegexProgram(code: (entry["code"] as! [NSNumber]).map(\.uint32Value),
                                           groupCount: (entry["groups"] as! NSNumber).intValue)
            let unit = (entry["unit"] as! String).unicodeScalars.map(\.value)
            let subject = [[UInt32]](repeating: unit, count: (entry["repeat"] as! NSNumber).intValue).flatMap { $0 }
            for (operation, expected) in entry["results"] as! [String: Any] {
                let state = RegexState(program: program, subjectLength: subject.count)
                let found = try subject.withUnsafeBufferPointer { buffer throws(RegexError) -> Bool in
                    switch operation {
                    case "match": return try state.match(.ucs4(buffer))
                    case "fullmatch": return try state.fullMatch(.ucs4(buffer))
                    default: return try state.search(.ucs4(buffer))
                    }
                }
                XCTAssertEqual(found ? state.spans() : nil, RegexCaseData.spans(expected), "\(source).\(operation)")
            }
        }
    }

    /// The interrupt hook runs every `interval` steps, and returning true
    /// stops a catastrophic match.
    func testInterruptCheckStopsACatastrophicMatch() throws {
        // re._compiler._code(re._parser.parse('(x+x+)+y'), 0)
        let code: [UInt32] = [14, 4, 0, 3, 4294967295, 23, 21, 1, 4294967295, 17, 0, 24, 6, 1,
                              4294967295, 16, 120, 1, 24, 6, 1, 4294967295, 16, 120, 1, 17, 1, 18,
                              16, 121, 1]
        let program = try RegexProgram(code: code, groupCount: 1)
        let subject = [UInt32](repeating: 0x78, count: 40)
        let state = RegexState(program: program, subjectLength: subject.count)
        var calls = 0
        state.setInterruptCheck(every: 1024) {
            calls += 1
            return calls == 5
        }
        XCTAssertThrowsError(try subject.withUnsafeBufferPointer { buffer throws(RegexError) in
            try state.search(.ucs4(buffer))
        }) { error in
            XCTAssertEqual(error as? RegexError, .interrupted)
        }
        XCTAssertEqual(calls, 5)
        // A check that lets the match go on changes nothing.
        let shorter = [UInt32](repeating: 0x78, count: 12)
        let other = RegexState(program: program, subjectLength: shorter.count)
        calls = 0
        other.setInterruptCheck(every: 1024) { calls += 1; return false }
        XCTAssertNoThrow(try shorter.withUnsafeBufferPointer { buffer throws(RegexError) in
            try other.search(.ucs4(buffer))
        })
        XCTAssertGreaterThan(calls, 0)
    }

    /// Malformed code lists are refused before anything runs.
    func testValidatorRejectsMalformedCode() {
        let bad: [(String, [UInt32], Int)] = [
            ("empty", [], 0),
            ("no final SUCCESS", [16, 97], 0),
            ("missing operand", [16], 0),
            ("mark past the groups", [17, 2, 1], 1),
            ("group reference past the groups", [11, 1, 1], 1),
            ("IN skip past the end", [13, 40, 16, 97, 0, 1], 0),
            ("charset without FAILURE", [13, 3, 16, 97, 1], 0),
            ("REPEAT without UNTIL", [23, 4, 0, 1, 16, 97, 1], 0),
            ("REPEAT_ONE over a group", [24, 6, 0, 1, 17, 0, 1, 1], 1),
            ("stray MAX_UNTIL", [18, 1], 0),
            ("lone JUMP", [15, 2, 1, 1], 0),
            ("unknown opcode", [99, 1], 0),
            ("unknown category", [8, 40, 1], 0),
            ("branch JUMP to the wrong place", [7, 5, 16, 97, 15, 3, 0, 1, 1], 0),
            ("INFO overlap out of range", [14, 10, 3, 2, 2, 2, 2, 97, 98, 0, 5, 16, 97, 16, 98, 1], 0),
            ("INFO prefix skip over a non-literal", [14, 10, 3, 2, 2, 2, 2, 97, 98, 0, 0, 17, 0, 16, 98, 1], 1),
            ("BIGCHARSET block out of range",
             [13, 76, 10, 1] + [UInt32](repeating: 0x0101_0101, count: 64) + [UInt32](repeating: 0, count: 8) + [0, 1], 0),
        ]
        for (name, code, groups) in bad {
            XCTAssertThrowsError(try RegexProgram(code: code, groupCount: groups), name) { error in
                guard case .invalidCode = error as? RegexError else {
                    return XCTFail("\(name): \(error)")
                }
            }
        }
    }

    /// The memory a deep match used is given back to a reused state.
    func testDeepMatchMemoryIsReleased() throws {
        // re._compiler._code(re._parser.parse('(a|b)*'), 0)
        let code: [UInt32] = [14, 4, 0, 0, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98,
                              0, 17, 1, 18, 1]
        let program = try RegexProgram(code: code, groupCount: 1)
        let subject = [UInt32](repeating: 0x61, count: 200_000)
        let state = RegexState(program: program, subjectLength: subject.count)
        XCTAssertNoThrow(try subject.withUnsafeBufferPointer { buffer throws(RegexError) in try state.match(.ucs4(buffer)) })
        XCTAssertLessThanOrEqual(state.machine.frameCapacity * MemoryLayout<RegexFrame>.stride, RegexMachine.retainedBytes)
        XCTAssertLessThanOrEqual(state.machine.dataCapacity * MemoryLayout<Int>.stride, RegexMachine.retainedBytes)
    }
}
