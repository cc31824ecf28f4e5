import XCTest
import GarterSyntax
@testable import GarterCompiler

/// The symbol table on the scoping cases that are easy to get wrong. The
/// expected values were checked against CPython 3.11's `symtable` module
/// (and `compile()` for the errors); tests/symtable/ and
/// scripts/compare_symtable.py compare whole tables.
final class SymbolTableTests: XCTestCase {
    private func table(_ text: String) throws -> SymbolTable {
        let source = SourceBuffer(text, filename: "<test>")
        return try SymbolTable.build(try Parser.parseModule(source), source: source)
    }

    private func error(_ text: String) -> SyntaxError? {
        let source = SourceBuffer(text, filename: "<test>")
        do {
            _ = try SymbolTable.build(try Parser.parseModule(source), source: source)
            return nil
        } catch {
            return error
        }
    }

    /// The scope reached by following child indexes from the module.
    private func scope(_ table: SymbolTable, _ path: Int...) -> Scope {
        var id = SymbolTable.topID
        for index in path { id = table[id].children[index] }
        return table[id]
    }

    private func assertError(_ text: String, _ message: String, line: Int, offset: Int, endOffset: Int,
                             file: StaticString = #filePath, lineNumber: UInt = #line) {
        guard let error = error(text) else {
            return XCTFail("no error for \(text)", file: file, line: lineNumber)
        }
        XCTAssertEqual(error.message, message, file: file, line: lineNumber)
        XCTAssertEqual(error.lineno, line, file: file, line: lineNumber)
        XCTAssertEqual(error.offset, offset, file: file, line: lineNumber)
        XCTAssertEqual(error.endOffset, endOffset, file: file, line: lineNumber)
    }

    // MARK: Closures

    func testClosureMakesCellsAndFreeVariables() throws {
        let table = try table("""
            def outer(a, b):
                c = 1
                def inner():
                    nonlocal c
                    return a + c
                return inner
            """)
        let outer = scope(table, 0)
        XCTAssertEqual(outer.resolvedScope(of: "a"), .cell)
        XCTAssertEqual(outer.resolvedScope(of: "b"), .local)
        XCTAssertEqual(outer.resolvedScope(of: "c"), .cell)
        XCTAssertEqual(outer.cellVariables, ["a", "c"])
        XCTAssertTrue(outer.childHasFreeVariables)
        let inner = scope(table, 0, 0)
        XCTAssertEqual(inner.freeVariables, ["a", "c"])
        XCTAssertEqual(inner.symbol(named: "c")?.flags, [.declaredNonlocal, .used])
        XCTAssertTrue(inner.isNested)
        XCTAssertTrue(inner.hasFreeVariables)
    }

    func testFreeNamePassesThroughAnIntermediateFunction() throws {
        let table = try table("""
            def f():
                x = 1
                def g():
                    def h():
                        return x
                    return h
            """)
        let g = scope(table, 0, 0)
        // g never names x, but must carry it for h's closure.
        XCTAssertEqual(g.symbol(named: "x")?.flags, [])
        XCTAssertEqual(g.resolvedScope(of: "x"), .free)
        XCTAssertEqual(g.freeVariables, ["x"])
        XCTAssertEqual(scope(table, 0).cellVariables, ["x"])
    }

    func testGlobalDeclarationHidesTheEnclosingBinding() throws {
        let table = try table("""
            def f():
                x = 1
                def g():
                    global x
                    def h():
                        return x
            """)
        XCTAssertEqual(scope(table, 0).resolvedScope(of: "x"), .local)
        XCTAssertEqual(scope(table, 0, 0).resolvedScope(of: "x"), .globalExplicit)
        XCTAssertEqual(scope(table, 0, 0, 0).resolvedScope(of: "x"), .globalImplicit)
        // The declaration is recorded in the module too.
        XCTAssertEqual(table.top.symbol(named: "x")?.flags, [.declaredGlobal])
        XCTAssertEqual(table.top.resolvedScope(of: "x"), .globalExplicit)
    }

    // MARK: Classes

