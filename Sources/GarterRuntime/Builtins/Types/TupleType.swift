extension Interpreter {
    /// `tuple`.
    func installTupleType() {
        let tuple = types.tuple
        func items(_ value: Value) -> [Value] { value.as(PyTuple.self)!.items }
        var slots = TypeSlots()
        slots.length = { _, value throws(EvalError) in items(value).count }
        slots.getItem = { thread, value, key throws(EvalError) in
            let elements = items(value)
            if let slice = key.as(PySlice.self) { return thread.interpreter.newTuple(try thread.sliceItems(elements, slice)) }
            let item = elements[try thread.sequenceIndex(key, count: elements.count, what: "tuple")]
            item.retain()
            return item
        }
        slots.contains = { thread, value, item throws(EvalError) in
            for element in items(value) where try thread.equal(element, item) { return true }
            return false
        }
        slots.iterate = { thread, value throws(EvalError) in
            value.retain()
            return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: thread.interpreter.types.other("tuple_iterator"))))
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PyTuple.self), let b = right.as(PyTuple.self) else { return thread.notImplemented() }
            return try thread.compareSequences(a.items, b.items, operation)
        }
        slots.hash = { thread, value throws(EvalError) in
            let elements = items(value)
            var hasher = TupleHasher()
            for element in elements { hasher.combine(try thread.hash(element)) }
            return hasher.finalize(count: elements.count)
        }
        slots.repr = { thread, value throws(EvalError) in
            let elements = items(value)
            if elements.count == 1 { return try thread.reprItems(value, elements, open: "(", close: ",)") }
            return try thread.reprItems(value, elements, open: "(", close: ")")
        }
        slots.binary[0] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyTuple.self), let b = right.as(PyTuple.self) else {
                if left.as(PyTuple.self) != nil, right.as(PyTuple.self) == nil {
                    if let answer = try thread.reflectedConcatenation(left, right) { return answer }
                    throw .typeError("can only concatenate tuple (not \"\(thread.typeOf(right).name)\") to tuple")
                }
                return thread.notImplemented()
            }
            let combined = a.items + b.items
            for item in combined { item.retain() }
            return thread.interpreter.newTuple(combined)
        }
        slots.binary[5] = { thread, left, right throws(EvalError) in
            let (sequence, times) = left.as(PyTuple.self) != nil ? (left, right) : (right, left)
            guard let tuple = sequence.as(PyTuple.self) else { return thread.notImplemented() }
            let (count, answer) = try thread.repeatCount(left, right, times: times, sequenceType: thread.interpreter.types.tuple)
            if let answer { return answer }
            // An exact tuple repeated once is itself (immutable), as in CPython.
            if count == 1, thread.typeOf(sequence) === thread.interpreter.types.tuple {
                sequence.retain()
                return sequence
            }
            var result: [Value] = []
            result.reserveCapacity(try thread.repeatedItemCount(tuple.count, times: count))
            if !tuple.items.isEmpty { for _ in 0..<count { for item in tuple.items { item.retain(); result.append(item) } } }
            return thread.interpreter.newTuple(result)
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            try thread.rejectConstructorKeywords(type, base: thread.interpreter.types.tuple, arguments)
            if arguments.positionalCount > 1 { throw .typeError("tuple expected at most 1 argument, got \(arguments.positionalCount)") }
            if type === thread.interpreter.types.tuple, arguments.positionalCount == 1,
               thread.typeOf(arguments[0]) === thread.interpreter.types.tuple {
                arguments[0].retain()   // tuple(t) is t for an exact tuple
                return arguments[0]
            }
            let elements = arguments.positionalCount == 1 ? try thread.collect(arguments[0]) : []
            if type === thread.interpreter.types.tuple { return thread.interpreter.newTuple(elements) }
            return .object(ObjectRef.allocate(PyTuple(elements, type: type)))
        }
        tuple.installSlots(slots, self)
        // Concatenation is the sequence's own `+` (CPython's sq_concat): no reflected `__radd__`.
        tuple.removeSlotWrapper("__radd__", self)
        tuple.define("index", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("index", 1...3)
            let elements = items(value)
            let (start, stop) = try thread.searchRange(arguments, from: 1, count: elements.count)
            var position = start
            while position < stop {
                if try thread.equal(elements[position], arguments[0]) { return .int(position) }
                position += 1
            }
            throw .valueError("tuple.index(x): x not in tuple")
        }
        tuple.define("count", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("count", 1...1)
            var total = 0
            for element in items(value) where try thread.equal(element, arguments[0]) { total += 1 }
            return .int(total)
        }
        tuple.define("__getnewargs__", self) { thread, value, _ throws(EvalError) in
            value.retain()
            return thread.interpreter.newTuple([value])
        }
        tuple.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
    }
}
