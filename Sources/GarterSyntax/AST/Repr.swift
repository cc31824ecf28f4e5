import BigInt

// `repr()` of the literal values the AST can hold, exactly as CPython 3.11
// writes them. The runtime's objects reuse these.

public enum Repr {
    /// `repr(str)`: single quotes unless the text has a `'` and no `"`.
    public static func string(_ codePoints: [UInt32]) -> String {
        var hasSingle = false
        var hasDouble = false
        for c in codePoints {
            if c == 0x27 { hasSingle = true } else if c == 0x22 { hasDouble = true }
        }
        let quote: UInt32 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var out = String.UnicodeScalarView()
        out.append(Unicode.Scalar(quote)!)
        for c in codePoints {
            switch c {
            case quote, 0x5C:
                out.append("\\")
                out.append(Unicode.Scalar(c)!)
            case 0x09: out.append(contentsOf: "\\t".unicodeScalars)
            case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
            case 0x20..<0x7F: out.append(Unicode.Scalar(c)!)
            case 0..<0x20, 0x7F:
                appendEscape(&out, "x", c, width: 2)
            default:
                if PrintableRanges.contains(c), let scalar = Unicode.Scalar(c) {
                    out.append(scalar)
                } else if c <= 0xFF {
                    appendEscape(&out, "x", c, width: 2)
                } else if c <= 0xFFFF {
                    appendEscape(&out, "u", c, width: 4)
                } else {
                    appendEscape(&out, "U", c, width: 8)
                }
            }
        }
        out.append(Unicode.Scalar(quote)!)
        return String(out)
    }

    /// `repr(bytes)`: `b'...'`, with the same choice of quote as for str.
    public static func bytes(_ bytes: [UInt8]) -> String {
        let hasSingle = bytes.contains(0x27)
        let hasDouble = bytes.contains(0x22)
        let quote: UInt8 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var out = String.UnicodeScalarView()
        out.append("b")
        out.append(Unicode.Scalar(quote))
        for b in bytes {
            switch b {
            case quote, 0x5C:
                out.append("\\")
                out.append(Unicode.Scalar(b))
            case 0x09: out.append(contentsOf: "\\t".unicodeScalars)
            case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
            case 0x20..<0x7F: out.append(Unicode.Scalar(b))
            default: appendEscape(&out, "x", UInt32(b), width: 2)
            }
        }
        out.append(Unicode.Scalar(quote))
        return String(out)
    }

    private static func appendEscape(_ out: inout String.UnicodeScalarView, _ letter: Unicode.Scalar,
                                     _ value: UInt32, width: Int) {
        out.append("\\")
        out.append(letter)
        let hex = String(value, radix: 16)
        for _ in hex.count..<width { out.append("0") }
        out.append(contentsOf: hex.unicodeScalars)
    }

    /// Python's `str.isprintable()` for one character, from Unicode 14.0 as in
    /// CPython 3.11 (Swift's own tables are newer and would disagree).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        PrintableRanges.contains(scalar.value)
    }

    /// `repr(float)`: the shortest text that reads back to the same value,
    /// fixed-point when the decimal exponent is in [-4, 16), else scientific.
    public static func float(_ value: Double) -> String {
        formatShortest(value, addDotZero: true)
    }

    /// `repr(complex(0, imag))` for an imaginary literal: `1j`, `1.5j`, `1e+100j`.
    public static func imaginary(_ imag: Double) -> String {
        formatShortest(imag, addDotZero: false) + "j"
    }

    public static func int(_ value: Int) -> String { String(value) }
    public static func bigInt(_ value: BigInt) -> String { value.description }

    static func formatShortest(_ value: Double, addDotZero: Bool) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        // Swift's description is also shortest-round-trip; take its digits and
        // decimal exponent, then lay them out with CPython's rules.
        var text = Swift.abs(value).description
        let negative = value.sign == .minus
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        var digits = ""
        var pointPosition = 0
        if let dot = text.firstIndex(of: ".") {
            let intPart = text[..<dot]
            let fracPart = text[text.index(after: dot)...]
            digits = String(intPart) + String(fracPart)
            pointPosition = intPart.count
        } else {
            digits = text
            pointPosition = text.count
        }
        // Strip leading zeros (moving the point) and trailing zeros.
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1 && digits.last == "0" {
            digits.removeLast()
        }
        // Value is 0.DIGITS × 10^decpt.
        var decpt = pointPosition + exponent
        if digits == "0" { decpt = 1 }
        var out = negative ? "-" : ""
        if decpt > 16 || decpt < -3 {
            out += String(digits.first!)
            if digits.count > 1 {
                out += "." + digits.dropFirst()
            }
            let e = decpt - 1
            out += e < 0 ? "e-" : "e+"
            let magnitude = String(Swift.abs(e))
            if magnitude.count < 2 { out += "0" }
            out += magnitude
        } else if decpt <= 0 {
            out += "0." + String(repeating: "0", count: -decpt) + digits
        } else if decpt >= digits.count {
            out += digits + String(repeating: "0", count: decpt - digits.count)
            if addDotZero { out += ".0" }
        } else {
            let index = digits.index(digits.startIndex, offsetBy: decpt)
            out += digits[..<index] + "." + digits[index...]
        }
        return out
    }

    public static func constant(_ constant: Constant) -> String {
        switch constant {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .ellipsis: return "Ellipsis"
        case .int(let i): return int(i)
        case .bigInt(let b): return bigInt(b)
        case .float(let d): return float(d)
        case .imaginary(let d): return imaginary(d)
        case .str(let s): return string(s.codePoints)
        case .bytes(let b): return bytes(b)
        }
    }
}
