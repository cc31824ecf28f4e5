/// What one interpreter knows about its Python threads beyond the GIL: the
/// main thread (for `_thread.interrupt_main`), the threads `_thread`
/// started and are still running (`_thread._count()`), the `_thread._local`
/// objects whose per-thread dicts must go when a thread ends, and the stack size
/// for new threads.
///
/// Everything here is touched only by the thread holding the GIL (threads
/// register and unregister themselves while they hold it), so nothing needs
/// a lock of its own.
public final class ThreadRegistry {
    /// The thread that runs `__main__` (set by `Interpreter.runMain`).
    public internal(set) weak var mainThread: ThreadState?
    /// Threads started by `_thread.start_new_thread` that have not ended.
    public internal(set) var startedThreadCount = 0
    /// `_thread.stack_size()`: 0 means Garter's default
    /// (`ThreadRegistry.defaultStackSize`).
    public internal(set) var stackSize = 0
    /// The live `_thread._local` objects, so that a thread's attribute dicts
    /// are dropped when it ends (CPython does this with weak references).
    var threadLocals: [ObjectIdentifier: Unmanaged<PyThreadLocal>] = [:]
    /// Locks made by `_thread._set_sentinel()`, per thread: released when
    /// the thread ends, which is how `threading.Thread.join` learns that
    /// the thread is really gone (owned references).
    var sentinels: [ObjectIdentifier: [Value]] = [:]

    /// Threads started by `_thread` that run Python code now, so that
    /// `sys._current_frames()` can see their frames (registered and
    /// removed by the threads themselves, holding the GIL).
    var runningThreads: [ObjectIdentifier: Unmanaged<ThreadState>] = [:]

    /// The evaluation loop recurses in Swift for each Python call, and its
    /// frames are larger than CPython's C frames, so new threads get a
    /// larger stack than the system's 8 MiB default. It is reserved address
    /// space; pages are touched only as deep as the thread recurses.
    public static let defaultStackSize = 256 << 20

    init() {}
}
