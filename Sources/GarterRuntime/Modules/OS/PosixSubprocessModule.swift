#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_posixsubprocess.fork_exec`, as CPython 3.11's `subprocess` calls it:
// fork, set up the child's standard descriptors, directory, session and
// umask, run `preexec_fn`, close the other descriptors, and exec the
// first executable that works. A child that fails writes
// "ExceptionName:hex_errno:message" to `errpipe_write` and exits 255;
// subprocess.py reads that and raises the error in the parent.
//
// Everything the child needs is prepared before fork (C strings, the
// descriptors to close): the child of a threaded process must not
// allocate, since another thread may have held the allocator's lock.

extension Interpreter {
    func makePosixSubprocessModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_posixsubprocess", doc: "A POSIX helper for the subprocess module.") { _, define throws(EvalError) in
            define("fork_exec") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("fork_exec")
                guard arguments.positionalCount == 22 || arguments.positionalCount == 23 else {
                    throw .typeError("fork_exec() takes exactly 23 arguments (\(arguments.positionalCount) given)")
                }
                let request = try ForkExecRequest(thread, arguments)
                defer { request.free() }
                return .int(Int(try thread.forkExec(request)))
            }
        }
    }
}

/// fork_exec's arguments, converted for the child.
struct ForkExecRequest {
    var argv: CStringArray?
    var executables: CStringArray
    var environment: CStringArray?
    var cwd: CStringArray?
    var closeFDs: Bool
    /// Sorted descriptors kept open (`pass_fds`).
    var keep: [Int32]
    var p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipeRead, errpipeWrite: Int32
    var restoreSignals, callSetsid: Bool
    var processGroup: Int32
    var groupID: gid_t?
    var extraGroups: [gid_t]?
    var userID: uid_t?
    var childUmask: Int32
    /// Borrowed; None when absent.
    var preexec: Value

    init(_ thread: ThreadState, _ arguments: Arguments) throws(EvalError) {
        func paths(_ value: Value) throws(EvalError) -> [[UInt8]] {
            let items = try thread.collect(value)
            defer { for item in items { item.release() } }
            var result: [[UInt8]] = []
            for item in items {
                result.append(try thread.fileSystemBytes(item))
            }
            return result
        }
        func optionalInt(_ value: Value) throws(EvalError) -> Int? { value.isNone ? nil : try thread.cLong(value) }
        argv = arguments[0].isNone ? nil : CStringArray(try paths(arguments[0]))
        executables = CStringArray(try paths(arguments[1]))
        closeFDs = try thread.truth(arguments[2])
        guard let passed = arguments[3].as(PyTuple.self) else { throw .typeError("fork_exec() argument 4 must be tuple") }
        keep = []
        for item in passed.items {
            let fd = try thread.cLong(item)
            guard fd >= 0, let small = Int32(exactly: fd), keep.last.map({ $0 < small }) ?? true else {
                throw .valueError("bad value(s) in fds_to_keep")
            }
            keep.append(small)
        }
        if arguments[4].isNone {
            cwd = nil
        } else {
            cwd = CStringArray([try thread.pathArgument(arguments[4], function: "fork_exec", argumentName: "cwd").bytes])
        }
        environment = arguments[5].isNone ? nil : CStringArray(try paths(arguments[5]))
        var fds: [Int32] = []
        for index in 6..<14 { fds.append(try thread.fileDescriptor(arguments[index])) }
        (p2cread, p2cwrite, c2pread, c2pwrite) = (fds[0], fds[1], fds[2], fds[3])
        (errread, errwrite, errpipeRead, errpipeWrite) = (fds[4], fds[5], fds[6], fds[7])
        restoreSignals = try thread.truth(arguments[14])
        callSetsid = try thread.truth(arguments[15])
        processGroup = Int32(truncatingIfNeeded: try thread.cLong(arguments[16]))
        groupID = try optionalInt(arguments[17]).map { gid_t(truncatingIfNeeded: $0) }
        if arguments[18].isNone {
            extraGroups = nil
        } else {
            let items = try thread.collect(arguments[18])
            defer { for item in items { item.release() } }
            var groups: [gid_t] = []
            for item in items { groups.append(gid_t(truncatingIfNeeded: try thread.cLong(item))) }
            extraGroups = groups
        }
        userID = try optionalInt(arguments[19]).map { uid_t(truncatingIfNeeded: $0) }
        childUmask = Int32(truncatingIfNeeded: try thread.cLong(arguments[20]))
        preexec = arguments[21]
    }

    func free() {
        argv?.free()
        executables.free()
        environment?.free()
        cwd?.free()
    }
}

extension ThreadState {
    /// Forks and execs as `request` says; the child's pid.
    func forkExec(_ request: ForkExecRequest) throws(EvalError) -> pid_t {
        // The descriptors open now, found before fork because listing a
        // directory allocates; the ones opened later by other threads are
        // close-on-exec (every descriptor Python opens is).
        let openFDs = request.closeFDs ? openFileDescriptors() : []
        let hooks = request.preexec.isNone ? nil : posixForkHooks()
        if let hooks { runForkHooks(hooks.before, reversed: true) }
        let gil = interpreter.gil
        if hooks != nil { gil.prepareFork() }
        var message = [UInt8](repeating: 0, count: 128)
        let pid = fork()
        if pid == 0 {
            if let hooks {
                gil.afterForkChild(gilThread)
                interpreter.threadRegistry.afterForkChild(self)
                runForkHooks(hooks.afterInChild, reversed: false)
            }
            message.withUnsafeMutableBufferPointer { buffer in
                childExec(request, openFDs: openFDs, message: buffer)
            }
        }
        let code = errno
        if let hooks {
            gil.afterForkParent()
            runForkHooks(hooks.afterInParent, reversed: false)
        }
        guard pid > 0 else { throw posixError(code) }
        return pid
    }

