#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `time`: clocks, `sleep` (which releases the GIL, DESIGN.md S4), and the
// calendar functions over C's `struct tm` (Modules/Time/BrokenDownTime.swift).

/// The clocks `time` reads, with what `get_clock_info` says of them.
enum PythonClock: String, CaseIterable {
    case time, monotonic, perf_counter, process_time, thread_time

    var clockID: clockid_t {
        switch self {
        case .time: return CLOCK_REALTIME
        case .monotonic, .perf_counter: return CLOCK_MONOTONIC
        case .process_time: return CLOCK_PROCESS_CPUTIME_ID
        case .thread_time: return CLOCK_THREAD_CPUTIME_ID
        }
    }

    var implementation: String {
        switch self {
        case .time: return "clock_gettime(CLOCK_REALTIME)"
        case .monotonic, .perf_counter: return "clock_gettime(CLOCK_MONOTONIC)"
        case .process_time: return "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"
        case .thread_time: return "clock_gettime(CLOCK_THREAD_CPUTIME_ID)"
        }
    }

    var nanoseconds: Int64 { PythonClock.read(clockID) }

    static func read(_ clock: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)
    }

    /// Nanoseconds as float seconds, as `_PyTime_AsSecondsDouble` rounds.
    static func seconds(_ nanoseconds: Int64) -> Double {
        if nanoseconds % 1_000_000_000 == 0 { return Double(nanoseconds / 1_000_000_000) }
        return Double(nanoseconds) / 1e9
    }
}

