// Seconds given as Python numbers, converted to nanoseconds as CPython
// 3.11's `_PyTime_FromSecondsObject` does with `_PyTime_ROUND_TIMEOUT`
// (away from zero), with its exact errors: `time.sleep`, lock timeouts,
// `SimpleQueue.get`.

extension ThreadState {
    /// `seconds` (a float, or an int through `__index__`) in nanoseconds.
    func nanoseconds(fromSeconds seconds: Value) throws(EvalError) -> Int64 {
        if case .float(let value) = seconds {
            return try TimeConversion.nanoseconds(fromSeconds: value)
        }
        let number: Value
        do throws(EvalError) {
            number = try index(seconds)
        } catch {
            throw error
        }
        defer { number.release() }
        guard case .int(let whole) = number else { throw TimeConversion.integerOverflow }
        let (product, overflow) = Int64(whole).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { throw TimeConversion.integerOverflow }
        return product
    }
}

enum TimeConversion {
    static var integerOverflow: EvalError { .overflowError("timestamp too large to convert to C _PyTime_t") }

    /// A float number of seconds in nanoseconds, rounded away from zero.
    static func nanoseconds(fromSeconds value: Double) throws(EvalError) -> Int64 {
        if value.isNaN { throw .valueError("Invalid value NaN (not a number)") }
        var scaled = value * 1e9
        scaled = scaled >= 0 ? scaled.rounded(.up) : scaled.rounded(.down)
        guard scaled >= -9_223_372_036_854_775_808.0 && scaled < 9_223_372_036_854_775_808.0 else {
            throw .overflowError("timestamp out of range for platform time_t")
        }
        return Int64(scaled)
    }
}
