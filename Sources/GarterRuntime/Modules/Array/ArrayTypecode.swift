// The item types of `array.array`: each typecode's C size on this platform
// (LP64 Linux/macOS: `l`/`L` are 8 bytes, `u` is a 4-byte wchar_t), how an
// item is stored in the raw buffer, and the machine format codes pickling
// uses to describe the buffer portably.

enum ArrayTypecode: UInt8, CaseIterable {
    case signedChar = 0x62      // b
    case unsignedChar = 0x42    // B
    case unicode = 0x75         // u
    case signedShort = 0x68     // h
    case unsignedShort = 0x48   // H
    case signedInt = 0x69       // i
    case unsignedInt = 0x49     // I
    case signedLong = 0x6C      // l
    case unsignedLong = 0x4C    // L
    case signedLongLong = 0x71  // q
    case unsignedLongLong = 0x51 // Q
    case float = 0x66           // f
    case double = 0x64          // d

    /// CPython's `array.typecodes`, in its order.
    static let allCodes = "bBuhHiIlLqQfd"

    init?(_ text: String) {
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII,
              let code = ArrayTypecode(rawValue: UInt8(scalar.value)) else { return nil }
        self = code
    }

    var character: Character { Character(Unicode.Scalar(rawValue)) }

    var itemSize: Int {
        switch self {
        case .signedChar, .unsignedChar: return 1
        case .signedShort, .unsignedShort: return 2
        case .signedInt, .unsignedInt, .float, .unicode: return 4
        case .signedLong, .unsignedLong, .signedLongLong, .unsignedLongLong, .double: return 8
        }
    }

    var isInteger: Bool { self != .float && self != .double && self != .unicode }
    var isFloat: Bool { self == .float || self == .double }
    var isSigned: Bool {
        switch self {
        case .signedChar, .signedShort, .signedInt, .signedLong, .signedLongLong: return true
        default: return false
        }
    }

    /// The machine format code of this typecode on this (little-endian)
    /// machine: CPython's `enum machine_format_code`.
    var machineFormat: ArrayMachineFormat {
        switch self {
        case .unsignedChar: return .unsignedInt8
        case .signedChar: return .signedInt8
        case .unsignedShort: return .unsignedInt16LE
        case .signedShort: return .signedInt16LE
        case .unsignedInt: return .unsignedInt32LE
        case .signedInt: return .signedInt32LE
        case .unsignedLong, .unsignedLongLong: return .unsignedInt64LE
        case .signedLong, .signedLongLong: return .signedInt64LE
        case .float: return .float32LE
        case .double: return .float64LE
        case .unicode: return .utf32LE
        }
    }
}

/// How `array._array_reconstructor` reads pickled bytes (CPython's
/// numbering, part of the pickle format).
enum ArrayMachineFormat: Int {
    case unsignedInt8 = 0, signedInt8, unsignedInt16LE, unsignedInt16BE, signedInt16LE, signedInt16BE
    case unsignedInt32LE, unsignedInt32BE, signedInt32LE, signedInt32BE
    case unsignedInt64LE, unsignedInt64BE, signedInt64LE, signedInt64BE
    case float32LE, float32BE, float64LE, float64BE
    case utf16LE, utf16BE, utf32LE, utf32BE

    var itemSize: Int {
        switch self {
        case .unsignedInt8, .signedInt8: return 1
        case .unsignedInt16LE, .unsignedInt16BE, .signedInt16LE, .signedInt16BE, .utf16LE, .utf16BE: return 2
        case .unsignedInt32LE, .unsignedInt32BE, .signedInt32LE, .signedInt32BE, .float32LE, .float32BE,
             .utf32LE, .utf32BE: return 4
        default: return 8
        }
    }

    /// The size CPython checks the byte count against: its descriptor table
    /// says 4 for UTF-16 and 8 for UTF-32 (twice the unit), so a UTF-16
    /// pickle of an odd count of units is refused. The oracle decides.
    var checkedSize: Int {
        switch self {
        case .utf16LE, .utf16BE: return 4
        case .utf32LE, .utf32BE: return 8
        default: return itemSize
        }
    }

    var isBigEndian: Bool {
        switch self {
        case .unsignedInt16BE, .signedInt16BE, .unsignedInt32BE, .signedInt32BE, .unsignedInt64BE,
             .signedInt64BE, .float32BE, .float64BE, .utf16BE, .utf32BE: return true
        default: return false
        }
    }

    var isSigned: Bool {
        switch self {
        case .signedInt8, .signedInt16LE, .signedInt16BE, .signedInt32LE, .signedInt32BE,
             .signedInt64LE, .signedInt64BE: return true
        default: return false
        }
    }

    var isFloat: Bool { (14...17).contains(rawValue) }
    var isUnicode: Bool { rawValue >= 18 }
}