    func testClassBodyNamesAreInvisibleToMethods() throws {
        let table = try table("""
            def f():
                y = 1
                class C:
                    y = 2
                    def m(self):
                        return y
            """)
        let c = scope(table, 0, 0)
        XCTAssertEqual(c.resolvedScope(of: "y"), .local)
        // Bound in the class and free in a method: CPython's DEF_FREE_CLASS,
        // and the class's code receives the cell too.
        XCTAssertEqual(c.symbol(named: "y")?.flags, [.assigned, .freeInClass])
        XCTAssertEqual(c.freeVariables, ["y"])
        XCTAssertEqual(scope(table, 0, 0, 0).resolvedScope(of: "y"), .free)
        XCTAssertEqual(scope(table, 0).cellVariables, ["y"])
    }

    func testSuperMakesTheClassCreateTheClassCell() throws {
        let table = try table("""
            class C(B):
                def m(self):
                    return super().m()
                def n(self):
                    return 1
            """)
        let c = scope(table, 0)
        XCTAssertTrue(c.needsClassClosure)
        XCTAssertEqual(c.cellVariables, ["__class__"])
        XCTAssertNil(c.symbol(named: "__class__"))
        let m = scope(table, 0, 0)
        XCTAssertEqual(m.symbol(named: "__class__")?.flags, [.used])
        XCTAssertEqual(m.freeVariables, ["__class__"])
        XCTAssertEqual(m.resolvedScope(of: "super"), .globalImplicit)
        XCTAssertNil(scope(table, 0, 1).symbol(named: "__class__"))
    }

    func testPrivateNamesAreMangledInsideClasses() throws {
        let table = try table("""
            class C:
                __a = 1
                __b__ = 2
                def __m(self, __p):
                    return __p, __a
            def __f():
                pass
            """)
        let c = scope(table, 0)
        XCTAssertEqual(c.symbols.map(\.name), ["_C__a", "__b__", "_C__m"])
        let method = scope(table, 0, 0)
        XCTAssertEqual(method.name, "__m")
        XCTAssertEqual(method.parameters, ["self", "_C__p"])
        XCTAssertEqual(method.resolvedScope(of: "_C__a"), .globalImplicit)
        XCTAssertNotNil(table.top.symbol(named: "__f"))
    }

    func testNameMangling() {
        XCTAssertEqual(NameMangling.mangle("__x", inClass: "C"), "_C__x")
        XCTAssertEqual(NameMangling.mangle("__x", inClass: "__Leading"), "_Leading__x")
        XCTAssertEqual(NameMangling.mangle("__x", inClass: "___"), "__x")
        XCTAssertEqual(NameMangling.mangle("__x__", inClass: "C"), "__x__")
        XCTAssertEqual(NameMangling.mangle("__", inClass: "C"), "__")
        XCTAssertEqual(NameMangling.mangle("_x", inClass: "C"), "_x")
        XCTAssertEqual(NameMangling.mangle("__a.b", inClass: "C"), "__a.b")
        XCTAssertEqual(NameMangling.mangle("__x", inClass: nil), "__x")
        XCTAssertEqual(NameMangling.mangle("__é", inClass: "Ça"), "_Ça__é")
    }

    // MARK: Comprehensions

    func testComprehensionIsAFunctionScopeWithImplicitParameter() throws {
        let table = try table("""
            def f(rows):
                return [x for row in rows for x in row if x], (y for y in rows), {k: v for k, v in rows}
            """)
        let f = scope(table, 0)
        XCTAssertEqual(f.children.map { table[$0].name }, ["listcomp", "genexpr", "dictcomp"])
        let list = scope(table, 0, 0)
        XCTAssertEqual(list.comprehension, .list)
        XCTAssertEqual(list.parameters, [".0"])
        XCTAssertEqual(list.symbols.map(\.name), [".0", "row", "x"])
        XCTAssertTrue(list.symbol(named: "x")!.flags.contains(.comprehensionIterationVariable))
        XCTAssertFalse(list.isGenerator)
        // The outermost iterable is read by f, not by the comprehension.
        XCTAssertNil(list.symbol(named: "rows"))
        XCTAssertEqual(f.resolvedScope(of: "rows"), .local)
        XCTAssertTrue(scope(table, 0, 1).isGenerator)
        // A dict comprehension's value is walked before its key.
        XCTAssertEqual(scope(table, 0, 2).symbols.map(\.name), [".0", "k", "v"])
    }

