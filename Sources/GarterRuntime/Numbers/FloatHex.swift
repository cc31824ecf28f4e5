import BigInt

extension FloatMath {
    /// `float.hex(x)`: "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan".
    public static func hex(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0x0.0p+0" }
        let magnitude = x.magnitude
        let leading = magnitude.isSubnormal ? "0" : "1"
        let exponent = magnitude.isSubnormal ? -1022 : Int(magnitude.exponent)
        var fraction = String(magnitude.significandBitPattern, radix: 16)
        fraction = String(repeating: "0", count: 13 - fraction.count) + fraction
        return sign + "0x" + leading + "." + fraction + "p" + (exponent < 0 ? "-" : "+") + String(exponent.magnitude)
    }

    /// `float.fromhex(text)`: `[sign] [0x] hexdigits [. hexdigits] [p [sign] digits]`
    /// or inf/infinity/nan, with surrounding whitespace; rounded half to even.
    public static func fromHex(_ text: String) throws(NumberError) -> Double {
        let invalid = NumberError.valueError("invalid hexadecimal floating-point string")
        let bytes = Array(text.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        var index = start
        var negative = false
        if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if let special = parseSpecial(bytes[index..<end]) {
            return negative ? -special : special
        }
        if end - index >= 2 && bytes[index] == UInt8(ascii: "0") && (bytes[index + 1] | 0x20) == UInt8(ascii: "x") {
            index += 2
        }
        var mantissaDigits: [UInt8] = []
        var fractionDigits = 0
        while index < end, let digit = IntegerText.digitValue(bytes[index]), digit < 16 {
            mantissaDigits.append(bytes[index]); index += 1
        }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, let digit = IntegerText.digitValue(bytes[index]), digit < 16 {
                mantissaDigits.append(bytes[index]); index += 1; fractionDigits += 1
            }
        }
        if mantissaDigits.isEmpty { throw invalid }
        var exponent = 0
        if index < end && (bytes[index] | 0x20) == UInt8(ascii: "p") {
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < end && bytes[index] &- 0x30 < 10 {
                // Saturate far beyond any double's range.
                if exponent < 1 << 40 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                index += 1
                exponentDigits += 1
            }
            if exponentDigits == 0 { throw invalid }
            if exponentNegative { exponent = -exponent }
        }
        if index != end { throw invalid }

        let mantissa = IntegerText.accumulate(mantissaDigits[...], base: 16, isPowerOfTwo: true)
        if mantissa.isZero { return negative ? -0.0 : 0.0 }
        let scale = exponent - 4 * fractionDigits
        let bits = mantissa.bitWidth
        if bits - 1 + scale > 1024 { throw NumberError.overflowError("hexadecimal value too large to represent as a float") }
        if bits - 1 + scale < -1100 { return negative ? -0.0 : 0.0 }
        // The top 64 bits, left-aligned, and whether any bit below is set.
        let top: UInt64
        let sticky: Bool
        if bits <= 64 {
            top = UInt64(mantissa.words[0]) << UInt64(64 - bits)
            sticky = false
        } else {
            top = UInt64((mantissa >> (bits - 64)).words[0])
            sticky = mantissa.trailingZeroBitCount < bits - 64
        }
        guard let value = FloatConversion.round(top, sticky: sticky, scale: scale + bits - 64) else {
            throw NumberError.overflowError("hexadecimal value too large to represent as a float")
        }
        return negative ? -value : value
    }
}
