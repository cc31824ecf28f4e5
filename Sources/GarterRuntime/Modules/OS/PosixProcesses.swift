#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `posix` process functions: fork (with the `register_at_fork` hooks and
// the GIL made whole again in the child), exec, waiting (which releases
// the GIL, reason `.waitpid`), the wait-status helpers, signals to other
// processes, `_exit` and `system`.

/// The wait-status macros of <sys/wait.h> (Linux's encoding), which Swift
/// does not import.
enum WaitStatus {
    static func exited(_ status: Int32) -> Bool { status & 0x7f == 0 }
    static func exitStatus(_ status: Int32) -> Int32 { (status >> 8) & 0xff }
    static func signaled(_ status: Int32) -> Bool { (Int8(truncatingIfNeeded: (status & 0x7f) + 1) >> 1) > 0 }
    static func termSignal(_ status: Int32) -> Int32 { status & 0x7f }
    static func stopped(_ status: Int32) -> Bool { status & 0xff == 0x7f }
    static func continued(_ status: Int32) -> Bool { status == 0xffff }
    static func coreDumped(_ status: Int32) -> Bool { status & 0x80 != 0 }
}

extension Interpreter {
    func definePosixProcessFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void, hooks: ForkHooks) {
        define("register_at_fork") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("register_at_fork", ["before", "after_in_child", "after_in_parent"],
                                           required: 0, keywordOnlyFrom: 0)
            if bound.allSatisfy({ $0 == nil }) { throw .typeError("At least one argument is required.") }
            for (index, name) in ["before", "after_in_child", "after_in_parent"].enumerated() {
                guard let callable = bound[index], !callable.isNone else { continue }
                if thread.typeOf(callable).slots.call == nil {
                    throw .typeError("'\(name)' must be callable, not \(thread.typeOf(callable).name)")
                }
            }
            for (index, list) in [hooks.before, hooks.afterInChild, hooks.afterInParent].enumerated() {
                guard let callable = bound[index], !callable.isNone else { continue }
                callable.retain()
                list.as(PyList.self)!.items.append(callable)
            }
            return .none
        }
        define("fork") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.fork", 0...0)
            let pid = thread.forkWithHooks(hooks)
            guard pid >= 0 else { throw thread.lastPosixError() }
            return .int(Int(pid))
        }
        define("waitpid") { thread, arguments throws(EvalError) in
            try arguments.expectClassic("waitpid", 2)
            let pid = pid_t(try thread.cInt(arguments[0]))
            let options = try thread.cInt(arguments[1])
            let (result, status) = try thread.waitForChild(pid, options: options)
            return thread.interpreter.newTuple([.int(Int(result)), .int(Int(status))])
        }
        define("wait") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.wait", 0...0)
            let (result, status) = try thread.waitForChild(-1, options: 0)
            return thread.interpreter.newTuple([.int(Int(result)), .int(Int(status))])
        }
        define("waitstatus_to_exitcode") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("waitstatus_to_exitcode", ["status"], required: 1)
            let status = try thread.cInt(bound[0]!)
            if WaitStatus.exited(status) { return .int(Int(WaitStatus.exitStatus(status))) }
            if WaitStatus.signaled(status) { return .int(-Int(WaitStatus.termSignal(status))) }
            if WaitStatus.stopped(status) {
                throw .valueError("process stopped by delivery of signal \(WaitStatus.exitStatus(status))")
            }
            throw .valueError("invalid wait status: \(status)")
        }
        let statusFunctions: [(String, (Int32) -> Value)] = [
            ("WIFEXITED", { .bool(WaitStatus.exited($0)) }),
            ("WEXITSTATUS", { .int(Int(WaitStatus.exitStatus($0))) }),
            ("WIFSIGNALED", { .bool(WaitStatus.signaled($0)) }),
            ("WTERMSIG", { .int(Int(WaitStatus.termSignal($0))) }),
            ("WIFSTOPPED", { .bool(WaitStatus.stopped($0)) }),
            ("WSTOPSIG", { .int(Int(WaitStatus.exitStatus($0))) }),
            ("WIFCONTINUED", { .bool(WaitStatus.continued($0)) }),
            ("WCOREDUMP", { .bool(WaitStatus.coreDumped($0)) }),
        ]
        for (name, body) in statusFunctions {
            define(name) { thread, arguments throws(EvalError) in
                let bound = try arguments.bind(name, ["status"], required: 1)
                return body(try thread.cInt(bound[0]!))
            }
        }
        define("kill") { thread, arguments throws(EvalError) in
            try arguments.expectClassic("kill", 2)
            let pid = pid_t(try thread.cInt(arguments[0])), signal = try thread.cInt(arguments[1])
            guard kill(pid, signal) == 0 else { throw thread.lastPosixError() }
            if thread.evalBreaker.contains(.signalsPending) { try thread.interpreter.handlePendingSignals(thread) }
            return .none
        }
        define("killpg") { thread, arguments throws(EvalError) in
            try arguments.expectClassic("killpg", 2)
            let group = pid_t(try thread.cInt(arguments[0])), signal = try thread.cInt(arguments[1])
            guard killpg(group, signal) == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("_exit") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("_exit", ["status"], required: 1)
            _exit(try thread.cInt(bound[0]!))
        }
        define("execv") { thread, arguments throws(EvalError) in
            try arguments.expect("execv", 2...2)
            let path = try thread.pathArgument(arguments[0], function: "execv")
            let argv = try thread.execArguments(arguments[1], function: "execv")
            try thread.execute(path, argv, environment: nil)
        }
        define("execve") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("execve", ["path", "argv", "env"], required: 3)
            let path = try thread.pathArgument(bound[0]!, function: "execve")
            let argv = try thread.execArguments(bound[1]!, function: "execve")
            let environment = try thread.environmentList(bound[2]!)
            try thread.execute(path, argv, environment: environment)
        }
        define("system") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("system", ["command"], required: 1)
            var command = PathArgument()
            command.bytes = try thread.fileSystemBytes(bound[0]!)
            let status = try command.withCString { text in
                thread.interpreter.gil.blocking(thread.gilThread, reason: .waitpid) { runShellCommand(text) }
            }
            return .int(Int(status))
        }
    }
}