    func testWalrusInComprehensionBindsInTheEnclosingFunction() throws {
        let table = try table("""
            def f(items):
                return [last := i for i in items], last
            total = [t := n for n in range(3)]
            """)
        let f = scope(table, 0)
        XCTAssertEqual(f.symbol(named: "last")?.flags, [.assigned, .used])
        XCTAssertEqual(f.resolvedScope(of: "last"), .cell)
        let comprehension = scope(table, 0, 0)
        XCTAssertEqual(comprehension.symbol(named: "last")?.flags, [.declaredNonlocal, .assigned])
        XCTAssertEqual(comprehension.resolvedScope(of: "last"), .free)
        // At module level the walrus target is declared global.
        XCTAssertEqual(table.top.symbol(named: "t")?.flags, [.declaredGlobal])
        XCTAssertEqual(scope(table, 1).resolvedScope(of: "t"), .globalExplicit)
    }

    func testAsyncComprehensionAndAwaitMarkCoroutines() throws {
        let table = try table("""
            async def f(xs):
                return [x async for x in xs], (await x for x in xs)
            """)
        XCTAssertTrue(scope(table, 0).isCoroutine)
        XCTAssertTrue(scope(table, 0, 0).isCoroutine)
        XCTAssertTrue(scope(table, 0, 1).isCoroutine)
        XCTAssertTrue(scope(table, 0, 1).isGenerator)
    }

    // MARK: Functions

    func testParametersAreInCodeObjectOrder() throws {
        let table = try table("def f(a, /, b, *c, d, **e): return (yield)\nlambda x=y, *, z: 0\n")
        let f = scope(table, 0)
        XCTAssertEqual(f.parameters, ["a", "b", "d", "c", "e"])
        XCTAssertTrue(f.hasVarargs)
        XCTAssertTrue(f.hasVarkeywords)
        XCTAssertTrue(f.isGenerator)
        XCTAssertTrue(f.returnsValue)
        let lambda = scope(table, 1)
        XCTAssertEqual(lambda.name, "lambda")
        XCTAssertEqual(lambda.parameters, ["x", "z"])
        // The default is evaluated in the module.
        XCTAssertEqual(table.top.resolvedScope(of: "y"), .globalImplicit)
    }

    func testDecoratorsDefaultsAndAnnotationsBelongToTheEnclosingScope() throws {
        let table = try table("""
            def outer(d, default, T):
                @d
                def f(x: T = default) -> T:
                    y: T = x
            """)
        let outer = scope(table, 0)
        XCTAssertEqual(outer.symbols.map(\.name), ["d", "default", "T", "f"])
        let f = scope(table, 0, 0)
        XCTAssertEqual(f.symbols.map(\.name), ["x", "y", "T"])
        XCTAssertEqual(f.resolvedScope(of: "T"), .free)
    }

    func testFutureAnnotationsAreNotEvaluated() throws {
        let table = try table("""
            from __future__ import annotations
            def f(a: A) -> [r for r in R]:
                x: lambda: X = 1
            g = lambda: 0
            """)
        XCTAssertTrue(table.future.contains(.annotations))
        XCTAssertEqual(table.top.symbols.map(\.name), ["annotations", "f", "g"])
        // Neither the comprehension nor the lambda of the annotations exists.
        XCTAssertEqual(table.scopes.map(\.name), ["top", "f", "lambda"])
        XCTAssertEqual(scope(table, 0).symbols.map(\.name), ["a", "x"])
        XCTAssertEqual(table.top.children, [1, 2])
    }

    func testScopeLookupByNodeRange() throws {
        let text = "def f():\n    return lambda: [x for x in y]\n"
        let source = SourceBuffer(text, filename: "<test>")
        let module = try Parser.parseModule(source)
        let table = try SymbolTable.build(module, source: source)
        guard case .module(let body, _) = module, case .functionDef(_, _, let fBody, _, _, _) = body[0].kind,
              case .return(let value?) = fBody[0].kind, case .lambda(_, let lambdaBody) = value.kind else {
            return XCTFail("unexpected tree")
        }
        XCTAssertEqual(table.scope(for: body[0].range).map { table[$0].name }, "f")
        XCTAssertEqual(table.scope(for: value.range).map { table[$0].name }, "lambda")
        XCTAssertEqual(table.scope(for: lambdaBody.range).map { table[$0].name }, "listcomp")
        XCTAssertNil(table.scope(for: fBody[0].range))
    }

