#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `time.struct_time` and its conversions to and from C's `struct tm`, with
// CPython 3.11's checks and messages (Modules/timemodule.c's gettmarg,
// checkbounds and tmtotuple, read for their behaviour).

extension Interpreter {
    static let structTime = StructSequenceDescription(
        fullName: "time.struct_time",
        fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
                 "tm_zone", "tm_gmtoff"],
        visibleCount: 9)

    /// A `struct_time` for a C `tm`.
    func newStructTime(_ time: tm) -> Value {
        let zone: Value = time.tm_zone.map { newString(String(cString: $0)) } ?? .none
        return newStructSequence(structSequenceType(Interpreter.structTime), Interpreter.structTime, [
            .int(Int(time.tm_year) + 1900), .int(Int(time.tm_mon) + 1), .int(Int(time.tm_mday)),
            .int(Int(time.tm_hour)), .int(Int(time.tm_min)), .int(Int(time.tm_sec)),
            .int((Int(time.tm_wday) + 6) % 7), .int(Int(time.tm_yday) + 1), .int(Int(time.tm_isdst)),
            zone, .int(Int(time.tm_gmtoff)),
        ])
    }
}

extension ThreadState {
    /// A `struct_time` or 9-tuple as a C `tm` (gettmarg). `function` names
    /// the caller in the length error.
    func brokenDownTime(_ value: Value, function: String) throws(EvalError) -> tm {
        guard let tuple = value.as(PyTuple.self) else { throw .typeError("Tuple or struct_time argument required") }
        guard tuple.count == 9 else { throw .typeError("\(function)(): illegal time tuple argument") }
        var fields: [Int32] = []
        for item in tuple.items {
            let number = try cLong(item)
            guard let narrow = Int32(exactly: number) else {
                throw .overflowError(number > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum")
            }
            fields.append(narrow)
        }
        var result = tm()
        guard let year = Int32(exactly: Int(fields[0]) - 1900) else { throw .overflowError("year out of range") }
        result.tm_year = year
        result.tm_mon = fields[1] - 1
        result.tm_mday = fields[2]
        result.tm_hour = fields[3]
        result.tm_min = fields[4]
        result.tm_sec = fields[5]
        result.tm_wday = (fields[6] + 1) % 7
        result.tm_yday = fields[7] - 1
        result.tm_isdst = fields[8]
        if typeOf(value) === interpreter.structSequenceType(Interpreter.structTime) {
            if let offset = try lookupAttribute(value, interpreter.internedString("tm_gmtoff")) {
                defer { offset.release() }
                if case .int(let seconds) = offset { result.tm_gmtoff = seconds }
            }
        }
        return result
    }

    /// CPython's checkbounds (strftime, asctime): zero month, day and
    /// day of year mean the first; out-of-range fields are ValueErrors.
    func checkBounds(_ time: inout tm) throws(EvalError) {
        if time.tm_mon == -1 { time.tm_mon = 0 } else if time.tm_mon < 0 || time.tm_mon > 11 {
            throw .valueError("month out of range")
        }
        if time.tm_mday == 0 { time.tm_mday = 1 } else if time.tm_mday < 0 || time.tm_mday > 31 {
            throw .valueError("day of month out of range")
        }
        if time.tm_hour < 0 || time.tm_hour > 23 { throw .valueError("hour out of range") }
        if time.tm_min < 0 || time.tm_min > 59 { throw .valueError("minute out of range") }
        if time.tm_sec < 0 || time.tm_sec > 61 { throw .valueError("seconds out of range") }
        // tm_wday was converted with `(w + 1) % 7`, so a negative one means
        // the argument was below -1.
        if time.tm_wday < 0 { throw .valueError("day of week out of range") }
        if time.tm_yday == -1 { time.tm_yday = 0 } else if time.tm_yday < 0 || time.tm_yday > 365 {
            throw .valueError("day of year out of range")
        }
    }

    /// Seconds for `gmtime`/`localtime`/`ctime` (None: now), as a C
    /// `time_t`, rounded towards minus infinity like CPython.
    func timestampArgument(_ value: Value?) throws(EvalError) -> time_t {
        guard let value, !value.isNone else { return time(nil) }
        if case .float(let seconds) = value {
            if seconds.isNaN { throw .valueError("Invalid value NaN (not a number)") }
            let floored = seconds.rounded(.down)
            guard floored >= -9_223_372_036_854_775_808.0 && floored < 9_223_372_036_854_775_808.0 else {
                throw .overflowError("timestamp out of range for platform time_t")
            }
            return time_t(floored)
        }
        let number = try index(value)
        defer { number.release() }
        guard case .int(let whole) = number else { throw .overflowError("timestamp out of range for platform time_t") }
        return time_t(whole)
    }
}

/// CPython's asctime text: "Thu Jan  1 00:00:00 1970".
enum AscTime {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func text(_ time: tm) -> String {
        func two(_ value: Int32) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }
        let day = String(time.tm_mday)
        let paddedDay = String(repeating: " ", count: max(0, 3 - day.count)) + day
        return "\(weekdays[Int(time.tm_wday)]) \(months[Int(time.tm_mon)])\(paddedDay) "
            + "\(two(time.tm_hour)):\(two(time.tm_min)):\(two(time.tm_sec)) \(Int(time.tm_year) + 1900)"
    }
}
