/// `str.center`, `ljust`, `rjust` and `zfill`. When `width` is not more
/// than the length, CPython returns the original object; these functions
/// then return a copy, and the caller may return the original instead.
extension PyText {
    /// The fill character argument of `center`/`ljust`/`rjust`.
    public static func fillCharacter(_ fill: CodePoints) throws(TextError) -> UInt32 {
        guard fill.count == 1 else {
            throw .typeError("The fill character must be exactly one character long")
        }
        return fill[0]
    }

    /// `str.center(width[, fillchar])`; an odd margin puts the extra fill
    /// character on the left when `width` is odd, on the right otherwise.
    public static func center(_ text: CodePoints, width: Int, fill: UInt32 = 0x20) throws(TextError) -> [UInt32] {
        guard width > text.count else { return Array(text) }
        let margin = width - text.count
        let left = margin / 2 + (margin & width & 1)
        return try pad(text, left: left, right: margin - left, fill: fill)
    }

    /// `str.ljust(width[, fillchar])`.
    public static func ljust(_ text: CodePoints, width: Int, fill: UInt32 = 0x20) throws(TextError) -> [UInt32] {
        guard width > text.count else { return Array(text) }
        return try pad(text, left: 0, right: width - text.count, fill: fill)
    }

    /// `str.rjust(width[, fillchar])`.
    public static func rjust(_ text: CodePoints, width: Int, fill: UInt32 = 0x20) throws(TextError) -> [UInt32] {
        guard width > text.count else { return Array(text) }
        return try pad(text, left: width - text.count, right: 0, fill: fill)
    }

    /// `str.zfill(width)`: zeros on the left, after a leading sign.
    public static func zfill(_ text: CodePoints, width: Int) throws(TextError) -> [UInt32] {
        guard width > text.count else { return Array(text) }
        let fill = width - text.count
        var result = try pad(text, left: fill, right: 0, fill: 0x30)
        if fill < result.count && (result[fill] == 0x2B || result[fill] == 0x2D) {
            result[0] = result[fill]
            result[fill] = 0x30
        }
        return result
    }

    static func pad(_ text: CodePoints, left: Int, right: Int, fill: UInt32) throws(TextError) -> [UInt32] {
        let total = try checkedLength(text.count, left, right, overflow: "padded string is too long")
        var result: [UInt32] = []
        result.reserveCapacity(total)
        result.append(contentsOf: repeatElement(fill, count: left))
        result.append(contentsOf: text)
        result.append(contentsOf: repeatElement(fill, count: right))
        return result
    }

    /// The longest string these functions will try to build (in code
    /// points); longer results raise MemoryError instead of failing the
    /// allocation.
    public static let maximumLength = 1 << 32

    /// The sum of `parts`, or OverflowError (with the message given) when it
    /// overflows, or MemoryError when it is more than `maximumLength`.
    static func checkedLength(_ parts: Int..., overflow message: String) throws(TextError) -> Int {
        var total = 0
        for part in parts {
            let (sum, overflow) = total.addingReportingOverflow(part)
            if overflow { throw .overflowError(message) }
            total = sum
        }
        if total > maximumLength { throw .memoryError }
        return total
    }
}
