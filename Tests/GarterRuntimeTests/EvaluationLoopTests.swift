import BigInt
import GarterCompiler
import GarterSyntax
import XCTest
@testable import GarterRuntime

/// The evaluation loop on hand-assembled code (whole programs are tested in
/// tests/programs against CPython).
final class EvaluationLoopTests: XCTestCase {
    private func code(_ instructions: [Instruction], constants: [Constant], locals: [String],
                      arguments: Int) -> CodeObject {
        let position = SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0)
        return CodeObject(name: "f", qualifiedName: "f", filename: "<test>", firstLineNumber: 1,
                          instructions: instructions,
                          positions: Array(repeating: position, count: instructions.count),
                          constants: constants.map { .literal($0) }, names: [], variableNames: locals,
                          cellVariables: [], freeVariables: [], argumentCount: arguments,
                          positionalOnlyArgumentCount: 0, keywordOnlyArgumentCount: 0,
                          flags: [.optimized, .newLocals], stackSize: 4, exceptionTable: [])
    }

    private func run(_ code: CodeObject, _ arguments: [Value]) throws -> Value {
        let interpreter = Interpreter()
        let thread = ThreadState(interpreter: interpreter)
        let loaded = try LoadedCode(code, interpreter: interpreter)
        _ = ObjectRef.allocate(loaded)
        let function = PyFunction(code: loaded, globals: interpreter.newDict(), builtins: interpreter.builtins,
                                  qualifiedName: loaded.qualifiedNameValue, type: interpreter.types.function,
                                  interpreter: interpreter)
        loaded.qualifiedNameValue.retain()
        let callable = Value.object(ObjectRef.allocate(function))
        defer { callable.release() }
        return try thread.call(callable, arguments)
    }

    /// `def f(n): while n > 0: n -= 1; return n`
    func testCountdownLoop() throws {
        let countdown = code([
            Instruction(.loadFast, 0),
            Instruction(.loadConst, 0),
            Instruction(.compareOp, ComparisonOperation.greater.rawValue),
            Instruction(.popJumpIfFalse, 9),
            Instruction(.loadFast, 0),
            Instruction(.loadConst, 1),
            Instruction(.binaryOp, BinaryOperation.inPlaceSubtract.rawValue),
            Instruction(.storeFast, 0),
            Instruction(.jumpBackward, 0),
            Instruction(.loadFast, 0),
            Instruction(.returnValue),
        ], constants: [.int(0), .int(1)], locals: ["n"], arguments: 1)
        guard case .int(0) = try run(countdown, [.int(1000)]) else { return XCTFail("loop did not count down to 0") }
    }

    /// `def f(a, b): return a * b`, overflowing into a big int.
    func testMultiplicationOverflowsIntoBigInt() throws {
        let multiply = code([
            Instruction(.loadFast, 0),
            Instruction(.loadFast, 1),
            Instruction(.binaryOp, BinaryOperation.multiply.rawValue),
            Instruction(.returnValue),
        ], constants: [], locals: ["a", "b"], arguments: 2)
        guard case .int(42) = try run(multiply, [.int(6), .int(7)]) else { return XCTFail("6 * 7") }
        let result = try run(multiply, [.int(1 << 62), .int(4)])
        guard case .object(let reference) = result else { return XCTFail("2**64 should be a big int") }
        XCTAssertEqual(reference.with { ($0 as? PyLong)?.value }, BigInt(1) << 64)
        result.release()
    }

    func testFloatArithmeticAndMixedComparison() throws {
        let add = code([
            Instruction(.loadFast, 0),
            Instruction(.loadFast, 1),
            Instruction(.binaryOp, BinaryOperation.add.rawValue),
            Instruction(.returnValue),
        ], constants: [], locals: ["a", "b"], arguments: 2)
        guard case .float(2.5) = try run(add, [.int(1), .float(1.5)]) else { return XCTFail("1 + 1.5") }
    }

    func testReadingAnUnboundLocalFails() {
        let unbound = code([
            Instruction(.loadFast, 1),
            Instruction(.returnValue),
        ], constants: [], locals: ["a", "b"], arguments: 1)
        XCTAssertThrowsError(try run(unbound, [.int(1)])) { error in
            guard case .exception(let reference) = error as? EvalError else { return XCTFail("not an exception: \(error)") }
            XCTAssertEqual(reference.with { $0.withType { $0.name } }, "UnboundLocalError")
        }
    }
}
