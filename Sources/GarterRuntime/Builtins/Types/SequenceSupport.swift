import GarterCompiler
// What the built-in sequences share: index normalisation, slices, and
// comparison and repr of item lists.

extension ThreadState {
    /// The item count of a list or tuple repeated `times` times: MemoryError
    /// (empty message, as CPython's) when it cannot be allocated at all.
    func repeatedItemCount(_ count: Int, times: Int) throws(EvalError) -> Int {
        let (total, overflow) = count.multipliedReportingOverflow(by: times)
        if overflow || total > ThreadState.largestAllocation / MemoryLayout<Value>.stride { throw .pythonException("MemoryError", "") }
        return total
    }

    /// The most bytes one object's items may ask for: beyond it Garter
    /// raises MemoryError itself, where Swift would stop the process on the
    /// failed allocation (CPython's malloc returns NULL and it raises).
    static let largestAllocation = 1 << 40

    /// A subscript as a position in a sequence of `count` items (negative
    /// counts from the end), IndexError with `what`'s message when outside.
    func sequenceIndex(_ key: Value, count: Int, what: String, outOfRange: String? = nil) throws(EvalError) -> Int {
        var index: Int
        if case .int(let number) = key {
            index = number
        } else {
            guard typeOf(key).slots.index != nil || key.as(PyLong.self) != nil || { if case .bool = key { return true }; return false }() else {
                throw .typeError("\(what) indices must be integers or slices, not \(typeOf(key).name)")
            }
            guard let number = try indexIntOrOverflow(key) else {
                throw .indexError("cannot fit 'int' into an index-sized integer")
            }
            index = number
        }
        if index < 0 { index += count }
        guard index >= 0 && index < count else { throw .indexError(outOfRange ?? "\(what) index out of range") }
        return index
    }

    /// The `start`/`stop` arguments of `list.index`/`tuple.index` (at
    /// `arguments[first]`, `arguments[first + 1]`) as positions clamped to
    /// `0...count` (CPython's _PyEval_SliceIndexNotNone: huge ints clamp).
    func searchRange(_ arguments: Arguments, from first: Int, count: Int) throws(EvalError) -> (start: Int, stop: Int) {
        func bound(_ position: Int, _ absent: Int) throws(EvalError) -> Int {
            guard arguments.positionalCount > position else { return absent }
            let value = arguments[position]
            guard typeOf(value).slots.index != nil || Arithmetic.pyInteger(value) != nil else {
                throw .typeError("slice indices must be integers or have an __index__ method")
            }
            var number = try indexIntOrOverflow(value) ?? (Arithmetic.pyInteger(value)?.isNegative == true ? Int.min / 2 : Int.max / 2)
            if number < 0 { number = max(0, number + count) }
            return min(number, count)
        }
        return (try bound(first, 0), try bound(first + 1, count))
    }

    /// The positions a slice selects in a sequence of `count` items
    /// (CPython's PySlice_GetIndicesEx).
    func sliceIndices(_ slice: PySlice, count: Int) throws(EvalError) -> (start: Int, stop: Int, step: Int, length: Int) {
        func bound(_ value: Value) throws(EvalError) -> Int? {
            if value.isNone { return nil }
            guard typeOf(value).slots.index != nil || value.as(PyLong.self) != nil else {
                throw .typeError("slice indices must be integers or None or have an __index__ method")
            }
            let number = try index(value)
            defer { number.release() }
            if case .int(let small) = number { return small }
            return Arithmetic.pyInteger(number)?.isNegative == true ? Int.min / 2 : Int.max / 2
        }
        var step = try bound(slice.step) ?? 1
        if step == 0 { throw .valueError("slice step cannot be zero") }
        step = max(step, -Int.max)
        var start: Int
        var stop: Int
        if let value = try bound(slice.start) {
            start = value
            if start < 0 { start = max(start + count, step < 0 ? -1 : 0) } else if start >= count { start = step < 0 ? count - 1 : count }
        } else {
            start = step < 0 ? count - 1 : 0
        }
        if let value = try bound(slice.stop) {
            stop = value
            if stop < 0 { stop = max(stop + count, step < 0 ? -1 : 0) } else if stop >= count { stop = step < 0 ? count - 1 : count }
        } else {
            stop = step < 0 ? -1 : count
        }
        var length = 0
        if step > 0 {
            if start < stop { length = (stop - start - 1) / step + 1 }
        } else if stop < start {
            length = (start - stop - 1) / (-step) + 1
        }
        return (start, stop, step, length)
    }

