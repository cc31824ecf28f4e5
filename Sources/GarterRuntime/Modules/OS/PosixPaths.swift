#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `posix` functions on names in the file system: stat, making and removing
// files and directories, renaming, links, permissions, times, and the
// current directory. Relative paths may be taken from a directory
// descriptor (`dir_fd=`) through the `*at` system calls.

extension Interpreter {
    func definePosixPathFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        for (name, follows) in [("stat", true), ("lstat", false)] {
            define(name) { thread, arguments throws(EvalError) in
                let bound = try arguments.bind(name, ["path", "dir_fd", "follow_symlinks"], required: 1, keywordOnlyFrom: 1)
                let path = try thread.pathArgument(bound[0]!, function: name, allowFD: name == "stat")
                let follow = try thread.flag(bound[2], default: true) && follows
                let info = try thread.statPath(path, dirFD: try thread.directoryFD(bound[1]), followSymlinks: follow)
                return thread.interpreter.newStatResult(info)
            }
        }
        define("access") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("access", ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
                                           required: 2, keywordOnlyFrom: 2)
            let path = try thread.pathArgument(bound[0]!, function: "access")
            let mode = try thread.cInt(bound[1]!)
            var flags: Int32 = 0
            if try thread.flag(bound[3], default: false) { flags |= AT_EACCESS }
            if !(try thread.flag(bound[4], default: true)) { flags |= AT_SYMLINK_NOFOLLOW }
            let directory = try thread.directoryFD(bound[2])
            return .bool(try path.withCString { name in faccessat(directory, name, mode, flags) } == 0)
        }
        define("mkdir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("mkdir", ["path", "mode", "dir_fd"], required: 1, keywordOnlyFrom: 2)
            let path = try thread.pathArgument(bound[0]!, function: "mkdir")
            let mode = try bound[1].map { value throws(EvalError) in try thread.cInt(value) } ?? 0o777
            let directory = try thread.directoryFD(bound[2])
            guard try path.withCString({ name in mkdirat(directory, name, mode_t(mode)) }) == 0 else {
                throw thread.lastPosixError(path)
            }
            return .none
        }
        define("mkfifo") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("mkfifo", ["path", "mode", "dir_fd"], required: 1, keywordOnlyFrom: 2)
            let path = try thread.pathArgument(bound[0]!, function: "mkfifo")
            let mode = try bound[1].map { value throws(EvalError) in try thread.cInt(value) } ?? 0o666
            let directory = try thread.directoryFD(bound[2])
            guard try path.withCString({ name in mkfifoat(directory, name, mode_t(mode)) }) == 0 else {
                throw thread.lastPosixError(path)
            }
            return .none
        }
        define("rmdir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("rmdir", ["path", "dir_fd"], required: 1, keywordOnlyFrom: 1)
            let path = try thread.pathArgument(bound[0]!, function: "rmdir")
            let directory = try thread.directoryFD(bound[1])
            guard try path.withCString({ name in unlinkat(directory, name, AT_REMOVEDIR) }) == 0 else {
                throw thread.lastPosixError(path)
            }
            return .none
        }
        for name in ["unlink", "remove"] {
            define(name) { thread, arguments throws(EvalError) in
                let bound = try arguments.bind(name, ["path", "dir_fd"], required: 1, keywordOnlyFrom: 1)
                let path = try thread.pathArgument(bound[0]!, function: name)
                let directory = try thread.directoryFD(bound[1])
                guard try path.withCString({ name in unlinkat(directory, name, 0) }) == 0 else {
                    throw thread.lastPosixError(path)
                }
                return .none
            }
        }
        for name in ["rename", "replace"] {
            define(name) { thread, arguments throws(EvalError) in
                let bound = try arguments.bind(name, ["src", "dst", "src_dir_fd", "dst_dir_fd"], required: 2, keywordOnlyFrom: 2)
                let source = try thread.pathArgument(bound[0]!, function: name, argumentName: "src")
                let target = try thread.pathArgument(bound[1]!, function: name, argumentName: "dst")
                let sourceDirectory = try thread.directoryFD(bound[2]), targetDirectory = try thread.directoryFD(bound[3])
                let status = try source.withCString { (from) throws(EvalError) in
                    try target.withCString { to in renameat(sourceDirectory, from, targetDirectory, to) }
                }
                guard status == 0 else { throw thread.lastPosixError(source.object, target.object) }
                return .none
            }
        }
        define("link") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("link", ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
                                           required: 2, keywordOnlyFrom: 2)
            let source = try thread.pathArgument(bound[0]!, function: "link", argumentName: "src")
            let target = try thread.pathArgument(bound[1]!, function: "link", argumentName: "dst")
            let sourceDirectory = try thread.directoryFD(bound[2]), targetDirectory = try thread.directoryFD(bound[3])
            let flags = try thread.flag(bound[4], default: true) ? AT_SYMLINK_FOLLOW : 0
            let status = try source.withCString { (from) throws(EvalError) in
                try target.withCString { to in linkat(sourceDirectory, from, targetDirectory, to, flags) }
            }
            guard status == 0 else { throw thread.lastPosixError(source.object, target.object) }
            return .none
        }
        define("symlink") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("symlink", ["src", "dst", "target_is_directory", "dir_fd"],
                                           required: 2, keywordOnlyFrom: 3)
            let source = try thread.pathArgument(bound[0]!, function: "symlink", argumentName: "src")
            let target = try thread.pathArgument(bound[1]!, function: "symlink", argumentName: "dst")
            let directory = try thread.directoryFD(bound[3])
            let status = try source.withCString { (from) throws(EvalError) in
                try target.withCString { to in symlinkat(from, directory, to) }
            }
            guard status == 0 else { throw thread.lastPosixError(source.object, target.object) }
            return .none
        }
        define("readlink") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("readlink", ["path", "dir_fd"], required: 1, keywordOnlyFrom: 1)
            let path = try thread.pathArgument(bound[0]!, function: "readlink")
            let directory = try thread.directoryFD(bound[1])
            var capacity = 256
            while true {
                var length = 0
                let contents = try path.withCString { name in
                    [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                        length = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) { pointer in
                            readlinkat(directory, name, pointer, capacity)
                        }
                        initialized = max(length, 0)
                    }
                }
                if length < 0 { throw thread.lastPosixError(path) }
                if length < capacity { return thread.pathResult(contents, asBytes: path.isBytes) }
                capacity *= 4
            }
        }
        define("chmod") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("chmod", ["path", "mode", "dir_fd", "follow_symlinks"], required: 2, keywordOnlyFrom: 2)
            let path = try thread.pathArgument(bound[0]!, function: "chmod", allowFD: true)
            let mode = mode_t(try thread.cInt(bound[1]!))
            let directory = try thread.directoryFD(bound[2])
            let follow = try thread.flag(bound[3], default: true)
            let status: Int32
            if let fd = path.fd {
                status = fchmod(fd, mode)
            } else {
                status = try path.withCString { name in fchmodat(directory, name, mode, follow ? 0 : AT_SYMLINK_NOFOLLOW) }
            }
            guard status == 0 else { throw thread.lastPosixError(path) }
            return .none
        }
        define("fchmod") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fchmod", ["fd", "mode"], required: 2)
            guard fchmod(try thread.fileDescriptor(bound[0]!), mode_t(try thread.cInt(bound[1]!))) == 0 else {
                throw thread.lastPosixError()
            }
            return .none
        }
        for name in ["chown", "lchown"] {
            define(name) { thread, arguments throws(EvalError) in
                let bound = name == "chown"
                    ? try arguments.bind(name, ["path", "uid", "gid", "dir_fd", "follow_symlinks"], required: 3, keywordOnlyFrom: 3)
                    : try arguments.bind(name, ["path", "uid", "gid"], required: 3)
                let path = try thread.pathArgument(bound[0]!, function: name, allowFD: name == "chown")
                let user = uid_t(bitPattern: Int32(truncatingIfNeeded: try thread.cLong(bound[1]!)))
                let group = gid_t(bitPattern: Int32(truncatingIfNeeded: try thread.cLong(bound[2]!)))
                let follow = name == "chown" ? try thread.flag(bound[4], default: true) : false
                let directory = name == "chown" ? try thread.directoryFD(bound[3]) : AT_FDCWD
                let status: Int32
                if let fd = path.fd {
                    status = fchown(fd, user, group)
                } else {
                    status = try path.withCString { name in fchownat(directory, name, user, group, follow ? 0 : AT_SYMLINK_NOFOLLOW) }
                }
                guard status == 0 else { throw thread.lastPosixError(path) }
                return .none
            }
        }
        define("utime") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("utime", ["path", "times", "ns", "dir_fd", "follow_symlinks"],
                                           required: 1, keywordOnlyFrom: 2)
            let path = try thread.pathArgument(bound[0]!, function: "utime", allowFD: true)
            let times = bound[1].flatMap { $0.isNone ? nil : $0 }
            if times != nil && bound[2] != nil {
                throw .valueError("utime: you may specify either 'times' or 'ns' but not both")
            }
            var stamps = [timespec(tv_sec: 0, tv_nsec: PosixTime.now), timespec(tv_sec: 0, tv_nsec: PosixTime.now)]
            if let times {
                guard let pair = times.as(PyTuple.self), pair.count == 2 else {
                    throw .typeError("utime: 'times' must be either a tuple of two ints or None")
                }
                for index in 0..<2 { stamps[index] = try thread.timespecFromSeconds(pair.items[index]) }
            } else if let ns = bound[2] {
                guard let pair = ns.as(PyTuple.self), pair.count == 2 else {
                    throw .typeError("utime: 'ns' must be a tuple of two ints")
                }
                for index in 0..<2 {
                    let total = try thread.cLong(pair.items[index])
                    var seconds = total / 1_000_000_000, nanoseconds = total % 1_000_000_000
                    if nanoseconds < 0 { seconds -= 1; nanoseconds += 1_000_000_000 }
                    stamps[index] = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
                }
            }
            let directory = try thread.directoryFD(bound[3])
            let follow = try thread.flag(bound[4], default: true)
            let status: Int32
            if let fd = path.fd {
                status = futimens(fd, stamps)
            } else {
                status = try path.withCString { name in utimensat(directory, name, stamps, follow ? 0 : AT_SYMLINK_NOFOLLOW) }
            }
            // CPython 3.11 names no file in utime's error.
            guard status == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("getcwd") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getcwd", 0...0)
            return thread.pathResult(try thread.currentDirectory(), asBytes: false)
        }
        define("getcwdb") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getcwdb", 0...0)
            return thread.pathResult(try thread.currentDirectory(), asBytes: true)
        }
        define("chdir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("chdir", ["path"], required: 1)
            let path = try thread.pathArgument(bound[0]!, function: "chdir", allowFD: true)
            let status: Int32
            if let fd = path.fd { status = fchdir(fd) } else { status = try path.withCString { name in chdir(name) } }
            guard status == 0 else { throw thread.lastPosixError(path) }
            return .none
        }
        define("fchdir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fchdir", ["fd"], required: 1)
            guard fchdir(try thread.objectFileDescriptor(bound[0]!)) == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("umask") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.umask", 1...1)
            return .int(Int(umask(mode_t(truncatingIfNeeded: try thread.cInt(arguments[0])))))
        }
    }
}

