import XCTest
import GarterSyntax
@testable import GarterCompiler

/// The code generator's output for tricky constructs. Expected stack sizes,
/// exception tables and annotation strings were produced by CPython 3.11.7
/// (co_stacksize, dis._parse_exception_table, __annotations__ under
/// `from __future__ import annotations`).
final class CodeGeneratorTests: XCTestCase {
    private func compile(_ text: String, optimize: Int = 0) throws -> CodeObject {
        let source = SourceBuffer(text, filename: "<test>")
        return try CodeGenerator.compile(try Parser.parseModule(source), source: source,
                                         options: CompileOptions(optimize: optimize))
    }

    private func function(_ code: CodeObject, _ index: Int = 0) -> CodeObject {
        let functions = code.constants.compactMap { constant -> CodeObject? in
            if case .code(let inner) = constant { return inner }
            return nil
        }
        return functions[index]
    }

    private func opnames(_ code: CodeObject) -> [String] {
        code.instructions.map { $0.opcode.name }
    }

    func testModuleNamesUseNameInstructions() throws {
        let code = try compile("x = 1\ny = x + 2\n")
        XCTAssertEqual(opnames(code), ["RESUME", "LOAD_CONST", "STORE_NAME", "LOAD_NAME", "LOAD_CONST",
                                       "BINARY_OP", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"])
        XCTAssertEqual(code.names, ["x", "y"])
        XCTAssertEqual(code.stackSize, 2)
        XCTAssertNil(BytecodeValidator.validate(code))
    }

    func testCallsPushNullIntoLoadGlobal() throws {
        let f = function(try compile("def f(a):\n    return g(a)\n"))
        XCTAssertEqual(opnames(f), ["RESUME", "LOAD_GLOBAL", "LOAD_FAST", "CALL", "RETURN_VALUE"])
        XCTAssertEqual(f.instructions[1].argument & 1, 1, "LOAD_GLOBAL pushes NULL first")
    }

    func testNestedTryFinallyWithExceptionTable() throws {
        let f = function(try compile("""
        def f(a):
            try:
                with open(a) as fh:
                    try:
                        return fh.read()
                    finally:
                        print("inner")
            finally:
                print("outer")
        """))
        XCTAssertEqual(f.stackSize, 6)
        let shape = f.exceptionTable.map { "\($0.depth)\($0.pushesLastInstruction ? "L" : "")" }
        XCTAssertEqual(shape, ["0", "1L", "1", "1L", "0", "2L", "1L", "3L", "0", "3L", "0", "1L"])
        XCTAssertNil(BytecodeValidator.validate(f))
    }

    func testMatchStackDepth() throws {
        let g = function(try compile("""
        def g(x):
            match x:
                case [1, (2 | 3) as y, *rest] if y:
                    return rest
                case {"k": v, **kw}:
                    return v
                case C(a=1, b=[z]):
                    return z
        """))
        XCTAssertEqual(g.stackSize, 6)
        XCTAssertNil(BytecodeValidator.validate(g))
    }

    func testCallStackDepth() throws {
        let h = function(try compile("def h(a, b):\n    return f(a, g(b, *a, **b), [1, 2, 3], {1: a, 2: b}, x=1)\n"))
        XCTAssertEqual(h.stackSize, 8)
    }

    func testClosuresAndCells() throws {
        let code = try compile("def f(a):\n    def g():\n        return a\n    return g\n")
        let f = function(code)
        XCTAssertEqual(f.cellVariables, ["a"])
        XCTAssertEqual(f.variableNames, ["a", "g"])
        // MAKE_CELL, then the parameter copied into its cell, before RESUME.
        XCTAssertEqual(Array(opnames(f).prefix(4)), ["MAKE_CELL", "LOAD_FAST", "STORE_DEREF", "RESUME"])
        XCTAssertEqual(f.instructions[0].argument, 2, "cells come after the varnames")
        let g = function(f)
        XCTAssertEqual(g.freeVariables, ["a"])
        XCTAssertEqual(opnames(g).first, "COPY_FREE_VARS")
    }

    func testGeneratorPrologueAndFlags() throws {
        let f = function(try compile("def f():\n    yield 1\n"))
        XCTAssertEqual(Array(opnames(f).prefix(3)), ["RETURN_GENERATOR", "POP_TOP", "RESUME"])
        XCTAssertTrue(f.flags.contains(.generator))
        XCTAssertEqual(f.stackSize, 1)
    }

    func testConstantFolding() throws {
        let code = try compile("x = (1 + 2) * 3, 'a' * 3, 2 ** 200, -5\n")
        XCTAssertEqual(opnames(code)[1], "LOAD_CONST")
        let text = Disassembler.disassemble(code)
        XCTAssertTrue(text.contains("(2 ** 200)") == false)
        XCTAssertTrue(text.contains("BINARY_OP"), "2 ** 200 is beyond the 128-bit limit and stays an operation")
    }

    func testDocstringIsFirstConstant() throws {
        let f = function(try compile("def f():\n    \"doc\"\n    return 1\n"))
        guard case .literal(.str(let text)) = f.constants[0] else { return XCTFail("no docstring") }
        XCTAssertEqual(text.string, "doc")
        let stripped = function(try compile("def f():\n    \"doc\"\n", optimize: 2))
        guard case .literal(.none) = stripped.constants[0] else { return XCTFail("-OO keeps the docstring") }
    }

    func testAssertDisappearsUnderOptimize() throws {
        XCTAssertFalse(opnames(try compile("assert x\n", optimize: 1)).contains("RAISE_VARARGS"))
        XCTAssertTrue(opnames(try compile("assert x\n")).contains("LOAD_ASSERTION_ERROR"))
    }

    func testFutureAnnotationsAreUnparsed() throws {
        let cases: [(String, String)] = [
            ("-x ** -y", "-x ** (-y)"), ("1e999", "1e309"), ("(a, b)", "(a, b)"), ("x[a,]", "x[a,]"),
            ("1 .real", "1 .real"), ("f'{x!r:>{w}} {{}}'", "f'{x!r:>{w}} {{}}'"),
            ("lambda x, *y, z=1, **k: x", "lambda x, *y, z=1, **k: x"), ("2 ** 3 ** 4", "2 ** 3 ** 4"),
            ("(2 ** 3) ** 4", "(2 ** 3) ** 4"), ("not a < b", "not a < b"), ("u'x'", "u'x'"),
            ("{**a, 'b': 1}", "{**a, 'b': 1}"), ("(i for i in x if i)", "(i for i in x if i)"),
        ]
        for (annotation, expected) in cases {
            let code = try compile("from __future__ import annotations\ndef f(x: \(annotation)): pass\n")
            let strings = code.constants.compactMap { constant -> String? in
                if case .literal(.str(let text)) = constant { return text.string }
                return nil
            }
            XCTAssertTrue(strings.contains(expected), "\(annotation): \(strings)")
        }
    }

    func testCompilerErrors() throws {
        XCTAssertThrowsError(try compile("return 1\n")) { error in
            guard case CompileError.syntax(let syntaxError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(syntaxError.message, "'return' outside function")
        }
        XCTAssertThrowsError(try compile("match x:\n    case a:\n        pass\n    case b:\n        pass\n")) { error in
            guard case CompileError.syntax(let syntaxError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(syntaxError.message, "name capture 'a' makes remaining patterns unreachable")
        }
    }

    func testEveryConstructValidates() throws {
        let code = try compile("""
        import os.path as p
        from . import x as y
        async def co(a):
            async with a as b, a:
                await b
            async for q in a:
                print(q)
            return [z async for z in a], {k: v for k, v in a}, (w async for w in a)
        class C(B, metaclass=M):
            x: int = 3
            def m(self, /, a, *args, b=1, **kw):
                nonlocal_test = 1
                return super().m(*args, **kw)
        def t():
            try:
                pass
            except* ValueError as e:
                raise
            except* TypeError:
                pass
            else:
                pass
            finally:
                del e
        while a < b < c:
            a, *b = c
            if not a: continue
            break
        else:
            f"{a!r:{b}}"
        """)
        XCTAssertNil(BytecodeValidator.validate(code))
    }
}

/// The `eval` and `single` modes of compile().
final class CompileModeTests: XCTestCase {
    func testEvalModeReturnsTheValue() throws {
        let source = SourceBuffer("a + 1", filename: "<test>")
        let code = try CodeGenerator.compile(.expression(body: try parseExpression(source)), source: source,
                                             options: CompileOptions(mode: .eval))
        XCTAssertEqual(code.instructions.map { $0.opcode.name },
                       ["RESUME", "LOAD_NAME", "LOAD_CONST", "BINARY_OP", "RETURN_VALUE"])
    }

    func testSingleModePrintsExpressions() throws {
        let source = SourceBuffer("x = 1\nx\n", filename: "<test>")
        guard case .module(let body, _) = try Parser.parseModule(source) else { return XCTFail() }
        let code = try CodeGenerator.compile(.interactive(body: body), source: source,
                                             options: CompileOptions(mode: .single))
        XCTAssertTrue(code.instructions.contains { $0.opcode == .printExpr })
    }

    private func parseExpression(_ source: SourceBuffer) throws -> Expr {
        guard case .module(let body, _) = try Parser.parseModule(source),
              case .expr(let value) = body[0].kind else { throw CompileError.unsupported("", body0) }
        return value
    }

    private var body0: SourceRange { SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0) }
}
