import XCTest
@testable import GarterRuntime

/// `sys.setswitchinterval` / `sys.getswitchinterval` against CPython 3.11's
/// results (GILSwitchIntervalCases.swift, from scripts/gen_gil_cases.py).
final class GILSwitchIntervalTests: XCTestCase {
    func testAgainstCPython() throws {
        var checked = 0
        for line in gilSwitchIntervalCases.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let argument = try XCTUnwrap(Double(fields[0]), fields[0])
            let result: Result<SwitchInterval, SwitchIntervalError> = Result { () throws(SwitchIntervalError) in
                try SwitchInterval(seconds: argument)
            }
            switch result {
            case .success(let interval):
                let expected = try XCTUnwrap(Double(fields[1]), fields[1])
                XCTAssertEqual(interval.seconds.bitPattern, expected.bitPattern,
                               "setswitchinterval(\(fields[0])) read back \(interval.seconds), CPython \(fields[1])")
            case .failure(let error):
                XCTAssertEqual("E:\(error.pythonExceptionName):\(error.message)", fields[1], fields[0])
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testDefaultAndMinimumWait() {
        XCTAssertEqual(SwitchInterval.standard.seconds, 0.005)
        XCTAssertEqual(SwitchInterval(microseconds: 0).waitNanoseconds, 1000)
        XCTAssertEqual(SwitchInterval(microseconds: UInt64.max).waitNanoseconds, UInt64.max)
    }
}
