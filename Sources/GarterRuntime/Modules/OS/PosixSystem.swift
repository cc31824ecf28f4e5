#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `posix` functions about the process and the machine: ids, uname, times,
// CPU count, terminal size, random bytes, error texts, `fspath`, and the
// sysconf/confstr/pathconf configuration queries.

extension Interpreter {
    static let unameResult = StructSequenceDescription(
        fullName: "posix.uname_result", fields: ["sysname", "nodename", "release", "version", "machine"])
    static let timesResult = StructSequenceDescription(
        fullName: "posix.times_result",
        fields: ["user", "system", "children_user", "children_system", "elapsed"])
    static let terminalSize = StructSequenceDescription(fullName: "os.terminal_size", fields: ["columns", "lines"])

    func definePosixSystemFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        let identities: [(String, () -> Int)] = [
            ("getpid", { Int(getpid()) }), ("getppid", { Int(getppid()) }),
            ("getuid", { Int(getuid()) }), ("geteuid", { Int(geteuid()) }),
            ("getgid", { Int(getgid()) }), ("getegid", { Int(getegid()) }),
            ("getpgrp", { Int(getpgrp()) }),
        ]
        for (name, read) in identities {
            define(name) { _, arguments throws(EvalError) in
                try arguments.expect(name, 0...0)
                return .int(read())
            }
        }
        define("getpgid") { thread, arguments throws(EvalError) in
            try arguments.expect("getpgid", 1...1)
            let group = getpgid(pid_t(try thread.cInt(arguments[0])))
            guard group >= 0 else { throw thread.lastPosixError() }
            return .int(Int(group))
        }
        define("getsid") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getsid", 1...1)
            let session = getsid(pid_t(try thread.cInt(arguments[0])))
            guard session >= 0 else { throw thread.lastPosixError() }
            return .int(Int(session))
        }
        define("setsid") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.setsid", 0...0)
            guard setsid() >= 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("setpgid") { thread, arguments throws(EvalError) in
            try arguments.expectClassic("setpgid", 2)
            let pid = pid_t(try thread.cInt(arguments[0])), group = pid_t(try thread.cInt(arguments[1]))
            guard setpgid(pid, group) == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("abort") { _, arguments throws(EvalError) in
            try arguments.expect("posix.abort", 0...0)
            abort()
        }
        define("getgroups") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getgroups", 0...0)
            let count = getgroups(0, nil)
            guard count >= 0 else { throw thread.lastPosixError() }
            var groups = [gid_t](repeating: 0, count: Int(count))
            let got = getgroups(count, &groups)
            guard got >= 0 else { throw thread.lastPosixError() }
            return thread.interpreter.newList(groups.prefix(Int(got)).map { .int(Int($0)) })
        }
        define("getlogin") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getlogin", 0...0)
            errno = 0
            guard let name = getlogin() else {
                if errno == 0 { throw .pythonException("OSError", "unable to determine login name") }
                throw thread.lastPosixError()
            }
            return thread.interpreter.fileSystemDecode(Array(String(cString: name).utf8))
        }
        define("uname") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.uname", 0...0)
            var names = utsname()
            guard uname(&names) == 0 else { throw thread.lastPosixError() }
            func text<T>(_ field: T) -> Value {
                withUnsafeBytes(of: field) { raw in thread.interpreter.fileSystemDecode(Array(raw.prefix(while: { $0 != 0 }))) }
            }
            let interpreter = thread.interpreter
            return interpreter.newStructSequence(interpreter.structSequenceType(Interpreter.unameResult), Interpreter.unameResult, [
                text(names.sysname), text(names.nodename), text(names.release), text(names.version), text(names.machine),
            ])
        }
        define("times") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.times", 0...0)
            var usage = tms()
            let elapsed = times(&usage)
            guard elapsed != clock_t(-1) else { throw thread.lastPosixError() }
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            let interpreter = thread.interpreter
            return interpreter.newStructSequence(interpreter.structSequenceType(Interpreter.timesResult), Interpreter.timesResult, [
                .float(Double(usage.tms_utime) / ticks), .float(Double(usage.tms_stime) / ticks),
                .float(Double(usage.tms_cutime) / ticks), .float(Double(usage.tms_cstime) / ticks),
                .float(Double(elapsed) / ticks),
            ])
        }
        define("cpu_count") { _, arguments throws(EvalError) in
            try arguments.expect("posix.cpu_count", 0...0)
            let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            return count < 1 ? .none : .int(count)
        }
        define("get_terminal_size") { thread, arguments throws(EvalError) in
            try arguments.expect("get_terminal_size", 0...1)
            let fd = arguments.positionalCount > 0 ? try thread.fileDescriptor(arguments[0]) : 1
            var size = winsize()
            guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 else { throw thread.lastPosixError() }
            let interpreter = thread.interpreter
            return interpreter.newStructSequence(interpreter.structSequenceType(Interpreter.terminalSize), Interpreter.terminalSize,
                                                 [.int(Int(size.ws_col)), .int(Int(size.ws_row))])
        }
        define("urandom") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.urandom", 1...1)
            let count = try thread.indexInt(arguments[0])
            if count < 0 { throw .valueError("negative argument not allowed") }
            return thread.interpreter.newBytes(try thread.randomBytes(count))
        }
        define("strerror") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.strerror", 1...1)
            return thread.interpreter.newString(PosixErrors.message(try thread.cInt(arguments[0])))
        }
        define("fspath") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fspath", ["path"], required: 1)
            return try thread.fspath(bound[0]!)
        }
        define("sysconf") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.sysconf", 1...1)
            let name = try thread.configurationName(arguments[0], PosixConstantsTable.sysconf)
            errno = 0
            let value = sysconf(name)
            if value == -1 && errno != 0 { throw thread.lastPosixError() }
            return .int(value)
        }
        define("confstr") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.confstr", 1...1)
            let name = try thread.configurationName(arguments[0], PosixConstantsTable.confstr)
            errno = 0
            let length = confstr(name, nil, 0)
            if length == 0 {
                if errno != 0 { throw thread.lastPosixError() }
                return .none
            }
            var buffer = [CChar](repeating: 0, count: length)
            _ = confstr(name, &buffer, length)
            return thread.interpreter.newString(String(cString: buffer))
        }
        for function in ["pathconf", "fpathconf"] {
            define(function) { thread, arguments throws(EvalError) in
                let bound = try arguments.bind(function, [function == "pathconf" ? "path" : "fd", "name"], required: 2)
                let path = try thread.pathArgument(bound[0]!, function: function, allowFD: true)
                let name = try thread.configurationName(bound[1]!, PosixConstantsTable.pathconf)
                errno = 0
                let value: Int
                if let fd = path.fd { value = fpathconf(fd, name) } else { value = try path.withCString { text in pathconf(text, name) } }
                if value == -1 && errno != 0 { throw thread.lastPosixError(path) }
                return .int(value)
            }
        }
    }
}

