/// The character properties only `unicodedata` exposes (bidirectional class,
/// combining class, east asian width, mirrored, decomposition), in Unicode
/// 14.0 or as Unicode 3.2 saw them (`unicodedata.ucd_3_2_0`, which
/// `stringprep` and the IDNA codec use). The 3.2 view is the 14.0 data with
/// the recorded differences applied, as CPython builds it: characters assigned
/// after 3.2 read as unassigned, and a few hundred characters changed class.
/// Tables: scripts/gen_unicodedata_tables.py.
public enum UnicodeCharacterData {
    /// Which version of the database answers.
    public enum Version: Sendable {
        case current  // 14.0.0
        case v3_2_0
    }

    @inline(__always)
    static func threeLevel<A: FixedWidthInteger, B: FixedWidthInteger, C: FixedWidthInteger>(
        _ codePoint: UInt32, _ level1: [A], _ level2: [B], _ level3: [C], _ shift1: Int, _ shift2: Int
    ) -> Int {
        let value = Int(min(codePoint, UnicodeDatabase.maxCodePoint))
        let block2 = Int(level1[value >> (shift1 + shift2)])
        let block3 = Int(level2[(block2 << shift2) | ((value >> shift1) & ((1 << shift2) - 1))])
        return Int(level3[(block3 << shift1) | (value & ((1 << shift1) - 1))])
    }

    static func record(_ codePoint: UInt32) -> UInt32 {
        let index = threeLevel(codePoint, UnicodeDataTables.propertyLevel1, UnicodeDataTables.propertyLevel2,
                               UnicodeDataTables.propertyLevel3, UnicodeDataTables.propertyShift1,
                               UnicodeDataTables.propertyShift2)
        return UnicodeDataTables.propertyRecords[index]
    }

    // MARK: Unicode 3.2

