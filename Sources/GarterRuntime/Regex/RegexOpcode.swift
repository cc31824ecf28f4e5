/// The instruction set of CPython 3.11's `_sre` engine (re/_constants.py,
/// MAGIC 20220615). Garter runs CPython's own `re` compiler unmodified, so
/// these numbers are exactly the ones it emits; `SREOp.magic` is what
/// `_sre.MAGIC` must report for that compiler to accept the engine.
///
/// The values are plain `UInt32` constants rather than enum cases so the
/// matching loop compares code words directly, with no conversion.
enum SREOp {
    static let failure: UInt32 = 0
    static let success: UInt32 = 1
    static let any: UInt32 = 2
    static let anyAll: UInt32 = 3
    static let assert: UInt32 = 4
    static let assertNot: UInt32 = 5
    static let at: UInt32 = 6
    static let branch: UInt32 = 7
    static let category: UInt32 = 8
    static let charset: UInt32 = 9
    static let bigCharset: UInt32 = 10
    static let groupref: UInt32 = 11
    static let grouprefExists: UInt32 = 12
    static let `in`: UInt32 = 13
    static let info: UInt32 = 14
    static let jump: UInt32 = 15
    static let literal: UInt32 = 16
    static let mark: UInt32 = 17
    static let maxUntil: UInt32 = 18
    static let minUntil: UInt32 = 19
    static let notLiteral: UInt32 = 20
    static let negate: UInt32 = 21
    static let range: UInt32 = 22
    static let `repeat`: UInt32 = 23
    static let repeatOne: UInt32 = 24
    static let subpattern: UInt32 = 25
    static let minRepeatOne: UInt32 = 26
    static let atomicGroup: UInt32 = 27
    static let possessiveRepeat: UInt32 = 28
    static let possessiveRepeatOne: UInt32 = 29
    static let grouprefIgnore: UInt32 = 30
    static let inIgnore: UInt32 = 31
    static let literalIgnore: UInt32 = 32
    static let notLiteralIgnore: UInt32 = 33
    static let grouprefLocIgnore: UInt32 = 34
    static let inLocIgnore: UInt32 = 35
    static let literalLocIgnore: UInt32 = 36
    static let notLiteralLocIgnore: UInt32 = 37
    static let grouprefUniIgnore: UInt32 = 38
    static let inUniIgnore: UInt32 = 39
    static let literalUniIgnore: UInt32 = 40
    static let notLiteralUniIgnore: UInt32 = 41
    static let rangeUniIgnore: UInt32 = 42
    /// One more than the largest opcode.
    static let count: UInt32 = 43
}

/// The operands of `AT` (positions).
enum SREAt {
    static let beginning: UInt32 = 0
    static let beginningLine: UInt32 = 1
    static let beginningString: UInt32 = 2
    static let boundary: UInt32 = 3
    static let nonBoundary: UInt32 = 4
    static let end: UInt32 = 5
    static let endLine: UInt32 = 6
    static let endString: UInt32 = 7
    static let locBoundary: UInt32 = 8
    static let locNonBoundary: UInt32 = 9
    static let uniBoundary: UInt32 = 10
    static let uniNonBoundary: UInt32 = 11
    static let count: UInt32 = 12
}

/// The operands of `CATEGORY` (character classes).
enum SRECategory {
    static let digit: UInt32 = 0
    static let notDigit: UInt32 = 1
    static let space: UInt32 = 2
    static let notSpace: UInt32 = 3
    static let word: UInt32 = 4
    static let notWord: UInt32 = 5
    static let lineBreak: UInt32 = 6
    static let notLineBreak: UInt32 = 7
    static let locWord: UInt32 = 8
    static let locNotWord: UInt32 = 9
    static let uniDigit: UInt32 = 10
    static let uniNotDigit: UInt32 = 11
    static let uniSpace: UInt32 = 12
    static let uniNotSpace: UInt32 = 13
    static let uniWord: UInt32 = 14
    static let uniNotWord: UInt32 = 15
    static let uniLineBreak: UInt32 = 16
    static let uniNotLineBreak: UInt32 = 17
    static let count: UInt32 = 18
}

/// Bits of an `INFO` block's flags word.
enum SREInfo {
    static let prefix: UInt32 = 1
    static let literal: UInt32 = 2
    static let charset: UInt32 = 4
}
