// The import lock of `_imp.acquire_lock`/`release_lock`: reentrant, owned by
// one thread at a time, as CPython's global import lock. Garter's own
// `import` does not take it; importlib's code (and `imp`) does.

final class ImportLock {
    let lock = ThreadLock()
    /// `get_ident()` of the owner; read and written only with the GIL held.
    var owner: UInt64 = 0
    var count = 0

    /// Takes the lock for `thread`, waiting outside the GIL if another
    /// thread holds it.
    func acquire(_ thread: ThreadState) {
        let me = thread.gilThread.ident
        if count > 0 && owner == me {
            count += 1
            return
        }
        _ = thread.acquire(lock, .forever)
        owner = me
        count = 1
    }

    /// False when `thread` does not hold the lock.
    func release(_ thread: ThreadState) -> Bool {
        guard count > 0 && owner == thread.gilThread.ident else { return false }
        count -= 1
        if count == 0 {
            owner = 0
            _ = lock.release()
        }
        return true
    }
}