extension Interpreter {
    func makeTimeModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("time", doc: "This module provides various functions to manipulate time values.") { module, define throws(EvalError) in
            let dict = module.dict
            let structTime = structSequenceType(Interpreter.structTime)
            structTime.incref()
            setItem(dict, "struct_time", structTime.value)
            setItem(dict, "_STRUCT_TM_ITEMS", .int(11))
            for (name, clock) in [("CLOCK_REALTIME", CLOCK_REALTIME), ("CLOCK_MONOTONIC", CLOCK_MONOTONIC),
                                  ("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID),
                                  ("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID)] {
                setItem(dict, name, .int(Int(clock)))
            }
            #if os(Linux)
            setItem(dict, "CLOCK_MONOTONIC_RAW", .int(Int(CLOCK_MONOTONIC_RAW)))
            setItem(dict, "CLOCK_BOOTTIME", .int(Int(CLOCK_BOOTTIME)))
            setItem(dict, "CLOCK_TAI", .int(11))
            #endif
            setTimeZoneAttributes(dict)

            for clock in PythonClock.allCases {
                define(clock.rawValue) { _, arguments throws(EvalError) in
                    try arguments.expect(clock.rawValue, 0...0)
                    return .float(PythonClock.seconds(clock.nanoseconds))
                }
                define(clock.rawValue + "_ns") { _, arguments throws(EvalError) in
                    try arguments.expect(clock.rawValue + "_ns", 0...0)
                    return .int(Int(clock.nanoseconds))
                }
            }
            define("clock_gettime") { thread, arguments throws(EvalError) in
                try arguments.expect("clock_gettime", 1...1)
                let clock = try thread.clockArgument(arguments[0])
                return .float(PythonClock.seconds(PythonClock.read(clock)))
            }
            define("clock_gettime_ns") { thread, arguments throws(EvalError) in
                try arguments.expect("clock_gettime_ns", 1...1)
                return .int(Int(PythonClock.read(try thread.clockArgument(arguments[0]))))
            }
            define("clock_getres") { thread, arguments throws(EvalError) in
                try arguments.expect("clock_getres", 1...1)
                var resolution = timespec()
                guard clock_getres(try thread.clockArgument(arguments[0]), &resolution) == 0 else {
                    throw thread.interpreter.osError(errno)
                }
                return .float(Double(resolution.tv_sec) + Double(resolution.tv_nsec) * 1e-9)
            }
            define("clock_settime") { thread, arguments throws(EvalError) in
                try arguments.expect("clock_settime", 2...2)
                let clock = try thread.clockArgument(arguments[0])
                let nanoseconds = try thread.nanoseconds(fromSeconds: arguments[1])
                try thread.interpreter.setClock(clock, nanoseconds: nanoseconds)
                return .none
            }
            define("clock_settime_ns") { thread, arguments throws(EvalError) in
                try arguments.expect("clock_settime_ns", 2...2)
                let clock = try thread.clockArgument(arguments[0])
                let value = try thread.index(arguments[1])
                defer { value.release() }
                guard case .int(let nanoseconds) = value else { throw TimeConversion.integerOverflow }
                try thread.interpreter.setClock(clock, nanoseconds: Int64(nanoseconds))
                return .none
            }
            define("pthread_getcpuclockid") { thread, arguments throws(EvalError) in
                try arguments.expect("pthread_getcpuclockid", 1...1)
                let ident = try thread.identArgument(arguments[0])
                var clock = clockid_t()
                #if canImport(Darwin)
                throw .pythonException("NotImplementedError", "pthread_getcpuclockid")
                #else
                let status = pthread_getcpuclockid(pthread_t(ident), &clock)
                guard status == 0 else { throw thread.interpreter.osError(status) }
                return .int(Int(clock))
                #endif
            }
            define("get_clock_info") { thread, arguments throws(EvalError) in
                try arguments.expect("get_clock_info", 1...1)
                guard let name = arguments[0].stringValue else {
                    throw .typeError("get_clock_info() argument must be str, not \(thread.typeOf(arguments[0]).name)")
                }
                guard let clock = PythonClock(rawValue: name) else { throw .valueError("unknown clock") }
                var resolution = timespec()
                clock_getres(clock.clockID, &resolution)
                let interpreter = thread.interpreter
                return interpreter.newSimpleNamespace([
                    ("implementation", interpreter.newString(clock.implementation)),
                    ("monotonic", .bool(clock != .time)),
                    ("adjustable", .bool(clock == .time)),
                    ("resolution", .float(Double(resolution.tv_sec) + Double(resolution.tv_nsec) * 1e-9)),
                ])
            }
            define("sleep") { thread, arguments throws(EvalError) in
                try arguments.expect("sleep", 1...1)
                let duration = try thread.nanoseconds(fromSeconds: arguments[0])
                if duration < 0 { throw .valueError("sleep length must be non-negative") }
                try thread.sleep(nanoseconds: UInt64(duration))
                return .none
            }
            define("gmtime") { thread, arguments throws(EvalError) in
                try arguments.expect("gmtime", 0...1)
                var seconds = try thread.timestampArgument(arguments.positionalCount > 0 ? arguments[0] : nil)
                var result = tm()
                guard gmtime_r(&seconds, &result) != nil else { throw thread.interpreter.osError(errno) }
                return thread.interpreter.newStructTime(result)
            }
            define("localtime") { thread, arguments throws(EvalError) in
                try arguments.expect("localtime", 0...1)
                var seconds = try thread.timestampArgument(arguments.positionalCount > 0 ? arguments[0] : nil)
                var result = tm()
                guard localtime_r(&seconds, &result) != nil else { throw thread.interpreter.osError(errno) }
                return thread.interpreter.newStructTime(result)
            }
            define("mktime") { thread, arguments throws(EvalError) in
                try arguments.expect("mktime", 1...1)
                var broken = try thread.brokenDownTime(arguments[0], function: "mktime")
                broken.tm_wday = -1
                let result = mktime(&broken)
                if result == -1 && broken.tm_wday == -1 { throw .overflowError("mktime argument out of range") }
                return .float(Double(result))
            }
            define("asctime") { thread, arguments throws(EvalError) in
                try arguments.expect("asctime", 0...1)
                var broken: tm
                if arguments.positionalCount > 0 {
                    broken = try thread.brokenDownTime(arguments[0], function: "asctime")
                    try thread.checkBounds(&broken)
                } else {
                    var now = time(nil)
                    broken = tm()
                    localtime_r(&now, &broken)
                }
                return thread.interpreter.newString(AscTime.text(broken))
            }
            define("ctime") { thread, arguments throws(EvalError) in
                try arguments.expect("ctime", 0...1)
                var seconds = try thread.timestampArgument(arguments.positionalCount > 0 ? arguments[0] : nil)
                var broken = tm()
                guard localtime_r(&seconds, &broken) != nil else { throw thread.interpreter.osError(errno) }
                return thread.interpreter.newString(AscTime.text(broken))
            }
            define("strftime") { thread, arguments throws(EvalError) in
                try arguments.expect("strftime", 1...2)
                guard let format = arguments[0].stringValue else {
                    throw .typeError("strftime() argument 1 must be str, not \(thread.typeOf(arguments[0]).name)")
                }
                var broken: tm
                if arguments.positionalCount > 1 {
                    broken = try thread.brokenDownTime(arguments[1], function: "strftime")
                    try thread.checkBounds(&broken)
                    if broken.tm_isdst < -1 { broken.tm_isdst = -1 } else if broken.tm_isdst > 1 { broken.tm_isdst = 1 }
                } else {
                    var now = time(nil)
                    broken = tm()
                    localtime_r(&now, &broken)
                }
                return thread.interpreter.newString(Interpreter.formatTime(format, broken))
            }
            define("strptime") { thread, arguments throws(EvalError) in
                let module = try thread.importModule("_strptime", globals: nil, fromList: .none, level: 0)
                defer { module.release() }
                let function = try thread.getAttribute(module, "_strptime_time")
                defer { function.release() }
                return try thread.call(function, arguments)
            }
            define("tzset") { thread, arguments throws(EvalError) in
                try arguments.expect("tzset", 0...0)
                tzset()
                if let module = thread.interpreter.modules.lookup(name: "time")?.as(PyModule.self) {
                    thread.interpreter.setTimeZoneAttributes(module.dict)
                }
                return .none
            }
        }
    }

    /// `timezone`, `altzone`, `daylight` and `tzname`, from January and July
    /// of the current year as CPython's init_timezone computes them.
    func setTimeZoneAttributes(_ dict: PyDict) {
        tzset()
        var now = time(nil)
        var today = tm()
        localtime_r(&now, &today)
        func probe(month: Int32) -> (offset: Int, name: String) {
            var broken = tm()
            broken.tm_year = today.tm_year
            broken.tm_mon = month
            broken.tm_mday = 1
            broken.tm_isdst = -1
            var seconds = timegm(&broken)
            var local = tm()
            localtime_r(&seconds, &local)
            return (-Int(local.tm_gmtoff), local.tm_zone.map { String(cString: $0) } ?? "")
        }
        let january = probe(month: 0), july = probe(month: 6)
        let (standard, daylight) = january.offset < july.offset ? (july, january) : (january, july)
        setItem(dict, "timezone", .int(standard.offset))
        setItem(dict, "altzone", .int(daylight.offset))
        setItem(dict, "daylight", .int(january.offset != july.offset ? 1 : 0))
        setItem(dict, "tzname", newTuple([newString(standard.name), newString(daylight.name)]))
    }

    /// C `strftime` with a growing buffer (an empty result is legitimate).
    static func formatTime(_ format: String, _ time: tm) -> String {
        if format.isEmpty { return "" }
        var broken = time
        var capacity = 1024
        let limit = max(256 * format.utf8.count, 1024)
        while true {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            let length = strftime(buffer, capacity, format, &broken)
            if length > 0 || capacity >= limit {
                return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
            }
            capacity *= 2
        }
    }

    /// `clock_settime` (seconds rounded towards minus infinity, as CPython).
    func setClock(_ clock: clockid_t, nanoseconds: Int64) throws(EvalError) {
        var seconds = nanoseconds / 1_000_000_000, remainder = nanoseconds % 1_000_000_000
        if remainder < 0 { seconds -= 1; remainder += 1_000_000_000 }
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int(remainder))
        guard clock_settime(clock, &time) == 0 else { throw osError(errno) }
    }

