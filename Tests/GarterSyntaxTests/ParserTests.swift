import XCTest
@testable import GarterSyntax

/// The parser's trees and errors on small programs. Expected texts were
/// produced by CPython 3.11 (`ast.dump(ast.parse(src), include_attributes=True)`
/// and the SyntaxError's attributes).
final class ParserTests: XCTestCase {
    private func dump(_ source: String) throws -> String {
        ASTDump.dump(try Parser.parseModule(SourceBuffer(source, filename: "<test>")))
    }

    private func syntaxError(_ source: String) -> SyntaxError? {
        do {
            _ = try Parser.parseModule(SourceBuffer(source, filename: "<test>"))
            return nil
        } catch {
            return error
        }
    }

    func testOperatorPrecedenceAndPositions() throws {
        XCTAssertEqual(try dump("x = -a ** b * c + d << e & f ^ g | h"), "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), op=Pow(), right=Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), lineno=1, col_offset=5, end_lineno=1, end_col_offset=11), lineno=1, col_offset=4, end_lineno=1, end_col_offset=11), op=Mult(), right=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), lineno=1, col_offset=4, end_lineno=1, end_col_offset=15), op=Add(), right=Name(id='d', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), lineno=1, col_offset=4, end_lineno=1, end_col_offset=19), op=LShift(), right=Name(id='e', ctx=Load(), lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), lineno=1, col_offset=4, end_lineno=1, end_col_offset=24), op=BitAnd(), right=Name(id='f', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), lineno=1, col_offset=4, end_lineno=1, end_col_offset=28), op=BitXor(), right=Name(id='g', ctx=Load(), lineno=1, col_offset=31, end_lineno=1, end_col_offset=32), lineno=1, col_offset=4, end_lineno=1, end_col_offset=32), op=BitOr(), right=Name(id='h', ctx=Load(), lineno=1, col_offset=35, end_lineno=1, end_col_offset=36), lineno=1, col_offset=4, end_lineno=1, end_col_offset=36), lineno=1, col_offset=0, end_lineno=1, end_col_offset=36)], type_ignores=[])")
    }

    /// A node starts at the first token of its rule: the call starts at `(`.
    func testParenthesizedPrimaryStartsAtParenthesis() throws {
        XCTAssertEqual(try dump("(a)(b).c[d]"), "Module(body=[Expr(value=Subscript(value=Attribute(value=Call(func=Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), args=[Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6), attr='c', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), slice=Name(id='d', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], type_ignores=[])")
    }

    func testLoneGeneratorArgumentSpansTheCallParentheses() throws {
        XCTAssertEqual(try dump("f(x for x in y)"), "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])")
    }

