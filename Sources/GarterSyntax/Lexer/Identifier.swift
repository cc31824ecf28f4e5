/// Python identifiers beyond ASCII (PEP 3131).
public enum Identifier {
    /// The NFKC normal form, under which Python compares identifiers: `ﬁ` and
    /// `fi` name the same variable. The parser applies it to non-ASCII NAMEs.
    public static func normalize(_ s: String) -> String {
        CompatibilityNormalization.nfkc(s)
    }

    /// The text of a NAME token as Python sees it: normalised when it is not
    /// pure ASCII (ASCII is already in NFKC form, and is the common case).
    public static func text(of token: Token, in source: SourceBuffer) -> String {
        source.bytes.withUnsafeBufferPointer { bytes in
            let slice = UnsafeBufferPointer(rebasing: bytes[Int(token.startOffset)..<Int(token.endOffset)])
            let text = String(decoding: slice, as: UTF8.self)
            return slice.allSatisfy({ $0 < 0x80 }) ? text : normalize(text)
        }
    }
}