    /// The hooks `posix.register_at_fork` keeps, if `posix` was imported.
    func posixForkHooks() -> ForkHooks? {
        guard let module = interpreter.modules.lookup(name: "posix")?.as(PyModule.self),
              let lists = module.dict.lookup(name: "_fork_hooks")?.as(PyTuple.self), lists.count == 3,
              lists.items.allSatisfy({ $0.as(PyList.self) != nil }) else { return nil }
        return ForkHooks(before: lists.items[0], afterInChild: lists.items[1], afterInParent: lists.items[2])
    }

    /// The process's open descriptors (from /proc/self/fd).
    func openFileDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else {
            let limit = min(sysconf(Int32(_SC_OPEN_MAX)), 65536)
            return (0..<Int32(max(limit, 256))).map { $0 }
        }
        defer { closedir(directory) }
        var result: [Int32] = []
        let own = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if let fd = Int32(name), fd != own { result.append(fd) }
        }
        return result
    }

    /// The child's side: never returns.
    private func childExec(_ request: ForkExecRequest, openFDs: [Int32], message: UnsafeMutableBufferPointer<UInt8>) -> Never {
        func fail(_ code: Int32, exception: StaticString = "OSError", detail: StaticString) -> Never {
            var length = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                for byte in bytes where length < message.count {
                    message[length] = byte
                    length += 1
                }
            }
            func appendByte(_ byte: UInt8) {
                if length < message.count {
                    message[length] = byte
                    length += 1
                }
            }
            exception.withUTF8Buffer(append)
            appendByte(0x3A)
            // errno in hex, most significant digit first.
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
            var value = UInt32(bitPattern: code), count = 0
            withUnsafeMutableBytes(of: &digits) { raw in
                repeat {
                    let digit = UInt8(value & 0xF)
                    raw[count] = digit < 10 ? 0x30 + digit : 0x57 + digit
                    value >>= 4
                    count += 1
                } while value != 0
                for index in stride(from: count - 1, through: 0, by: -1) { appendByte(raw[index]) }
            }
            appendByte(0x3A)
            detail.withUTF8Buffer(append)
            if request.errpipeWrite >= 0 { _ = systemWrite(request.errpipeWrite, message.baseAddress, length) }
            _exit(255)
        }
        // Descriptors kept for the child lose close-on-exec.
        for fd in request.keep where fd != request.errpipeWrite {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) }
        }
        // The parent's ends of the pipes.
        func closeIfOpen(_ fd: Int32) { if fd != -1 { close(fd) } }
        closeIfOpen(request.p2cwrite)
        closeIfOpen(request.c2pread)
        closeIfOpen(request.errread)
        closeIfOpen(request.errpipeRead)
        // A descriptor about to be replaced by dup2 must be copied first.
        var c2pwrite = request.c2pwrite, errwrite = request.errwrite
        if c2pwrite == 0 {
            c2pwrite = dup(c2pwrite)
            if c2pwrite < 0 { fail(errno, detail: "noexec") }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = dup(errwrite)
            if errwrite < 0 { fail(errno, detail: "noexec") }
        }
        func install(_ source: Int32, as target: Int32) {
            if source == -1 { return }
            if source == target {
                let flags = fcntl(source, F_GETFD)
                if flags >= 0 { _ = fcntl(source, F_SETFD, flags & ~FD_CLOEXEC) }
            } else if dup2(source, target) < 0 {
                fail(errno, detail: "noexec")
            }
        }
        install(request.p2cread, as: 0)
        install(c2pwrite, as: 1)
        install(errwrite, as: 2)
        if let cwd = request.cwd, chdir(cwd.pointers[0]!) != 0 { fail(errno, detail: "noexec") }
        if request.childUmask >= 0 { umask(mode_t(request.childUmask)) }
        if request.restoreSignals {
            signal(SIGPIPE, SIG_DFL)
            signal(SIGXFSZ, SIG_DFL)
        }
        if request.callSetsid && setsid() < 0 { fail(errno, detail: "noexec") }
        if request.processGroup >= 0 && setpgid(0, request.processGroup) < 0 { fail(errno, detail: "noexec") }
        if let groups = request.extraGroups, setgroups(groups.count, groups) < 0 { fail(errno, detail: "noexec") }
        if let group = request.groupID, setregid(group, group) < 0 { fail(errno, detail: "noexec") }
        if let user = request.userID, setreuid(user, user) < 0 { fail(errno, detail: "noexec") }
        if !request.preexec.isNone {
            do {
                let result = try call(request.preexec, [])
                result.release()
            } catch {
                error.discard()
                fail(0, exception: "SubprocessError", detail: "Exception occurred in preexec_fn.")
            }
        }
        if request.closeFDs {
            for fd in openFDs where fd > 2 && fd != request.errpipeWrite && !request.keep.contains(fd) { close(fd) }
        }
        var savedError: Int32 = 0
        for index in 0..<request.executables.count {
            let executable = request.executables.pointers[index]!
            let argv = request.argv?.pointers ?? request.executables.pointers
            if let environment = request.environment {
                execve(executable, argv, environment.pointers)
            } else {
                execv(executable, argv)
            }
            if errno != ENOENT && errno != ENOTDIR && savedError == 0 { savedError = errno }
        }
        fail(savedError != 0 ? savedError : errno, detail: "")
    }
}
