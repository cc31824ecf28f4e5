import Testing
@testable import GarterSyntax

// Expected tokens and errors below were produced by running CPython 3.11.7:
// token positions with the `tokenize` module (byte columns), adjusted to the
// C tokenizer: NEWLINE starts at a trailing comment and has no width, and
// DEDENT and ENDMARKER at the end of the input sit at the end of the last
// line. Errors with `compile(source, "<case>", "exec")` on the source as a
// str, reading SyntaxError's lineno/offset/end_lineno/end_offset. For null
// bytes and a final "\r\n", which compile() treats specially, the values come
// from running the source as a script (`python3 file.py`).

/// Tokens as "kind line:column-endLine:endColumn |text|", with byte columns
/// and the text escaped (\n, \r, \t, \f, \\).
func render(_ source: String) -> [String] {
    let buffer = SourceBuffer(source)
    let (tokens, error) = Lexer.tokenize(buffer)
    var lines = tokens.map { token in
        "\(token.kind) \(token.line):\(token.column)-\(token.endLine):\(token.endColumn) |\(escaped(buffer.text(of: token)))|"
    }
    if let error { lines.append("error: \(error.message)") }
    return lines
}

private func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{0C}": result += "\\f"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

@Suite struct LexerTokenTests {
    @Test func indentation() {
        #expect(render("if a:\n    b = 1\n\n    # comment at another depth\n  # and another\n    if c:\n        d\n    e\nf\n") == [
            "kwIf 1:0-1:2 |if|",
            "name 1:3-1:4 |a|",
            "colon 1:4-1:5 |:|",
            "newline 1:5-1:5 ||",
            "indent 2:0-2:4 |    |",
            "name 2:4-2:5 |b|",
            "equal 2:6-2:7 |=|",
            "number 2:8-2:9 |1|",
            "newline 2:9-2:9 ||",
            "kwIf 6:4-6:6 |if|",
            "name 6:7-6:8 |c|",
            "colon 6:8-6:9 |:|",
            "newline 6:9-6:9 ||",
            "indent 7:0-7:8 |        |",
            "name 7:8-7:9 |d|",
            "newline 7:9-7:9 ||",
            "dedent 8:4-8:4 ||",
            "name 8:4-8:5 |e|",
            "newline 8:5-8:5 ||",
            "dedent 9:0-9:0 ||",
            "name 9:0-9:1 |f|",
            "newline 9:1-9:1 ||",
            "endMarker 9:1-9:1 ||",
        ])
    }

    @Test func dedentToSeveralLevels() {
        #expect(render("class A:\n    def f(self):\n        if x:\n            return 1\nprint(A)\n") == [
            "kwClass 1:0-1:5 |class|",
            "name 1:6-1:7 |A|",
            "colon 1:7-1:8 |:|",
            "newline 1:8-1:8 ||",
            "indent 2:0-2:4 |    |",
            "kwDef 2:4-2:7 |def|",
            "name 2:8-2:9 |f|",
            "leftParen 2:9-2:10 |(|",
            "name 2:10-2:14 |self|",
            "rightParen 2:14-2:15 |)|",
            "colon 2:15-2:16 |:|",
            "newline 2:16-2:16 ||",
            "indent 3:0-3:8 |        |",
            "kwIf 3:8-3:10 |if|",
            "name 3:11-3:12 |x|",
            "colon 3:12-3:13 |:|",
            "newline 3:13-3:13 ||",
            "indent 4:0-4:12 |            |",
            "kwReturn 4:12-4:18 |return|",
            "number 4:19-4:20 |1|",
            "newline 4:20-4:20 ||",
            "dedent 5:0-5:0 ||",
            "dedent 5:0-5:0 ||",
            "dedent 5:0-5:0 ||",
            "name 5:0-5:5 |print|",
            "leftParen 5:5-5:6 |(|",
            "name 5:6-5:7 |A|",
            "rightParen 5:7-5:8 |)|",
            "newline 5:8-5:8 ||",
            "endMarker 5:8-5:8 ||",
        ])
    }

    @Test func dedentsAtEndOfFile() {
        #expect(render("def f():\n    if x:\n        pass\n") == [
            "kwDef 1:0-1:3 |def|",
            "name 1:4-1:5 |f|",
            "leftParen 1:5-1:6 |(|",
            "rightParen 1:6-1:7 |)|",
            "colon 1:7-1:8 |:|",
            "newline 1:8-1:8 ||",
            "indent 2:0-2:4 |    |",
            "kwIf 2:4-2:6 |if|",
            "name 2:7-2:8 |x|",
            "colon 2:8-2:9 |:|",
            "newline 2:9-2:9 ||",
            "indent 3:0-3:8 |        |",
            "kwPass 3:8-3:12 |pass|",
            "newline 3:12-3:12 ||",
            "dedent 3:12-3:12 ||",
            "dedent 3:12-3:12 ||",
            "endMarker 3:12-3:12 ||",
        ])
    }

    @Test func continuationLines() {
        #expect(render("x = 1 + \\\n    2\nif a and \\\n        b:\n    pass\n") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "number 1:4-1:5 |1|",
            "plus 1:6-1:7 |+|",
            "number 2:4-2:5 |2|",
            "newline 2:5-2:5 ||",
            "kwIf 3:0-3:2 |if|",
            "name 3:3-3:4 |a|",
            "kwAnd 3:5-3:8 |and|",
            "name 4:8-4:9 |b|",
            "colon 4:9-4:10 |:|",
            "newline 4:10-4:10 ||",
            "indent 5:0-5:4 |    |",
            "kwPass 5:4-5:8 |pass|",
            "newline 5:8-5:8 ||",
            "dedent 5:8-5:8 ||",
            "endMarker 5:8-5:8 ||",
        ])
    }

    @Test func bracketsAcrossLines() {
        #expect(render("x = [1,  # one\n     2,\n\n     (3 +\n  4)]\ny = {\n}\n") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "leftSquare 1:4-1:5 |[|",
            "number 1:5-1:6 |1|",
            "comma 1:6-1:7 |,|",
            "number 2:5-2:6 |2|",
            "comma 2:6-2:7 |,|",
            "leftParen 4:5-4:6 |(|",
            "number 4:6-4:7 |3|",
            "plus 4:8-4:9 |+|",
            "number 5:2-5:3 |4|",
            "rightParen 5:3-5:4 |)|",
            "rightSquare 5:4-5:5 |]|",
            "newline 5:5-5:5 ||",
            "name 6:0-6:1 |y|",
            "equal 6:2-6:3 |=|",
            "leftBrace 6:4-6:5 |{|",
            "rightBrace 7:0-7:1 |}|",
            "newline 7:1-7:1 ||",
            "endMarker 7:1-7:1 ||",
        ])
    }

    @Test func stringPrefixes() {
        #expect(render("a = f\"x{y}\" rf'\\d' FR\"\"\"m\nn\"\"\" Rb'\\x' bR\"\" u'' U\"z\" B'' b\"c\" r'' F''\n") == [
            "name 1:0-1:1 |a|",
            "equal 1:2-1:3 |=|",
            "string 1:4-1:11 |f\"x{y}\"|",
            "string 1:12-1:18 |rf'\\\\d'|",
            "string 1:19-2:4 |FR\"\"\"m\\nn\"\"\"|",
            "string 2:5-2:11 |Rb'\\\\x'|",
            "string 2:12-2:16 |bR\"\"|",
            "string 2:17-2:20 |u''|",
            "string 2:21-2:25 |U\"z\"|",
            "string 2:26-2:29 |B''|",
            "string 2:30-2:34 |b\"c\"|",
            "string 2:35-2:38 |r''|",
            "string 2:39-2:42 |F''|",
            "newline 2:42-2:42 ||",
            "endMarker 2:42-2:42 ||",
        ])
    }

    @Test func tripleQuotedStrings() {
        #expect(render("s = \"\"\"a\n\"b\"\nc\"\"\" + ''''''\nt = 'it\\'s'\n") == [
            "name 1:0-1:1 |s|",
            "equal 1:2-1:3 |=|",
            "string 1:4-3:4 |\"\"\"a\\n\"b\"\\nc\"\"\"|",
            "plus 3:5-3:6 |+|",
            "string 3:7-3:13 |''''''|",
            "newline 3:13-3:13 ||",
            "name 4:0-4:1 |t|",
            "equal 4:2-4:3 |=|",
            "string 4:4-4:11 |'it\\\\'s'|",
            "newline 4:11-4:11 ||",
            "endMarker 4:11-4:11 ||",
        ])
    }

    @Test func escapedNewlineInString() {
        #expect(render("s = \"a\\\nb\"\nt = 1\n") == [
            "name 1:0-1:1 |s|",
            "equal 1:2-1:3 |=|",
            "string 1:4-2:2 |\"a\\\\\\nb\"|",
            "newline 2:2-2:2 ||",
            "name 3:0-3:1 |t|",
            "equal 3:2-3:3 |=|",
            "number 3:4-3:5 |1|",
            "newline 3:5-3:5 ||",
            "endMarker 3:5-3:5 ||",
        ])
    }

    @Test func newlineAfterComment() {
        #expect(render("x = 1  # note\ny = 2\n") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "number 1:4-1:5 |1|",
            "newline 1:7-1:13 |# note|",
            "name 2:0-2:1 |y|",
            "equal 2:2-2:3 |=|",
            "number 2:4-2:5 |2|",
            "newline 2:5-2:5 ||",
            "endMarker 2:5-2:5 ||",
        ])
    }

    @Test func operators() {
        #expect(render("a += b -= c *= d /= e //= f %= g @= h &= i |= j ^= k >>= l <<= m **= n\na + b - c * d / e // f % g @ h & i | j ^ k >> l << m ** n ~ o\na < b > c <= d >= e == f != g -> h := i ... j . k , l ; m : n\n") == [
            "name 1:0-1:1 |a|",
            "plusEqual 1:2-1:4 |+=|",
            "name 1:5-1:6 |b|",
            "minusEqual 1:7-1:9 |-=|",
            "name 1:10-1:11 |c|",
            "starEqual 1:12-1:14 |*=|",
            "name 1:15-1:16 |d|",
            "slashEqual 1:17-1:19 |/=|",
            "name 1:20-1:21 |e|",
            "doubleSlashEqual 1:22-1:25 |//=|",
            "name 1:26-1:27 |f|",
            "percentEqual 1:28-1:30 |%=|",
            "name 1:31-1:32 |g|",
            "atEqual 1:33-1:35 |@=|",
            "name 1:36-1:37 |h|",
            "amperEqual 1:38-1:40 |&=|",
            "name 1:41-1:42 |i|",
            "vbarEqual 1:43-1:45 ||=|",
            "name 1:46-1:47 |j|",
            "circumflexEqual 1:48-1:50 |^=|",
            "name 1:51-1:52 |k|",
            "rightShiftEqual 1:53-1:56 |>>=|",
            "name 1:57-1:58 |l|",
            "leftShiftEqual 1:59-1:62 |<<=|",
            "name 1:63-1:64 |m|",
            "doubleStarEqual 1:65-1:68 |**=|",
            "name 1:69-1:70 |n|",
            "newline 1:70-1:70 ||",
            "name 2:0-2:1 |a|",
            "plus 2:2-2:3 |+|",
            "name 2:4-2:5 |b|",
            "minus 2:6-2:7 |-|",
            "name 2:8-2:9 |c|",
            "star 2:10-2:11 |*|",
            "name 2:12-2:13 |d|",
            "slash 2:14-2:15 |/|",
            "name 2:16-2:17 |e|",
            "doubleSlash 2:18-2:20 |//|",
            "name 2:21-2:22 |f|",
            "percent 2:23-2:24 |%|",
            "name 2:25-2:26 |g|",
            "at 2:27-2:28 |@|",
            "name 2:29-2:30 |h|",
            "amper 2:31-2:32 |&|",
            "name 2:33-2:34 |i|",
            "vbar 2:35-2:36 |||",
            "name 2:37-2:38 |j|",
            "circumflex 2:39-2:40 |^|",
            "name 2:41-2:42 |k|",
            "rightShift 2:43-2:45 |>>|",
            "name 2:46-2:47 |l|",
            "leftShift 2:48-2:50 |<<|",
            "name 2:51-2:52 |m|",
            "doubleStar 2:53-2:55 |**|",
            "name 2:56-2:57 |n|",
            "tilde 2:58-2:59 |~|",
            "name 2:60-2:61 |o|",
            "newline 2:61-2:61 ||",
            "name 3:0-3:1 |a|",
            "less 3:2-3:3 |<|",
            "name 3:4-3:5 |b|",
            "greater 3:6-3:7 |>|",
            "name 3:8-3:9 |c|",
            "lessEqual 3:10-3:12 |<=|",
            "name 3:13-3:14 |d|",
            "greaterEqual 3:15-3:17 |>=|",
            "name 3:18-3:19 |e|",
            "eqEqual 3:20-3:22 |==|",
            "name 3:23-3:24 |f|",
            "notEqual 3:25-3:27 |!=|",
            "name 3:28-3:29 |g|",
            "arrow 3:30-3:32 |->|",
            "name 3:33-3:34 |h|",
            "colonEqual 3:35-3:37 |:=|",
            "name 3:38-3:39 |i|",
            "ellipsis 3:40-3:43 |...|",
            "name 3:44-3:45 |j|",
            "dot 3:46-3:47 |.|",
            "name 3:48-3:49 |k|",
            "comma 3:50-3:51 |,|",
            "name 3:52-3:53 |l|",
            "semicolon 3:54-3:55 |;|",
            "name 3:56-3:57 |m|",
            "colon 3:58-3:59 |:|",
            "name 3:60-3:61 |n|",
            "newline 3:61-3:61 ||",
            "endMarker 3:61-3:61 ||",
        ])
    }

    @Test func numbers() {
        #expect(render("x = 0 + 0x1F + 0o17 + 0b101 + 1_000 + 1.5 + .5 + 5. + 1e10 + 1E-5 + 3j + 1.5J + 0_0 + 00 + 0.0 + 07.5 + 0e0 + 1_0.2_5e-1_0j\n") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "number 1:4-1:5 |0|",
            "plus 1:6-1:7 |+|",
            "number 1:8-1:12 |0x1F|",
            "plus 1:13-1:14 |+|",
            "number 1:15-1:19 |0o17|",
            "plus 1:20-1:21 |+|",
            "number 1:22-1:27 |0b101|",
            "plus 1:28-1:29 |+|",
            "number 1:30-1:35 |1_000|",
            "plus 1:36-1:37 |+|",
            "number 1:38-1:41 |1.5|",
            "plus 1:42-1:43 |+|",
            "number 1:44-1:46 |.5|",
            "plus 1:47-1:48 |+|",
            "number 1:49-1:51 |5.|",
            "plus 1:52-1:53 |+|",
            "number 1:54-1:58 |1e10|",
            "plus 1:59-1:60 |+|",
            "number 1:61-1:65 |1E-5|",
            "plus 1:66-1:67 |+|",
            "number 1:68-1:70 |3j|",
            "plus 1:71-1:72 |+|",
            "number 1:73-1:77 |1.5J|",
            "plus 1:78-1:79 |+|",
            "number 1:80-1:83 |0_0|",
            "plus 1:84-1:85 |+|",
            "number 1:86-1:88 |00|",
            "plus 1:89-1:90 |+|",
            "number 1:91-1:94 |0.0|",
            "plus 1:95-1:96 |+|",
            "number 1:97-1:101 |07.5|",
            "plus 1:102-1:103 |+|",
            "number 1:104-1:107 |0e0|",
            "plus 1:108-1:109 |+|",
            "number 1:110-1:123 |1_0.2_5e-1_0j|",
            "newline 1:123-1:123 ||",
            "endMarker 1:123-1:123 ||",
        ])
    }

    @Test func keywordsAndSoftKeywords() {
        #expect(render("match case _ type async await lambda nonlocal True False None\n") == [
            "name 1:0-1:5 |match|",
            "name 1:6-1:10 |case|",
            "name 1:11-1:12 |_|",
            "name 1:13-1:17 |type|",
            "kwAsync 1:18-1:23 |async|",
            "kwAwait 1:24-1:29 |await|",
            "kwLambda 1:30-1:36 |lambda|",
            "kwNonlocal 1:37-1:45 |nonlocal|",
            "kwTrue 1:46-1:50 |True|",
            "kwFalse 1:51-1:56 |False|",
            "kwNone 1:57-1:61 |None|",
            "newline 1:61-1:61 ||",
            "endMarker 1:61-1:61 ||",
        ])
    }

    @Test func tabs() {
        #expect(render("if x:\n\ty\n\tif z:\n\t\tw\n") == [
            "kwIf 1:0-1:2 |if|",
            "name 1:3-1:4 |x|",
            "colon 1:4-1:5 |:|",
            "newline 1:5-1:5 ||",
            "indent 2:0-2:1 |\\t|",
            "name 2:1-2:2 |y|",
            "newline 2:2-2:2 ||",
            "kwIf 3:1-3:3 |if|",
            "name 3:4-3:5 |z|",
            "colon 3:5-3:6 |:|",
            "newline 3:6-3:6 ||",
            "indent 4:0-4:2 |\\t\\t|",
            "name 4:2-4:3 |w|",
            "newline 4:3-4:3 ||",
            "dedent 4:3-4:3 ||",
            "dedent 4:3-4:3 ||",
            "endMarker 4:3-4:3 ||",
        ])
    }

    @Test func formFeeds() {
        #expect(render("\u{C}x = 1\nif y:\n\u{C}    z\n    \u{C}w\n") == [
            "name 1:1-1:2 |x|",
            "equal 1:3-1:4 |=|",
            "number 1:5-1:6 |1|",
            "newline 1:6-1:6 ||",
            "kwIf 2:0-2:2 |if|",
            "name 2:3-2:4 |y|",
            "colon 2:4-2:5 |:|",
            "newline 2:5-2:5 ||",
            "indent 3:0-3:5 |\\f    |",
            "name 3:5-3:6 |z|",
            "newline 3:6-3:6 ||",
            "dedent 4:5-4:5 ||",
            "name 4:5-4:6 |w|",
            "newline 4:6-4:6 ||",
            "endMarker 4:6-4:6 ||",
        ])
    }

    @Test func noTrailingNewline() {
        #expect(render("x = 1") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "number 1:4-1:5 |1|",
            "newline 1:5-1:5 ||",
            "endMarker 1:5-1:5 ||",
        ])
    }

    @Test func noTrailingNewlineAfterBlock() {
        #expect(render("if x:\n    y") == [
            "kwIf 1:0-1:2 |if|",
            "name 1:3-1:4 |x|",
            "colon 1:4-1:5 |:|",
            "newline 1:5-1:5 ||",
            "indent 2:0-2:4 |    |",
            "name 2:4-2:5 |y|",
            "newline 2:5-2:5 ||",
            "dedent 2:5-2:5 ||",
            "endMarker 2:5-2:5 ||",
        ])
    }

    @Test func commentAtEndWithoutNewline() {
        #expect(render("x = 1\n# done") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "number 1:4-1:5 |1|",
            "newline 1:5-1:5 ||",
            "endMarker 2:6-2:6 ||",
        ])
    }

    @Test func emptyFile() {
        #expect(render("") == [
            "endMarker 1:0-1:0 ||",
        ])
    }

    @Test func onlyBlankLines() {
        #expect(render("\n\n   \n") == [
            "endMarker 3:3-3:3 ||",
        ])
    }

    @Test func crlfLineEndings() {
        #expect(render("if x:\r\n    y = (1,\r\n         2)\r\n") == [
            "kwIf 1:0-1:2 |if|",
            "name 1:3-1:4 |x|",
            "colon 1:4-1:5 |:|",
            "newline 1:5-1:5 ||",
            "indent 2:0-2:4 |    |",
            "name 2:4-2:5 |y|",
            "equal 2:6-2:7 |=|",
            "leftParen 2:8-2:9 |(|",
            "number 2:9-2:10 |1|",
            "comma 2:10-2:11 |,|",
            "number 3:9-3:10 |2|",
            "rightParen 3:10-3:11 |)|",
            "newline 3:11-3:11 ||",
            "dedent 3:11-3:11 ||",
            "endMarker 3:11-3:11 ||",
        ])
    }

    @Test func blankLinesInsideBlock() {
        #expect(render("def f():\n    a\n\n\n    b\n") == [
            "kwDef 1:0-1:3 |def|",
            "name 1:4-1:5 |f|",
            "leftParen 1:5-1:6 |(|",
            "rightParen 1:6-1:7 |)|",
            "colon 1:7-1:8 |:|",
            "newline 1:8-1:8 ||",
            "indent 2:0-2:4 |    |",
            "name 2:4-2:5 |a|",
            "newline 2:5-2:5 ||",
            "name 5:4-5:5 |b|",
            "newline 5:5-5:5 ||",
            "dedent 5:5-5:5 ||",
            "endMarker 5:5-5:5 ||",
        ])
    }

    // The `tokenize` module disagrees with CPython's C tokenizer on the cases
    // below; their expectations follow the C tokenizer (what `compile` accepts).

    @Test func numberFollowedByKeyword() {
        // `0x1for` is `0x1f` then `or`, with a warning: CPython reads hex digits first.
        #expect(render("z = [0x1for q in r]\n") == [
            "name 1:0-1:1 |z|",
            "equal 1:2-1:3 |=|",
            "leftSquare 1:4-1:5 |[|",
            "number 1:5-1:9 |0x1f|",
            "kwOr 1:9-1:11 |or|",
            "name 1:12-1:13 |q|",
            "kwIn 1:14-1:16 |in|",
            "name 1:17-1:18 |r|",
            "rightSquare 1:18-1:19 |]|",
            "newline 1:19-1:19 ||",
            "endMarker 1:19-1:19 ||",
        ])
        let output = Lexer.tokenizeWithDiagnostics(SourceBuffer("x = 1if y else 2\nz = [0x1for q in r]\n"))
        #expect(output.warnings == [
            LexerWarning(category: "SyntaxWarning", message: "invalid decimal literal", line: 1),
            LexerWarning(category: "SyntaxWarning", message: "invalid hexadecimal literal", line: 2),
        ])
    }

    @Test func nonASCIIIdentifiers() {
        // Columns count UTF-8 bytes; U+E0100 (a variation selector) continues an identifier.
        #expect(render("ä = µ + 蟒\nx\u{E0100} = 1\n") == [
            "name 1:0-1:2 |ä|",
            "equal 1:3-1:4 |=|",
            "name 1:5-1:7 |µ|",
            "plus 1:8-1:9 |+|",
            "name 1:10-1:13 |蟒|",
            "newline 1:13-1:13 ||",
            "name 2:0-2:5 |x\u{E0100}|",
            "equal 2:6-2:7 |=|",
            "number 2:8-2:9 |1|",
            "newline 2:9-2:9 ||",
            "endMarker 2:9-2:9 ||",
        ])
    }

    @Test func carriageReturnLineEndings() {
        #expect(render("if x:\r    y\rz\r") == [
            "kwIf 1:0-1:2 |if|",
            "name 1:3-1:4 |x|",
            "colon 1:4-1:5 |:|",
            "newline 1:5-1:5 ||",
            "indent 2:0-2:4 |    |",
            "name 2:4-2:5 |y|",
            "newline 2:5-2:5 ||",
            "dedent 3:0-3:0 ||",
            "name 3:0-3:1 |z|",
            "newline 3:1-3:1 ||",
            "endMarker 3:1-3:1 ||",
        ])
    }

    @Test func stringLineEndingsCountLines() {
        #expect(render("s = '''a\r\nb\rc'''\r\nt\n") == [
            "name 1:0-1:1 |s|",
            "equal 1:2-1:3 |=|",
            "string 1:4-3:4 |'''a\\r\\nb\\rc'''|",
            "newline 3:4-3:4 ||",
            "name 4:0-4:1 |t|",
            "newline 4:1-4:1 ||",
            "endMarker 4:1-4:1 ||",
        ])
    }

    @Test func charactersNoRuleAcceptsAreErrorTokensInTheStream() {
        // CPython's tokenizer passes `$`, `?`, the backquote and `<>` on; its
        // parser reports "invalid syntax" at them. The lexer goes on.
        #expect(render("a $ b ? c ` d <> e\n") == [
            "name 1:0-1:1 |a|",
            "error 1:2-1:3 |$|",
            "name 1:4-1:5 |b|",
            "error 1:6-1:7 |?|",
            "name 1:8-1:9 |c|",
            "error 1:10-1:11 |`|",
            "name 1:12-1:13 |d|",
            "error 1:14-1:16 |<>|",
            "name 1:17-1:18 |e|",
            "newline 1:18-1:18 ||",
            "endMarker 1:18-1:18 ||",
        ])
        #expect(render("f'{x!r}' != !\n").contains("exclamation 1:12-1:13 |!|"))
    }

    @Test func errorTokenEndsTheList() {
        #expect(render("x = (1,\n  0777)\n") == [
            "name 1:0-1:1 |x|",
            "equal 1:2-1:3 |=|",
            "leftParen 1:4-1:5 |(|",
            "number 1:5-1:6 |1|",
            "comma 1:6-1:7 |,|",
            "error 2:2-2:2 ||",
            "error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        ])
    }

    @Test func keywordLookup() {
        for kind in TokenKind.allCases where kind.isKeyword {
            let name = String("\(kind)".dropFirst(2))
            let text = name == "False" || name == "None" || name == "True" ? name : name.lowercased()
            #expect(TokenKind.keyword(Array(text.utf8)) == kind)
        }
        for text in ["match", "case", "_", "type", "print", "If", "elsewhere", "a", "continues", ""] {
            #expect(TokenKind.keyword(Array(text.utf8)) == nil)
        }
    }

    @Test func identifiersAreNormalizedToNFKC() {
        #expect(Identifier.normalize("ﬁ") == "fi")
        #expect(Identifier.normalize("µ") == "μ")
        let source = SourceBuffer("ℌ = 1\n")
        let tokens = Lexer.tokenize(source).tokens
        #expect(Identifier.text(of: tokens[0], in: source) == "H")
    }
}