extension ThreadState {
    /// getcwd(3), growing the buffer as needed.
    func currentDirectory() throws(EvalError) -> [UInt8] {
        var capacity = 1024
        while true {
            var failed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let pointer = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) { getcwd($0, capacity) }
                if pointer == nil {
                    failed = true
                    initialized = 0
                } else {
                    initialized = strlen(pointer!)
                }
            }
            if !failed { return bytes }
            if errno != ERANGE { throw lastPosixError() }
            capacity *= 4
        }
    }

    /// A time in seconds (int or float) as a timespec, rounded toward
    /// minus infinity as CPython's utime does.
    func timespecFromSeconds(_ value: Value) throws(EvalError) -> timespec {
        if case .float(let seconds) = value {
            let whole = seconds.rounded(.down)
            let nanoseconds = ((seconds - whole) * 1e9).rounded(.down)
            return timespec(tv_sec: Int(whole), tv_nsec: Int(nanoseconds))
        }
        if case .int(let seconds) = value { return timespec(tv_sec: seconds, tv_nsec: 0) }
        if typeOf(value).slots.index == nil { return try timespecFromSeconds(.float(try floatArgument(value))) }
        return timespec(tv_sec: try cLong(value), tv_nsec: 0)
    }
}

enum PosixTime {
    /// UTIME_NOW of <sys/stat.h> (Linux), a macro Swift does not import:
    /// utimensat sets that time to the current time.
    static let now = (1 << 30) - 1
}
