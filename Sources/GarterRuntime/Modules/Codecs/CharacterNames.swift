import GarterSyntax

/// `\N{name}` lookup for the escape codecs, through the table the parser
/// uses for the same escape in string literals (Unicode 14.0 names and
/// aliases, as Python 3.11's `unicodedata.lookup`).
enum CharacterNames {
    static func codePoint(named name: String) -> UInt32? {
        guard !name.unicodeScalars.contains(where: { $0 == "}" || $0.value >= 0x80 }) else { return nil }
        let escape = Array("\\N{\(name)}".utf8)
        var warnings: [String] = []
        let decoded = try? escape.withUnsafeBufferPointer { buffer throws(StringLiteral.EscapeError) in
            try StringLiteral.decodeEscapes(buffer, warnings: &warnings)
        }
        guard let decoded, decoded.count == 1 else { return nil }
        return decoded[0]
    }
}
