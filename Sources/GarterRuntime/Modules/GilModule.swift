import BigInt
import GarterSystem

// `gil`: Garter's window on its Global Interpreter Lock (docs/gil.md):
// statistics, a Chrome trace of who held it when, and the switch interval
// and convoy fix settings. Not a CPython module.

extension Interpreter {
    func makeGilModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("gil", doc: "Statistics and traces of Garter's Global Interpreter Lock.") { module, define throws(EvalError) in
            define("stats") { thread, arguments throws(EvalError) in
                try arguments.expect("stats", 0...0)
                return thread.interpreter.gilStatisticsValue()
            }
            define("reset") { thread, arguments throws(EvalError) in
                try arguments.expect("reset", 0...0)
                thread.interpreter.gil.resetStatistics()
                return .none
            }
            define("report") { thread, arguments throws(EvalError) in
                try arguments.expect("report", 0...0)
                return thread.interpreter.newString(thread.interpreter.gilStatisticsText())
            }
            define("start_trace") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("start_trace", ["capacity"], required: 0)
                var capacity = 1 << 20
                if let value = bound[0] {
                    capacity = try thread.cLong(value)
                    guard capacity > 0 else { throw .valueError("capacity must be positive") }
                }
                thread.interpreter.gil.startTracing(capacity: capacity)
                return .none
            }
            define("stop_trace") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("stop_trace", ["path"], required: 0)
                let gil = thread.interpreter.gil
                guard gil.isTracing else { throw .runtimeError("no GIL trace is running") }
                let trace = gil.stopTracing()
                let json = ChromeTraceWriter.json(trace)
                guard let path = bound[0], !path.isNone else { return thread.interpreter.newString(json) }
                guard let file = path.stringValue else {
                    throw .typeError("stop_trace() argument 'path' must be str or None, not \(thread.typeOf(path).name)")
                }
                guard FileContents.write(json, toPath: file) else {
                    throw .withArguments("OSError", [thread.interpreter.newString("cannot write GIL trace to '\(file)'")])
                }
                return .int(trace.events.count)
            }
            define("is_tracing") { thread, arguments throws(EvalError) in
                try arguments.expect("is_tracing", 0...0)
                return .bool(thread.interpreter.gil.isTracing)
            }
            define("getswitchinterval") { thread, arguments throws(EvalError) in
                try arguments.expect("getswitchinterval", 0...0)
                return .float(thread.interpreter.switchIntervalSeconds)
            }
            define("setswitchinterval") { thread, arguments throws(EvalError) in
                try arguments.expect("setswitchinterval", 1...1)
                try thread.interpreter.setSwitchInterval(thread, arguments[0])
                return .none
            }
            define("get_convoy_fix") { thread, arguments throws(EvalError) in
                try arguments.expect("get_convoy_fix", 0...0)
                return .bool(thread.interpreter.gil.convoyFixEnabled)
            }
            define("set_convoy_fix") { thread, arguments throws(EvalError) in
                try arguments.expect("set_convoy_fix", 1...1)
                thread.interpreter.gil.convoyFixEnabled = try thread.truth(arguments[0])
                return .none
            }
        }
    }

    // MARK: For `sys` and the command line

    /// `sys.getswitchinterval()`.
    public var switchIntervalSeconds: Double { gil.switchInterval.seconds }

    /// `sys.setswitchinterval(value)`: the argument converted as a float
    /// (CPython's "d" format), then validated; CPython's errors.
    public func setSwitchInterval(_ thread: ThreadState, _ value: Value) throws(EvalError) {
        let seconds: Double
        switch value {
        case .float(let number): seconds = number
        case .int(let number): seconds = Double(number)
        case .bool(let flag): seconds = flag ? 1 : 0
        default:
            guard let converted = try thread.callSpecial(value, names.__float__, []) else {
                if let index = try thread.callSpecial(value, names.__index__, []) {
                    defer { index.release() }
                    guard case .int(let number) = index else {
                        throw .overflowError("int too large to convert to float")
                    }
                    try setSwitchInterval(seconds: Double(number))
                    return
                }
                throw .typeError("must be real number, not \(thread.typeOf(value).name)")
            }
            defer { converted.release() }
            guard case .float(let number) = converted else {
                throw .typeError("\(thread.typeOf(value).name).__float__ returned non-float (type \(thread.typeOf(converted).name))")
            }
            seconds = number
        }
        try setSwitchInterval(seconds: seconds)
    }

    /// The switch interval in seconds, validated as CPython does.
    public func setSwitchInterval(seconds: Double) throws(EvalError) {
        do throws(SwitchIntervalError) {
            gil.switchInterval = try SwitchInterval(seconds: seconds)
        } catch {
            throw .pythonException(error.pythonExceptionName, error.message)
        }
    }

    /// The text `-X gilstats` prints at exit.
    public func gilStatisticsText() -> String {
        GILStatisticsReport.text(gil.statistics())
    }

    /// `gil.stats()`: the numbers of docs/gil.md as a dict.
    func gilStatisticsValue() -> Value {
        let statistics = gil.statistics()
        let dict = newDict()
        for (name, value) in statistics.pythonFields { setItem(dict, name, newInteger(value)) }
        setItem(dict, "holder", statistics.holder.map { .int(Int($0)) } ?? .none)
        var threads: [Value] = []
        for entry in statistics.threads {
            let item = newDict()
            setItem(item, "number", .int(Int(entry.number)))
            setItem(item, "name", newString(entry.name))
            setItem(item, "ident", identValue(entry.ident))
            setItem(item, "alive", .bool(entry.isAlive))
            for (name, value) in entry.counters.pythonFields { setItem(item, name, newInteger(value)) }
            threads.append(.object(ObjectRef(Unmanaged.passUnretained(item))))
        }
        setItem(dict, "threads", newList(threads))
        var buckets: [Value] = []
        for (index, count) in statistics.waitHistogram.counts.enumerated() {
            let bound: Value = WaitTimeHistogram.upperBound(of: index).map { newInteger($0) } ?? .none
            buckets.append(newTuple([bound, newInteger(count)]))
        }
        setItem(dict, "wait_histogram", newList(buckets))
        let blocking = newDict()
        for entry in statistics.blocking {
            setItem(blocking, entry.reason.name, newTuple([newInteger(entry.regions), newInteger(entry.nanoseconds)]))
        }
        setItem(dict, "blocking", .object(ObjectRef(Unmanaged.passUnretained(blocking))))
        return .object(ObjectRef(Unmanaged.passUnretained(dict)))
    }

    func newInteger(_ value: UInt64) -> Value {
        value <= UInt64(Int.max) ? .int(Int(value)) : integerValue(BigInt(value))
    }
}
