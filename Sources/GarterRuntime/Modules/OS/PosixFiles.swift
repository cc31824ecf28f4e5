#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `posix` functions on file descriptors: open/close, read/write (which
// release the GIL, DESIGN.md S4), pipes, dup, seeking, truncating, and the
// descriptor flags (inheritable, blocking).

extension ThreadState {
    /// Runs a system call that may be interrupted by a signal again after
    /// the signal handlers ran, as CPython does (PEP 475).
    func retryingOnInterrupt<Result>(_ call: () -> (Result, failed: Bool)) throws(EvalError) -> Result {
        while true {
            let (result, failed) = call()
            if failed && errno == EINTR {
                if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
                continue
            }
            return result
        }
    }
}

extension Interpreter {
    func definePosixFileFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        define("open") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("open", ["path", "flags", "mode", "dir_fd"], required: 2, keywordOnlyFrom: 3)
            let path = try thread.pathArgument(bound[0]!, function: "open")
            let flags = try thread.cInt(bound[1]!) | O_CLOEXEC
            let mode = try bound[2].map { value throws(EvalError) in try thread.cInt(value) } ?? 0o777
            let directory = try thread.directoryFD(bound[3])
            let fd = try path.withCString { name throws(EvalError) in
                try thread.retryingOnInterrupt {
                    let fd = thread.interpreter.gil.blocking(thread.gilThread, reason: .other) {
                        openat(directory, name, flags, mode_t(mode))
                    }
                    return (fd, fd < 0)
                }
            }
            guard fd >= 0 else { throw thread.lastPosixError(path) }
            return .int(Int(fd))
        }
        define("close") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("close", ["fd"], required: 1)
            let fd = try thread.fileDescriptor(bound[0]!)
            // close() is not retried on EINTR: the descriptor is gone anyway.
            if close(fd) != 0 && errno != EINTR { throw thread.lastPosixError() }
            return .none
        }
        define("closerange") { thread, arguments throws(EvalError) in
            try arguments.expect("closerange", 2...2)
            let low = try thread.fileDescriptor(arguments[0]), high = try thread.fileDescriptor(arguments[1])
            if low < high { for fd in max(low, 0)..<high { close(fd) } }
            return .none
        }
        define("read") { thread, arguments throws(EvalError) in
            try arguments.expect("read", 2...2)
            let fd = try thread.fileDescriptor(arguments[0])
            let count = try thread.indexInt(arguments[1])
            if count < 0 { throw thread.posixError(EINVAL) }
            // Linux never returns more than this from one read(2).
            let size = min(count, 0x7fff_f000)
            var (data, failed) = try thread.retryingOnInterrupt { () -> (([UInt8], Bool), failed: Bool) in
                let result = thread.interpreter.gil.blocking(thread.gilThread, reason: .read) { () -> ([UInt8], Bool) in
                    var failed = false
                    let data = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                        let got = systemRead(fd, buffer.baseAddress, size)
                        failed = got < 0
                        initialized = max(got, 0)
                    }
                    return (data, failed)
                }
                return (result, result.1)
            }
            if failed { throw thread.lastPosixError() }
            // A short read of a large request keeps only what it got.
            if data.capacity > 2 * data.count + 65536 { data = Array(data[...]) }
            return thread.interpreter.newBytes(data)
        }
        define("write") { thread, arguments throws(EvalError) in
            try arguments.expect("write", 2...2)
            let fd = try thread.fileDescriptor(arguments[0])
            let data = try thread.requireBytesLike(arguments[1])
            let written = try thread.retryingOnInterrupt { () -> (Int, failed: Bool) in
                let written = thread.interpreter.gil.blocking(thread.gilThread, reason: .write) {
                    data.withUnsafeBufferPointer { buffer in systemWrite(fd, buffer.baseAddress, buffer.count) }
                }
                return (written, written < 0)
            }
            if written < 0 { throw thread.lastPosixError() }
            return .int(written)
        }
        define("pipe") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.pipe", 0...0)
            var fds: [Int32] = [0, 0]
            guard makePipe(&fds, O_CLOEXEC) == 0 else { throw thread.lastPosixError() }
            return thread.interpreter.newTuple([.int(Int(fds[0])), .int(Int(fds[1]))])
        }
        define("pipe2") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.pipe2", 1...1)
            let flags = try thread.cInt(arguments[0])
            var fds: [Int32] = [0, 0]
            guard makePipe(&fds, flags) == 0 else { throw thread.lastPosixError() }
            return thread.interpreter.newTuple([.int(Int(fds[0])), .int(Int(fds[1]))])
        }
        define("dup") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.dup", 1...1)
            let fd = try thread.fileDescriptor(arguments[0])
            let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
            guard copy >= 0 else { throw thread.lastPosixError() }
            return .int(Int(copy))
        }
        define("dup2") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("dup2", ["fd", "fd2", "inheritable"], required: 2)
            let fd = try thread.fileDescriptor(bound[0]!), target = try thread.fileDescriptor(bound[1]!)
            let inheritable = try thread.flag(bound[2], default: true)
            let result = inheritable ? dup2(fd, target) : duplicateClosingOnExec(fd, target)
            guard result >= 0 else { throw thread.lastPosixError() }
            return .int(Int(result))
        }
        define("lseek") { thread, arguments throws(EvalError) in
            try arguments.expect("lseek", 3...3)
            let fd = try thread.fileDescriptor(arguments[0])
            let offset = try thread.cLong(arguments[1])
            let whence = try thread.cInt(arguments[2])
            let result = lseek(fd, off_t(offset), whence)
            guard result >= 0 else { throw thread.lastPosixError() }
            return .int(Int(result))
        }
        define("ftruncate") { thread, arguments throws(EvalError) in
            try arguments.expect("ftruncate", 2...2)
            let fd = try thread.fileDescriptor(arguments[0])
            let length = try thread.cLong(arguments[1])
            guard ftruncate(fd, off_t(length)) == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("truncate") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("truncate", ["path", "length"], required: 2)
            let path = try thread.pathArgument(bound[0]!, function: "truncate", allowFD: true)
            let length = off_t(try thread.cLong(bound[1]!))
            let status: Int32
            if let fd = path.fd { status = ftruncate(fd, length) } else { status = try path.withCString { name in truncate(name, length) } }
            guard status == 0 else { throw thread.lastPosixError(path) }
            return .none
        }
        define("fsync") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fsync", ["fd"], required: 1)
            let fd = try thread.objectFileDescriptor(bound[0]!)
            guard fsync(fd) == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("isatty") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.isatty", 1...1)
            return .bool(isatty(try thread.fileDescriptor(arguments[0])) == 1)
        }
        define("fstat") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fstat", ["fd"], required: 1)
            var info = stat()
            guard fstat(try thread.fileDescriptor(bound[0]!), &info) == 0 else { throw thread.lastPosixError() }
            return thread.interpreter.newStatResult(info)
        }
        define("get_inheritable") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.get_inheritable", 1...1)
            let flags = fcntl(try thread.fileDescriptor(arguments[0]), F_GETFD)
            guard flags >= 0 else { throw thread.lastPosixError() }
            return .bool(flags & FD_CLOEXEC == 0)
        }
        define("set_inheritable") { thread, arguments throws(EvalError) in
            try arguments.expect("set_inheritable", 2...2)
            let fd = try thread.fileDescriptor(arguments[0])
            let inheritable = try thread.truth(arguments[1])
            let flags = fcntl(fd, F_GETFD)
            guard flags >= 0 else { throw thread.lastPosixError() }
            let wanted = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC
            if wanted != flags, fcntl(fd, F_SETFD, wanted) != 0 { throw thread.lastPosixError() }
            return .none
        }
        define("get_blocking") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.get_blocking", 1...1)
            let flags = fcntl(try thread.fileDescriptor(arguments[0]), F_GETFL)
            guard flags >= 0 else { throw thread.lastPosixError() }
            return .bool(flags & O_NONBLOCK == 0)
        }
        define("set_blocking") { thread, arguments throws(EvalError) in
            try arguments.expect("set_blocking", 2...2)
            let fd = try thread.fileDescriptor(arguments[0])
            let blocking = try thread.truth(arguments[1])
            let flags = fcntl(fd, F_GETFL)
            guard flags >= 0 else { throw thread.lastPosixError() }
            let wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK
            if wanted != flags, fcntl(fd, F_SETFL, wanted) != 0 { throw thread.lastPosixError() }
            return .none
        }
        define("device_encoding") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("device_encoding", ["fd"], required: 1)
            let fd = try thread.fileDescriptor(bound[0]!)
            return isatty(fd) == 1 ? thread.interpreter.newString("UTF-8") : .none
        }
    }
}

