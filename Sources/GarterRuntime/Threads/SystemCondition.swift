#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread condition variable whose timed waits run on the monotonic clock,
/// so that a switch interval is measured as elapsed time even if the wall
/// clock is set back or forward while a thread waits for the GIL.
final class SystemCondition: @unchecked Sendable {
    let handle: UnsafeMutablePointer<pthread_cond_t>

    init() {
        handle = .allocate(capacity: 1)
        handle.initialize(to: pthread_cond_t())
        #if canImport(Darwin)
        let status = pthread_cond_init(handle, nil)
        #else
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        let status = pthread_cond_init(handle, &attributes)
        pthread_condattr_destroy(&attributes)
        #endif
        precondition(status == 0, "pthread_cond_init failed: \(status)")
    }

    deinit {
        pthread_cond_destroy(handle)
        handle.deinitialize(count: 1)
        handle.deallocate()
    }

    /// Waits until signalled (or a spurious wake-up: callers loop on their
    /// predicate). `mutex` must be locked by the caller.
    func wait(_ mutex: SystemMutex) {
        let status = pthread_cond_wait(handle, mutex.handle)
        precondition(status == 0, "pthread_cond_wait failed: \(status)")
    }

    /// Waits at most `nanoseconds`; returns true if the time ran out.
    func wait(_ mutex: SystemMutex, nanoseconds: UInt64) -> Bool {
        // Longer waits than a day are cut to a day: the caller loops anyway,
        // and this keeps the deadline arithmetic far from overflow.
        let timeout = min(nanoseconds, 86_400 * 1_000_000_000)
        #if canImport(Darwin)
        var relative = timespec(tv_sec: Int(timeout / 1_000_000_000),
                                tv_nsec: Int(timeout % 1_000_000_000))
        let status = pthread_cond_timedwait_relative_np(handle, mutex.handle, &relative)
        #else
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanos = UInt64(deadline.tv_nsec) + timeout % 1_000_000_000
        deadline.tv_sec += Int(timeout / 1_000_000_000 + nanos / 1_000_000_000)
        deadline.tv_nsec = Int(nanos % 1_000_000_000)
        let status = pthread_cond_timedwait(handle, mutex.handle, &deadline)
        #endif
        precondition(status == 0 || status == ETIMEDOUT, "pthread_cond_timedwait failed: \(status)")
        return status == ETIMEDOUT
    }

    func signal() { pthread_cond_signal(handle) }

    func broadcast() { pthread_cond_broadcast(handle) }
}
