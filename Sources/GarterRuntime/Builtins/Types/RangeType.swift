import BigInt

// `range` and its iterators. Word-sized ranges take the fast paths of
// `PyRange.small`; others compute with big ints, as CPython's range does
// with Python ints.

extension Interpreter {
    func installRangeType() {
        let range = types.other("range", flags: [.sequence])
        var slots = TypeSlots()
        slots.new = { thread, _, arguments throws(EvalError) in
            try arguments.rejectKeywords("range")
            switch arguments.positionalCount {
            case 0: throw .typeError("range expected at least 1 argument, got 0")
            case 1...3: break
            default: throw .typeError("range expected at most 3 arguments, got \(arguments.positionalCount)")
            }
            var bounds: [Value] = []
            defer { for bound in bounds { bound.release() } }
            for index in 0..<arguments.positionalCount { bounds.append(try thread.index(arguments[index])) }
            let type = thread.interpreter.types.other("range")
            if bounds.allSatisfy({ if case .int = $0 { true } else { false } }) {
                let words = bounds.map { if case .int(let number) = $0 { number } else { 0 } }
                let (start, stop, step) = words.count == 1 ? (0, words[0], 1)
                    : (words[0], words[1], words.count == 3 ? words[2] : 1)
                if step == 0 { throw .valueError("range() arg 3 must not be zero") }
                return .object(ObjectRef.allocate(PyRange(start: start, stop: stop, step: step, type: type)))
            }
            let numbers = bounds.map(Arithmetic.bigInteger)
            let (start, stop, step) = numbers.count == 1 ? (BigInt(0), numbers[0], BigInt(1))
                : (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : BigInt(1))
            if step == 0 { throw .valueError("range() arg 3 must not be zero") }
            return .object(ObjectRef.allocate(PyRange(start: start, stop: stop, step: step, type: type)))
        }
        slots.iterate = { thread, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            return thread.interpreter.rangeIterator(start: range.start, step: range.step, count: range.length)
        }
        slots.length = { _, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            if let small = range.small { return small.count }
            guard let count = Int(exactly: range.length) else {
                throw .overflowError("Python int too large to convert to C ssize_t")
            }
            return count
        }
        slots.bool = { _, value throws(EvalError) in value.as(PyRange.self)!.length != 0 }
        slots.getItem = { thread, value, key throws(EvalError) in
            let range = value.as(PyRange.self)!
            if let slice = key.as(PySlice.self) { return try thread.sliceRange(range, slice) }
            if let small = range.small, case .int(var index) = key {
                if index < 0 { index += small.count }
                guard index >= 0 && index < small.count else { throw .indexError("range object index out of range") }
                return .int(small.start &+ index &* small.step)
            }
            guard thread.typeOf(key).slots.index != nil || key.as(PyLong.self) != nil || key.isBoolOrInt else {
                throw .typeError("range indices must be integers or slices, not \(thread.typeOf(key).name)")
            }
            let number = try thread.index(key)
            defer { number.release() }
            var index = Arithmetic.bigInteger(number)
            if index < 0 { index += range.length }
            guard index >= 0 && index < range.length else { throw .indexError("range object index out of range") }
            return thread.interpreter.integerValue(range.item(at: index))
        }
        slots.contains = { thread, value, item throws(EvalError) in
            let range = value.as(PyRange.self)!
            if let position = thread.rangePosition(range, of: item) { return position >= 0 }
            return try thread.rangeSearch(range, item) != nil
        }
        slots.repr = { thread, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            let step = range.step == 1 ? "" : ", \(range.step)"
            return thread.interpreter.newString("range(\(range.start), \(range.stop)\(step))")
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual,
                  let a = left.as(PyRange.self), let b = right.as(PyRange.self) else {
                return thread.notImplemented()
            }
            let same = a === b || (a.length == b.length
                && (a.length == 0 || (a.start == b.start && (a.length == 1 || a.step == b.step))))
            return .bool(operation == .equal ? same : !same)
        }
        slots.hash = { thread, value throws(EvalError) in
            // CPython hashes (len, start, step), with None for what does not matter.
            let range = value.as(PyRange.self)!
            let interpreter = thread.interpreter
            let key = interpreter.newTuple([
                interpreter.integerValue(range.length),
                range.length == 0 ? .none : interpreter.integerValue(range.start),
                range.length < 2 ? .none : interpreter.integerValue(range.step),
            ])
            defer { key.release() }
            return try thread.hash(key)
        }
        range.installSlots(slots, self)
        for (name, key) in [("start", \PyRange.start), ("stop", \PyRange.stop), ("step", \PyRange.step)] {
            range.defineAttribute(name, self, get: { thread, value throws(EvalError) in
                thread.interpreter.integerValue(value.as(PyRange.self)![keyPath: key])
            })
        }
        range.define("index", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("index", 1...1)
            let range = value.as(PyRange.self)!
            if let position = thread.rangePosition(range, of: arguments[0]) {
                guard position >= 0 else { throw .valueError("\(try thread.reprText(arguments[0])) is not in range") }
                return thread.interpreter.integerValue(position)
            }
            guard let found = try thread.rangeSearch(range, arguments[0]) else {
                throw .valueError("sequence.index(x): x not in sequence")
            }
            return thread.interpreter.integerValue(found)
        }
        range.define("count", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("count", 1...1)
            let range = value.as(PyRange.self)!
            if let position = thread.rangePosition(range, of: arguments[0]) { return .int(position >= 0 ? 1 : 0) }
            // Not an int: every equal number counts (3.0 equals 3).
            var count = 0
            let iterator = try thread.iterate(value)
            defer { iterator.release() }
            while let number = try thread.next(iterator) {
                defer { number.release() }
                if try thread.equal(number, arguments[0]) { count += 1 }
            }
            return .int(count)
        }
        range.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reversed__", 0...0)
            let range = value.as(PyRange.self)!
            let last = range.length == 0 ? range.start : range.item(at: range.length - 1)
            return thread.interpreter.rangeIterator(start: last, step: -range.step, count: range.length)
        }
        range.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
            let range = value.as(PyRange.self)!
            let interpreter = thread.interpreter
            let type = thread.typeOf(value)
            type.incref()
            return interpreter.newTuple([type.value, interpreter.newTuple([
                interpreter.integerValue(range.start), interpreter.integerValue(range.stop), interpreter.integerValue(range.step)])])
        }
        setItem(builtins, "range", range.value)
        installRangeIteratorTypes()
    }

    /// An iterator over `count` numbers from `start` by `step`: the
    /// word-sized `range_iterator` when every number fits a word.
    func rangeIterator(start: BigInt, step: BigInt, count: BigInt) -> Value {
        if let first = Int(exactly: start), let stride = Int(exactly: step), let total = Int(exactly: count),
           total == 0 || Int(exactly: start + (count - 1) * step) != nil {
            return .object(ObjectRef.allocate(PyRangeIterator(start: first, step: stride, count: total,
                                                              type: types.other("range_iterator"))))
        }
        return .object(ObjectRef.allocate(PyLongRangeIterator(start: start, step: step, count: count,
                                                              type: types.other("longrange_iterator"))))
    }

    private func installRangeIteratorTypes() {
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { _, value throws(EvalError) in
            let iterator = value.as(PyRangeIterator.self)!
            guard iterator.remaining > 0 else { return nil }
            iterator.remaining -= 1
            let current = iterator.next
            iterator.next = current &+ iterator.step
            return .int(current)
        }
        let wordIterator = types.other("range_iterator")
        wordIterator.installSlots(slots, self)
        wordIterator.define("__length_hint__", self) { _, value, _ throws(EvalError) in
            .int(value.as(PyRangeIterator.self)!.remaining)
        }
        wordIterator.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let iterator = value.as(PyRangeIterator.self)!
            return try thread.rangeIteratorReduction(start: BigInt(iterator.start), step: BigInt(iterator.step),
                                                     count: BigInt(iterator.count),
                                                     taken: BigInt(iterator.count - iterator.remaining))
        }
        wordIterator.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            let iterator = value.as(PyRangeIterator.self)!
            let state = try thread.index(arguments[0])
            defer { state.release() }
            let taken = Int(clamping: min(max(Arithmetic.bigInteger(state), 0), BigInt(iterator.count)))
            iterator.remaining = iterator.count - taken
            iterator.next = iterator.start &+ taken &* iterator.step
            return .none
        }

        var longSlots = TypeSlots()
        longSlots.iterate = slots.iterate
        longSlots.next = { thread, value throws(EvalError) in
            let iterator = value.as(PyLongRangeIterator.self)!
            guard iterator.taken < iterator.count else { return nil }
            let current = iterator.start + iterator.taken * iterator.step
            iterator.taken += 1
            return thread.interpreter.integerValue(current)
        }
        let bigIterator = types.other("longrange_iterator")
        bigIterator.installSlots(longSlots, self)
        bigIterator.define("__length_hint__", self) { thread, value, _ throws(EvalError) in
            let iterator = value.as(PyLongRangeIterator.self)!
            return thread.interpreter.integerValue(iterator.count - iterator.taken)
        }
        bigIterator.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let iterator = value.as(PyLongRangeIterator.self)!
            return try thread.rangeIteratorReduction(start: iterator.start, step: iterator.step, count: iterator.count,
                                                     taken: iterator.taken)
        }
        bigIterator.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            let iterator = value.as(PyLongRangeIterator.self)!
            let state = try thread.index(arguments[0])
            defer { state.release() }
            iterator.taken = min(max(Arithmetic.bigInteger(state), 0), iterator.count)
            return .none
        }
    }
}

