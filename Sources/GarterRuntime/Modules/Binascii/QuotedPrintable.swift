/// Quoted-printable (RFC 1521/2047) as `binascii` does it: lines of at most
/// 76 characters with soft breaks, `=XX` escapes in upper-case hex, and the
/// header variant where `_` stands for a space.
enum QuotedPrintable {
    private static let maxLineSize = 76
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static let equals = UInt8(ascii: "=")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let underscore = UInt8(ascii: "_")

    static func encode(_ data: [UInt8], quoteTabs: Bool, isText: Bool, header: Bool) -> [UInt8] {
        // Lines end as the input's first line does (CRLF or LF).
        var crlf = false
        if let first = data.firstIndex(of: newline), first > 0, data[first - 1] == carriageReturn { crlf = true }
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var lineLength = 0
        func softBreak() {
            output.append(equals)
            if crlf { output.append(carriageReturn) }
            output.append(newline)
            lineLength = 0
        }
        func escape(_ byte: UInt8) {
            output += [equals, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
        }
        var index = 0
        while index < data.count {
            let byte = data[index]
            let isLast = index + 1 == data.count
            let next: UInt8? = isLast ? nil : data[index + 1]
            let mustEscape = byte > 126 || byte == equals || (header && byte == underscore)
                || (byte == UInt8(ascii: ".") && lineLength == 0
                    && (next == nil || next == newline || next == carriageReturn || next == 0))
                || (!isText && (byte == carriageReturn || byte == newline))
                || ((byte == tab || byte == space) && isLast)
                || (byte < 33 && byte != carriageReturn && byte != newline
                    && (quoteTabs || (byte != tab && byte != space)))
            if mustEscape {
                if lineLength + 3 >= maxLineSize { softBreak() }
                escape(byte)
                index += 1
                lineLength += 3
            } else if isText && (byte == newline || (byte == carriageReturn && next == newline)) {
                lineLength = 0
                // Whitespace before a line end would be lost: escape it.
                if let last = output.last, last == space || last == tab {
                    output.removeLast()
                    escape(last)
                }
                if crlf { output.append(carriageReturn) }
                output.append(newline)
                index += byte == carriageReturn ? 2 : 1
            } else {
                if !isLast && next != newline && lineLength + 1 >= maxLineSize { softBreak() }
                lineLength += 1
                output.append(header && byte == space ? underscore : byte)
                index += 1
            }
        }
        return output
    }

    static func decode(_ text: [UInt8], header: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == equals {
                index += 1
                if index >= text.count { break }
                let next = text[index]
                if next == newline || next == carriageReturn {
                    // A soft line break: skip to the end of the line.
                    while index < text.count && text[index] != newline { index += 1 }
                    if index < text.count { index += 1 }
                } else if next == equals {
                    output.append(equals)
                    index += 1
                } else if index + 1 < text.count, let high = BinasciiHex.value(next),
                          let low = BinasciiHex.value(text[index + 1]) {
                    output.append(high << 4 | low)
                    index += 2
                } else {
                    output.append(equals)
                }
            } else if header && byte == underscore {
                output.append(space)
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
