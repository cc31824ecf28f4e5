#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A choice point of the matching loop, kept on an explicit stack instead of
/// the Swift call stack (CPython's `match_context`): the instruction and
/// subject positions to come back to, the capture bookkeeping to restore,
/// and which step of which instruction resumes when the attempt it started
/// returns. Plain data, 40 bytes.
struct RegexFrame {
    var ptr: Int
    /// Repetitions counted so far by the instruction that owns the frame.
    var count: Int
    var pc: Int32
    var lastMark: Int32
    var lastIndex: Int32
    /// A repeat record's index, or the literal that must follow a repeat.
    var aux: UInt32
    /// Where the parent resumes when this frame returns (`RegexResume`).
    var resume: UInt8
    /// Whether SUCCESS here ends the whole match (full-match and must-advance
    /// rules apply only then, not inside lookarounds or atomic groups).
    var toplevel: Bool
}

/// The state of one REPEAT ... MAX_UNTIL/MIN_UNTIL loop (CPython's SRE_REPEAT).
/// Records live on their own stack: a REPEAT creates one and drops it when
/// the attempt it started returns, after every record made inside it.
struct RegexRepeat {
    var count: Int
    /// Where the last iteration started, or -1: an iteration that matches
    /// the empty string at the same place ends the loop.
    var lastPtr: Int
    /// The REPEAT's first operand (its skip word).
    var pc: Int32
    /// The enclosing record, or -1.
    var previous: Int32
}

/// The resume points of `RegexFrame.resume`.
enum RegexResume {
    static let none: UInt8 = 0
    static let branch: UInt8 = 1
    static let repeatOneLiteral: UInt8 = 2
    static let repeatOne: UInt8 = 3
    static let minRepeatOne: UInt8 = 4
    static let `repeat`: UInt8 = 5
    static let maxUntilMinimum: UInt8 = 6
    static let maxUntilMore: UInt8 = 7
    static let maxUntilTail: UInt8 = 8
    static let minUntilMinimum: UInt8 = 9
    static let minUntilTail: UInt8 = 10
    static let minUntilMore: UInt8 = 11
    static let possessiveMinimum: UInt8 = 12
    static let possessiveMore: UInt8 = 13
    static let atomicGroup: UInt8 = 14
    static let assert: UInt8 = 15
    static let assertNot: UInt8 = 16
}

/// The engine's working state for one subject (CPython's SRE_STATE): subject
/// bounds, capture marks, and the three stacks of the backtracking loop, all
/// in raw memory so the loop runs without reference counting. Owned by a
/// `RegexState`, which frees the memory.
struct RegexMachine {
    let code: UnsafePointer<UInt32>
    let groupCount: Int
    /// The subject's length; positions run from 0 (CPython's `beginning`).
    private(set) var length: Int
    /// The end of the searched slice (endpos).
    private(set) var end: Int

    /// Where the current attempt started (CPython's `state->start`).
    var start: Int
    /// The current position handed between attempts, and the end of the
    /// match after a success (CPython's `state->ptr`).
    var cursor: Int
    /// Fullmatch: SUCCESS at top level only at `end`.
    var matchAll = false
    /// Scanners: SUCCESS at top level not with an empty match at `start`.
    var mustAdvance = false

    /// Group boundaries: mark 2g and 2g+1 for group g+1; -1 for unset.
    let marks: UnsafeMutablePointer<Int>
    /// The highest mark set in this attempt (-1 for none).
    var lastMark = -1
    /// The group closed last (Match.lastindex), -1 for none.
    var lastIndex = -1

    /// The innermost active repeat record, -1 for none.
    var currentRepeat = -1
    var repeats: UnsafeMutablePointer<RegexRepeat>
    var repeatCount = 0
    var repeatCapacity: Int
    var frames: UnsafeMutablePointer<RegexFrame>
    var frameCapacity: Int
    /// Saved marks and repeat positions (CPython's data stack).
    var data: UnsafeMutablePointer<Int>
    var dataCount = 0
    var dataCapacity: Int

    /// Instructions executed, for the periodic interrupt check.
    var steps: UInt32 = 0
    /// `steps & interruptMask == 0` triggers a check.
    var interruptMask: UInt32 = 0xFFF
    /// Asked every `interruptMask + 1` instructions; true stops the match.
    var interrupt: (() -> Bool)?

    static let initialFrames = 64
    static let initialData = 256
    static let initialRepeats = 8
    /// Stacks larger than this are given back after each operation, so a
    /// long-lived state (a Scanner) does not keep the memory of one deep match.
    static let retainedBytes = 1 << 20

    init(program: RegexProgram, length: Int, pos: Int, endpos: Int) {
        code = UnsafePointer(program.words)
        groupCount = program.groupCount
        self.length = length
        end = min(max(endpos, 0), length)
        start = min(max(pos, 0), length)
        cursor = start
        marks = .allocate(capacity: max(2 * groupCount, 1))
        frames = Self.allocate(RegexFrame.self, Self.initialFrames)
        frameCapacity = Self.initialFrames
        data = Self.allocate(Int.self, Self.initialData)
        dataCapacity = Self.initialData
        repeats = Self.allocate(RegexRepeat.self, Self.initialRepeats)
        repeatCapacity = Self.initialRepeats
    }