    func testFStringDebugSpecifier() throws {
        XCTAssertEqual(try dump(#"f"{x=!r:>10}""#), "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>10', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[])")
    }

    func testDecoratedFunctionStartsAtDef() throws {
        XCTAssertEqual(try dump("@d\ndef f(a, /, b=1, *c, d, **e) -> int: pass"), "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], args=[arg(arg='b', lineno=2, col_offset=12, end_lineno=2, end_col_offset=13)], vararg=arg(arg='c', lineno=2, col_offset=18, end_lineno=2, end_col_offset=19), kwonlyargs=[arg(arg='d', lineno=2, col_offset=21, end_lineno=2, end_col_offset=22)], kw_defaults=[None], kwarg=arg(arg='e', lineno=2, col_offset=26, end_lineno=2, end_col_offset=27), defaults=[Constant(value=1, lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)]), body=[Pass(lineno=2, col_offset=37, end_lineno=2, end_col_offset=41)], decorator_list=[Name(id='d', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2)], returns=Name(id='int', ctx=Load(), lineno=2, col_offset=32, end_lineno=2, end_col_offset=35), lineno=2, col_offset=0, end_lineno=2, end_col_offset=41)], type_ignores=[])")
    }

    /// A compound statement ends at its block's last token, a trailing `;` included.
    func testCompoundStatementEndsAtTrailingSemicolon() throws {
        XCTAssertEqual(try dump("if x:\n    y;\n"), "Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Expr(value=Name(id='y', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], orelse=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=6)], type_ignores=[])")
    }

    func testSoftKeywordMatchIsStillAName() throws {
        XCTAssertEqual(try dump("match(x)\nmatch = 1"), "Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), Assign(targets=[Name(id='match', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5)], value=Constant(value=1, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=0, end_lineno=2, end_col_offset=9)], type_ignores=[])")
    }

    private func assertError(_ source: String, _ kind: SyntaxError.Kind, _ message: String,
                             _ lineno: Int, _ offset: Int, _ endLineno: Int, _ endOffset: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let error = syntaxError(source) else {
            XCTFail("no error for \(source)", file: file, line: line)
            return
        }
        XCTAssertEqual(error.kind, kind, file: file, line: line)
        XCTAssertEqual(error.message, message, file: file, line: line)
        XCTAssertEqual([error.lineno, error.offset, error.endLineno, error.endOffset],
                       [lineno, offset, endLineno, endOffset], file: file, line: line)
    }

    func testInvalidTargets() {
        assertError("f() = 1", .syntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4)
        assertError("x = f() = 1", .syntaxError, "cannot assign to function call", 1, 5, 1, 8)
        assertError("for f() in x: pass", .syntaxError, "cannot assign to function call", 1, 5, 1, 8)
        assertError("del f()", .syntaxError, "cannot delete function call", 1, 5, 1, 8)
        assertError("(a, b) += 1", .syntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7)
        assertError("a, b: int", .syntaxError, "only single target (not tuple) can be annotated", 1, 1, 1, 2)
    }

    func testCommonMistakes() {
        assertError("print \"x\"", .syntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 10)
        assertError("if x\n  pass", .syntaxError, "expected ':'", 1, 5, 1, 5)
        assertError("a = 1 if b", .syntaxError, "expected 'else' after 'if' expression", 1, 5, 1, 11)
        assertError("f(x for x in y, 1)", .syntaxError, "Generator expression must be parenthesized", 1, 3, 1, 15)
        assertError("def f(a=1, b): pass", .syntaxError, "non-default argument follows default argument", 1, 12, 1, 13)
        assertError("if x:\npass", .indentationError, "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5)
        assertError("[a b]", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5)
    }

    /// A bracket left open is reported when the parse error comes on a later line.
    func testUnclosedBracketWinsOverLaterParseError() {
        assertError("def f(a, b:\n    pass\n", .syntaxError, "'(' was never closed", 1, 6, 1, 0)
    }

    func testDeepNestingIsASyntaxErrorNotACrash() {
        let source = String(repeating: "-", count: 5000) + "x"
        XCTAssertNotNil(syntaxError(source))
    }
}

final class ReprTests: XCTestCase {
    /// Expected texts from CPython 3.11's repr().
    func testFloatRepr() {
        let cases: [(Double, String)] = [
            (0.0, "0.0"), (-0.0, "-0.0"), (1.0, "1.0"), (1.5, "1.5"), (0.1, "0.1"), (1e16, "1e+16"),
            (1e15, "1000000000000000.0"), (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-4, "0.0001"), (1e-5, "1e-05"), (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (2.5e-7, "2.5e-07"), (100.0, "100.0"),
            (1234.5678, "1234.5678"), (.infinity, "inf"), (.nan, "nan"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(Repr.float(value), text)
        }
        XCTAssertEqual(Repr.imaginary(1e15), "1000000000000000j")
        XCTAssertEqual(Repr.imaginary(1.5), "1.5j")
    }

    func testStringAndBytesRepr() {
        XCTAssertEqual(Repr.string(Array("a'b".unicodeScalars.map(\.value))), "\"a'b\"")
        XCTAssertEqual(Repr.string(Array("a'\"".unicodeScalars.map(\.value))), "'a\\'\"'")
        XCTAssertEqual(Repr.string([0x00, 0x09, 0x200B, 0x1F600, 0xDC80, 0xA0]), "'\\x00\\t\\u200b\u{1F600}\\udc80\\xa0'")
        XCTAssertEqual(Repr.bytes([0x00, 0x27, 0xFF]), "b\"\\x00'\\xff\"")
    }
}
