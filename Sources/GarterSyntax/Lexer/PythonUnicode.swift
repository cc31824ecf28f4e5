/// Unicode character properties as Python 3.11 sees them.
///
/// Python 3.11 ships the Unicode 14.0 database; Swift's is newer. Characters
/// assigned after 14.0 are unassigned for Python (not identifier characters,
/// not printable, nameless), and Unicode 15.1 added four characters to
/// XID_Continue that Python does not accept in identifiers. With these two
/// adjustments the properties below agree with Python 3.11.7 on every code
/// point (checked against `str.isidentifier`).
enum PythonUnicode {
    static func isAssigned(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return true }
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    static func isXIDStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isXIDStart && isAssigned(scalar)
    }

    static func isXIDContinue(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0x30FB, 0xFF65:
            return false
        default:
            return scalar.properties.isXIDContinue && isAssigned(scalar)
        }
    }

    /// `str.isprintable()` for one character (from the generated Unicode 14.0 table).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        PrintableRanges.contains(scalar.value)
    }
}