    func testMatchPatternsExceptHandlersAndImportsBindNames() throws {
        let table = try table("""
            def f(p):
                match p:
                    case [a, *rest] | {"k": a, **rest} if a:
                        pass
                    case Point(x=px) as point:
                        pass
                try:
                    import os.path, json as js
                except E as err:
                    del err
            """)
        let f = scope(table, 0)
        for name in ["a", "rest", "px", "point", "err"] {
            XCTAssertEqual(f.symbol(named: name)?.isAssigned, true, name)
        }
        XCTAssertEqual(f.symbol(named: "os")?.flags, [.imported])
        XCTAssertEqual(f.symbol(named: "js")?.flags, [.imported])
        XCTAssertNil(f.symbol(named: "json"))
        XCTAssertEqual(f.resolvedScope(of: "Point"), .globalImplicit)
    }

    // MARK: Errors

    func testDeclarationErrors() {
        assertError("def f(x):\n    global x\n", "name 'x' is parameter and global", line: 2, offset: 5, endOffset: 13)
        assertError("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration",
                    line: 3, offset: 5, endOffset: 13)
        assertError("def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global",
                    line: 3, offset: 5, endOffset: 13)
        assertError("def f():\n    global x\n    x: int\n", "annotated name 'x' can't be global",
                    line: 3, offset: 5, endOffset: 11)
        assertError("nonlocal x\n", "nonlocal declaration not allowed at module level", line: 1, offset: 1, endOffset: 11)
        assertError("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", line: 2, offset: 5, endOffset: 15)
        assertError("def g():\n    x = 1\n    def f():\n        global x\n        nonlocal x\n",
                    "name 'x' is nonlocal and global", line: 4, offset: 9, endOffset: 17)
    }

    func testArgumentAndImportErrors() {
        assertError("def f(a, *, a): pass\n", "duplicate argument 'a' in function definition",
                    line: 1, offset: 13, endOffset: 14)
        assertError("def f():\n    from os import *\n", "import * only allowed at module level",
                    line: 2, offset: 20, endOffset: 21)
        // Offsets are UTF-8 byte columns plus one, as CPython reports them here.
        assertError("def f(é, é): pass\n", "duplicate argument 'é' in function definition",
                    line: 1, offset: 11, endOffset: 13)
    }

    func testComprehensionErrors() {
        assertError("def f(): [(yield) for x in y]\n", "'yield' inside list comprehension", line: 1, offset: 12, endOffset: 17)
        assertError("def f(): ((yield) for x in y)\n", "'yield' inside generator expression",
                    line: 1, offset: 12, endOffset: 17)
        assertError("[x := 1 for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'",
                    line: 1, offset: 2, endOffset: 3)
        assertError("[i for i in range(3) if (j := 0) for j in range(3)]\n",
                    "comprehension inner loop cannot rebind assignment expression target 'j'",
                    line: 1, offset: 38, endOffset: 39)
        assertError("[i for i in (lambda: (k := 1))()]\n",
                    "assignment expression cannot be used in a comprehension iterable expression",
                    line: 1, offset: 23, endOffset: 29)
        assertError("class C: [(y := 1) for x in z]\n",
                    "assignment expression within a comprehension cannot be used in a class body",
                    line: 1, offset: 12, endOffset: 13)
        // The iterable of the outermost loop is the enclosing scope's, where yield is fine.
        XCTAssertNil(error("def f(): [x for x in (yield)]\n"))
    }

    func testFutureErrors() {
        assertError("from __future__ import braces\n", "not a chance", line: 1, offset: 1, endOffset: 0)
        assertError("from __future__ import nope\n", "future feature nope is not defined", line: 1, offset: 1, endOffset: 0)
        assertError("import os; from __future__ import division\n",
                    "from __future__ imports must occur at the beginning of the file", line: 1, offset: 11, endOffset: 0)
        assertError("from __future__ import annotations\nx: (yield)\n",
                    "'yield expression' can not be used within an annotation", line: 2, offset: 5, endOffset: 10)
        // On a later line, a late future import is the code generator's to report.
        XCTAssertNil(error("import os\nfrom __future__ import division\n"))
    }

    // MARK: Dump

    func testDumpFormat() throws {
        let dump = SymbolTableDump.dump(try table("def f(a):\n    return lambda: a + b\n"))
        XCTAssertEqual(dump, """
            module top line=0 nested=0 optimized=0 children=1
              symbol f LOCAL DEF_LOCAL
              function f line=1 nested=0 optimized=1 children=1 params=a
                symbol a CELL DEF_PARAM
                function lambda line=2 nested=1 optimized=1 children=0 params=
                  symbol a FREE USE
                  symbol b GLOBAL_IMPLICIT USE

            """)
    }
}
