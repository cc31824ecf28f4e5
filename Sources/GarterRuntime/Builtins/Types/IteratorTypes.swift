extension Interpreter {
    /// The iterators of the built-in containers, `range`, and `slice`.
    func installIteratorTypes() {
        func iteratorType(_ name: String, next: @escaping TypeSlots.Next) {
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = next
            types.other(name).installSlots(slots, self)
            types.other(name).define("__length_hint__", self) { thread, value, _ throws(EvalError) in
                guard let iterator = value.as(PySequenceIterator.self), let source = iterator.source else { return .int(0) }
                return .int(max(0, (try thread.length(source)) - iterator.position))
            }
        }
        let sequenceNext: TypeSlots.Next = { thread, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source else { return nil }
            let position = iterator.position
            if let list = source.as(PyList.self) {
                if position < list.count {
                    iterator.position += 1
                    let item = list.items[position]
                    item.retain()
                    return item
                }
            } else if let tuple = source.as(PyTuple.self) {
                if position < tuple.count {
                    iterator.position += 1
                    let item = tuple.items[position]
                    item.retain()
                    return item
                }
            } else if let string = source.as(PyStr.self) {
                if position < string.count {
                    iterator.position += 1
                    return thread.interpreter.character(string.codePoints[position])
                }
            }
            iterator.source = nil
            source.release()
            return nil
        }
        iteratorType("list_iterator", next: sequenceNext)
        iteratorType("tuple_iterator", next: sequenceNext)
        iteratorType("str_ascii_iterator", next: sequenceNext)
        iteratorType("iterator") { thread, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source else { return nil }
            do throws(EvalError) {
                let item = try thread.getItem(source, .int(iterator.position))
                iterator.position += 1
                return item
            } catch {
                if thread.isInstance(error, of: "IndexError") || thread.isStopIteration(error) {
                    error.discard()
                    iterator.source = nil
                    source.release()
                    return nil
                }
                throw error
            }
        }
        iteratorType("callable_iterator") { thread, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source, let sentinel = iterator.sentinel else { return nil }
            let item: Value
            do throws(EvalError) {
                item = try thread.call(source, [])
            } catch {
                if thread.isStopIteration(error) {
                    error.discard()
                    iterator.source = nil
                    source.release()
                    return nil
                }
                throw error
            }
            if try thread.equal(item, sentinel) {
                item.release()
                iterator.source = nil
                source.release()
                return nil
            }
            return item
        }

        var rangeIteratorSlots = TypeSlots()
        rangeIteratorSlots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        rangeIteratorSlots.next = { _, value throws(EvalError) in
            let iterator = value.as(PyRangeIterator.self)!
            guard iterator.remaining > 0 else { return nil }
            iterator.remaining -= 1
            let current = iterator.next
            iterator.next = current &+ iterator.step
            return .int(current)
        }
        types.other("range_iterator").installSlots(rangeIteratorSlots, self)

        let range = types.other("range", flags: [.sequence])
        var rangeSlots = TypeSlots()
        rangeSlots.new = { thread, _, arguments throws(EvalError) in
            try arguments.rejectKeywords("range")
            var bounds: [Int] = []
            for index in 0..<arguments.positionalCount { bounds.append(try thread.indexInt(arguments[index])) }
            let (start, stop, step): (Int, Int, Int)
            switch bounds.count {
            case 1: (start, stop, step) = (0, bounds[0], 1)
            case 2: (start, stop, step) = (bounds[0], bounds[1], 1)
            case 3: (start, stop, step) = (bounds[0], bounds[1], bounds[2])
            case 0: throw .typeError("range expected at least 1 argument, got 0")
            default: throw .typeError("range expected at most 3 arguments, got \(bounds.count)")
            }
            if step == 0 { throw .valueError("range() arg 3 must not be zero") }
            return .object(ObjectRef.allocate(PyRange(start: start, stop: stop, step: step, type: thread.interpreter.types.other("range"))))
        }
        rangeSlots.iterate = { thread, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            return .object(ObjectRef.allocate(PyRangeIterator(next: range.start, step: range.step, remaining: range.count,
                                                              type: thread.interpreter.types.other("range_iterator"))))
        }
        rangeSlots.length = { _, value throws(EvalError) in value.as(PyRange.self)!.count }
        rangeSlots.getItem = { thread, value, key throws(EvalError) in
            let range = value.as(PyRange.self)!
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try thread.sliceIndices(slice, count: range.count)
                let first = range.start + start * range.step
                let newStep = range.step * step
                return .object(ObjectRef.allocate(PyRange(start: first, stop: first + length * newStep, step: newStep,
                                                          type: thread.interpreter.types.other("range"))))
            }
            let index = try thread.sequenceIndex(key, count: range.count, what: "range object")
            return .int(range.start + index * range.step)
        }
        rangeSlots.contains = { thread, value, item throws(EvalError) in
            let range = value.as(PyRange.self)!
            guard case .int(let number) = item else {
                for index in 0..<range.count where try thread.equal(.int(range.start + index * range.step), item) { return true }
                return false
            }
            if range.step > 0 ? (number < range.start || number >= range.stop) : (number > range.start || number <= range.stop) {
                return false
            }
            return (number - range.start) % range.step == 0
        }
        rangeSlots.repr = { thread, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            let step = range.step == 1 ? "" : ", \(range.step)"
            return thread.interpreter.newString("range(\(range.start), \(range.stop)\(step))")
        }
        rangeSlots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = left.as(PyRange.self), let b = right.as(PyRange.self) else {
                return thread.notImplemented()
            }
            let same = a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
            return .bool(operation == .equal ? same : !same)
        }
        rangeSlots.hash = { thread, value throws(EvalError) in
            let range = value.as(PyRange.self)!
            return try thread.hash(thread.interpreter.newTuple([.int(range.count), .int(range.start), .int(range.step)]))
        }
        range.installSlots(rangeSlots, self)
        for (name, key) in [("start", \PyRange.start), ("stop", \PyRange.stop), ("step", \PyRange.step)] {
            range.defineAttribute(name, self, get: { _, value throws(EvalError) in .int(value.as(PyRange.self)![keyPath: key]) })
        }
        range.define("index", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("index", 1...1)
            let range = value.as(PyRange.self)!
            if try thread.contains(value, arguments[0]), case .int(let number) = arguments[0] {
                return .int((number - range.start) / range.step)
            }
            throw .valueError("\(try thread.reprText(arguments[0])) is not in range")
        }
        range.define("count", self) { thread, value, arguments throws(EvalError) in
            .int(try thread.contains(value, arguments[0]) ? 1 : 0)
        }
        setItem(builtins, "range", range.value)

        let slice = types.other("slice")
        var sliceSlots = TypeSlots()
        sliceSlots.new = { thread, _, arguments throws(EvalError) in
            try arguments.expect("slice", 1...3)
            let values: [Value] = arguments.positionalCount == 1 ? [.none, arguments[0], .none]
                : [arguments[0], arguments[1], arguments.positionalCount > 2 ? arguments[2] : .none]
            for value in values { value.retain() }
            return .object(ObjectRef.allocate(PySlice(start: values[0], stop: values[1], step: values[2],
                                                      type: thread.interpreter.types.other("slice"))))
        }
        sliceSlots.repr = { thread, value throws(EvalError) in
            let slice = value.as(PySlice.self)!
            return thread.interpreter.newString("slice(\(try thread.reprText(slice.start)), \(try thread.reprText(slice.stop)), \(try thread.reprText(slice.step)))")
        }
        sliceSlots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PySlice.self), let b = right.as(PySlice.self) else { return thread.notImplemented() }
            return try thread.compareSequences([a.start, a.stop, a.step], [b.start, b.stop, b.step], operation)
        }
        slice.installSlots(sliceSlots, self)
        for (name, key) in [("start", \PySlice.start), ("stop", \PySlice.stop), ("step", \PySlice.step)] {
            slice.defineAttribute(name, self, get: { _, value throws(EvalError) in
                let result = value.as(PySlice.self)![keyPath: key]
                result.retain()
                return result
            })
        }
        slice.define("indices", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("indices", 1...1)
            let (start, stop, step, _) = try thread.sliceIndices(value.as(PySlice.self)!, count: try thread.indexInt(arguments[0]))
            return thread.interpreter.newTuple([.int(start), .int(stop), .int(step)])
        }
        setItem(builtins, "slice", slice.value)
    }
}

extension ThreadState {
    /// `iter(x)` for objects with only `__getitem__`.
    func makeSequenceIterator(_ value: Value) -> Value {
        value.retain()
        return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: interpreter.types.other("iterator"))))
    }

    /// `list[int]` and the like. Garter has no `types.GenericAlias` yet: the
    /// class itself stands for its parameterisation.
    func makeGenericAlias(_ arguments: Arguments) throws(EvalError) -> Value {
        let origin = arguments[0]
        origin.retain()
        return origin
    }

    /// `type.__dict__` (a read-only proxy in CPython; the dict itself here).
    func makeMappingProxy(_ dict: PyDict) throws(EvalError) -> Value {
        dict.incref()
        return .object(ObjectRef(Unmanaged.passUnretained(dict)))
    }

    /// `int | str`.
    func makeUnion(_ left: Value, _ right: Value) throws(EvalError) -> Value {
        throw .unsupported("union types (X | Y)")
    }
}
