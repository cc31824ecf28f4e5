import Foundation
import XCTest
@testable import GarterRuntime

/// Every pattern of RegexCaseData.swift: the code list CPython 3.11's
/// compiler produced, run by Garter's engine on each subject, in every
/// storage the subject fits (bytes, UCS-2, UCS-4), against CPython's results
/// for match, fullmatch, search (also with pos/endpos), finditer, findall,
/// split, sub/subn and Scanner.match.
final class RegexCaseTests: XCTestCase {
    func testGeneratedCasesAgreeWithCPython() throws {
        let document = RegexCaseData.document()
        let checked = try runCases(RegexCaseData.patterns(document))
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// More cases for a local run: GARTER_REGEX_EXTRA_CASES names a file
    /// written by `scripts/gen_regex_cases.py --re-tests FILE`.
    func testExtraCasesFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["GARTER_REGEX_EXTRA_CASES"] else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        _ = try runCases(RegexCaseData.patterns(RegexCaseData.document(text)))
    }

    /// Runs every case; returns how many comparisons passed.
    private func runCases(_ patterns: [RegexPatternCase]) throws -> Int {
        var checks = 0
        var failures: [String] = []
        var operations: [String: Int] = [:]
        for pattern in patterns {
            let program: RegexProgram
            do {
                program = try RegexProgram(code: pattern.code, groupCount: pattern.groups)
            } catch {
                failures.append("\(pattern.source): program rejected: \(error)")
                continue
            }
            for testCase in pattern.cases {
                let subject = RegexSubject(RegexCaseData.codePoints(testCase["text"]!))
                for storage in RegexSubject.Storage.allCases where subject.available(storage) {
                    // A bytes pattern only ever sees one byte per character.
                    if pattern.isBytes && storage != .bytes { continue }
                    let problems = subject.with(storage) { text in
                        Self.check(program, subject, text, testCase, &operations)
                    }
                    checks += operations.values.reduce(0, +)
                    operations = [:]
                    for problem in problems {
                        failures.append("\(pattern.source) on \(RegexCaseData.Item.text(subject.codePoints)) [\(storage)]: \(problem)")
                    }
                }
            }
        }
        for failure in failures.prefix(60) {
            XCTFail(failure)
        }
        XCTAssertEqual(failures.count, 0, "\(failures.count) comparisons differ from CPython")
        print("regex cases: \(patterns.count) patterns, \(checks) comparisons passed, \(failures.count) failed")
        return checks
    }