    /// Points the machine at another subject (a state reused for the next
    /// call keeps its stacks).
    mutating func rebind(length: Int, pos: Int, endpos: Int) {
        self.length = length
        end = min(max(endpos, 0), length)
        start = min(max(pos, 0), length)
        cursor = start
        matchAll = false
        mustAdvance = false
        reset()
    }

    func deallocate() {
        marks.deallocate()
        free(frames)
        free(data)
        free(repeats)
    }

    /// CPython's `state_reset`: forget the captures of the previous attempt.
    mutating func reset() {
        lastMark = -1
        lastIndex = -1
        currentRepeat = -1
        repeatCount = 0
        dataCount = 0
    }

    // MARK: Stack memory

    /// Doubles a raw stack with `realloc` (so a failure is an error the
    /// runtime can raise as MemoryError, not a crash).
    @inline(never)
    static func grow<T>(_ base: UnsafeMutablePointer<T>, _ capacity: inout Int) throws(RegexError) -> UnsafeMutablePointer<T> {
        let newCapacity = capacity * 2
        guard let raw = realloc(UnsafeMutableRawPointer(base), newCapacity * MemoryLayout<T>.stride) else {
            throw .outOfMemory
        }
        capacity = newCapacity
        return raw.assumingMemoryBound(to: T.self)
    }

    /// The first allocations, as `malloc` blocks so `realloc` can grow them.
    private static func allocate<T>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        malloc(count * MemoryLayout<T>.stride)!.assumingMemoryBound(to: T.self)
    }

    /// Gives back stack memory beyond `retainedBytes` once an operation is over.
    mutating func shrinkStacks() {
        if frameCapacity * MemoryLayout<RegexFrame>.stride > Self.retainedBytes {
            free(frames)
            frames = Self.allocate(RegexFrame.self, Self.initialFrames)
            frameCapacity = Self.initialFrames
        }
        if dataCapacity * MemoryLayout<Int>.stride > Self.retainedBytes {
            free(data)
            data = Self.allocate(Int.self, Self.initialData)
            dataCapacity = Self.initialData
        }
        if repeatCapacity * MemoryLayout<RegexRepeat>.stride > Self.retainedBytes {
            free(repeats)
            repeats = Self.allocate(RegexRepeat.self, Self.initialRepeats)
            repeatCapacity = Self.initialRepeats
        }
    }

    // MARK: Saving and restoring marks (CPython's MARK_PUSH / MARK_POP)

    /// Saves marks 0...`last` on the data stack (nothing when `last` < 0).
    @inline(__always)
    mutating func pushMarks(_ last: Int) throws(RegexError) {
        guard last >= 0 else { return }
        let n = last + 1
        while dataCount + n > dataCapacity {
            data = try Self.grow(data, &dataCapacity)
        }
        (data + dataCount).update(from: marks, count: n)
        dataCount += n
    }

    /// Restores the marks saved by `pushMarks(last)`, keeping or dropping the copy.
    @inline(__always)
    mutating func popMarks(_ last: Int, keep: Bool = false) {
        guard last >= 0 else { return }
        let n = last + 1
        marks.update(from: data + (dataCount - n), count: n)
        if !keep { dataCount -= n }
    }

    /// Drops the copy saved by `pushMarks(last)`.
    @inline(__always)
    mutating func discardMarks(_ last: Int) {
        if last >= 0 { dataCount -= last + 1 }
    }

    @inline(__always)
    mutating func pushData(_ value: Int) throws(RegexError) {
        if dataCount == dataCapacity {
            data = try Self.grow(data, &dataCapacity)
        }
        data[dataCount] = value
        dataCount += 1
    }

    @inline(__always)
    mutating func popData() -> Int {
        dataCount -= 1
        return data[dataCount]
    }

    // MARK: Repeat records

    @inline(__always)
    mutating func pushRepeat(pc: Int) throws(RegexError) -> Int {
        if repeatCount == repeatCapacity {
            repeats = try Self.grow(repeats, &repeatCapacity)
        }
        repeats[repeatCount] = RegexRepeat(count: -1, lastPtr: -1, pc: Int32(truncatingIfNeeded: pc),
                                           previous: Int32(truncatingIfNeeded: currentRepeat))
        repeatCount += 1
        return repeatCount - 1
    }

    // MARK: Results

    /// The span of group `group` (1-based) after a success, or nil when the
    /// group did not take part (CPython's rule: both marks set and within lastmark).
    func groupSpan(_ group: Int) -> (start: Int, end: Int)? {
        let j = 2 * (group - 1)
        guard j + 1 <= lastMark, marks[j] >= 0, marks[j + 1] >= 0 else { return nil }
        return (marks[j], marks[j + 1])
    }
}