extension ThreadState {
    /// `os.fspath`: str and bytes as they are, else `__fspath__`'s result.
    func fspath(_ value: Value) throws(EvalError) -> Value {
        if value.as(PyStr.self) != nil || value.as(PyBytes.self) != nil {
            value.retain()
            return value
        }
        guard let result = try callSpecial(value, interpreter.internedString("__fspath__"), []) else {
            throw .typeError("expected str, bytes or os.PathLike object, not \(typeOf(value).name)")
        }
        if result.as(PyStr.self) != nil || result.as(PyBytes.self) != nil { return result }
        let resultType = typeOf(result).name
        result.release()
        throw .typeError("expected \(typeOf(value).name).__fspath__() to return str or bytes, not \(resultType)")
    }

    /// A sysconf/confstr/pathconf name: an int, or a str from the table.
    func configurationName(_ value: Value, _ table: [(String, Int)]) throws(EvalError) -> Int32 {
        if let name = value.as(PyStr.self) {
            let text = name.string
            guard let entry = table.first(where: { $0.0 == text }) else { throw .valueError("unrecognized configuration name") }
            return Int32(entry.1)
        }
        if typeOf(value).slots.index != nil || value.isIntLike { return try cInt(value) }
        throw .typeError("configuration names must be strings or integers")
    }

    /// `n` bytes from the kernel's random source (/dev/urandom), read with
    /// the GIL released for large requests.
    func randomBytes(_ count: Int) throws(EvalError) -> [UInt8] {
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw lastPosixError() }
        defer { close(fd) }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = result.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress! + filled, count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw lastPosixError()
            }
            if got == 0 { throw posixError(EIO) }
            filled += got
        }
        return result
    }
}

extension Value {
    var isIntLike: Bool {
        switch self {
        case .int, .bool: return true
        default: return false
        }
    }
}
