/// The codecs CPython implements natively for `str.encode`/`bytes.decode`
/// and `_codecs`: UTF-8, UTF-16, UTF-32 (each with -le/-be), Latin-1 and
/// ASCII, with every built-in error handler and CPython's exact error
/// messages and positions. Other encodings are the runtime's business
/// (CPython's `encodings` package, in Python).
public enum PyCodecs {
    /// A codec implemented here.
    public enum Codec: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
        case utf16LE = "utf-16-le"
        case utf16BE = "utf-16-be"
        case utf32 = "utf-32"
        case utf32LE = "utf-32-le"
        case utf32BE = "utf-32-be"
        case latin1 = "latin-1"
        case ascii = "ascii"
    }

    /// The codec an encoding name denotes, after the normalisation of
    /// `encodings.normalize_encoding` (case folded, runs of punctuation and
    /// spaces as one `_`) and the aliases of `encodings.aliases`; nil for any
    /// other encoding.
    public static func codec(named name: String) -> Codec? {
        aliases[normalizeEncodingName(name)]
    }

    /// The codec `str.encode`/`bytes.decode` call directly, without the codec
    /// registry, for this name (CPython's shortcut: after normalisation,
    /// `utf8`/`utf_8`, `utf16`/`utf_16`, `utf32`/`utf_32`, `ascii`/`us_ascii`,
    /// `latin1`/`latin_1`/`iso_8859_1`/`iso8859_1`). Other names go through
    /// the registry (CPython's `encodings` package, whose codecs call the
    /// `_codecs` functions here), and CPython wraps the errors other than
    /// Unicode errors raised there in an exception of the same type:
    /// "encoding with 'utf-16-le' codec failed (LookupError: unknown error
    /// handler name 'x')" (and "decoding with ...").
    public static func fastPathCodec(named name: String) -> Codec? {
        let normalized = normalizeEncodingName(name)
        guard normalized.utf8.count <= 10 else { return nil }
        switch normalized {
        case "utf8", "utf_8": return .utf8
        case "utf16", "utf_16": return .utf16
        case "utf32", "utf_32": return .utf32
        case "ascii", "us_ascii": return .ascii
        case "latin1", "latin_1", "iso_8859_1", "iso8859_1": return .latin1
        default: return nil
        }
    }

    /// Lower case; every run of characters other than ASCII letters, digits
    /// and `.` becomes one `_` (none at the start or end).
    public static func normalizeEncodingName(_ name: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let isWordCharacter = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x2E
            if isWordCharacter {
                if pendingSeparator && !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value + 32 : value)!)
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    private static let aliases: [String: Codec] = {
        let table: [Codec: [String]] = [
            .utf8: ["utf_8", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4", "cp65001"],
            .utf16: ["utf_16", "u16", "utf16"],
            .utf16LE: ["utf_16_le", "utf_16le", "unicodelittleunmarked"],
            .utf16BE: ["utf_16_be", "utf_16be", "unicodebigunmarked"],
            .utf32: ["utf_32", "u32", "utf32"],
            .utf32LE: ["utf_32_le", "utf_32le"],
            .utf32BE: ["utf_32_be", "utf_32be"],
            .latin1: ["latin_1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1",
                      "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"],
            .ascii: ["ascii", "646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii",
                     "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"],
        ]
        var aliases: [String: Codec] = [:]
        for (codec, names) in table {
            for name in names { aliases[name] = codec }
        }
        return aliases
    }()

    /// `str.encode(encoding, errors)` for a codec implemented here.
    public static func encode(_ text: CodePoints, codec: Codec, errors: CodecErrorHandler = .strict) throws -> [UInt8] {
        switch codec {
        case .utf8: return try encodeUTF8(text, errors: errors)
        case .utf16: return try encodeUTF16(text, errors: errors)
        case .utf16LE: return try encodeUTF16(text, errors: errors, byteOrder: .little)
        case .utf16BE: return try encodeUTF16(text, errors: errors, byteOrder: .big)
        case .utf32: return try encodeUTF32(text, errors: errors)
        case .utf32LE: return try encodeUTF32(text, errors: errors, byteOrder: .little)
        case .utf32BE: return try encodeUTF32(text, errors: errors, byteOrder: .big)
        case .latin1: return try encodeLatin1(text, errors: errors)
        case .ascii: return try encodeASCII(text, errors: errors)
        }
    }

    /// `bytes.decode(encoding, errors)` for a codec implemented here.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, codec: Codec,
                              errors: CodecErrorHandler = .strict) throws -> [UInt32] {
        switch codec {
        case .utf8: return try decodeUTF8(bytes, errors: errors).text
        case .utf16: return try decodeUTF16(bytes, errors: errors)
        case .utf16LE: return try decodeUTF16(bytes, errors: errors, byteOrder: .little)
        case .utf16BE: return try decodeUTF16(bytes, errors: errors, byteOrder: .big)
        case .utf32: return try decodeUTF32(bytes, errors: errors)
        case .utf32LE: return try decodeUTF32(bytes, errors: errors, byteOrder: .little)
        case .utf32BE: return try decodeUTF32(bytes, errors: errors, byteOrder: .big)
        case .latin1: return decodeLatin1(bytes)
        case .ascii: return try decodeASCII(bytes, errors: errors)
        }
    }
}
