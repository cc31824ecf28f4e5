/// `sys.hash_info` of CPython 3.11 on x86-64: what Garter's hashes are.
public enum HashInfo {
    public static let width = 64
    public static let modulus = Int(NumberHash.modulus)
    public static let infinity = NumberHash.infinity
    /// `hash(nan)` is identity-based since 3.10; 0 is what hash_info reports.
    public static let nan = 0
    /// The multiplier of the imaginary part in `hash(complex)`.
    public static let imaginary = 1_000_003
    public static let algorithm = "siphash13"
    public static let hashBits = 64
    public static let seedBits = 128
    /// Strings shorter than this would use a cheaper hash; 0 means none do.
    public static let cutoff = 0

    /// The fields in `sys.hash_info`'s order, as `(name, value)` text.
    public static var fields: [(String, String)] {
        [("width", "\(width)"), ("modulus", "\(modulus)"), ("inf", "\(infinity)"), ("nan", "\(nan)"),
         ("imag", "\(imaginary)"), ("algorithm", algorithm), ("hash_bits", "\(hashBits)"),
         ("seed_bits", "\(seedBits)"), ("cutoff", "\(cutoff)")]
    }
}
