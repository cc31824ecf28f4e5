/// The one-byte type codes of CPython's marshal format (Python/marshal.c),
/// which Garter writes and reads byte for byte.
enum MarshalTypeCode {
    static let null = UInt8(ascii: "0")
    static let none = UInt8(ascii: "N")
    static let falseValue = UInt8(ascii: "F")
    static let trueValue = UInt8(ascii: "T")
    static let stopIteration = UInt8(ascii: "S")
    static let ellipsis = UInt8(ascii: ".")
    static let int = UInt8(ascii: "i")
    static let int64 = UInt8(ascii: "I")
    static let float = UInt8(ascii: "f")
    static let binaryFloat = UInt8(ascii: "g")
    static let complex = UInt8(ascii: "x")
    static let binaryComplex = UInt8(ascii: "y")
    static let long = UInt8(ascii: "l")
    static let string = UInt8(ascii: "s")
    static let interned = UInt8(ascii: "t")
    static let reference = UInt8(ascii: "r")
    static let tuple = UInt8(ascii: "(")
    static let list = UInt8(ascii: "[")
    static let dict = UInt8(ascii: "{")
    static let code = UInt8(ascii: "c")
    static let unicode = UInt8(ascii: "u")
    static let unknown = UInt8(ascii: "?")
    static let set = UInt8(ascii: "<")
    static let frozenset = UInt8(ascii: ">")
    static let ascii = UInt8(ascii: "a")
    static let asciiInterned = UInt8(ascii: "A")
    static let smallTuple = UInt8(ascii: ")")
    static let shortAscii = UInt8(ascii: "z")
    static let shortAsciiInterned = UInt8(ascii: "Z")
    /// Set on a type code when the object goes into the reference table.
    static let flagReference: UInt8 = 0x80

    /// `marshal.version`.
    static let currentVersion = 4
    /// Nesting deeper than this is refused (CPython's MAX_MARSHAL_STACK_DEPTH).
    static let maximumDepth = 2000
}
