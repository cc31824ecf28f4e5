import Synchronization

/// The one word the evaluation loop checks on backward jumps and calls.
///
/// Each thread state owns one. The loop reads it with a single relaxed load
/// (`isRaised`) and takes its slow path only when the word is non-zero; other
/// threads raise bits with an atomic OR. The struct is a bare pointer to the
/// word, so copying it into a local of the loop costs nothing and reading it
/// involves no reference counting and no existential.
///
/// The word lives in raw memory (not in a class's stored property) so that its
/// address never moves and the loop can keep it in a register.
public struct EvalBreaker: @unchecked Sendable, Equatable {
    /// The reasons a thread is asked to leave its fast path.
    public struct Bits: OptionSet, Sendable, Hashable {
        public let rawValue: UInt
        public init(rawValue: UInt) { self.rawValue = rawValue }

        /// Another thread has waited a switch interval (or returns from a
        /// blocking call, with the convoy fix) and wants the GIL.
        public static let gilDropRequest = Bits(rawValue: 1 << 0)
        /// A signal arrived; the main thread runs the Python handlers.
        public static let signalsPending = Bits(rawValue: 1 << 1)
        /// Calls queued for this interpreter's main thread (Py_AddPendingCall).
        public static let pendingCalls = Bits(rawValue: 1 << 2)
        /// Another thread asked this one to raise an exception
        /// (PyThreadState_SetAsyncExc).
        public static let asyncException = Bits(rawValue: 1 << 3)
        /// The interpreter wants every thread parked (fork, gc in free-threaded
        /// mode, shutdown).
        public static let stopTheWorld = Bits(rawValue: 1 << 4)
        /// Tracked allocations passed the cycle collector's threshold: this
        /// thread (it holds the GIL) collects at its next safe point.
        public static let collectionRequested = Bits(rawValue: 1 << 5)
    }

    let word: UnsafeMutablePointer<Atomic<UInt>>

    /// A new word, all bits clear. Whoever allocates it calls `deallocate()`
    /// once no thread can touch it any more (`GILThread` does this in deinit).
    public static func allocate() -> EvalBreaker {
        let word = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: 1)
        word.initialize(to: Atomic(0))
        return EvalBreaker(word: word)
    }

    public func deallocate() {
        _ = word.deinitialize(count: 1)
        word.deallocate()
    }

    /// The fast-path check: one relaxed load. A bit raised by another thread
    /// is seen at a later check; the slow path synchronises properly.
    @inline(__always)
    public var isRaised: Bool { word.pointee.load(ordering: .relaxed) != 0 }

    /// The bits as seen by the slow path.
    @inline(__always)
    public var bits: Bits { Bits(rawValue: word.pointee.load(ordering: .acquiring)) }

    @inline(__always)
    public func contains(_ bits: Bits) -> Bool { self.bits.rawValue & bits.rawValue != 0 }

    /// Raises `bits`; callable from any thread.
    @inline(__always)
    public func raise(_ bits: Bits) {
        word.pointee.bitwiseOr(bits.rawValue, ordering: .acquiringAndReleasing)
    }

    /// Clears `bits`; callable from any thread.
    @inline(__always)
    public func clear(_ bits: Bits) {
        word.pointee.bitwiseAnd(~bits.rawValue, ordering: .acquiringAndReleasing)
    }

    public static func == (left: EvalBreaker, right: EvalBreaker) -> Bool { left.word == right.word }
}