    /// Whether `codePoint` was assigned after Unicode 3.2 (so 3.2 knows nothing of it).
    static func isUnassignedIn3_2(_ codePoint: UInt32) -> Bool {
        let ranges = UnicodeDataTables.unassignedIn3_2
        var low = 0
        var high = ranges.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if codePoint < ranges[2 * middle] {
                high = middle - 1
            } else if codePoint > ranges[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The packed 3.2 changes of `codePoint` (see the generator), or nil.
    static func change3_2(_ codePoint: UInt32) -> UInt32? {
        let points = UnicodeDataTables.changed3_2
        var low = 0
        var high = points.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if codePoint < points[middle] {
                high = middle - 1
            } else if codePoint > points[middle] {
                low = middle + 1
            } else {
                return UnicodeDataTables.changes3_2[middle]
            }
        }
        return nil
    }

    /// A field of the 3.2 change word, nil when unchanged.
    private static func changedField(_ codePoint: UInt32, shift: UInt32, mask: UInt32) -> UInt32? {
        guard let word = change3_2(codePoint) else { return nil }
        let field = (word >> shift) & mask
        return field == mask ? nil : field
    }

    /// Whether the 3.2 database sees `codePoint` as unassigned where 14.0 does not.
    @inline(__always)
    static func isMissing(_ codePoint: UInt32, _ version: Version) -> Bool {
        version == .v3_2_0 && isUnassignedIn3_2(codePoint)
    }

    // MARK: Properties

    public static func category(_ codePoint: UInt32, _ version: Version) -> UnicodeCategory {
        if version == .v3_2_0 {
            if isUnassignedIn3_2(codePoint) { return .unassigned }
            if let field = changedField(codePoint, shift: 0, mask: 31) {
                return UnicodeCategory(rawValue: UInt8(field))!
            }
        }
        return UnicodeDatabase.category(codePoint)
    }

    public static func bidirectional(_ codePoint: UInt32, _ version: Version) -> String {
        var index = record(codePoint) & 31
        if version == .v3_2_0 {
            if isUnassignedIn3_2(codePoint) { return "" }
            if let field = changedField(codePoint, shift: 5, mask: 31) { index = field }
        }
        return UnicodeDataTables.bidirectionalNames[Int(index)]
    }

    public static func eastAsianWidth(_ codePoint: UInt32, _ version: Version) -> String {
        var index = (record(codePoint) >> 5) & 7
        if version == .v3_2_0 {
            if isUnassignedIn3_2(codePoint) { return UnicodeDataTables.eastAsianWidthNames[0] }
            if let field = changedField(codePoint, shift: 10, mask: 7) { index = field }
        }
        return UnicodeDataTables.eastAsianWidthNames[Int(index)]
    }

    public static func mirrored(_ codePoint: UInt32, _ version: Version) -> Int {
        if version == .v3_2_0 {
            if isUnassignedIn3_2(codePoint) { return 0 }
            if let field = changedField(codePoint, shift: 13, mask: 3) { return Int(field) }
        }
        return Int((record(codePoint) >> 8) & 1)
    }

    /// The canonical combining class (0-254).
    public static func combining(_ codePoint: UInt32, _ version: Version) -> Int {
        if isMissing(codePoint, version) { return 0 }
        return Int((record(codePoint) >> 9) & 0xFF)
    }

    public static func decimal(_ codePoint: UInt32, _ version: Version) -> Int? {
        if version == .v3_2_0 {
            if isUnassignedIn3_2(codePoint) { return nil }
            if let field = changedField(codePoint, shift: 15, mask: 15) { return field == 14 ? nil : Int(field) }
        }
        return UnicodeDatabase.decimalValue(codePoint)
    }

    /// `digit` reads the current data in every version, as CPython's does.
    public static func digit(_ codePoint: UInt32) -> Int? {
        UnicodeDatabase.digitValue(codePoint)
    }

    public static func numeric(_ codePoint: UInt32, _ version: Version) -> Double? {
        if isMissing(codePoint, version) { return nil }
        return UnicodeDatabase.numericValue(codePoint)
    }

    /// The character's name (without aliases), or nil.
    public static func name(_ codePoint: UInt32, _ version: Version) -> String? {
        if isMissing(codePoint, version) { return nil }
        return UnicodeDatabase.name(codePoint)
    }

    // MARK: Decomposition

    /// The decomposition mapping: its compatibility tag index (0 for a
    /// canonical mapping) and where its code points are in `decompositionData`.
    @inline(__always)
    static func decompositionEntry(_ codePoint: UInt32, _ version: Version) -> (tag: Int, range: Range<Int>) {
        if isMissing(codePoint, version) { return (0, 0..<0) }
        let offset = threeLevel(codePoint, UnicodeDataTables.decompositionLevel1,
                                UnicodeDataTables.decompositionLevel2, UnicodeDataTables.decompositionLevel3,
                                UnicodeDataTables.decompositionShift1, UnicodeDataTables.decompositionShift2)
        let header = UnicodeDataTables.decompositionData[offset]
        let count = Int(header >> 8)
        return (Int(header & 0xFF), (offset + 1)..<(offset + 1 + count))
    }

    /// `unicodedata.decomposition`: "<tag> XXXX YYYY", or "" (Hangul
    /// syllables' decompositions are algorithmic and not listed, as in CPython).
    public static func decomposition(_ codePoint: UInt32, _ version: Version) -> String {
        let entry = decompositionEntry(codePoint, version)
        var text = UnicodeDataTables.decompositionPrefixes[entry.tag]
        for index in entry.range {
            if !text.isEmpty { text += " " }
            text += hex4(UnicodeDataTables.decompositionData[index])
        }
        return text
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }

    // MARK: Lookup by name

    /// The code points a name stands for in `unicodedata.lookup`: a
    /// character name or alias (any ASCII case, except the algorithmic names),
    /// or, in 14.0 only, a named sequence. The 3.2 database knows neither
    /// aliases nor sequences, nor characters assigned after it.
    public static func lookup(_ name: String, _ version: Version) -> [UInt32]? {
        if let codePoint = CharacterNames.codePoint(named: name) {
            // Algorithmic names are computed from the current data in every
            // version, as CPython does.
            if version == .current || name.hasPrefix("HANGUL SYLLABLE ") || name.hasPrefix("CJK UNIFIED IDEOGRAPH-") {
                return [codePoint]
            }
            guard !isUnassignedIn3_2(codePoint), let own = UnicodeDatabase.name(codePoint),
                  own.uppercased() == name.uppercased() else { return nil }
            return [codePoint]
        }
        guard version == .current else { return nil }
        let key = name.uppercased()
        guard let index = UnicodeDataTables.namedSequenceNames.firstIndex(of: key) else { return nil }
        return UnicodeDataTables.namedSequencePoints[index]
    }
}
