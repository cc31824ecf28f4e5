/// The text encodings a PEP 263 coding cookie can name, looked up the way
/// Python's codec registry does, and decoding to UTF-8.
///
/// Garter supports UTF-8, ASCII, Latin-1 and the common single-byte codecs
/// (Windows code pages, ISO 8859 parts, KOI8, Mac Roman, DOS code pages).
/// Multi-byte codecs such as Shift-JIS or GB2312 are not supported: a file
/// declaring one fails as a file with an unknown encoding does.
enum SourceCodec {
    case utf8
    case ascii
    case latin1
    /// Bytes 0x80-0xFF map to these 128 code points; U+FFFD means undecodable.
    case singleByte([Unicode.Scalar])

    /// The codec Python's `codecs.lookup(name)` would find, if Garter supports it.
    init?(named name: String) {
        let normalized = SourceCodec.normalizedName(name)
        let module = SourceCodec.aliases[normalized]
            ?? SourceCodec.aliases[normalized.replacingDots()]
            ?? normalized
        switch module {
        case "utf_8", "utf_8_sig": self = .utf8
        case "ascii": self = .ascii
        case "latin_1": self = .latin1
        default:
            guard let table = SourceCodec.singleByteTables[module] else { return nil }
            self = .singleByte(Array(table.unicodeScalars))
        }
    }

    /// Python's `encodings.normalize_encoding`, lower-cased as the codec
    /// registry does: runs of characters other than letters, digits and dots
    /// become one underscore, and leading or trailing ones are dropped. (Cookie
    /// names are ASCII: `[-\w.]+` with ASCII `\w`.)
    static func normalizedName(_ name: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for byte in name.lowercased().utf8 {
            if ByteClass.isASCIILetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: ".") {
                if pendingUnderscore && !result.isEmpty { result.append("_") }
                result.unicodeScalars.append(Unicode.Scalar(byte))
                pendingUnderscore = false
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }

    /// Decodes `bytes` to UTF-8, or returns nil when a byte is not valid in this encoding.
    func decodeToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        switch self {
        case .utf8:
            return UTF8Validation.firstInvalidOffset(in: bytes) == nil ? Array(bytes) : nil
        case .ascii:
            return bytes.allSatisfy({ $0 < 0x80 }) ? Array(bytes) : nil
        case .latin1:
            return SourceCodec.encodeUTF8(bytes) { Unicode.Scalar($0) }
        case .singleByte(let upperHalf):
            return SourceCodec.encodeUTF8(bytes) { byte in
                let scalar = upperHalf[Int(byte) - 0x80]
                return scalar.value == 0xFFFD ? nil : scalar
            }
        }
    }

    /// Re-encodes a single-byte text as UTF-8; `upper` maps bytes 0x80-0xFF.
    private static func encodeUTF8(_ bytes: ArraySlice<UInt8>, upper: (UInt8) -> Unicode.Scalar?) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
            } else {
                guard let scalar = upper(byte) else { return nil }
                result.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return result
    }
}

private extension String {
    func replacingDots() -> String {
        String(unicodeScalars.map { $0 == "." ? "_" : Character($0) })
    }
}
