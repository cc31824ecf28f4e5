import XCTest
@testable import GarterRuntime

/// What the printer asks of its source-line reader. (The printed text
/// itself is checked against CPython in TracebacksCaseTests.)
final class TracebacksPrinterTests: XCTestCase {
    private func report(filename: String, lineno: Int) -> ExceptionReport {
        let entry = TracebackEntry(filename: filename, lineno: lineno, name: "<module>",
                                   position: InstructionPosition(startLine: lineno, endLine: lineno,
                                                                 startColumn: 0, endColumn: 3))
        return ExceptionReport(exceptions: [
            ExceptionRecord(typeModule: "builtins", typeQualname: "ValueError",
                            message: .text("x"), traceback: [entry]),
        ])
    }

    private func requests(for report: ExceptionReport) -> [String] {
        var asked: [String] = []
        _ = TracebackPrinter.render(report) { filename, lineno in
            asked.append("\(filename):\(lineno)")
            return "abc = 1"
        }
        return asked
    }

    func testPseudoFilesAreNeverRead() {
        XCTAssertEqual(requests(for: report(filename: "<string>", lineno: 1)), [])
        XCTAssertEqual(requests(for: report(filename: "<>", lineno: 1)), [])
        XCTAssertEqual(requests(for: report(filename: "<", lineno: 1)), ["<:1"])
        XCTAssertEqual(requests(for: report(filename: "<stdin", lineno: 1)), ["<stdin:1"])
        XCTAssertEqual(requests(for: report(filename: "x.py", lineno: 2)), ["x.py:2"])
    }

    func testLinesBeforeTheFirstAreNeverRead() {
        XCTAssertEqual(requests(for: report(filename: "x.py", lineno: 0)), [])
        XCTAssertEqual(requests(for: report(filename: "x.py", lineno: -1)), [])
    }

    func testEntriesCollapsedIntoARepeatLineAreNotRead() {
        var many = report(filename: "x.py", lineno: 5)
        many.exceptions[0].traceback = Array(repeating: many.exceptions[0].traceback[0], count: 50)
        XCTAssertEqual(requests(for: many).count, 3)
    }

    func testExceptionsOutsideTheChainAreNotPrinted() {
        var chained = report(filename: "x.py", lineno: 1)
        chained.exceptions.append(ExceptionRecord(typeModule: "builtins", typeQualname: "KeyError",
                                                  message: .text("unreachable")))
        let text = String(decoding: TracebackPrinter.render(chained) { _, _ in nil }, as: UTF8.self)
        XCTAssertFalse(text.contains("KeyError"))
    }
}
