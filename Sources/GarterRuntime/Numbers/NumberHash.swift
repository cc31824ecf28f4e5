import BigInt

/// `hash()` of numbers as CPython computes it: the value reduced modulo the
/// prime 2**61 - 1, so that equal numbers of different types hash alike
/// (`hash(1) == hash(1.0) == hash(True)`, `hash(0.5)` is 2**60).
public enum NumberHash {
    /// The modulus, `sys.hash_info.modulus`.
    public static let modulus: UInt64 = (1 << 61) - 1
    /// `hash(float('inf'))`; `-inf` hashes to its negation.
    public static let infinity = 314_159

    /// `hash(int)` for a word.
    @inlinable
    public static func hash(_ value: Int) -> Int {
        var reduced = Int(UInt64(value.magnitude) % modulus)
        if value < 0 { reduced = -reduced }
        return reduced == -1 ? -2 : reduced
    }

    /// `hash(int)`.
    public static func hash(_ value: PyInteger) -> Int {
        switch value {
        case .small(let small): return hash(small)
        case .big(let big):
            // 2^64 ≡ 2^3 (mod 2^61 - 1): fold the words in from the top.
            var reduced: UInt64 = 0
            for word in big.magnitude.words.reversed() {
                let wide = UInt128(reduced << 3) + UInt128(word)
                reduced = UInt64(wide % UInt128(modulus))
            }
            var result = Int(reduced)
            if big.sign == .minus { result = -result }
            return result == -1 ? -2 : result
        }
    }

    /// `hash(float)` (CPython's `_Py_HashDouble`): the exact value `m · 2^e`
    /// reduced modulo 2**61 - 1. NaN hashes by identity since 3.10: pass the
    /// object's identity-derived hash as `identityHash` (CPython uses the
    /// address-based `_Py_HashPointer`); it is returned for NaN.
    @inlinable
    public static func hash(_ x: Double, identityHash: Int = 0) -> Int {
        if _fastPath(x.isFinite) {
            if let exact = Int(exactly: x) { return hash(exact) }
            return hashFinite(x)
        }
        if x.isNaN { return identityHash }
        return x > 0 ? infinity : -infinity
    }

    @usableFromInline
    static func hashFinite(_ x: Double) -> Int {
        if x == 0 { return 0 }
        let (mantissa, exponent) = FloatConversion.decompose(x)
        // 2^61 ≡ 1, so multiplying by 2^e is rotating left by e mod 61 bits
        // within 61 bits.
        let rotation = UInt64(((exponent % 61) + 61) % 61)
        var reduced = mantissa % modulus
        if rotation != 0 {
            reduced = ((reduced << rotation) & modulus) | (reduced >> (61 - rotation))
        }
        var result = Int(reduced)
        if x < 0 { result = -result }
        return result == -1 ? -2 : result
    }
}
