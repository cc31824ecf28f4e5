import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C-level signal handler and the little memory it may touch.
///
/// A signal handler runs at any instruction of any thread, so it may not
/// allocate, take locks or touch Python objects (async-signal-safe code
/// only). It marks the signal in `flags`, trips the main thread's eval
/// breaker (`signalsPending`) and writes the signal number to the wakeup
/// descriptor (`signal.set_wakeup_fd`); the main thread runs the Python
/// handlers at its next breaker check (`Interpreter.runSignalHandlers`).
///
/// Signal dispositions belong to the process, so this state is process
/// wide, like CPython's `Handlers[]`: raw memory reached through immutable
/// `static let` pointers (made by `prepare()` before any handler can run,
/// so the handler never runs a lazy initialiser).
enum SignalTrap {
    /// Signal numbers are 1..<count (NSIG).
    static let count = 65

    /// `flags[0]`: some signal is pending; `flags[n]`: signal n is.
    nonisolated(unsafe) static let flags: UnsafeMutablePointer<Atomic<UInt>> = {
        let words = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: count)
        for index in 0..<count { (words + index).initialize(to: Atomic(0)) }
        return words
    }()

    /// [0]: the address of the main thread's eval-breaker word (0: none);
    /// [1]: the wakeup descriptor plus one (0: none);
    /// [2]: the `pthread_t` of the OS thread running Python's main thread
    /// (0: none). The `garter` command runs Python on a thread with a
    /// large stack, not on the process's first thread, so the kernel may
    /// deliver a process-directed signal elsewhere; the handler forwards it
    /// there, so that a blocking call of the main thread returns EINTR as
    /// in CPython (where the two are the same thread).
    nonisolated(unsafe) static let targets: UnsafeMutablePointer<Atomic<UInt>> = {
        let words = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: 3)
        for index in 0..<3 { (words + index).initialize(to: Atomic(0)) }
        return words
    }()

    /// Touches every static before a handler is installed.
    static func prepare() {
        _ = flags
        _ = targets
        _ = handler
    }

    /// The main thread whose breaker signals trip.
    static func setMainBreaker(_ breaker: EvalBreaker?) {
        prepare()
        let address = breaker.map { UInt(bitPattern: Int(bitPattern: UnsafeMutableRawPointer($0.word))) } ?? 0
        targets[0].store(address, ordering: .releasing)
        targets[2].store(breaker == nil ? 0 : UInt(pthread_self()), ordering: .releasing)
    }

    static func setWakeupDescriptor(_ descriptor: Int32) {
        targets[1].store(descriptor < 0 ? 0 : UInt(descriptor) + 1, ordering: .releasing)
    }

    static var wakeupDescriptor: Int32 {
        let stored = targets[1].load(ordering: .acquiring)
        return stored == 0 ? -1 : Int32(stored - 1)
    }

    /// Whether some signal arrived since the last `takePending`.
    static var anyPending: Bool { flags[0].load(ordering: .acquiring) != 0 }

    /// Clears the "some signal" flag; the caller then takes each one.
    static func beginTaking() -> Bool { flags[0].exchange(0, ordering: .acquiringAndReleasing) != 0 }

    /// Whether signal `number` was pending (and clears it).
    static func take(_ number: Int) -> Bool { flags[number].exchange(0, ordering: .acquiringAndReleasing) != 0 }

    /// Marks signal `number` pending again (a handler raised before the
    /// later ones ran) and trips the breaker so they run at the next check.
    static func markPending(_ number: Int) {
        flags[number].store(1, ordering: .releasing)
        flags[0].store(1, ordering: .releasing)
        tripBreaker()
    }

    static func tripBreaker() {
        let address = targets[0].load(ordering: .acquiring)
        if address != 0, let word = UnsafeMutablePointer<Atomic<UInt>>(bitPattern: Int(bitPattern: address)) {
            word.pointee.bitwiseOr(EvalBreaker.Bits.signalsPending.rawValue, ordering: .acquiringAndReleasing)
        }
    }

    /// The handler installed with sigaction for every signal that has a
    /// Python handler (async-signal-safe: atomics and write(2) only).
    static let handler: @convention(c) (Int32) -> Void = { number in
        let savedErrno = errno
        let main = SignalTrap.targets[2].load(ordering: .acquiring)
        if main != 0 && pthread_equal(pthread_self(), pthread_t(main)) == 0 && pthread_kill(pthread_t(main), number) == 0 {
            errno = savedErrno
            return
        }
        if number > 0 && Int(number) < SignalTrap.count {
            SignalTrap.flags[Int(number)].store(1, ordering: .releasing)
            SignalTrap.flags[0].store(1, ordering: .releasing)
            SignalTrap.tripBreaker()
            let descriptor = SignalTrap.targets[1].load(ordering: .acquiring)
            if descriptor != 0 {
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(Int32(descriptor - 1), &byte, 1)
            }
        }
        errno = savedErrno
    }

    /// Installs `handler` for `number` (no SA_RESTART: blocking calls
    /// return EINTR so Python handlers run promptly, as in CPython).
    static func install(_ number: Int32) -> Bool {
        prepare()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_ONSTACK)
        return sigaction(number, &action, nil) == 0
    }

    /// Sets SIG_DFL (`ignore == false`) or SIG_IGN.
    static func setDisposition(_ number: Int32, ignore: Bool) -> Bool {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = ignore ? SIG_IGN : SIG_DFL
        #else
        action.__sigaction_u.__sa_handler = ignore ? SIG_IGN : SIG_DFL
        #endif
        sigemptyset(&action.sa_mask)
        return sigaction(number, &action, nil) == 0
    }

    /// What the process does with `number` now: 0 = SIG_DFL, 1 = SIG_IGN,
    /// nil = a handler (not set from Python), or an invalid number.
    static func currentDisposition(_ number: Int32) -> Int? {
        var action = sigaction()
        guard sigaction(number, nil, &action) == 0 else { return nil }
        #if canImport(Glibc)
        let current = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        #else
        let current = unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self)
        #endif
        if current == 0 { return 0 }
        if current == 1 { return 1 }
        return nil
    }
}