extension ThreadState {
    /// A file descriptor or an object with `fileno()` (PyObject_AsFileDescriptor).
    func objectFileDescriptor(_ value: Value) throws(EvalError) -> Int32 {
        if case .int = value { return try fileDescriptor(value) }
        if typeOf(value).slots.index == nil, let method = try lookupAttribute(value, interpreter.internedString("fileno")) {
            defer { method.release() }
            let result = try call(method, [])
            defer { result.release() }
            return try fileDescriptor(result)
        }
        return try fileDescriptor(value)
    }
}

/// C's read(2) and write(2) (the module's own `read`/`write` share their names).
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

/// pipe2(2), which Swift's Glibc does not export (it is a GNU extension):
/// pipe(2), then the flags one by one. The GIL is held meanwhile, so no
/// Python thread forks between the two steps.
func makePipe(_ fds: inout [Int32], _ flags: Int32) -> Int32 {
    guard pipe(&fds) == 0 else { return -1 }
    for fd in fds {
        if flags & O_CLOEXEC != 0, fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 { return closeBoth(fds) }
        if flags & O_NONBLOCK != 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0 { return closeBoth(fds) }
    }
    return 0
}

private func closeBoth(_ fds: [Int32]) -> Int32 {
    let code = errno
    for fd in fds { close(fd) }
    errno = code
    return -1
}

/// dup3(fd, target, O_CLOEXEC) (also GNU-only): dup2, then close-on-exec.
func duplicateClosingOnExec(_ fd: Int32, _ target: Int32) -> Int32 {
    if fd == target {
        errno = EINVAL
        return -1
    }
    let result = dup2(fd, target)
    if result >= 0 { _ = fcntl(result, F_SETFD, FD_CLOEXEC) }
    return result
}
