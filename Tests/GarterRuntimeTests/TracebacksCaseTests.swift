import Foundation
import XCTest
@testable import GarterRuntime

/// Renders every case of TracebacksCaseData.swift (made by
/// scripts/gen_traceback_cases.py: the report extracted inside a dying
/// CPython 3.11 process, and what that process wrote to stderr) and compares
/// the bytes.
final class TracebacksCaseTests: XCTestCase {
    func testEveryCaseMatchesCPython() throws {
        let cases = try TracebacksCases.load()
        XCTAssertGreaterThan(cases.count, 150)
        var failures: [String] = []
        for testCase in cases {
            let rendered = TracebackPrinter.render(testCase.report, tracebackLimit: testCase.limit) {
                filename, lineno in testCase.lines[filename]?[lineno]
            }
            if rendered != Array(testCase.stderr.utf8) {
                failures.append(testCase.name)
                XCTFail("""
                    \(testCase.name): differs from CPython
                    --- expected
                    \(testCase.stderr)--- rendered
                    \(String(decoding: rendered, as: UTF8.self))---
                    """)
            }
        }
        print("traceback cases: \(cases.count - failures.count) of \(cases.count) match CPython")
    }

    /// SourceFileLines must read the lines the generator's CPython-side
    /// reader read from the same bytes (and find none where it found none).
    func testSourceFileLinesReadsWhatCPythonReads() throws {
        var checked = 0
        for testCase in try TracebacksCases.load() {
            for record in testCase.report.exceptions {
                for entry in record.traceback {
                    // The printer never reads <...> names, nor did the generator.
                    guard let bytes = testCase.sources[entry.filename], !entry.filename.hasPrefix("<")
                    else { continue }
                    XCTAssertEqual(SourceFileLines.line(entry.lineno, ofFile: bytes),
                                   testCase.lines[entry.filename]?[entry.lineno],
                                   "\(testCase.name): \(entry.filename) line \(entry.lineno)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }
}

/// One generated case, decoded from its JSON line.
struct TracebacksCase {
    var name: String
    var report: ExceptionReport
    var limit: Int?
    var lines: [String: [Int: String]]
    /// The bytes of the case's own files, by file name.
    var sources: [String: [UInt8]]
    var stderr: String
}

enum TracebacksCases {
    struct FormatError: Error { var message: String }

    static func load() throws -> [TracebacksCase] {
        try tracebackCaseData.split(separator: "\n").map { try decode(String($0)) }
    }

    static func decode(_ line: String) throws -> TracebacksCase {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let name = object["name"] as? String,
              let stderr = object["stderr"] as? String,
              let files = object["files"] as? [String],
              let exceptions = object["exceptions"] as? [[String: Any]]
        else { throw FormatError(message: "bad case line: \(line.prefix(80))") }
        var lines: [String: [Int: String]] = [:]
        for (file, numbered) in object["lines"] as? [String: [String: String]] ?? [:] {
            var table: [Int: String] = [:]
            for (number, text) in numbered { table[Int(number)!] = text }
            lines[files[Int(file)!]] = table
        }
        var sources: [String: [UInt8]] = [:]
        for (file, latin1) in object["sources"] as? [String: String] ?? [:] {
            sources[files[Int(file)!]] = latin1.unicodeScalars.map { UInt8($0.value) }
        }
        let records = try exceptions.map { try record($0, files: files) }
        return TracebacksCase(name: name, report: ExceptionReport(exceptions: records),
                              limit: object["limit"] as? Int, lines: lines, sources: sources,
                              stderr: stderr)
    }

    static func record(_ object: [String: Any], files: [String]) throws -> ExceptionRecord {
        // The generator leaves "builtins" out.
        let module = object.keys.contains("module") ? object["module"] as? String : "builtins"
        var record = ExceptionRecord(typeModule: module,
                                     typeQualname: object["qualname"] as? String,
                                     message: try message(object["msg"]))
        // Rows are [repeat count, file, line, name, start line, end line,
        // start column, end column].
        for row in object["tb"] as? [[Any]] ?? [] {
            let entry = TracebackEntry(
                filename: files[row[1] as! Int], lineno: row[2] as! Int, name: row[3] as! String,
                position: InstructionPosition(startLine: row[4] as? Int, endLine: row[5] as? Int,
                                              startColumn: row[6] as? Int, endColumn: row[7] as? Int))
            record.traceback += repeatElement(entry, count: row[0] as! Int)
        }
        record.cause = object["cause"] as? Int
        record.context = object["context"] as? Int
        record.suppressContext = object["suppress"] as? Bool ?? false
        record.groupMembers = object["group"] as? [Int]
        if let notes = object["notes"] as? [Any] {
            record.notes = .sequence(notes.map { $0 as? String })
        } else if let notes = object["notes"] as? [String: Any] {
            record.notes = .notSequence(repr: notes["repr"] as? String)
        }
        if let syntax = object["syntax"] as? [String: Any] {
            record.syntaxError = SyntaxErrorDetails(
                message: try message(syntax["msg"]), filename: syntax["filename"] as? String,
                lineno: syntax["lineno"] as! Int, offset: syntax["offset"] as? Int,
                endLineno: syntax["end_lineno"] as? Int, endOffset: syntax["end_offset"] as? Int,
                text: syntax["text"] as? String, isExactSyntaxError: syntax["exact"] as! Bool)
        }
        return record
    }

    static func message(_ value: Any?) throws -> ExceptionText {
        if let text = value as? String { return .text(text) }
        guard let parts = value as? [String], let kind = parts.first else {
            throw FormatError(message: "bad message \(String(describing: value))")
        }
        switch kind {
        case "failed": return .strFailed
        case "none": return .none
        default: throw FormatError(message: "bad message kind \(kind)")
        }
    }
}
