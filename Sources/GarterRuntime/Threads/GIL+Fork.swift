// fork() and the GIL (CPython's PyOS_BeforeFork / PyOS_AfterFork_*): the
// forking thread holds the GIL and takes the GIL's mutex around fork, so
// the child's copy is never caught half-way through another thread's
// bookkeeping. In the child only the forking thread exists: the others
// are forgotten, and no one waits for or asks for the GIL.

extension GIL {
    /// Just before fork(), on the thread that holds the GIL.
    public func prepareFork() {
        mutex.lock()
    }

    /// In the parent after fork() (whether or not it succeeded).
    public func afterForkParent() {
        mutex.unlock()
    }

    /// In the child after fork(): `thread`, the forking one, is the only
    /// thread left and keeps the GIL.
    public func afterForkChild(_ thread: GILThread) {
        attachedThreads.removeAll { $0 !== thread }
        holder = thread
        requester = nil
        waitingCount = 0
        priorityWaitingCount = 0
        if finalizer !== thread { finalizer = nil }
        thread.breaker.clear(.gilDropRequest)
        mutex.unlock()
    }
}
