/// The key of the string and bytes hash (CPython's `_Py_HashSecret`), chosen
/// once per process from `PYTHONHASHSEED` exactly as CPython chooses it.
///
/// It is part of the interpreter's start-up state, not a Swift global: the
/// runtime makes one when an interpreter starts (sub-interpreters of one
/// process must share it, as in CPython, so hashes agree across them).
public struct HashSecret: Sendable, Equatable {
    /// SipHash keys: the first 16 bytes of CPython's 24-byte secret, read as
    /// two little-endian words.
    public let k0: UInt64
    public let k1: UInt64
    /// The seed when `PYTHONHASHSEED` gave one (`config.use_hash_seed`).
    public let fixedSeed: UInt32?

    /// `sys.flags.hash_randomization`: on unless the seed is fixed at 0.
    public var isRandomized: Bool { fixedSeed != 0 }

    public init(k0: UInt64, k1: UInt64, fixedSeed: UInt32? = nil) {
        self.k0 = k0
        self.k1 = k1
        self.fixedSeed = fixedSeed
    }

    /// The secret CPython derives from a fixed seed: all zero for 0 (no
    /// randomisation), otherwise bytes from the C runtime's classic linear
    /// congruential generator (x = x·214013 + 2531011 mod 2^32, byte =
    /// bits 16–23), which is what makes `PYTHONHASHSEED=n` reproducible.
    public init(seed: UInt32) {
        guard seed != 0 else {
            self.init(k0: 0, k1: 0, fixedSeed: 0)
            return
        }
        var state = seed
        func nextWord() -> UInt64 {
            var word: UInt64 = 0
            for byteIndex in 0..<8 {
                state = state &* 214_013 &+ 2_531_011
                word |= UInt64((state >> 16) & 0xff) << (8 * UInt64(byteIndex))
            }
            return word
        }
        let k0 = nextWord()
        let k1 = nextWord()
        self.init(k0: k0, k1: k1, fixedSeed: seed)
    }

    /// A secret from the operating system's random source (`PYTHONHASHSEED`
    /// unset or `random`).
    public static func random() -> HashSecret {
        var generator = SystemRandomNumberGenerator()
        return HashSecret(k0: generator.next(), k1: generator.next(), fixedSeed: nil)
    }

    /// The secret for the value of `PYTHONHASHSEED` (nil when unset). As in
    /// CPython, an empty value counts as unset, `random` asks for a random
    /// secret, and anything else must be what C's `strtoul(text, &end, 10)`
    /// reads whole as a number in 0...4294967295 (leading white space and a
    /// sign allowed, nothing after the digits).
    public static func fromEnvironment(_ value: String?) throws(HashSeedError) -> HashSecret {
        guard let value, !value.isEmpty, value != "random" else { return .random() }
        guard let seed = parseSeed(Array(value.utf8)) else { throw HashSeedError() }
        return HashSecret(seed: seed)
    }

    /// `strtoul` in base 10, then CPython's range and "whole string" checks.
    static func parseSeed(_ bytes: [UInt8]) -> UInt32? {
        var index = 0
        // C's isspace in the "C" locale.
        while index < bytes.count, [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].contains(bytes[index]) { index += 1 }
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let digitsStart = index
        var magnitude: UInt64 = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true }
            magnitude = sum
            index += 1
        }
        // No digits: strtoul leaves `end` at the start of the text, which is
        // not its end (the text is not empty here).
        guard index > digitsStart, index == bytes.count, !overflow else { return nil }
        // strtoul negates in unsigned arithmetic, so only "-0" stays in range.
        let value = negative ? 0 &- magnitude : magnitude
        guard value <= UInt64(UInt32.max) else { return nil }
        return UInt32(value)
    }
}

/// A `PYTHONHASHSEED` CPython refuses at start-up. CPython stops with a
/// fatal error (exit status 1); `fatalErrorText` is what it writes to stderr.
public struct HashSeedError: Error, Equatable {
    public let message = "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"

    public var fatalErrorText: String {
        "Fatal Python error: config_init_hash_seed: \(message)\nPython runtime state: preinitialized\n\n"
    }
}
