// The `_bisect` module: binary search and insertion into sorted sequences.

extension Interpreter {
    func makeBisectModule() throws(EvalError) -> Value {
        try makeNativeModule("_bisect", doc: "Bisection algorithms.") { module, define throws(EvalError) in
            for (name, right, insert) in [("bisect_right", true, false), ("bisect_left", false, false),
                                          ("insort_right", true, true), ("insort_left", false, true)] {
                define(name) { thread, arguments throws(EvalError) in
                    let bound = try arguments.bindClassic(name, ["a", "x", "lo", "hi", "key"], required: 2, keywordOnlyFrom: 4)
                    let sequence = bound[0]!
                    let item = bound[1]!
                    let key = bound[4].flatMap { $0.isNone ? nil : $0 }
                    let lo = try bound[2].map { (value) throws(EvalError) in try thread.sizeArgument(value) } ?? 0
                    let hi = try bound[3].flatMap { (value) throws(EvalError) -> Int? in value.isNone ? nil : try thread.sizeArgument(value) }
                    let needle: Value
                    if insert, let key {
                        needle = try thread.call(key, [item])
                    } else {
                        item.retain()
                        needle = item
                    }
                    defer { needle.release() }
                    let position = try thread.bisect(sequence, needle, lo: lo, hi: hi, right: right, key: key)
                    guard insert else { return .int(position) }
                    if let list = sequence.as(PyList.self), thread.typeOf(sequence) === thread.interpreter.types.list {
                        item.retain()
                        list.items.insert(item, at: min(position, list.count))
                    } else {
                        try thread.callMethod(sequence, thread.interpreter.internedString("insert"), [.int(position), item]).release()
                    }
                    return .none
                }
            }
        }
    }
}

extension ThreadState {
    /// The insertion point of `needle` in `sequence[lo:hi]`, after equal
    /// items (`right`) or before them.
    func bisect(_ sequence: Value, _ needle: Value, lo: Int, hi: Int?, right: Bool, key: Value?) throws(EvalError) -> Int {
        if lo < 0 { throw .valueError("lo must be non-negative") }
        var low = lo
        var high: Int
        if let hi { high = hi } else { high = try length(sequence) }
        while low < high {
            let middle = Int(UInt(low + high) / 2)
            let element = try getItem(sequence, .int(middle))
            defer { element.release() }
            var compared = element
            if let key {
                compared = try call(key, [element])
            }
            defer { if key != nil { compared.release() } }
            let goesLeft = right ? try compareBool(needle, compared, .less) : !(try compareBool(compared, needle, .less))
            if goesLeft { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