    /// The items of `items` a slice selects (new references).
    func sliceItems(_ items: [Value], _ slice: PySlice) throws(EvalError) -> [Value] {
        let (start, _, step, length) = try sliceIndices(slice, count: items.count)
        var result: [Value] = []
        result.reserveCapacity(length)
        var index = start
        for _ in 0..<length {
            let item = items[index]
            item.retain()
            result.append(item)
            index &+= step   // past the last item it may wrap: never used then
        }
        return result
    }

    /// Lexicographic rich comparison of two item lists (tuples, lists).
    /// `identityFirst` is false for items made fresh on each read (array
    /// items), where CPython's objects are never identical: a NaN item is
    /// then unequal to itself.
    func compareSequences(_ a: [Value], _ b: [Value], _ operation: ComparisonOperation,
                          identityFirst: Bool = true) throws(EvalError) -> Value {
        if (operation == .equal || operation == .notEqual) && a.count != b.count {
            return .bool(operation == .notEqual)
        }
        var index = 0
        while index < a.count && index < b.count {
            let same = identityFirst ? try equal(a[index], b[index]) : try compareBool(a[index], b[index], .equal)
            if !same { break }
            index += 1
        }
        if index >= a.count || index >= b.count {
            return .bool(Arithmetic.compare(operation, a.count, b.count))
        }
        switch operation {
        case .equal: return .bool(false)
        case .notEqual: return .bool(true)
        default: return try compare(a[index], b[index], operation)
        }
    }

    /// List comparison. Unlike tuples, the lists may change while an item's
    /// `__eq__` runs: each step re-reads the items and holds them, and the
    /// lengths are checked again (CPython's list_richcompare).
    func compareLists(_ a: PyList, _ b: PyList, _ operation: ComparisonOperation) throws(EvalError) -> Value {
        if (operation == .equal || operation == .notEqual) && a.items.count != b.items.count {
            return .bool(operation == .notEqual)
        }
        var index = 0
        while index < a.items.count && index < b.items.count {
            let left = a.items[index].retained(), right = b.items[index].retained()
            defer {
                left.release()
                right.release()
            }
            if !(try equal(left, right)) { break }
            index += 1
        }
        if index >= a.items.count || index >= b.items.count {
            return .bool(Arithmetic.compare(operation, a.items.count, b.items.count))
        }
        switch operation {
        case .equal: return .bool(false)
        case .notEqual: return .bool(true)
        default:
            let left = a.items[index].retained(), right = b.items[index].retained()
            defer {
                left.release()
                right.release()
            }
            return try compare(left, right, operation)
        }
    }

    /// `repr` of items joined with ", " between `open` and `close`, with
    /// CPython's guard against recursive containers.
    func reprItems(_ container: Value, _ items: [Value], open: String, close: String) throws(EvalError) -> Value {
        guard let reference = container.objectReference else { return .none }
        if reprInProgress.contains(reference) { return interpreter.newString(open + "..." + close) }
        reprInProgress.insert(reference)
        defer { reprInProgress.remove(reference) }
        var text = open
        for (position, item) in items.enumerated() {
            if position > 0 { text += ", " }
            item.retain()
            defer { item.release() }
            text += try reprText(item)
        }
        return interpreter.newString(text + close)
    }
}

extension ThreadState {
    /// The items `str.join`/`bytes.join` joins: a TypeError from iter()
    /// becomes CPython's "can only join an iterable" (PySequence_Fast).
    func collectForJoin(_ iterable: Value) throws(EvalError) -> [Value] {
        if iterable.as(PyList.self) != nil || iterable.as(PyTuple.self) != nil { return try collect(iterable) }
        let iterator: Value
        do throws(EvalError) {
            iterator = try iterate(iterable)
        } catch {
            guard isInstance(error, of: "TypeError") else { throw error }
            error.discard()
            throw .typeError("can only join an iterable")
        }
        defer { iterator.release() }
        return try collect(iterator)
    }
}

extension ThreadState {
    /// `seq + other` where `other` is not the same sequence type: CPython
    /// tries the other operand's `+` (its `__radd__`) before the sequence's
    /// concatenation refuses. nil when it had no answer.
    func reflectedConcatenation(_ left: Value, _ right: Value) throws(EvalError) -> Value? {
        // Only a class defined in Python can answer: the built-in types' `+`
        // gives nothing for a foreign sequence on its left.
        let rightType = typeOf(right)
        guard rightType.isHeapType, rightType !== typeOf(left), !typeOf(left).isSubtype(of: rightType),
              let result = try callSpecial(right, interpreter.internedString("__radd__"), [left]) else { return nil }
        if isNotImplemented(result) { return nil }
        return result
    }
}
