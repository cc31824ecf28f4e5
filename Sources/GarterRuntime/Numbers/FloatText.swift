import GarterSyntax

/// Floats to text the way CPython's `PyOS_double_to_string` does: the
/// presentation types `e`, `f`, `g` (and upper-case `E`, `F`, `G`) with a
/// precision, and `r` (shortest round-trip digits, as `repr`).
public enum FloatText {
    /// Options of `PyOS_double_to_string`.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `#`: always a decimal point; `g` keeps trailing zeros.
        public static let alternate = Flags(rawValue: 1)
        /// Add ".0" to an integral fixed-point result (format with no type).
        public static let addDotZero = Flags(rawValue: 2)
        /// `z`: a negative result that rounds to zero loses its sign.
        public static let noNegativeZero = Flags(rawValue: 4)
    }

    /// `repr(x)` / `str(x)`.
    @inlinable
    public static func repr(_ x: Double) -> String { Repr.float(x) }

    /// The text of `x` for presentation type `code` (one of `eEfFgGr`) with
    /// `precision` (ignored for `r`), including a leading "-" for negative
    /// values ("nan" never has a sign).
    public static func format(_ x: Double, code: Unicode.Scalar, precision: Int, flags: Flags = []) -> String {
        var bytes: [UInt8] = []
        append(x, code: UInt8(ascii: code), precision: precision, flags: flags, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ x: Double, code: UInt8, precision: Int, flags: Flags, to out: inout [UInt8]) {
        let upper = code >= UInt8(ascii: "A") && code <= UInt8(ascii: "Z")
        let lowerCode = code | 0x20
        if x.isNaN {
            out.append(contentsOf: upper ? Array("NAN".utf8) : Array("nan".utf8))
            return
        }
        if x.isInfinite {
            if x < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: upper ? Array("INF".utf8) : Array("inf".utf8))
            return
        }
        let alternate = flags.contains(.alternate)
        let magnitude = x.magnitude
        var body: [UInt8] = []
        var isZero = magnitude == 0
        switch lowerCode {
        case UInt8(ascii: "f"):
            var digits = DecimalExpansion.scaledDigits(magnitude, power: precision)
            if digits.count == 1 && digits[0] == UInt8(ascii: "0") { isZero = true }
            if digits.count <= precision {
                digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision + 1 - digits.count), at: 0)
            }
            let integerCount = digits.count - precision
            body.append(contentsOf: digits[..<integerCount])
            if precision > 0 || alternate { body.append(UInt8(ascii: ".")) }
            body.append(contentsOf: digits[integerCount...])
        case UInt8(ascii: "e"):
            let (digits, exponent) = significant(magnitude, count: precision + 1)
            body.append(digits[0])
            if precision > 0 || alternate { body.append(UInt8(ascii: ".")) }
            body.append(contentsOf: digits[1...])
            appendExponent(exponent, upper: upper, to: &body)
        case UInt8(ascii: "g"):
            let count = max(precision, 1)
            var (digits, exponent) = significant(magnitude, count: count)
            let addDotZero = flags.contains(.addDotZero)
            let useExponent = exponent < -4 || exponent >= (addDotZero ? count - 1 : count)
            if !alternate {
                while digits.count > 1 && digits[digits.count - 1] == UInt8(ascii: "0") { digits.removeLast() }
            }
            if useExponent {
                body.append(digits[0])
                if digits.count > 1 || alternate { body.append(UInt8(ascii: ".")) }
                body.append(contentsOf: digits[1...])
                appendExponent(exponent, upper: upper, to: &body)
            } else {
                appendFixed(digits, pointAt: exponent + 1, alternate: alternate, addDotZero: addDotZero, to: &body)
            }
        default:  // "r"
            var text = Array(Repr.float(magnitude).utf8)
            // repr always adds ".0"; plain 'r' (complex parts) does not.
            if !flags.contains(.addDotZero), text.count > 2, text[text.count - 2] == UInt8(ascii: "."),
               text[text.count - 1] == UInt8(ascii: "0") {
                text.removeLast(2)
            }
            if alternate, !text.contains(UInt8(ascii: ".")) {
                text.insert(UInt8(ascii: "."), at: text.firstIndex(of: UInt8(ascii: "e")) ?? text.endIndex)
            }
            body = text
        }
        if x.sign == .minus && !(isZero && flags.contains(.noNegativeZero)) {
            out.append(UInt8(ascii: "-"))
        }
        out.append(contentsOf: body)
    }

    /// Significant digits, with zero as `count` zeros at exponent 0.
    static func significant(_ magnitude: Double, count: Int) -> (digits: [UInt8], exponent: Int) {
        if magnitude == 0 { return ([UInt8](repeating: UInt8(ascii: "0"), count: count), 0) }
        return DecimalExpansion.significantDigits(magnitude, count: count)
    }

    /// Lays out digits `d₀d₁…` with the decimal point after `pointAt` of them
    /// (a negative or zero `pointAt` means leading zeros after "0.").
    static func appendFixed(_ digits: [UInt8], pointAt: Int, alternate: Bool, addDotZero: Bool, to body: inout [UInt8]) {
        if pointAt <= 0 {
            body.append(contentsOf: "0.".utf8)
            body.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointAt))
            body.append(contentsOf: digits)
        } else if pointAt >= digits.count {
            body.append(contentsOf: digits)
            body.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointAt - digits.count))
            if alternate { body.append(UInt8(ascii: ".")) }
            if addDotZero { body.append(contentsOf: alternate ? [UInt8(ascii: "0")] : Array(".0".utf8)) }
        } else {
            body.append(contentsOf: digits[..<pointAt])
            body.append(UInt8(ascii: "."))
            body.append(contentsOf: digits[pointAt...])
        }
    }

    /// "e+05", "e-310": a sign and at least two digits.
    static func appendExponent(_ exponent: Int, upper: Bool, to body: inout [UInt8]) {
        body.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        body.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        if exponent.magnitude < 10 { body.append(UInt8(ascii: "0")) }
        body.append(contentsOf: String(exponent.magnitude).utf8)
    }
}
