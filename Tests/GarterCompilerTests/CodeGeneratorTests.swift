import XCTest
import GarterSyntax
@testable import GarterCompiler

/// The code generator's output for small programs.
final class CodeGeneratorTests: XCTestCase {
    private func compile(_ text: String) throws -> CodeObject {
        let source = SourceBuffer(text, filename: "<test>")
        return try CodeGenerator.compileModule(try Parser.parseModule(source), source: source)
    }

    private func listing(_ code: CodeObject) -> [String] {
        code.instructions.map { "\($0.opcode) \($0.argument)" }
    }

    func testModuleNamesUseNameInstructions() throws {
        let code = try compile("x = 1\ny = x + 2\n")
        XCTAssertEqual(listing(code), [
            "loadConst 0", "storeName 0",
            "loadName 0", "loadConst 1", "binaryOp 0", "storeName 1",
            "loadConst 2", "returnValue 0",
        ])
        XCTAssertEqual(code.names, ["x", "y"])
        XCTAssertEqual(code.stackSize, 2)
    }

    func testFunctionLocalsAreFastAndGlobalsAreGlobal() throws {
        let module = try compile("def f(a):\n    b = a * g\n    return b\n")
        guard case .code(let function) = module.constants.first(where: {
            if case .code = $0 { return true } else { return false }
        }) else { return XCTFail("no function code") }
        XCTAssertEqual(function.variableNames, ["a", "b"])
        XCTAssertEqual(function.argumentCount, 1)
        XCTAssertEqual(listing(function), [
            "loadFast 0", "loadGlobal 0", "binaryOp 2", "storeFast 1",
            "loadFast 1", "returnValue 0",
            "loadConst 0", "returnValue 0",
        ])
        XCTAssertTrue(function.flags.contains(.optimized))
    }

    func testWhileLoopJumps() throws {
        let code = try compile("while x:\n    x -= 1\n    if x == 3:\n        break\n")
        XCTAssertEqual(listing(code), [
            "loadName 0", "popJumpIfFalse 12",
            "loadName 0", "loadConst 0", "binaryOp 17", "storeName 0",
            "loadName 0", "loadConst 1", "compareOp 2", "popJumpIfFalse 11",
            "jumpForward 12",
            "jumpBackward 0",
            "loadConst 2", "returnValue 0",
        ])
    }

    func testCompilerSyntaxErrors() {
        XCTAssertThrowsError(try compile("return 1\n")) { error in
            guard case CompileError.syntax(let syntaxError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(syntaxError.message, "'return' outside function")
        }
        XCTAssertThrowsError(try compile("break\n")) { error in
            guard case CompileError.syntax(let syntaxError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(syntaxError.message, "'break' outside loop")
        }
    }

    func testUnsupportedConstructsAreRefusedNotMiscompiled() {
        XCTAssertThrowsError(try compile("class A: pass\n")) { error in
            guard case CompileError.unsupported = error else { return XCTFail("\(error)") }
        }
    }
}
