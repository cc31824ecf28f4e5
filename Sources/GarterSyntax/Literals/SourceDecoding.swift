extension SourceBuffer {
    /// Makes a buffer from the bytes of a source file, decoding them as
    /// `python3 file.py` does: a UTF-8 byte order mark is dropped, a PEP 263
    /// coding cookie on line 1 or 2 selects the encoding, and without one the
    /// file must be valid UTF-8.
    ///
    /// Encoding errors have `lineno` 0 and no text, as CPython's (which have
    /// none: CPython prints just "SyntaxError: message" for them).
    ///
    /// When the file declares no encoding (no cookie, no BOM), CPython leaves
    /// the offsets of the errors its parser raises in UTF-8 bytes; the buffer
    /// records that (`reportsByteOffsets`).
    public convenience init(fileBytes: [UInt8], filename: String) throws(SyntaxError) {
        let utf8 = try SourceDecoding.utf8Text(of: fileBytes, filename: filename)
        let declared = fileBytes.starts(with: SourceDecoding.byteOrderMark)
            || CodingCookie.find(in: fileBytes[...]) != nil
        self.init(utf8: utf8, filename: filename, reportsByteOffsets: !declared)
    }
}

enum SourceDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func utf8Text(of bytes: [UInt8], filename: String) throws(SyntaxError) -> [UInt8] {
        let hasByteOrderMark = bytes.starts(with: byteOrderMark)
        let text = hasByteOrderMark ? bytes[3...] : bytes[...]

        guard let cookie = CodingCookie.find(in: text) else {
            try checkUTF8(text, declared: hasByteOrderMark, filename: filename)
            return hasByteOrderMark ? Array(text) : bytes
        }
        if cookie == "utf-8" {
            try checkUTF8(text, declared: true, filename: filename)
            return hasByteOrderMark ? Array(text) : bytes
        }
        if hasByteOrderMark {
            throw encodingError("encoding problem: \(cookie) with BOM", filename: filename)
        }
        // CPython reads the file through the codec; an unknown codec and an
        // undecodable byte both surface as the same "encoding problem".
        guard let codec = SourceCodec(named: cookie), let decoded = codec.decodeToUTF8(text) else {
            throw encodingError("encoding problem: \(cookie)", filename: filename)
        }
        return decoded
    }

    /// Without a declaration CPython rejects the file as it reads each line.
    /// With one (a UTF-8 cookie or a byte order mark) it lets bad bytes through
    /// to the tokenizer and fails later, in the token that holds them; we
    /// report that failure here, on the right line, with the codec's message.
    private static func checkUTF8(_ text: ArraySlice<UInt8>, declared: Bool, filename: String) throws(SyntaxError) {
        guard let bad = UTF8Validation.firstInvalidOffset(in: text) else { return }
        var line = 1
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < bad {
            let byte = text[index]
            let isLoneCarriageReturn = byte == UInt8(ascii: "\r")
                && (index + 1 == text.endIndex || text[index + 1] != UInt8(ascii: "\n"))
            if byte == UInt8(ascii: "\n") || isLoneCarriageReturn {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let byteText = "\\x" + hex2(text[bad])
        if !declared {
            throw encodingError("Non-UTF-8 code starting with '\(byteText)' in file \(filename) on line \(line), "
                                + "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                                filename: filename)
        }
        let lead = text[bad]
        let reason = lead < 0xC2 || lead > 0xF4 ? "invalid start byte"
            : bad + 1 >= text.endIndex ? "unexpected end of data"
            : "invalid continuation byte"
        var lineEnd = bad
        while lineEnd < text.endIndex && text[lineEnd] != UInt8(ascii: "\n") && text[lineEnd] != UInt8(ascii: "\r") {
            lineEnd += 1
        }
        let lineText = String(decoding: text[lineStart..<lineEnd], as: UTF8.self)
        let column = text[lineStart..<bad].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        let message = "(unicode error) 'utf-8' codec can't decode byte 0x\(hex2(text[bad])) "
            + "in position \(bad - lineStart): \(reason)"
        throw SyntaxError(.syntaxError, message, filename: filename, lineno: line, offset: column, text: lineText)
    }

    private static func encodingError(_ message: String, filename: String) -> SyntaxError {
        SyntaxError(.syntaxError, message, filename: filename, lineno: 0, offset: 0, endLineno: 0, endOffset: 0)
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