struct LexerErrorCase: Sendable, CustomTestStringConvertible {
    let source: String
    let kind: SyntaxError.Kind
    let message: String
    let lineno: Int
    let offset: Int
    let endLineno: Int
    let endOffset: Int
    let timing: LexerErrorTiming

    init(_ source: String, _ kind: SyntaxError.Kind, _ message: String, _ lineno: Int, _ offset: Int,
         _ endLineno: Int, _ endOffset: Int, _ timing: LexerErrorTiming) {
        self.source = source
        self.kind = kind
        self.message = message
        self.lineno = lineno
        self.offset = offset
        self.endLineno = endLineno
        self.endOffset = endOffset
        self.timing = timing
    }

    var testDescription: String { String(source.debugDescription.prefix(60)) }

    static let all: [LexerErrorCase] = [
        LexerErrorCase("0777", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, .raisedByTokenizer),
        LexerErrorCase("x = 0777 + 1", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6, .raisedByTokenizer),
        LexerErrorCase("00_7", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 4, .raisedByTokenizer),
        LexerErrorCase("é = 0777", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7, .raisedByTokenizer),
        LexerErrorCase("09", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0x", .syntaxError, "invalid hexadecimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0x_", .syntaxError, "invalid hexadecimal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0xg", .syntaxError, "invalid hexadecimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0x1g", .syntaxError, "invalid hexadecimal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0o8", .syntaxError, "invalid digit '8' in octal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0o18", .syntaxError, "invalid digit '8' in octal literal", 1, 4, 1, 4, .raisedByTokenizer),
        LexerErrorCase("0o", .syntaxError, "invalid octal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0o1a", .syntaxError, "invalid octal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0b2", .syntaxError, "invalid digit '2' in binary literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0b12", .syntaxError, "invalid digit '2' in binary literal", 1, 4, 1, 4, .raisedByTokenizer),
        LexerErrorCase("0b1a", .syntaxError, "invalid binary literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("0b", .syntaxError, "invalid binary literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0b1_", .syntaxError, "invalid binary literal", 1, 4, 1, 4, .raisedByTokenizer),
        LexerErrorCase("1_", .syntaxError, "invalid decimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("1__0", .syntaxError, "invalid decimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0_", .syntaxError, "invalid decimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0_a", .syntaxError, "invalid decimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("1a", .syntaxError, "invalid decimal literal", 1, 1, 1, 1, .raisedByTokenizer),
        LexerErrorCase("1.5a", .syntaxError, "invalid decimal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("1e", .syntaxError, "invalid decimal literal", 1, 1, 1, 1, .raisedByTokenizer),
        LexerErrorCase("1e+", .syntaxError, "invalid decimal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("1e+a", .syntaxError, "invalid decimal literal", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("1ea", .syntaxError, "invalid decimal literal", 1, 1, 1, 1, .raisedByTokenizer),
        LexerErrorCase("1.e", .syntaxError, "invalid decimal literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0e", .syntaxError, "invalid decimal literal", 1, 1, 1, 1, .raisedByTokenizer),
        LexerErrorCase("1jx", .syntaxError, "invalid imaginary literal", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("0.5j2", .syntaxError, "invalid imaginary literal", 1, 4, 1, 4, .raisedByTokenizer),
        LexerErrorCase("1_000_j", .syntaxError, "invalid decimal literal", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = \"abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \"abc\n", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \"\"\"abc\ndef\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \"\"\"abc\ndef", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \"abc\\\ndef", .syntaxError, "unterminated string literal (detected at line 2)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("\n\nx = rb\"abc", .syntaxError, "unterminated string literal (detected at line 3)", 3, 5, 3, 5, .raisedByTokenizer),
        LexerErrorCase("é = \"abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("f(\"\"\"\n\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("s = \"\\", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("s = (\"\"\"\n\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = '''\n\n\n\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 4)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \"\"\"a\r\nb\r\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("if x:\n        a\n\tb\n", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, .reportedByParser),
        LexerErrorCase("if x:\n\ta\n        b\n", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, .reportedByParser),
        LexerErrorCase("if x:\n\tif y:\n\t a\n        b\n", .tabError, "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, .reportedByParser),
        LexerErrorCase("if x:\n\ty\n  \tz\n", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, .reportedByParser),
        LexerErrorCase("if x:\n\ty\n        z\n", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, .reportedByParser),
        LexerErrorCase("if x:\n    y\n\tz\n", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, .reportedByParser),
        LexerErrorCase("if x:\n    a\n  b\n", .indentationError, "unindent does not match any outer indentation level", 3, 4, 3, -1, .reportedByParser),
        LexerErrorCase("if x:\n    a\n  b", .indentationError, "unindent does not match any outer indentation level", 3, 4, 3, -1, .reportedByParser),
        LexerErrorCase("if x:\n    a\n  é\n", .indentationError, "unindent does not match any outer indentation level", 3, 4, 3, -1, .reportedByParser),
        LexerErrorCase("''.join(' '*i + 'if 1:\n' for i in range(100)) + ' '*100 + 'x\n'", .syntaxError, "unterminated string literal (detected at line 1)", 1, 17, 1, 17, .raisedByTokenizer),
        LexerErrorCase("x = 1 \\ y", .syntaxError, "unexpected character after line continuation character", 1, 8, 1, 0, .reportedByParser),
        LexerErrorCase("x = (1, \\ 2)", .syntaxError, "unexpected character after line continuation character", 1, 10, 1, 0, .reportedByParser),
        LexerErrorCase("é = 1 \\ y", .syntaxError, "unexpected character after line continuation character", 1, 8, 1, 0, .reportedByParser),
        LexerErrorCase("x = 1 \\", .syntaxError, "unexpected EOF while parsing", 1, 8, 1, -1, .reportedByParser),
        LexerErrorCase("x = 1 \\\n", .syntaxError, "unexpected EOF while parsing", 1, 8, 1, -1, .reportedByParser),
        LexerErrorCase("x = 1 \\\r\n", .syntaxError, "unexpected EOF while parsing", 1, 8, 1, -1, .reportedByParser),
        LexerErrorCase("\\", .syntaxError, "unexpected EOF while parsing", 1, 2, 1, -1, .reportedByParser),
        LexerErrorCase("  \\\n", .syntaxError, "unexpected EOF while parsing", 1, 4, 1, -1, .reportedByParser),
        LexerErrorCase("a \\\n\\\n", .syntaxError, "unexpected EOF while parsing", 2, 2, 2, -1, .reportedByParser),
        LexerErrorCase("é = 1 \\", .syntaxError, "unexpected EOF while parsing", 1, 8, 1, -1, .reportedByParser),
        LexerErrorCase("x = (1 \\\n", .syntaxError, "'(' was never closed", 1, 5, 1, 0, .reportedByParser),
        LexerErrorCase("x = (1,\n 2", .syntaxError, "'(' was never closed", 1, 5, 1, 0, .reportedByParser),
        LexerErrorCase("x = (1,\n [2", .syntaxError, "'[' was never closed", 2, 2, 2, 0, .reportedByParser),
        LexerErrorCase("x = (1,\n [2\n\n", .syntaxError, "'[' was never closed", 2, 2, 2, 0, .reportedByParser),
        LexerErrorCase("é = (1,\n", .syntaxError, "'(' was never closed", 1, 5, 1, 0, .reportedByParser),
        LexerErrorCase("x = 1\r\ny = (2\r\n", .syntaxError, "'(' was never closed", 2, 5, 2, 0, .reportedByParser),
        LexerErrorCase("x = (1]", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7, .raisedByTokenizer),
        LexerErrorCase("x = (1,\n2]", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2, .raisedByTokenizer),
        LexerErrorCase("x = [1,\n  2,\n  3]]", .syntaxError, "unmatched ']'", 3, 5, 3, 5, .raisedByTokenizer),
        LexerErrorCase("x = {1: (2, 3]}", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 14, 1, 14, .raisedByTokenizer),
        LexerErrorCase("x = )", .syntaxError, "unmatched ')'", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = }", .syntaxError, "unmatched '}'", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", .syntaxError, "too many nested parentheses", 1, 201, 1, 201, .raisedByTokenizer),
        LexerErrorCase("x = a€b", .syntaxError, "invalid character '€' (U+20AC)", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = €", .syntaxError, "invalid character '€' (U+20AC)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("éa€ = 1", .syntaxError, "invalid character '€' (U+20AC)", 1, 3, 1, 3, .raisedByTokenizer),
        LexerErrorCase("a€bc = 1", .syntaxError, "invalid character '€' (U+20AC)", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("x = ·a", .syntaxError, "invalid character '·' (U+00B7)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = 😀", .syntaxError, "invalid character '😀' (U+1F600)", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = a\u{A0}b", .syntaxError, "invalid non-printable character U+00A0", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = \u{A0}", .syntaxError, "invalid non-printable character U+00A0", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \u{2028}", .syntaxError, "invalid non-printable character U+2028", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = \u{FEFF}", .syntaxError, "invalid non-printable character U+FEFF", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = a\u{200D}b", .syntaxError, "invalid non-printable character U+200D", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x\u{1} = 1", .syntaxError, "invalid non-printable character U+0001", 1, 2, 1, 2, .raisedByTokenizer),
        LexerErrorCase("x = 1\u{B}", .syntaxError, "invalid non-printable character U+000B", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = 1\u{1B}", .syntaxError, "invalid non-printable character U+001B", 1, 6, 1, 6, .raisedByTokenizer),
        LexerErrorCase("x = \u{7F}", .syntaxError, "invalid non-printable character U+007F", 1, 5, 1, 5, .raisedByTokenizer),
        LexerErrorCase("x = (\n€", .syntaxError, "invalid character '€' (U+20AC)", 2, 1, 2, 1, .raisedByTokenizer),
        LexerErrorCase("x = 1\ny = 2\u{0}\n", .syntaxError, "source code cannot contain null bytes", 2, 0, 2, 0, .raisedByTokenizer),
        LexerErrorCase("x = 1\ny = \"\u{0}\"\n", .syntaxError, "source code cannot contain null bytes", 2, 0, 2, 0, .raisedByTokenizer),
        LexerErrorCase("\u{0}", .syntaxError, "source code cannot contain null bytes", 1, 0, 1, 0, .raisedByTokenizer),
        LexerErrorCase("x = \"\"\"\n\u{0}\"\"\"", .syntaxError, "source code cannot contain null bytes", 2, 0, 2, 0, .raisedByTokenizer),
        LexerErrorCase("x = \"\"\"a\nb\"\"\" \\ y", .syntaxError, "unexpected character after line continuation character", 2, 16, 2, 0, .reportedByParser),
        LexerErrorCase("x = (1 + \\\n  \\ y)", .syntaxError, "unexpected character after line continuation character", 2, 15, 2, 0, .reportedByParser),
        LexerErrorCase("o\n0\\\n\\\tif", .syntaxError, "unexpected character after line continuation character", 3, 5, 3, 0, .reportedByParser),
        LexerErrorCase("if 1:\n  \\\n    \\ y", .syntaxError, "unexpected character after line continuation character", 3, 6, 3, 0, .reportedByParser),
        LexerErrorCase("\u{C}é\\\n \\", .syntaxError, "unexpected EOF while parsing", 2, 2, 2, -1, .reportedByParser),
        LexerErrorCase("\"\"\"é\\\n\"\"\"\t\\", .syntaxError, "unexpected EOF while parsing", 2, 5, 2, -1, .reportedByParser),
    ]
}

@Suite struct LexerErrorTests {
    @Test(arguments: LexerErrorCase.all)
    func reportsCPythonsError(_ expected: LexerErrorCase) throws {
        let output = Lexer.tokenizeWithDiagnostics(SourceBuffer(expected.source, filename: "case.py"))
        let error = try #require(output.error)
        #expect(error.kind == expected.kind)
        #expect(error.message == expected.message)
        #expect(error.lineno == expected.lineno)
        #expect(error.offset == expected.offset)
        #expect(error.endLineno == expected.endLineno)
        #expect(error.endOffset == expected.endOffset)
        #expect(output.errorTiming == expected.timing)
        #expect(output.tokens.last?.kind == .error)
    }

    @Test func givesTheInnermostOpenBracketWhenStoppingInsideBrackets() throws {
        // compile() reports "'(' was never closed" at 1:7 (end offset 0) for this
        // source: the parser fails at `r20o`, then the rest of the file is
        // tokenized, stops at the backslash, and a bracket is still open.
        let output = Lexer.tokenizeWithDiagnostics(SourceBuffer("elser((\nr20o:\\elsejé"))
        #expect(output.error?.message == "unexpected character after line continuation character")
        let bracket = try #require(output.unclosedBracketError)
        #expect(bracket.message == "'(' was never closed")
        #expect((bracket.lineno, bracket.offset, bracket.endLineno, bracket.endOffset) == (1, 7, 1, 0))
        #expect(Lexer.tokenizeWithDiagnostics(SourceBuffer("x = 0777\n")).unclosedBracketError == nil)
    }

    @Test func nullByteErrorTextStopsAtTheNull() throws {
        let error = try #require(Lexer.tokenize(SourceBuffer("x = 1\ny = \"\u{0}\"\n")).error)
        #expect(error.text == "y = \"")
    }
}
