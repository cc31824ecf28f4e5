#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `_io.FileIO`: a raw binary stream over one file descriptor. Every
/// system call that can block runs without the GIL.
final class PyFileIO: PyObject {
    /// -1 once closed (or before `__init__`).
    @exclusivity(unchecked) var descriptor: Int32 = -1
    @exclusivity(unchecked) var isReadable = false
    @exclusivity(unchecked) var isWritable = false
    @exclusivity(unchecked) var isAppending = false
    @exclusivity(unchecked) var isCreated = false
    @exclusivity(unchecked) var closesDescriptor = true
    /// nil: not asked yet.
    @exclusivity(unchecked) var seekableCache: Bool?
    /// The file system's preferred block size (`_blksize`).
    @exclusivity(unchecked) var blockSize = 8192
    /// Set by `_io.open` when it wraps this object, so that a failure while
    /// finishing the wrapping closes it quietly.
    @exclusivity(unchecked) var finalizing = false

    var isClosed: Bool { descriptor < 0 }

    /// CPython's `mode` attribute.
    var modeString: String {
        if isCreated { return isReadable ? "xb+" : "xb" }
        if isAppending { return isReadable ? "ab+" : "ab" }
        if isReadable { return isWritable ? "rb+" : "rb" }
        return "wb"
    }

    func checkOpen() throws(EvalError) {
        if descriptor < 0 { throw .valueError("I/O operation on closed file") }
    }

    /// One `read(2)` of up to `count` bytes without the GIL; nil when it
    /// would block (EAGAIN on a non-blocking descriptor).
    func readChunk(_ count: Int, _ thread: ThreadState) throws(EvalError) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        let received = try bytes.withUnsafeMutableBufferPointer { buffer throws(EvalError) in
            try readInto(UnsafeMutableRawPointer(buffer.baseAddress), count, thread)
        }
        guard let received else { return nil }
        if received < count { bytes.removeSubrange(received...) }
        return bytes
    }

    /// `read(2)` into raw memory without the GIL; nil when it would block.
    func readInto(_ pointer: UnsafeMutableRawPointer?, _ count: Int, _ thread: ThreadState) throws(EvalError) -> Int? {
        let descriptor = self.descriptor
        let (result, code) = thread.interpreter.gil.blocking(thread.gilThread, reason: .read) {
            let result = IOSystem.read(descriptor, pointer, count)
            return (result, result < 0 ? errno : 0)
        }
        if result < 0 {
            if code == EAGAIN { return nil }
            throw thread.ioSystemError(code)
        }
        return result
    }

    /// Everything up to end of file (`readall`).
    func readAll(_ thread: ThreadState) throws(EvalError) -> [UInt8]? {
        let descriptor = self.descriptor
        // Size the first read from what is left of a regular file, so a
        // whole-file read is one allocation and usually one call.
        let estimate: Int = thread.interpreter.gil.blocking(thread.gilThread, reason: .read) {
            var status = stat()
            guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return 0 }
            let position = lseek(descriptor, 0, SEEK_CUR)
            guard position >= 0, Int(status.st_size) >= Int(position) else { return 0 }
            return Int(status.st_size) - Int(position)
        }
        var result = [UInt8]()
        var capacity = max(estimate + 1, 8192)
        var filled = 0
        while true {
            if filled == result.count {
                result.append(contentsOf: repeatElement(0, count: capacity - result.count))
            }
            let received = try result.withUnsafeMutableBufferPointer { buffer throws(EvalError) in
                try readInto(UnsafeMutableRawPointer(buffer.baseAddress! + filled), buffer.count - filled, thread)
            }
            guard let received else {
                if filled == 0 { return nil }
                break
            }
            if received == 0 { break }
            filled += received
            if filled == result.count { capacity = result.count + max(result.count / 4, 65536) }
        }
        result.removeSubrange(filled...)
        return result
    }

    /// `write(2)` without the GIL: how many bytes went out, nil when it
    /// would block.
    func writeBytes(_ bytes: UnsafeRawBufferPointer, _ thread: ThreadState) throws(EvalError) -> Int? {
        let descriptor = self.descriptor
        let (result, code) = thread.interpreter.gil.blocking(thread.gilThread, reason: .write) {
            let result = IOSystem.write(descriptor, bytes.baseAddress, bytes.count)
            return (result, result < 0 ? errno : 0)
        }
        if result < 0 {
            if code == EAGAIN { return nil }
            throw thread.ioSystemError(code)
        }
        return result
    }

    /// `lseek(2)`; the new position.
    func seek(_ offset: Int, _ whence: Int32, _ thread: ThreadState) throws(EvalError) -> Int {
        let result = lseek(descriptor, off_t(offset), whence)
        if result < 0 { throw thread.ioSystemError(errno) }
        return Int(result)
    }

    func isSeekable() -> Bool {
        if let seekableCache { return seekableCache }
        let seekable = lseek(descriptor, 0, SEEK_CUR) >= 0
        seekableCache = seekable
        return seekable
    }

    /// Closes the descriptor (when it owns it); the error of close(2), if any.
    func closeDescriptor(_ thread: ThreadState) -> Int32? {
        let descriptor = self.descriptor
        self.descriptor = -1
        guard closesDescriptor, descriptor >= 0 else { return nil }
        let (result, code) = thread.interpreter.gil.blocking(thread.gilThread, reason: .other) {
            let result = Glibc.close(descriptor)
            return (result, result < 0 ? errno : 0)
        }
        return result < 0 ? code : nil
    }
}
