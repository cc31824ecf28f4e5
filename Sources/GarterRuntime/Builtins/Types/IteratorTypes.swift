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
        // Pickled as `(iter, (sequence,), position)`, or over an empty
        // sequence once exhausted; `__setstate__` restores the position.
        for name in ["list_iterator", "tuple_iterator", "str_ascii_iterator", "iterator"] {
            types.other(name).define("__reduce__", self) { thread, value, _ throws(EvalError) in
                let iterator = value.as(PySequenceIterator.self)!
                guard let source = iterator.source else {
                    let empty: Value
                    switch name {
                    case "list_iterator": empty = thread.interpreter.newList([])
                    case "str_ascii_iterator": empty = thread.interpreter.newString("")
                    default: empty = thread.interpreter.newTuple([])
                    }
                    return try thread.iteratorReduction(empty)
                }
                source.retain()
                return try thread.iteratorReduction(source, position: iterator.position)
            }
            types.other(name).define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__setstate__", 1...1)
                let iterator = value.as(PySequenceIterator.self)!
                var position = max(0, try thread.indexInt(arguments[0]))
                guard let source = iterator.source else { return .none }
                if name != "iterator" { position = min(position, try thread.length(source)) }
                iterator.position = position
                return .none
            }
        }
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
        // Pickling: iter(seq) plus the position (CPython's *iter_reduce / *iter_setstate).
        let exhaustedSources: [(String, () -> Value)] = [
            ("list_iterator", { self.newList([]) }), ("tuple_iterator", { self.newTuple([]) }),
            ("str_ascii_iterator", { self.newString("") }), ("iterator", { self.newTuple([]) }),
        ]
        for (name, emptySource) in exhaustedSources {
            types.other(name).define("__reduce__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__reduce__", 0...0)
                let iterator = value.as(PySequenceIterator.self)!
                let iterFunction = thread.interpreter.builtins.lookup(name: "iter")!.retained()
                guard let source = iterator.source else {
                    return thread.interpreter.newTuple([iterFunction, thread.interpreter.newTuple([emptySource()])])
                }
                return thread.interpreter.newTuple([iterFunction, thread.interpreter.newTuple([source.retained()]),
                                                    .int(iterator.position)])
            }
            types.other(name).define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__setstate__", 1...1)
                guard thread.typeOf(arguments[0]).slots.index != nil else { throw .typeError("an integer is required") }
                let index = try thread.indexInt(arguments[0])
                let iterator = value.as(PySequenceIterator.self)!
                guard let source = iterator.source else { return .none }
                iterator.position = name == "iterator" ? max(0, index) : min(max(0, index), try thread.length(source))
                return .none
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

        installRangeType()

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

    /// `type.__dict__` (a read-only proxy in CPython; the dict itself here).
    func makeMappingProxy(_ dict: PyDict) throws(EvalError) -> Value {
        dict.incref()
        return .object(ObjectRef(Unmanaged.passUnretained(dict)))
    }
}
