/// ASCII classification of single bytes, as CPython's tokenizer does it.
/// Bytes of 128 and above are all "potential identifier" bytes: the identifier
/// is checked against PEP 3131 only once it is complete.
enum ByteClass {
    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6
    }

    @inline(__always)
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }

    @inline(__always)
    static func isIdentifierStart(_ c: UInt8) -> Bool {
        isASCIILetter(c) || c == UInt8(ascii: "_") || c >= 0x80
    }

    @inline(__always)
    static func isIdentifierContinue(_ c: UInt8) -> Bool {
        isASCIILetter(c) || isDigit(c) || c == UInt8(ascii: "_") || c >= 0x80
    }

    /// `c` lower-cased if it is an ASCII letter; other bytes come out changed
    /// too, but never equal to a lower-case letter unless they were its upper case.
    @inline(__always)
    static func lowered(_ c: UInt8) -> UInt8 { c | 0x20 }

    @inline(__always)
    static func isLineEnd(_ c: UInt8) -> Bool { c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") }
}