extension ThreadState {
    /// For an int (or bool) `item`: its position in `range`, or -1 when
    /// absent. Nil for other objects, which are searched for by equality.
    func rangePosition(_ range: PyRange, of item: Value) -> BigInt? {
        guard item.isBoolOrInt || (item.as(PyLong.self) != nil && typeOf(item) === interpreter.types.int) else {
            return nil
        }
        if let small = range.small, case .int(let number) = item {
            let inside = small.step > 0 ? (number >= small.start && number < small.stop)
                                        : (number <= small.start && number > small.stop)
            guard inside else { return -1 }
            let offset = number &- small.start
            return offset % small.step == 0 ? BigInt(offset / small.step) : -1
        }
        let number = Arithmetic.bigInteger(item)
        let inside = range.step > 0 ? (number >= range.start && number < range.stop)
                                    : (number <= range.start && number > range.stop)
        guard inside else { return -1 }
        let (quotient, remainder) = (number - range.start).quotientAndRemainder(dividingBy: range.step)
        return remainder == 0 ? quotient : -1
    }

    /// The first position whose number equals `item` (`3.0 in range(5)`).
    func rangeSearch(_ range: PyRange, _ item: Value) throws(EvalError) -> BigInt? {
        var position = BigInt(0)
        while position < range.length {
            let number = interpreter.integerValue(range.item(at: position))
            defer { number.release() }
            if try equal(number, item) { return position }
            position += 1
        }
        return nil
    }

