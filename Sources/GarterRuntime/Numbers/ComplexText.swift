import GarterSyntax

/// `repr(complex)` and `complex(text)`, as CPython 3.11's complexobject.c.
public enum ComplexText {
    /// `repr(z)`: "1j", "(1+2j)", "(-0-0j)", "(nan+infj)". A real part of +0
    /// is left out, with the parentheses; the parts use the shortest
    /// round-trip digits without ".0".
    public static func repr(_ z: ComplexNumber) -> String {
        if z.real == 0 && z.real.sign == .plus {
            return part(z.imag, sign: false) + "j"
        }
        return "(" + part(z.real, sign: false) + part(z.imag, sign: true) + "j)"
    }

    /// A part as `PyOS_double_to_string(x, 'r', 0, flags)`.
    static func part(_ x: Double, sign: Bool) -> String {
        var bytes: [UInt8] = []
        FloatText.append(x, code: UInt8(ascii: "r"), precision: 0, flags: [], to: &bytes)
        var text = String(decoding: bytes, as: UTF8.self)
        if sign && bytes.first != UInt8(ascii: "-") { text = "+" + text }
        return text
    }

    /// `complex(text)`: `<float>`, `<float>j`, `<float><signed float>j`,
    /// plus the old forms `<float><sign>j`, `<sign>j` and `j`, optionally in
    /// parentheses, with surrounding whitespace and single underscores
    /// between digits. Unicode spaces and decimal digits count as ASCII.
    public static func parse(_ text: some Collection<UInt32>) throws(NumberError) -> ComplexNumber {
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
        guard let cleaned = withoutUnderscores(ascii) else {
            throw NumberError.valueError("could not convert string to complex: \(Repr.string(Array(text)))")
        }
        guard let result = parseForms(cleaned) else {
            throw NumberError.valueError("complex() arg is a malformed string")
        }
        return result
    }

    /// The text without its underscores, or nil when one is not between
    /// two digits (CPython's `_Py_string_to_number_with_underscores`).
    static func withoutUnderscores(_ text: [UInt8]) -> [UInt8]? {
        guard text.contains(UInt8(ascii: "_")) else { return text }
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var result: [UInt8] = []
        var previous: UInt8 = 0
        for c in text {
            if c == UInt8(ascii: "_") {
                if !isDigit(previous) { return nil }
            } else {
                if previous == UInt8(ascii: "_") && !isDigit(c) { return nil }
                result.append(c)
            }
            previous = c
        }
        return previous == UInt8(ascii: "_") ? nil : result
    }

    static func parseForms(_ s: [UInt8]) -> ComplexNumber? {
        func at(_ index: Int) -> UInt8 { index < s.count ? s[index] : 0 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func isJ(_ c: UInt8) -> Bool { c == UInt8(ascii: "j") || c == UInt8(ascii: "J") }
        func isSign(_ c: UInt8) -> Bool { c == UInt8(ascii: "+") || c == UInt8(ascii: "-") }
        var index = 0
        var real = 0.0
        var imag = 0.0
        while isSpace(at(index)) { index += 1 }
        let bracketed = at(index) == UInt8(ascii: "(")
        if bracketed {
            index += 1
            while isSpace(at(index)) { index += 1 }
        }
        if let (first, afterFirst) = floatPrefix(s, from: index) {
            index = afterFirst
            if isSign(at(index)) {
                real = first
                if let (second, afterSecond) = floatPrefix(s, from: index) {
                    imag = second
                    index = afterSecond
                } else {
                    imag = at(index) == UInt8(ascii: "+") ? 1 : -1
                    index += 1
                }
                guard isJ(at(index)) else { return nil }
                index += 1
            } else if isJ(at(index)) {
                imag = first
                index += 1
            } else {
                real = first
            }
        } else {
            if isSign(at(index)) {
                imag = at(index) == UInt8(ascii: "+") ? 1 : -1
                index += 1
            } else {
                imag = 1
            }
            guard isJ(at(index)) else { return nil }
            index += 1
        }
        while isSpace(at(index)) { index += 1 }
        if bracketed {
            guard at(index) == UInt8(ascii: ")") else { return nil }
            index += 1
            while isSpace(at(index)) { index += 1 }
        }
        return index == s.count ? ComplexNumber(real: real, imag: imag) : nil
    }

    /// The longest float at `start` (CPython's `PyOS_string_to_double` with
    /// an end pointer): `[sign] digits [. digits] [e [sign] digits]` or
    /// `[sign] inf|infinity|nan`; nil when there is none.
    static func floatPrefix(_ s: [UInt8], from start: Int) -> (Double, Int)? {
        func at(_ index: Int) -> UInt8 { index < s.count ? s[index] : 0 }
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        var index = start
        var negative = false
        if at(index) == UInt8(ascii: "+") || at(index) == UInt8(ascii: "-") {
            negative = at(index) == UInt8(ascii: "-")
            index += 1
        }
        func matches(_ word: String, at position: Int) -> Bool {
            for (offset, c) in word.utf8.enumerated() where at(position + offset) | 0x20 != c { return false }
            return true
        }
        if matches("nan", at: index) { return (negative ? -.nan : .nan, index + 3) }
        if matches("inf", at: index) {
            let end = matches("inity", at: index + 3) ? index + 8 : index + 3
            return (negative ? -.infinity : .infinity, end)
        }
        let mantissaStart = index
        var digits = 0
        while isDigit(at(index)) { index += 1; digits += 1 }
        if at(index) == UInt8(ascii: ".") {
            index += 1
            while isDigit(at(index)) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if at(index) | 0x20 == UInt8(ascii: "e") {
            var exponentEnd = index + 1
            if at(exponentEnd) == UInt8(ascii: "+") || at(exponentEnd) == UInt8(ascii: "-") { exponentEnd += 1 }
            if isDigit(at(exponentEnd)) {
                while isDigit(at(exponentEnd)) { exponentEnd += 1 }
                index = exponentEnd
            }
        }
        guard let magnitude = Double(String(decoding: s[mantissaStart..<index], as: UTF8.self)) else { return nil }
        return (negative ? -magnitude : magnitude, index)
    }
}
