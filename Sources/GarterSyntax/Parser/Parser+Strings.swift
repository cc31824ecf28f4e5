// String literals: implicit concatenation of adjacent strings, and f-strings.
//
// Python 3.11 tokenizes an f-string as one STRING token; its replacement
// fields are found by scanning the token's text and each expression is parsed
// by a nested parser over `(expression)`, whose token positions are then moved
// to where the expression stands in the file (CPython's fstring_compile_expr).
// Literal parts and FormattedValue nodes take the range of the whole
// concatenation, as in CPython 3.11.

extension Parser {
    /// `strings`: one or more adjacent STRING tokens.
    mutating func parseStrings() throws(SyntaxError) -> Expr {
        let first = current
        var pieces: [Token] = []
        while at(.string) {
            pieces.append(advance())
        }
        let range = SourceRange(from: first, to: previous)
        // Only a lowercase `u` prefix marks the constant, as in CPython.
        let kind: String? = source.bytes[Int(first.startOffset)] == UInt8(ascii: "u") ? "u" : nil
        var builder = JoinedStringBuilder(range: range, kind: kind)
        var sawBytes = false
        var sawText = false
        var sawFormatted = false
        var bytesValue: [UInt8] = []
        for token in pieces {
            let decoded = try StringLiteral.decode(token, in: source, errorToken: current)
            if decoded.isBytes { sawBytes = true } else { sawText = true }
            if sawBytes && sawText {
                throw error("cannot mix bytes and nonbytes literals", at: range)
            }
            if decoded.isBytes {
                if case .bytes(let value) = decoded.value { bytesValue += value }
            } else if decoded.isFormatted {
                sawFormatted = true
                var scanner = FStringScanner(token: token, decoded: decoded)
                try parseFStringBody(&scanner, into: &builder, nestingLevel: 0)
            } else if case .str(let text) = decoded.value {
                builder.appendLiteral(text.codePoints)
            }
        }
        if sawBytes {
            return Expr(.constant(value: .bytes(bytesValue), kind: nil), range)
        }
        if !sawFormatted {
            return Expr(.constant(value: .str(PyString(codePoints: builder.pendingLiteral)), kind: kind), range)
        }
        return Expr(.joinedStr(values: builder.finish(range: range, kind: kind)), range)
    }

    /// Parses the text of one f-string (or of a format spec when
    /// `nestingLevel` > 0) up to its end or, in a format spec, to the `}`
    /// that closes the replacement field.
    mutating func parseFStringBody(_ scanner: inout FStringScanner, into builder: inout JoinedStringBuilder,
                                   nestingLevel: Int) throws(SyntaxError) {
        let bytes = source.bytes
        while scanner.position < scanner.end {
            // Literal text up to the next `{` or `}`.
            let literalStart = scanner.position
            var literal: [UInt32] = []
            var chunkStart = literalStart
            while scanner.position < scanner.end {
                let byte = bytes[scanner.position]
                if byte == UInt8(ascii: "\\") && !scanner.isRaw {
                    // `\N{...}` holds braces that are not replacement fields.
                    if scanner.position + 1 < scanner.end && bytes[scanner.position + 1] == UInt8(ascii: "N")
                        && scanner.position + 2 < scanner.end && bytes[scanner.position + 2] == UInt8(ascii: "{") {
                        var closing = scanner.position + 3
                        while closing < scanner.end && bytes[closing] != UInt8(ascii: "}") { closing += 1 }
                        scanner.position = min(closing + 1, scanner.end)
                        continue
                    }
                    // `\{` leaves the brace to start a replacement field, as CPython 3.11 does.
                    let next = scanner.position + 1 < scanner.end ? bytes[scanner.position + 1] : 0
                    scanner.position += (next == UInt8(ascii: "{") || next == UInt8(ascii: "}")) ? 1 : 2
                    continue
                }
                if byte == UInt8(ascii: "{") {
                    if nestingLevel == 0, scanner.position + 1 < scanner.end,
                       bytes[scanner.position + 1] == UInt8(ascii: "{") {
                        literal += try decodeFStringLiteral(chunkStart, scanner.position + 1, scanner)
                        scanner.position += 2
                        chunkStart = scanner.position
                        continue
                    }
                    break
                }
                if byte == UInt8(ascii: "}") {
                    if nestingLevel > 0 { break }
                    if scanner.position + 1 < scanner.end && bytes[scanner.position + 1] == UInt8(ascii: "}") {
                        literal += try decodeFStringLiteral(chunkStart, scanner.position + 1, scanner)
                        scanner.position += 2
                        chunkStart = scanner.position
                        continue
                    }
                    throw fStringError("f-string: single '}' is not allowed", scanner)
                }
                scanner.position += 1
            }
            literal += try decodeFStringLiteral(chunkStart, scanner.position, scanner)
            builder.appendLiteral(literal)
            guard scanner.position < scanner.end else { return }
            if bytes[scanner.position] == UInt8(ascii: "}") {
                // End of a format spec.
                return
            }
            // A replacement field.
            if nestingLevel >= 2 {
                throw fStringError("f-string: expressions nested too deeply", scanner)
            }
            try parseReplacementField(&scanner, into: &builder, nestingLevel: nestingLevel)
        }
    }

