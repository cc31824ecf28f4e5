#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex in raw memory (a pthread mutex must never move, which a
/// Swift stored property does not promise). The GIL's own state is guarded by
/// one of these; it is held only for short bookkeeping, never while Python
/// code runs.
final class SystemMutex: @unchecked Sendable {
    let handle: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        handle = .allocate(capacity: 1)
        handle.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(handle, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(handle)
        handle.deinitialize(count: 1)
        handle.deallocate()
    }

    @inline(__always)
    func lock() {
        let status = pthread_mutex_lock(handle)
        precondition(status == 0, "pthread_mutex_lock failed: \(status)")
    }

    @inline(__always)
    func unlock() {
        let status = pthread_mutex_unlock(handle)
        precondition(status == 0, "pthread_mutex_unlock failed: \(status)")
    }
}
