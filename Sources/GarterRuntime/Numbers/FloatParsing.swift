import GarterSyntax

extension FloatMath {
    /// `float(text)` for a `str`: surrounding whitespace, a sign, decimal
    /// notation with single underscores between digits, or `inf`,
    /// `infinity`, `nan` in any case. Unicode whitespace and decimal digits
    /// count as their ASCII equivalents, as in CPython. The value is the
    /// correctly rounded double.
    public static func parse(_ text: some Collection<UInt32>) throws(NumberError) -> Double {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.count)
        for codePoint in text {
            if codePoint < 0x80 {
                ascii.append(UInt8(codePoint))
            } else if UnicodeDatabase.isSpace(codePoint) {
                ascii.append(UInt8(ascii: " "))
            } else if let digit = UnicodeDatabase.decimalValue(codePoint) {
                ascii.append(UInt8(0x30 + digit))
            } else {
                ascii.append(UInt8(ascii: "?"))
            }
        }
        return try parse(ascii: ascii) { Repr.string(Array(text)) }
    }

    /// `float(text)` for a Swift string (the same rules).
    public static func parse(_ text: String) throws(NumberError) -> Double {
        try parse(text.unicodeScalars.map(\.value))
    }

    /// `float(data)` for `bytes`: ASCII only; the error shows `b'...'`.
    public static func parse(bytes: some Collection<UInt8>) throws(NumberError) -> Double {
        let data = Array(bytes)
        return try parse(ascii: data) { Repr.bytes(data) }
    }

    /// The core of `float(text)` over ASCII. `literalRepr` gives the text
    /// shown in the error "could not convert string to float: ...".
    public static func parse(ascii text: [UInt8], literalRepr: () -> String) throws(NumberError) -> Double {
        func invalid() -> NumberError {
            .valueError("could not convert string to float: \(literalRepr())")
        }
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

        // Underscores only between digits; they are then dropped.
        var bytes = text
        if text.contains(UInt8(ascii: "_")) {
            bytes = []
            var previous: UInt8 = 0
            for c in text {
                if c == UInt8(ascii: "_") {
                    if !isDigit(previous) { throw invalid() }
                } else {
                    if previous == UInt8(ascii: "_") && !isDigit(c) { throw invalid() }
                    bytes.append(c)
                }
                previous = c
            }
            if previous == UInt8(ascii: "_") { throw invalid() }
        }
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        if start == end { throw invalid() }

        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if index < end, !isDigit(bytes[index]), bytes[index] != UInt8(ascii: ".") {
            guard let special = parseSpecial(bytes[index..<end]) else { throw invalid() }
            return negative ? -special : special
        }
        // digits [. digits] [e [sign] digits], with at least one mantissa digit.
        var mantissaDigits = 0
        while index < end && isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end && isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
        }
        if mantissaDigits == 0 { throw invalid() }
        if index < end && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            var exponentDigits = 0
            while index < end && isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            if exponentDigits == 0 { throw invalid() }
        }
        if index != end { throw invalid() }
        // The syntax is now plain decimal, which Swift's parser (the C
        // library's strtod) converts with correct rounding.
        guard let value = Double(String(decoding: bytes[start..<end], as: UTF8.self)) else { throw invalid() }
        return value
    }

    /// "inf", "infinity" or "nan" in any case.
    static func parseSpecial(_ word: ArraySlice<UInt8>) -> Double? {
        let lowered = String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
        // `| 0x20` must not turn other characters into letters.
        guard word.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else { return nil }
        switch lowered {
        case "inf", "infinity": return .infinity
        case "nan": return .nan
        default: return nil
        }
    }
}
