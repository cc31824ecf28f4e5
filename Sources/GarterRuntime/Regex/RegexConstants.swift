/// The module constants of `_sre` that CPython 3.11's `re` package reads.
public enum RegexConstants {
    /// `_sre.MAGIC`: the version of the code format (re/_constants.py checks it).
    public static let magic = 20220615
    /// `_sre.CODESIZE` / `_sre.getcodesize()`: bytes per code word.
    public static let codeSize = 4
    /// `_sre.MAXREPEAT`: the repeat bound meaning "no upper limit".
    public static let maxRepeat: UInt32 = 0xFFFF_FFFF
    /// `_sre.MAXGROUPS`: the most capture groups a pattern may have.
    public static let maxGroups = 1_073_741_823
}
