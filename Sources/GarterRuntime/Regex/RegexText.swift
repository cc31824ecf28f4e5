/// A subject for the engine: the characters of a str (code points, stored in
/// one, two or four bytes each, like CPython's compact strings) or of a
/// bytes-like object. Only storage differs: what a character means comes from
/// the program (str patterns compile to Unicode rules, bytes patterns to
/// ASCII or locale rules). The buffer must stay valid and unchanged while a
/// call that receives it runs.
public enum RegexText {
    /// Bytes, or a str whose code points are all below 256.
    case bytes(UnsafeBufferPointer<UInt8>)
    /// A str whose code points are all below 65536.
    case ucs2(UnsafeBufferPointer<UInt16>)
    /// Any str (lone surrogates included).
    case ucs4(UnsafeBufferPointer<UInt32>)

    /// The number of characters.
    public var count: Int {
        switch self {
        case .bytes(let b): return b.count
        case .ucs2(let b): return b.count
        case .ucs4(let b): return b.count
        }
    }
}

/// An empty buffer may have no address; the engine needs one but reads
/// nothing from an empty subject, so any aligned non-null address serves.
@inline(__always)
func regexBase<T>(_ buffer: UnsafeBufferPointer<T>) -> UnsafePointer<T> {
    buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
}
