#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// How hash objects (and zlib streams) let the GIL go around long native
// work (DESIGN.md S5) without two threads ever touching one object's state
// at once: each object has its own mutex, as CPython's hash objects do.
// Large inputs are processed with the GIL released and that mutex held; any
// other use of the object takes the mutex too, and a thread that finds it
// taken waits for it without the GIL, so the two locks never deadlock.

/// The size from which hashing releases the GIL (CPython's HASHLIB_GIL_MINSIZE).
let hashGILReleaseThreshold = 2048

extension SystemMutex {
    /// Takes the mutex if it is free; false when another thread holds it.
    func tryLock() -> Bool { pthread_mutex_trylock(handle) == 0 }
}

extension ThreadState {
    /// Runs `body` holding an object's `mutex`. If another thread holds it
    /// (hashing without the GIL), waits for it with the GIL released.
    func withObjectLock<Result>(_ mutex: SystemMutex, _ body: () throws(EvalError) -> Result) throws(EvalError) -> Result {
        if !mutex.tryLock() {
            interpreter.gil.blocking(gilThread, reason: .lockWait) { mutex.lock() }
        }
        defer { mutex.unlock() }
        return try body()
    }

    /// Runs `work` over `bytes` holding `mutex`; from `hashGILReleaseThreshold`
    /// bytes on, without the GIL (`work` must then touch no Python object).
    /// The bytes are a Swift array the caller owns: a `bytearray` changed
    /// meanwhile by another thread gets a copy of its own (copy on write).
    func withObjectLock(_ mutex: SystemMutex, releasingGILFor bytes: [UInt8],
                        _ work: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { buffer in
            if buffer.count >= hashGILReleaseThreshold {
                interpreter.gil.blocking(gilThread, reason: .nativeCompute) {
                    mutex.lock()
                    work(buffer)
                    mutex.unlock()
                }
            } else {
                if !mutex.tryLock() {
                    interpreter.gil.blocking(gilThread, reason: .lockWait) { mutex.lock() }
                }
                work(buffer)
                mutex.unlock()
            }
        }
    }
}