    /// The value of the literal text `source.bytes[start..<end]` of an f-string.
    func decodeFStringLiteral(_ start: Int, _ end: Int, _ scanner: FStringScanner) throws(SyntaxError) -> [UInt32] {
        if start >= end { return [] }
        if scanner.isRaw {
            return source.bytes.withUnsafeBufferPointer { bytes in
                StringLiteral.rawText(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }
        var warnings: [String] = []
        do {
            return try StringLiteral.decodeEscapes(in: source, from: start, to: end, warnings: &warnings)
        } catch {
            throw error.syntaxError(at: current, in: source)
        }
    }

    /// `{expression[=][!c][:spec]}` starting at the `{`.
    mutating func parseReplacementField(_ scanner: inout FStringScanner, into builder: inout JoinedStringBuilder,
                                        nestingLevel: Int) throws(SyntaxError) {
        let bytes = source.bytes
        let openBrace = scanner.position
        scanner.position += 1
        let expressionStart = scanner.position
        var quote: UInt8 = 0
        var tripleQuoted = false
        var brackets: [UInt8] = []
        scan: while scanner.position < scanner.end {
            let byte = bytes[scanner.position]
            if byte == UInt8(ascii: "\\") {
                throw fStringError("f-string expression part cannot include a backslash", scanner)
            }
            if quote != 0 {
                if byte == quote {
                    if tripleQuoted {
                        if scanner.position + 2 < scanner.end && bytes[scanner.position + 1] == quote
                            && bytes[scanner.position + 2] == quote {
                            scanner.position += 3
                            quote = 0
                            continue
                        }
                    } else {
                        quote = 0
                    }
                }
                scanner.position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                if scanner.position + 2 < scanner.end && bytes[scanner.position + 1] == byte
                    && bytes[scanner.position + 2] == byte {
                    tripleQuoted = true
                    scanner.position += 2
                } else {
                    tripleQuoted = false
                }
                quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                if brackets.count >= 200 {
                    throw fStringError("f-string: too many nested parenthesis", scanner)
                }
                brackets.append(byte)
            case UInt8(ascii: "#"):
                throw fStringError("f-string expression part cannot include '#'", scanner)
            case UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "}"), UInt8(ascii: "="),
                 UInt8(ascii: ">"), UInt8(ascii: "<"):
                guard brackets.isEmpty else {
                    if byte == UInt8(ascii: "}") { try closeBracket(byte, &brackets, scanner) }
                    break
                }
                if scanner.position + 1 < scanner.end {
                    let next = bytes[scanner.position + 1]
                    if next == UInt8(ascii: "=") && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "}") {
                        scanner.position += 2
                        continue
                    }
                }
                if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") { break }
                break scan
            case UInt8(ascii: "]"), UInt8(ascii: ")"):
                try closeBracket(byte, &brackets, scanner)
            default:
                break
            }
            scanner.position += 1
        }
        let expressionEnd = scanner.position
        if quote != 0 { throw fStringError("f-string: unterminated string", scanner) }
        if let open = brackets.last {
            throw fStringError("f-string: unmatched '\(Character(Unicode.Scalar(open)))'", scanner)
        }
        if scanner.position >= scanner.end { throw fStringError("f-string: expecting '}'", scanner) }

        let value = try parseFStringExpression(scanner: scanner, openBrace: openBrace,
                                               start: expressionStart, end: expressionEnd)

        // `=`: the expression's text becomes literal text before the value.
        var debugText: [UInt32]?
        if bytes[scanner.position] == UInt8(ascii: "=") {
            scanner.position += 1
            while scanner.position < scanner.end && isASCIISpace(bytes[scanner.position]) { scanner.position += 1 }
            if scanner.position >= scanner.end { throw fStringError("f-string: expecting '}'", scanner) }
            debugText = String(decoding: bytes[expressionStart..<scanner.position], as: UTF8.self)
                .unicodeScalars.map(\.value)
        }
        var conversion = -1
        if bytes[scanner.position] == UInt8(ascii: "!") {
            scanner.position += 1
            if scanner.position >= scanner.end { throw fStringError("f-string: expecting '}'", scanner) }
            let character = bytes[scanner.position]
            scanner.position += 1
            guard character == UInt8(ascii: "s") || character == UInt8(ascii: "r") || character == UInt8(ascii: "a") else {
                throw fStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'", scanner)
            }
            conversion = Int(character)
        }
        var formatSpec: Expr?
        if scanner.position < scanner.end && bytes[scanner.position] == UInt8(ascii: ":") {
            scanner.position += 1
            if scanner.position >= scanner.end { throw fStringError("f-string: expecting '}'", scanner) }
            var specBuilder = JoinedStringBuilder(range: builder.range, kind: builder.kind)
            try parseFStringBody(&scanner, into: &specBuilder, nestingLevel: nestingLevel + 1)
            let tokenRange = SourceRange(scanner.token)
            formatSpec = Expr(.joinedStr(values: specBuilder.finish(range: tokenRange, kind: nil)), tokenRange)
        }
        guard scanner.position < scanner.end, bytes[scanner.position] == UInt8(ascii: "}") else {
            throw fStringError("f-string: expecting '}'", scanner)
        }
        scanner.position += 1
        if debugText != nil && formatSpec == nil && conversion == -1 {
            conversion = Int(UInt8(ascii: "r"))
        }
        if let debugText { builder.appendLiteral(debugText) }
        builder.appendValue(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec),
                                 builder.range))
    }

    /// A closing bracket inside a replacement field must match the innermost open one.
    func closeBracket(_ byte: UInt8, _ brackets: inout [UInt8], _ scanner: FStringScanner) throws(SyntaxError) {
        guard let opening = brackets.popLast() else {
            throw fStringError("f-string: unmatched '\(Character(Unicode.Scalar(byte)))'", scanner)
        }
        let matches = (opening == UInt8(ascii: "(") && byte == UInt8(ascii: ")"))
            || (opening == UInt8(ascii: "[") && byte == UInt8(ascii: "]"))
            || (opening == UInt8(ascii: "{") && byte == UInt8(ascii: "}"))
        if !matches {
            throw fStringError("f-string: closing parenthesis '\(Character(Unicode.Scalar(byte)))' "
                               + "does not match opening parenthesis '\(Character(Unicode.Scalar(opening)))'",
                               scanner)
        }
    }

    func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Parses the expression text `source.bytes[start..<end]` of a replacement
    /// field as `(text)`, then moves its positions to the file's.
    func parseFStringExpression(scanner: FStringScanner, openBrace: Int, start: Int, end: Int) throws(SyntaxError) -> Expr {
        let bytes = source.bytes
        let text = bytes[start..<end]
        if text.allSatisfy({ isASCIISpace($0) }) {
            if end < scanner.end, [UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "=")].contains(bytes[end]) {
                throw fStringError("f-string: expression required before '\(Character(Unicode.Scalar(bytes[end])))'", scanner)
            }
            throw fStringError("f-string: empty expression not allowed", scanner)
        }
        // Where the expression is: lines of the token before the `{`, and the
        // column to add to the first line's tokens.
        let tokenStart = Int(scanner.token.startOffset)
        var lines = 0
        var lastNewline = -1
        for position in tokenStart..<openBrace where bytes[position] == UInt8(ascii: "\n") {
            lines += 1
            lastNewline = position
        }
        var newlineAfterBrace = true
        var probe = openBrace + 1
        while probe < end && bytes[probe] != UInt8(ascii: "}") && bytes[probe] != UInt8(ascii: "\n") {
            if bytes[probe] != UInt8(ascii: " ") && bytes[probe] != UInt8(ascii: "\t") && bytes[probe] != 0x0C {
                newlineAfterBrace = false
                break
            }
            probe += 1
        }
        if probe >= end { newlineAfterBrace = false }
        var columns = 0
        if !newlineAfterBrace {
            columns = lastNewline >= 0 ? openBrace - lastNewline - 1 : openBrace - tokenStart
        }
        let firstLineColumn = lines != 0 ? columns : Int(scanner.token.column) + columns
        let firstLine = Int(scanner.token.line) + lines

        var wrapped: [UInt8] = [UInt8(ascii: "(")]
        wrapped.append(contentsOf: text)
        wrapped.append(UInt8(ascii: ")"))
        let subSource = SourceBuffer(utf8: wrapped, filename: source.filename)
        let (subTokens, lexerError) = Lexer.tokenize(subSource)
        var placed = subTokens
        for position in placed.indices {
            let onFirstLine = placed[position].endLine == 1
            placed[position].line += Int32(firstLine - 1)
            placed[position].endLine += Int32(firstLine - 1)
            if onFirstLine {
                placed[position].column += Int32(firstLineColumn)
                placed[position].endColumn += Int32(firstLineColumn)
            }
        }
        if lexerError == nil, let expression = try? Parser.parseWrappedExpression(subSource, placed) {
            return expression
        }
        // Report the failure as CPython does: columns within `(text)`, lines
        // of the file, message prefixed with "f-string: ".
        var failure: SyntaxError
        if let lexerError {
            failure = lexerError
        } else {
            do {
                _ = try Parser.parseWrappedExpression(subSource, subTokens)
                failure = SyntaxError(.syntaxError, "invalid syntax", in: subSource, line: 1, byteColumn: 0)
            } catch {
                failure = error
            }
        }
        failure.message = "f-string: " + failure.message
        failure.lineno += firstLine - 1
        failure.endLineno += firstLine - 1
        throw failure
    }

    /// CPython's `fstring: star_expressions` rule over `(text)`: the wrapping
    /// parentheses belong to the expression, so `f"{3,}"` is a tuple whose
    /// range includes them.
    static func parseWrappedExpression(_ source: SourceBuffer, _ tokens: [Token]) throws(SyntaxError) -> Expr {
        var parser = Parser(source: source, tokens: tokens, lexerError: nil)
        let expression = try parser.parseStarExpressions()
        while parser.accept(.newline) != nil {}
        guard parser.at(.endMarker) else { throw parser.invalidSyntax() }
        return expression
    }

    /// Errors found while scanning an f-string are reported at the token after
    /// the string, the last one CPython's parser had read.
    func fStringError(_ message: String, _ scanner: FStringScanner) -> SyntaxError {
        error(message, at: current)
    }
}

