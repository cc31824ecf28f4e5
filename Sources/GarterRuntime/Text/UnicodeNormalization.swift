/// The Unicode normalization forms (UAX #15) over code-point buffers, as
/// `unicodedata.normalize` computes them in Unicode 14.0 or 3.2: full
/// decomposition, canonical reordering, then for NFC/NFKC canonical
/// composition. Hangul syllables are decomposed and composed by arithmetic.
public enum UnicodeNormalization {
    public enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd

        public init?(name: String) {
            switch name {
            case "NFC": self = .nfc
            case "NFD": self = .nfd
            case "NFKC": self = .nfkc
            case "NFKD": self = .nfkd
            default: return nil
            }
        }

        var isCompatibility: Bool { self == .nfkc || self == .nfkd }
        var composes: Bool { self == .nfc || self == .nfkc }
    }

    // Hangul syllable arithmetic (Unicode chapter 3.12).
    static let syllableBase: UInt32 = 0xAC00
    static let leadingBase: UInt32 = 0x1100
    static let vowelBase: UInt32 = 0x1161
    static let trailingBase: UInt32 = 0x11A7
    static let leadingCount: UInt32 = 19
    static let vowelCount: UInt32 = 21
    static let trailingCount: UInt32 = 28
    static let syllableCount: UInt32 = leadingCount * vowelCount * trailingCount

    public static func normalize(_ text: [UInt32], _ form: Form,
                                 _ version: UnicodeCharacterData.Version) -> [UInt32] {
        // Text that is all ASCII is in every form already.
        if text.allSatisfy({ $0 < 0x80 }) { return text }
        var result = decompose(text, compatibility: form.isCompatibility, version)
        reorder(&result, version)
        if form.composes { compose(&result, version) }
        return result
    }

    static func decompose(_ text: [UInt32], compatibility: Bool,
                          _ version: UnicodeCharacterData.Version) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(text.count)
        var stack: [UInt32] = []
        for start in text {
            stack.append(start)
            while let code = stack.popLast() {
                if code >= syllableBase && code < syllableBase + syllableCount {
                    let index = code - syllableBase
                    output.append(leadingBase + index / (vowelCount * trailingCount))
                    output.append(vowelBase + (index % (vowelCount * trailingCount)) / trailingCount)
                    let trailing = index % trailingCount
                    if trailing != 0 { output.append(trailingBase + trailing) }
                    continue
                }
                if version == .v3_2_0, let old = correction3_2(code) {
                    stack.append(old)
                    continue
                }
                let entry = UnicodeCharacterData.decompositionEntry(code, version)
                if entry.range.isEmpty || (entry.tag != 0 && !compatibility) {
                    output.append(code)
                    continue
                }
                for index in entry.range.reversed() {
                    stack.append(UnicodeDataTables.decompositionData[index])
                }
            }
        }
        return output
    }

    private static func correction3_2(_ code: UInt32) -> UInt32? {
        let pairs = UnicodeDataTables.corrections3_2
        var index = 0
        while index < pairs.count {
            if pairs[index] == code { return pairs[index + 1] }
            index += 2
        }
        return nil
    }

    /// Canonical ordering: each run of non-starters sorted stably by class.
    static func reorder(_ text: inout [UInt32], _ version: UnicodeCharacterData.Version) {
        var index = 0
        while index < text.count {
            guard UnicodeCharacterData.combining(text[index], version) != 0 else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count && UnicodeCharacterData.combining(text[end], version) != 0 { end += 1 }
            if end - index > 1 {
                // Insertion sort: runs are short and it is stable.
                for current in (index + 1)..<end {
                    let value = text[current]
                    let valueClass = UnicodeCharacterData.combining(value, version)
                    var position = current
                    while position > index
                        && UnicodeCharacterData.combining(text[position - 1], version) > valueClass {
                        text[position] = text[position - 1]
                        position -= 1
                    }
                    text[position] = value
                }
            }
            index = end
        }
    }

    /// Canonical composition of decomposed, reordered text.
    static func compose(_ text: inout [UInt32], _ version: UnicodeCharacterData.Version) {
        guard !text.isEmpty else { return }
        var output: [UInt32] = []
        output.reserveCapacity(text.count)
        var starter: Int? = nil
        // Combining class of the last character kept after the starter; -1
        // when the starter is the last character (nothing can block).
        var lastClass = -1
        for code in text {
            let codeClass = UnicodeCharacterData.combining(code, version)
            if let starterIndex = starter, lastClass < codeClass || (lastClass == -1 && codeClass == 0),
               let composite = composite(output[starterIndex], code, version) {
                output[starterIndex] = composite
                continue
            }
            if codeClass == 0 {
                starter = output.count
                lastClass = -1
            } else {
                lastClass = codeClass
            }
            output.append(code)
        }
        text = output
    }

    /// The primary composite of a pair, if any.
    static func composite(_ first: UInt32, _ second: UInt32, _ version: UnicodeCharacterData.Version) -> UInt32? {
        if first >= leadingBase && first < leadingBase + leadingCount
            && second >= vowelBase && second < vowelBase + vowelCount {
            return syllableBase + ((first - leadingBase) * vowelCount + (second - vowelBase)) * trailingCount
        }
        if first >= syllableBase && first < syllableBase + syllableCount && (first - syllableBase) % trailingCount == 0
            && second > trailingBase && second < trailingBase + trailingCount {
            return first + (second - trailingBase)
        }
        let key = UInt64(first) << 21 | UInt64(second)
        let keys = UnicodeDataTables.compositionKeys
        var low = 0
        var high = keys.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if key < keys[middle] {
                high = middle - 1
            } else if key > keys[middle] {
                low = middle + 1
            } else {
                let result = UnicodeDataTables.compositionResults[middle]
                if version == .v3_2_0 && UnicodeCharacterData.isUnassignedIn3_2(result) { return nil }
                return result
            }
        }
        return nil
    }
}
