/// `str.lower`, `upper`, `casefold`, `capitalize`, `title` and `swapcase`,
/// with Python's full case mappings (`'ß'.upper() == 'SS'`) and the final
/// sigma rule of `lower`.
///
/// Each conversion first writes one code point per character straight into
/// the result; the first character that maps to several code points (or a
/// capital sigma, whose mapping depends on its neighbours) switches to the
/// general path for the rest of the text.
extension PyText {
    /// `str.lower()`.
    public static func lower(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { index in
            let codePoint = text[index]
            return codePoint == 0x3A3 ? nil : UnicodeDatabase.singleMapping(.lower, of: codePoint)
        }, general: { index, output in
            appendLower(text, index, to: &output)
        })
    }

    /// `str.upper()`.
    public static func upper(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { UnicodeDatabase.singleMapping(.upper, of: text[$0]) }, general: { index, output in
            UnicodeDatabase.appendMapping(.upper, of: text[index], to: &output)
        })
    }

    /// `str.casefold()`.
    public static func casefold(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { UnicodeDatabase.singleMapping(.fold, of: text[$0]) }, general: { index, output in
            UnicodeDatabase.appendMapping(.fold, of: text[index], to: &output)
        })
    }

    /// `str.capitalize()`: the first character in title case (as in Python
    /// 3.8 and later), the rest in lower case.
    public static func capitalize(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { index in
            let codePoint = text[index]
            if index == 0 { return UnicodeDatabase.singleMapping(.title, of: codePoint) }
            return codePoint == 0x3A3 ? nil : UnicodeDatabase.singleMapping(.lower, of: codePoint)
        }, general: { index, output in
            if index == 0 {
                UnicodeDatabase.appendMapping(.title, of: text[0], to: &output)
            } else {
                appendLower(text, index, to: &output)
            }
        })
    }

    /// `str.title()`: a character that follows a cased character is lowered,
    /// any other is put in title case.
    public static func title(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { index in
            let codePoint = text[index]
            if index > 0 && UnicodeDatabase.isCased(text[index - 1]) {
                return codePoint == 0x3A3 ? nil : UnicodeDatabase.singleMapping(.lower, of: codePoint)
            }
            return UnicodeDatabase.singleMapping(.title, of: codePoint)
        }, general: { index, output in
            if index > 0 && UnicodeDatabase.isCased(text[index - 1]) {
                appendLower(text, index, to: &output)
            } else {
                UnicodeDatabase.appendMapping(.title, of: text[index], to: &output)
            }
        })
    }

    /// `str.swapcase()`: upper-case characters lowered, lower-case ones
    /// raised, others (title-case letters included) unchanged.
    public static func swapcase(_ text: CodePoints) -> [UInt32] {
        convert(text, single: { index in
            let codePoint = text[index]
            if UnicodeDatabase.isUpper(codePoint) {
                return codePoint == 0x3A3 ? nil : UnicodeDatabase.singleMapping(.lower, of: codePoint)
            }
            if UnicodeDatabase.isLower(codePoint) {
                return UnicodeDatabase.singleMapping(.upper, of: codePoint)
            }
            return codePoint
        }, general: { index, output in
            let codePoint = text[index]
            if UnicodeDatabase.isUpper(codePoint) {
                appendLower(text, index, to: &output)
            } else if UnicodeDatabase.isLower(codePoint) {
                UnicodeDatabase.appendMapping(.upper, of: codePoint, to: &output)
            } else {
                output.append(codePoint)
            }
        })
    }

    /// Runs `single` over the characters, writing its results directly, until
    /// it returns nil; `general` then appends the mappings of the remaining
    /// characters.
    @inline(__always)
    private static func convert(_ text: CodePoints, single: (Int) -> UInt32?,
                                general: (Int, inout [UInt32]) -> Void) -> [UInt32] {
        let count = text.count
        var converted = 0
        var output = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            var index = 0
            while index < count, let mapped = single(index) {
                buffer[index] = mapped
                index += 1
            }
            initialized = index
            converted = index
        }
        if converted < count {
            output.reserveCapacity(count + (count - converted) / 4 + 8)
            for index in converted..<count {
                general(index, &output)
            }
        }
        return output
    }

    /// Lowers `text[index]`, choosing final or medial sigma for U+03A3 from
    /// the surrounding characters.
    @inline(__always)
    static func appendLower(_ text: CodePoints, _ index: Int, to output: inout [UInt32]) {
        let codePoint = text[index]
        if codePoint == 0x3A3 {
            output.append(isFinalSigma(text, index) ? 0x3C2 : 0x3C3)
        } else {
            UnicodeDatabase.appendMapping(.lower, of: codePoint, to: &output)
        }
    }

    /// The Final_Sigma condition of Unicode's SpecialCasing: a cased letter
    /// comes before (skipping case-ignorable characters) and none comes after.
    static func isFinalSigma(_ text: CodePoints, _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && UnicodeDatabase.isCaseIgnorable(text[before]) {
            before -= 1
        }
        guard before >= 0 && UnicodeDatabase.isCased(text[before]) else { return false }
        var after = index + 1
        while after < text.count && UnicodeDatabase.isCaseIgnorable(text[after]) {
            after += 1
        }
        return after == text.count || !UnicodeDatabase.isCased(text[after])
    }
}
