/// PEP 263 coding declarations: `# -*- coding: latin-1 -*-` and the like.
enum CodingCookie {
    /// The encoding named by a cookie in the first two lines of `text`, or nil.
    ///
    /// As in CPython, the cookie must be in a comment that is alone on its line
    /// (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`), and line 2 is only looked
    /// at when line 1 is blank or a comment. The name comes back as CPython
    /// normalises it: spellings of UTF-8 become "utf-8", of Latin-1
    /// "iso-8859-1", and anything else is returned as written.
    static func find(in text: ArraySlice<UInt8>) -> String? {
        var lineStart = text.startIndex
        for _ in 0..<2 {
            guard lineStart < text.endIndex else { return nil }
            var lineEnd = lineStart
            while lineEnd < text.endIndex && !ByteClass.isLineEnd(text[lineEnd]) {
                lineEnd += 1
            }
            let line = text[lineStart..<lineEnd]
            switch scan(line) {
            case .cookie(let name):
                return normalizedName(name)
            case .code:
                return nil
            case .commentOrBlank:
                break
            }
            lineStart = lineEnd
            if lineStart < text.endIndex && text[lineStart] == UInt8(ascii: "\r") { lineStart += 1 }
            if lineStart < text.endIndex && text[lineStart] == UInt8(ascii: "\n") { lineStart += 1 }
        }
        return nil
    }

    private enum LineKind {
        case cookie(String)
        case commentOrBlank
        case code
    }

    private static func scan(_ line: ArraySlice<UInt8>) -> LineKind {
        var index = line.startIndex
        while index < line.endIndex && isBlank(line[index]) {
            index += 1
        }
        guard index < line.endIndex else { return .commentOrBlank }
        guard line[index] == UInt8(ascii: "#") else { return .code }
        let coding = Array("coding".utf8)
        while index + coding.count < line.endIndex {
            defer { index += 1 }
            guard line[index..<(index + coding.count)].elementsEqual(coding) else { continue }
            var cursor = index + coding.count
            guard line[cursor] == UInt8(ascii: ":") || line[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < line.endIndex && (line[cursor] == UInt8(ascii: " ") || line[cursor] == UInt8(ascii: "\t")) {
                cursor += 1
            }
            let nameStart = cursor
            while cursor < line.endIndex && isNameByte(line[cursor]) {
                cursor += 1
            }
            if cursor > nameStart {
                return .cookie(String(decoding: line[nameStart..<cursor], as: UTF8.self))
            }
        }
        return .commentOrBlank
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ByteClass.isASCIILetter(byte) || ByteClass.isDigit(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// CPython's `get_normal_name`: looks at the first 12 characters, lower-cased
    /// and with `_` read as `-`.
    static func normalizedName(_ name: String) -> String {
        let head = String(name.prefix(12).lowercased().map { $0 == "_" ? "-" : $0 })
        if head == "utf-8" || head.hasPrefix("utf-8-") {
            return "utf-8"
        }
        for latin1 in ["latin-1", "iso-8859-1", "iso-latin-1"] where head == latin1 || head.hasPrefix(latin1 + "-") {
            return "iso-8859-1"
        }
        return name
    }
}
