// `reversed(sequence)`: a sequence iterator walking down from the last
// index. It drops the sequence once exhausted (as CPython's, so the
// sequence can be freed right after the loop) and pickles as
// `(reversed, (sequence,), index)`.

extension Interpreter {
    func installReversedType() {
        let reversed = types.other("reversed", flags: [.baseType])
        func get(_ value: Value) -> PySequenceIterator { value.as(PySequenceIterator.self)! }
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            if type === thread.interpreter.types.other("reversed") { try arguments.rejectKeywords("reversed") }
            guard arguments.positionalCount == 1 else {
                throw .typeError("reversed expected 1 argument, got \(arguments.positionalCount)")
            }
            let sequence = arguments[0]
            let sequenceType = thread.typeOf(sequence)
            let special = sequenceType.lookup(thread.interpreter.names.__reversed__)
            if special?.isNone != true, let result = try thread.callSpecial(sequence, thread.interpreter.names.__reversed__, []) {
                return result
            }
            guard special == nil, sequenceType.slots.getItem != nil, sequence.as(PyDict.self) == nil else {
                throw .typeError("'\(sequenceType.name)' object is not reversible")
            }
            let count = try thread.length(sequence)
            sequence.retain()
            let iterator = PySequenceIterator(source: sequence, type: type)
            iterator.position = count - 1
            return .object(ObjectRef.allocate(iterator))
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { thread, value throws(EvalError) in
            let iterator = get(value)
            guard let source = iterator.source else { return nil }
            if iterator.position >= 0 {
                do throws(EvalError) {
                    let item = try thread.getItem(source, .int(iterator.position))
                    iterator.position -= 1
                    return item
                } catch {
                    guard thread.isInstance(error, of: "IndexError") || thread.isStopIteration(error) else { throw error }
                    error.discard()
                }
            }
            iterator.position = -1
            iterator.source = nil
            source.release()
            return nil
        }
        reversed.installSlots(slots, self)
        reversed.define("__length_hint__", self) { thread, value, _ throws(EvalError) in
            let iterator = get(value)
            guard let source = iterator.source else { return .int(0) }
            // A sequence shrunk below the position gives no more items.
            return .int(try thread.length(source) < iterator.position + 1 ? 0 : iterator.position + 1)
        }
        reversed.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let iterator = get(value)
            let type = thread.typeOf(value).value
            type.retain()
            guard let source = iterator.source else {
                return thread.interpreter.newTuple([type, thread.interpreter.newTuple([thread.interpreter.newTuple([])])])
            }
            source.retain()
            return thread.interpreter.newTuple([type, thread.interpreter.newTuple([source]), .int(iterator.position)])
        }
        reversed.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            let iterator = get(value)
            let state = try thread.indexInt(arguments[0])
            if let source = iterator.source {
                let count = try thread.length(source)
                iterator.position = min(max(state, -1), count - 1)
            }
            return .none
        }
        setItem(builtins, "reversed", reversed.value)
    }
}