    /// `range[slice]`: another range (CPython's compute_slice, with
    /// `_PySlice_GetLongIndices` so that any length works).
    func sliceRange(_ range: PyRange, _ slice: PySlice) throws(EvalError) -> Value {
        func bound(_ value: Value) throws(EvalError) -> BigInt? {
            if value.isNone { return nil }
            guard typeOf(value).slots.index != nil || value.as(PyLong.self) != nil || value.isBoolOrInt else {
                throw .typeError("slice indices must be integers or None or have an __index__ method")
            }
            let number = try index(value)
            defer { number.release() }
            return Arithmetic.bigInteger(number)
        }
        let step = try bound(slice.step) ?? 1
        if step == 0 { throw .valueError("slice step cannot be zero") }
        let length = range.length
        let (lower, upper): (BigInt, BigInt) = step < 0 ? (-1, length - 1) : (0, length)
        func clamp(_ value: BigInt?, default fallback: BigInt) -> BigInt {
            guard var value else { return fallback }
            if value < 0 {
                value += length
                return value < lower ? lower : value
            }
            return value > upper ? upper : value
        }
        let start = clamp(try bound(slice.start), default: step < 0 ? upper : lower)
        let stop = clamp(try bound(slice.stop), default: step < 0 ? lower : upper)
        return .object(ObjectRef.allocate(PyRange(start: range.start + start * range.step,
                                                  stop: range.start + stop * range.step,
                                                  step: range.step * step, type: interpreter.types.other("range"))))
    }

    /// `(iter, (range(...),), taken)`, which rebuilds a range iterator.
    func rangeIteratorReduction(start: BigInt, step: BigInt, count: BigInt, taken: BigInt) throws(EvalError) -> Value {
        let range = Value.object(ObjectRef.allocate(PyRange(start: start, stop: start + count * step, step: step,
                                                            type: interpreter.types.other("range"))))
        guard let iter = interpreter.builtins.lookup(name: "iter") else {
            range.release()
            throw .runtimeError("lost builtins.iter")
        }
        iter.retain()
        return interpreter.newTuple([iter, interpreter.newTuple([range]), interpreter.integerValue(taken)])
    }
}

extension Value {
    /// An inline int or a bool.
    var isBoolOrInt: Bool {
        switch self {
        case .int, .bool: true
        default: false
        }
    }
}