    private static func check(_ program: RegexProgram, _ subject: RegexSubject, _ text: RegexText,
                              _ testCase: [String: Any], _ counts: inout [String: Int]) -> [String] {
        var problems: [String] = []
        let length = subject.codePoints.count
        func compare<T: Equatable>(_ name: String, _ actual: T, _ expected: T) {
            if actual == expected {
                counts[name, default: 0] += 1
            } else {
                problems.append("\(name): expected \(expected), got \(actual)")
            }
        }
        func attempt(_ name: String, pos: Int = 0, endpos: Int = Int.max,
                     _ operation: (RegexState) throws(RegexError) -> Bool) -> RegexMatchSpans? {
            let state = RegexState(program: program, subjectLength: length, pos: pos, endpos: endpos)
            do {
                return try operation(state) ? state.spans() : nil
            } catch {
                problems.append("\(name): error \(error)")
                return nil
            }
        }

        compare("match", attempt("match") { s throws(RegexError) in try s.match(text) },
                RegexCaseData.spans(testCase["match"]))
        compare("fullmatch", attempt("fullmatch") { s throws(RegexError) in try s.fullMatch(text) },
                RegexCaseData.spans(testCase["fullmatch"]))
        compare("search", attempt("search") { s throws(RegexError) in try s.search(text) },
                RegexCaseData.spans(testCase["search"]))
        for bounded in testCase["bounded"] as! [[Any]] {
            let pos = (bounded[0] as! NSNumber).intValue, endpos = (bounded[1] as! NSNumber).intValue
            compare("match(\(pos), \(endpos))",
                    attempt("match", pos: pos, endpos: endpos) { s throws(RegexError) in try s.match(text) },
                    RegexCaseData.spans(bounded[2]))
            compare("search(\(pos), \(endpos))",
                    attempt("search", pos: pos, endpos: endpos) { s throws(RegexError) in try s.search(text) },
                    RegexCaseData.spans(bounded[3]))
            compare("fullmatch(\(pos), \(endpos))",
                    attempt("fullmatch", pos: pos, endpos: endpos) { s throws(RegexError) in try s.fullMatch(text) },
                    RegexCaseData.spans(bounded[4]))
        }

        func finditer(pos: Int) -> [RegexMatchSpans?] {
            let state = RegexState(program: program, subjectLength: length, pos: pos)
            var found: [RegexMatchSpans?] = []
            do {
                while try state.nextSearch(text) { found.append(state.spans()) }
            } catch {
                problems.append("finditer: error \(error)")
            }
            return found
        }
        compare("finditer", finditer(pos: 0), (testCase["finditer"] as! [Any]).map { RegexCaseData.spans($0) })
        if let expected = testCase["scanner_match"] as? [Any] {
            let state = RegexState(program: program, subjectLength: length)
            var found: [RegexMatchSpans?] = []
            do {
                while try state.nextMatch(text) { found.append(state.spans()) }
            } catch {
                problems.append("scanner.match: error \(error)")
            }
            compare("scanner.match", found, expected.map { RegexCaseData.spans($0) })
        }
        if let fromPos = testCase["finditer_pos"] as? [Any] {
            let pos = (fromPos[0] as! NSNumber).intValue
            compare("finditer(\(pos))", finditer(pos: pos), (fromPos[1] as! [Any]).map { RegexCaseData.spans($0) })
        }

        let points = subject.codePoints
        func slice(_ range: Range<Int>) -> RegexCaseData.Item { .text(Array(points[range])) }
        do {
            let state = RegexState(program: program, subjectLength: length)
            let items = try state.findAllSpans(text).map { spans -> RegexCaseData.Item in
                spans.count == 1 && program.groupCount <= 1 ? slice(spans[0]) : .tuple(spans.map(slice))
            }
            compare("findall", items, (testCase["findall"] as! [Any]).map(RegexCaseData.Item.init))
        } catch {
            problems.append("findall: error \(error)")
        }

        func split(_ maxSplit: Int) throws(RegexError) -> [RegexCaseData.Item] {
            let state = RegexState(program: program, subjectLength: length)
            return try state.splitPieces(text, maxSplit: maxSplit).map { piece in
                switch piece {
                case .text(let range): return slice(range)
                case .group(let range): return range.map(slice) ?? .none
                }
            }
        }
        do {
            compare("split", try split(0), (testCase["split"] as! [Any]).map(RegexCaseData.Item.init))
            if let expected = testCase["split1"] as? [Any] {
                compare("split(maxsplit=1)", try split(1), expected.map(RegexCaseData.Item.init))
            }
        } catch {
            problems.append("split: error \(error)")
        }

        // sub/subn the way the runtime drives them: replace each match by
        // "<match>".
        func substitute(count: Int) throws(RegexError) -> ([UInt32], Int) {
            let state = RegexState(program: program, subjectLength: length)
            var output: [UInt32] = []
            var last = 0
            var replaced = 0
            while count == 0 || replaced < count {
                guard try state.nextSearch(text) else { break }
                if last < state.matchStart { output += points[last..<state.matchStart] }
                output.append(0x3C)
                output += points[state.matchStart..<state.matchEnd]
                output.append(0x3E)
                last = state.matchEnd
                replaced += 1
            }
            if last < state.endpos { output += points[last..<state.endpos] }
            return (output, replaced)
        }
        do {
            compare("sub", RegexCaseData.Item.text(try substitute(count: 0).0), RegexCaseData.Item(testCase["sub"]!))
            if let expected = testCase["subn1"] as? [Any] {
                let (output, n) = try substitute(count: 1)
                compare("subn(count=1)", RegexCaseData.Item.text(output), RegexCaseData.Item(expected[0]))
                compare("subn(count=1) count", n, (expected[1] as! NSNumber).intValue)
            }
        } catch {
            problems.append("sub: error \(error)")
        }
        return problems
    }
}