/// Where the f-string scan is in one STRING token.
struct FStringScanner {
    let token: Token
    let isRaw: Bool
    var position: Int
    let end: Int

    init(token: Token, decoded: DecodedString) {
        self.token = token
        self.isRaw = decoded.isRaw
        self.position = Int(decoded.bodyStart)
        self.end = Int(decoded.bodyEnd)
    }
}

/// Collects the values of a JoinedStr, merging adjacent literal text.
///
/// Positions follow CPython 3.11's quirks: a literal flushed because a
/// replacement field follows gets the range (and `u` kind) of the whole
/// concatenation, while the trailing literal gets whatever `finish` is given,
/// which for a format spec is just the one string token holding it.
struct JoinedStringBuilder {
    let range: SourceRange
    let kind: String?
    var values: [Expr] = []
    var pendingLiteral: [UInt32] = []

    init(range: SourceRange, kind: String?) {
        self.range = range
        self.kind = kind
    }

    mutating func appendLiteral(_ codePoints: [UInt32]) {
        pendingLiteral += codePoints
    }

    mutating func appendValue(_ value: Expr) {
        flush(range: range, kind: kind)
        values.append(value)
    }

    mutating func flush(range: SourceRange, kind: String?) {
        if !pendingLiteral.isEmpty {
            values.append(Expr(.constant(value: .str(PyString(codePoints: pendingLiteral)), kind: kind), range))
            pendingLiteral = []
        }
    }

    mutating func finish(range: SourceRange, kind: String?) -> [Expr] {
        flush(range: range, kind: kind)
        return values
    }
}
