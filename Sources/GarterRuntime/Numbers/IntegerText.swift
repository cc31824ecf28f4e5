import BigInt
import GarterSyntax

/// Integers to and from text: `str(int)` with CPython's digit limit,
/// `bin`/`oct`/`hex`, and `int(text, base)`.
public enum IntegerText {
    /// CPython's default for `sys.set_int_max_str_digits` (0 means no limit).
    public static let defaultMaxStrDigits = 4300
    /// Below this many digits the limit is never checked
    /// (`sys.int_info.str_digits_check_threshold`).
    public static let maxStrDigitsThreshold = 640

    static func limitErrorToString(_ limit: Int) -> NumberError {
        .valueError("Exceeds the limit (\(limit) digits) for integer string conversion; "
            + "use sys.set_int_max_str_digits() to increase the limit")
    }

    static func limitErrorToInt(_ limit: Int, digits: Int) -> NumberError {
        .valueError("Exceeds the limit (\(limit) digits) for integer string conversion: "
            + "value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
    }

    // MARK: Decimal output

    /// Decimal digits of a magnitude (with a leading "-" when `negative`),
    /// without any limit.
    static func decimalDigits(of magnitude: BigUInt, negative: Bool) -> String {
        var bytes: [UInt8] = []
        if negative { bytes.append(UInt8(ascii: "-")) }
        appendDecimalDigits(of: magnitude, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decimal digits of `magnitude` as ASCII.
    ///
    /// Repeated short division by 10^19 over a copy of the words: quadratic,
    /// like CPython 3.11, and fast enough within the digit limit (a 10,000
    /// digit number takes about a millisecond).
    static func appendDecimalDigits(of magnitude: BigUInt, to bytes: inout [UInt8]) {
        if magnitude.bitWidth <= 64 {
            let value = magnitude.isZero ? 0 : UInt64(magnitude.words[0])
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var words = Array(magnitude.words.map { UInt64($0) })
        var chunks: [UInt64] = []
        chunks.reserveCapacity(words.count * 64 / 63 + 1)
        var count = words.count
        while count > 0 {
            var remainder: UInt64 = 0
            var index = count - 1
            while index >= 0 {
                let (quotient, rest) = chunk.dividingFullWidth((remainder, words[index]))
                words[index] = quotient
                remainder = rest
                index -= 1
            }
            chunks.append(remainder)
            while count > 0 && words[count - 1] == 0 { count -= 1 }
        }
        bytes.reserveCapacity(bytes.count + chunks.count * 19)
        bytes.append(contentsOf: String(chunks[chunks.count - 1]).utf8)
        var scratch = [UInt8](repeating: 0, count: 19)
        for position in stride(from: chunks.count - 2, through: 0, by: -1) {
            var value = chunks[position]
            for digit in stride(from: 18, through: 0, by: -1) {
                scratch[digit] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
            }
            bytes.append(contentsOf: scratch)
        }
    }

    /// Raises CPython's error when `magnitude` has more than `maxDigits`
    /// decimal digits (`maxDigits` 0 means no limit). Decides from the bit
    /// length when it can, else counts.
    static func checkDigitLimit(_ magnitude: BigUInt, maxDigits: Int) throws(NumberError) {
        guard maxDigits > 0 else { return }
        let bits = magnitude.bitWidth
        // A value of b bits has between floor((b-1)·log10 2)+1 and
        // floor(b·log10 2)+1 digits.
        let log10of2 = 0.30102999566398119521
        let fewest = Int(Double(bits - 1) * log10of2 * (1 - 1e-15)) + 1
        let most = Int(Double(bits) * log10of2 * (1 + 1e-15)) + 1
        if most <= maxDigits { return }
        if fewest > maxDigits { throw limitErrorToString(maxDigits) }
        var digits: [UInt8] = []
        appendDecimalDigits(of: magnitude, to: &digits)
        if digits.count > maxDigits { throw limitErrorToString(maxDigits) }
    }

    // MARK: Other bases

    /// Digits of `magnitude` in `radix` (2...36), lowercase unless `uppercase`.
    static func digits(of magnitude: BigUInt, radix: Int, uppercase: Bool = false) -> String {
        if radix == 10 { return decimalDigits(of: magnitude, negative: false) }
        if magnitude.bitWidth <= 64 {
            return String(magnitude.isZero ? 0 : UInt64(magnitude.words[0]), radix: radix, uppercase: uppercase)
        }
        return String(magnitude, radix: radix, uppercase: uppercase)
    }

    // MARK: Parsing

    /// `int(text, base)` for a `str`: leading and trailing whitespace, a
    /// sign, the `0x`/`0o`/`0b` prefix (required for base 0, allowed for its
    /// own base), single underscores between digits. Unicode whitespace and
    /// Unicode decimal digits count as their ASCII equivalents, as in CPython.
    /// `maxDigits` is the interpreter's `sys.get_int_max_str_digits()`.
    public static func parse(_ text: some Collection<UInt32>, base: Int, maxDigits: Int) throws(NumberError) -> PyInteger {
        try checkBase(base)
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
        return try parse(ascii: ascii, base: base, maxDigits: maxDigits) {
            Repr.string(Array(text))
        }
    }

    /// `int(text, base)` for a Swift string (the same rules).
    public static func parse(_ text: String, base: Int, maxDigits: Int) throws(NumberError) -> PyInteger {
        try parse(text.unicodeScalars.map(\.value), base: base, maxDigits: maxDigits)
    }

    /// `int(data, base)` for `bytes`: ASCII only; the error shows `b'...'`.
    public static func parse(bytes: some Collection<UInt8>, base: Int, maxDigits: Int) throws(NumberError) -> PyInteger {
        try checkBase(base)
        let data = Array(bytes)
        return try parse(ascii: data, base: base, maxDigits: maxDigits) { Repr.bytes(data) }
    }

    static func checkBase(_ base: Int) throws(NumberError) {
        if base != 0 && (base < 2 || base > 36) {
            throw NumberError.valueError("int() base must be >= 2 and <= 36, or 0")
        }
    }

    /// The core of `int(text, base)` over ASCII (CPython's
    /// `PyLong_FromString`). `literalRepr` gives the text shown in the error.
    public static func parse(ascii text: [UInt8], base requestedBase: Int, maxDigits: Int,
                             literalRepr: () -> String) throws(NumberError) -> PyInteger {
        func invalid() -> NumberError {
            var shown = literalRepr()
            // CPython formats it with %.200R.
            if shown.unicodeScalars.count > 200 {
                shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(200)))
            }
            return .valueError("invalid literal for int() with base \(requestedBase): \(shown)")
        }
        let count = text.count
        // A NUL ends the C string CPython parses: nothing after it is read.
        func at(_ index: Int) -> UInt8 { index < count ? text[index] : 0 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

        var index = 0
        while isSpace(at(index)) { index += 1 }
        var negative = false
        if at(index) == UInt8(ascii: "+") || at(index) == UInt8(ascii: "-") {
            negative = at(index) == UInt8(ascii: "-")
            index += 1
        }
        var base = requestedBase
        var mustBeZero = false
        let first = at(index), second = at(index + 1) | 0x20
        if base == 0 {
            if first != UInt8(ascii: "0") { base = 10 }
            else if second == UInt8(ascii: "x") { base = 16 }
            else if second == UInt8(ascii: "o") { base = 8 }
            else if second == UInt8(ascii: "b") { base = 2 }
            else {
                // "Old" octal like 0777 is invalid; zeros are still fine.
                mustBeZero = true
                base = 10
            }
        }
        if first == UInt8(ascii: "0") && ((base == 16 && second == UInt8(ascii: "x"))
            || (base == 8 && second == UInt8(ascii: "o")) || (base == 2 && second == UInt8(ascii: "b"))) {
            index += 2
            if at(index) == UInt8(ascii: "_") { index += 1 }
        }
        if at(index) == UInt8(ascii: "_") { throw invalid() }

        // Scan the digits and single underscores.
        let start = index
        var digitCount = 0
        var previousUnderscore = false
        while true {
            let c = at(index)
            if c == UInt8(ascii: "_") {
                if previousUnderscore { throw invalid() }
                previousUnderscore = true
            } else if let digit = digitValue(c), digit < base {
                digitCount += 1
                previousUnderscore = false
            } else {
                break
            }
            index += 1
        }
        if previousUnderscore || digitCount == 0 { throw invalid() }
        let isPowerOfTwo = base & (base - 1) == 0
        if !isPowerOfTwo && maxDigits > 0 && digitCount > maxDigits {
            throw limitErrorToInt(maxDigits, digits: digitCount)
        }
        let magnitude = accumulate(text[start..<index], base: base, isPowerOfTwo: isPowerOfTwo)
        if mustBeZero && !magnitude.isZero { throw invalid() }
        while isSpace(at(index)) { index += 1 }
        if index != count { throw invalid() }
        return PyInteger(negative: negative, magnitude: magnitude)
    }

    @inline(__always)
    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c) - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c) - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c) - 0x41 + 10
        default: return nil
        }
    }

    /// The value of validated digits (underscores skipped).
    static func accumulate(_ digits: ArraySlice<UInt8>, base: Int, isPowerOfTwo: Bool) -> BigUInt {
        if isPowerOfTwo {
            // Pack the bits from the last digit up.
            let bitsPerDigit = base.trailingZeroBitCount
            var words: [UInt] = []
            var current: UInt = 0
            var filled = 0
            for c in digits.reversed() where c != UInt8(ascii: "_") {
                let digit = UInt(digitValue(c)!)
                current |= digit << UInt(filled)
                filled += bitsPerDigit
                if filled >= UInt.bitWidth {
                    words.append(current)
                    filled -= UInt.bitWidth
                    current = filled > 0 ? digit >> UInt(bitsPerDigit - filled) : 0
                }
            }
            if filled > 0 { words.append(current) }
            return BigUInt(words: words)
        }
        // Chunks of as many digits as fit a word, folded in by multiply-add.
        var perChunk = 0
        var chunkScale: UInt = 1
        while true {
            let (next, overflow) = chunkScale.multipliedReportingOverflow(by: UInt(base))
            if overflow { break }
            chunkScale = next
            perChunk += 1
        }
        var words: [UInt] = []
        words.reserveCapacity(digits.count / perChunk + 1)
        // words = words · scale + value, in one branch-free pass.
        func fold(_ value: UInt, _ scale: UInt) {
            var carry = UInt128(value)
            for index in words.indices {
                let t = UInt128(words[index]) &* UInt128(scale) &+ carry
                words[index] = UInt(truncatingIfNeeded: t)
                carry = t &>> 64
            }
            if carry != 0 { words.append(UInt(truncatingIfNeeded: carry)) }
        }
        var current: UInt = 0
        var scale: UInt = 1
        var inChunk = 0
        for c in digits where c != UInt8(ascii: "_") {
            current = current &* UInt(base) &+ UInt(digitValue(c)!)
            scale &*= UInt(base)
            inChunk += 1
            if inChunk == perChunk {
                fold(current, scale)
                current = 0
                scale = 1
                inChunk = 0
            }
        }
        if inChunk > 0 { fold(current, scale) }
        return BigUInt(words: words)
    }
}

extension PyInteger {
    /// `str(self)`: decimal text, refused beyond `maxDigits` digits (the
    /// interpreter's `sys.get_int_max_str_digits()`; 0 means no limit) with
    /// CPython's ValueError.
    public func toDecimalString(maxDigits: Int) throws(NumberError) -> String {
        switch self {
        case .small(let value): return String(value)
        case .big(let value):
            try IntegerText.checkDigitLimit(value.magnitude, maxDigits: maxDigits)
            return IntegerText.decimalDigits(of: value.magnitude, negative: value.sign == .minus)
        }
    }

    /// `bin(self)`: "0b101", "-0b101".
    public var binaryString: String { radixString(2, prefix: "0b") }
    /// `oct(self)`: "0o17".
    public var octalString: String { radixString(8, prefix: "0o") }
    /// `hex(self)`: "0xff".
    public var hexadecimalString: String { radixString(16, prefix: "0x") }

    func radixString(_ radix: Int, prefix: String) -> String {
        (isNegative ? "-" : "") + prefix + IntegerText.digits(of: magnitude, radix: radix)
    }
}