    /// OSError(errno, strerror) as CPython raises it.
    func osError(_ code: Int32) -> EvalError {
        .withArguments("OSError", [.int(Int(code)), newString(String(cString: strerror(code)))])
    }
}

extension ThreadState {
    func clockArgument(_ value: Value) throws(EvalError) -> clockid_t {
        let number = try cLong(value)
        guard let clock = Int32(exactly: number) else { throw .overflowError("signed integer is greater than maximum") }
        return clockid_t(clock)
    }

    /// `time.sleep`: nanosleep in a `.sleep` blocking region (so other
    /// threads run meanwhile), resumed after signals until the deadline.
    func sleep(nanoseconds duration: UInt64) throws(EvalError) {
        let gil = interpreter.gil
        let deadline = GIL.adding(duration, to: MonotonicClock.nanoseconds())
        var remaining = duration
        while true {
            let interrupted = gil.blocking(gilThread, reason: .sleep) { () -> Bool in
                var request = timespec(tv_sec: Int(remaining / 1_000_000_000), tv_nsec: Int(remaining % 1_000_000_000))
                return nanosleep(&request, nil) == -1 && errno == EINTR
            }
            if !interrupted { return }
            if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
            let now = MonotonicClock.nanoseconds()
            if now >= deadline { return }
            remaining = deadline - now
        }
    }
}