/// The callables `register_at_fork` collected: three lists (owned by the
/// module, which keeps them in its dict as `_fork_hooks`).
struct ForkHooks {
    let before: Value
    let afterInChild: Value
    let afterInParent: Value
}

extension ThreadState {
    /// fork() between the registered hooks (before: newest first; after:
    /// oldest first), as CPython's PyOS_BeforeFork/AfterFork_*. Errors in
    /// hooks are reported, not raised. Returns fork's result.
    func forkWithHooks(_ hooks: ForkHooks) -> pid_t {
        runForkHooks(hooks.before, reversed: true)
        let gil = interpreter.gil
        gil.prepareFork()
        let pid = fork()
        if pid == 0 {
            gil.afterForkChild(gilThread)
            interpreter.threadRegistry.afterForkChild(self)
            runForkHooks(hooks.afterInChild, reversed: false)
        } else {
            let code = errno
            gil.afterForkParent()
            runForkHooks(hooks.afterInParent, reversed: false)
            errno = code
        }
        return pid
    }

    func runForkHooks(_ list: Value, reversed: Bool) {
        let items = list.as(PyList.self)!.items
        for item in items { item.retain() }
        defer { for item in items { item.release() } }
        for callable in reversed ? items.reversed() : items {
            do {
                let result = try call(callable, [])
                result.release()
            } catch {
                reportUnraisable(error, context: "Exception ignored in: ", object: (try? reprText(callable)) ?? "fork hook")
            }
        }
    }

    /// waitpid(2) in a `.waitpid` blocking region, again after signals.
    func waitForChild(_ pid: pid_t, options: Int32) throws(EvalError) -> (pid_t, Int32) {
        var status: Int32 = 0
        let result = try retryingOnInterrupt { () -> (pid_t, failed: Bool) in
            let result = interpreter.gil.blocking(gilThread, reason: .waitpid) { waitpid(pid, &status, options) }
            return (result, result < 0)
        }
        guard result >= 0 else { throw lastPosixError() }
        return (result, status)
    }

    /// The argv of execv/execve as C strings.
    func execArguments(_ value: Value, function: String) throws(EvalError) -> [[UInt8]] {
        guard value.as(PyTuple.self) != nil || value.as(PyList.self) != nil else {
            throw .typeError("\(function)() arg 2 must be a tuple or list")
        }
        let items = try collect(value)
        defer { for item in items { item.release() } }
        if items.isEmpty { throw .valueError("\(function)() arg 2 must not be empty") }
        var result: [[UInt8]] = []
        for item in items {
            result.append(try fileSystemBytes(item))
        }
        if result[0].isEmpty { throw .valueError("\(function)() arg 2 first element cannot be empty") }
        return result
    }

    /// "KEY=VALUE" strings of an environment mapping (execve's env).
    func environmentList(_ mapping: Value) throws(EvalError) -> [[UInt8]] {
        guard let keys = try lookupAttribute(mapping, interpreter.internedString("keys")) else {
            throw .typeError("execve: environment must be a mapping object")
        }
        keys.release()
        var result: [[UInt8]] = []
        try forEach(mapping) { (key) throws(EvalError) in
            let value = try getItem(mapping, key)
            defer { value.release() }
            let name = try fileSystemBytes(key)
            if name.isEmpty || name.contains(0x3D) { throw .valueError("illegal environment variable name") }
            result.append(name + [0x3D] + (try fileSystemBytes(value)))
        }
        return result
    }

    /// execv/execve: only returns by throwing.
    func execute(_ path: PathArgument, _ argv: [[UInt8]], environment: [[UInt8]]?) throws(EvalError) -> Never {
        let arguments = CStringArray(argv)
        defer { arguments.free() }
        let variables = environment.map(CStringArray.init)
        defer { variables?.free() }
        try path.withCString { name in
            if let variables {
                _ = execve(name, arguments.pointers, variables.pointers)
            } else {
                _ = execv(name, arguments.pointers)
            }
        }
        throw lastPosixError()
    }
}

/// A NULL-terminated array of C strings in malloc'd memory, for exec and
/// for a forked child (which must not allocate).
struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [[UInt8]]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, bytes) in strings.enumerated() {
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (offset, byte) in bytes.enumerated() { copy[offset] = CChar(bitPattern: byte) }
            copy[bytes.count] = 0
            pointers[index] = copy
        }
        pointers[strings.count] = nil
    }

    func free() {
        for index in 0..<count { pointers[index]?.deallocate() }
        pointers.deallocate()
    }
}

extension ThreadRegistry {
    /// In a forked child: the forking thread is the only one, and the main
    /// thread from now on (as in CPython, where signals then go to it).
    func afterForkChild(_ thread: ThreadState) {
        let wasStarted = mainThread !== thread
        mainThread = thread
        // A thread `_thread` started still ends through `threadEnded`,
        // which counts it out.
        startedThreadCount = wasStarted ? 1 : 0
        runningThreads = runningThreads.filter { $0.key == ObjectIdentifier(thread) }
    }
}

/// C's system(3) (the module's own `system` shares its name).
func runShellCommand(_ command: UnsafePointer<CChar>) -> Int32 {
    #if canImport(Glibc)
    Glibc.system(command)
    #else
    Darwin.system(command)
    #endif
}
