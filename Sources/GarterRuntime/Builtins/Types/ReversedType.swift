// `reversed(seq)` and `list.__reversed__()`: iterators that walk a sequence
// from its last index down, kept as a `PySequenceIterator` whose position
// is the next index to read (-1 and no source once exhausted). Both pickle
// as `reversed(seq)` plus the index, as CPython's do.

extension Interpreter {
    func installReversedTypes() {
        let reversedType = types.other("reversed", flags: [.baseType])
        let listReversed = types.other("list_reverseiterator")
        for type in [reversedType, listReversed] {
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in value.retained() }
            let walksList = type === listReversed
            slots.next = { thread, value throws(EvalError) in
                try thread.reversedNext(value.as(PySequenceIterator.self)!, listOnly: walksList)
            }
            if type === reversedType {
                slots.new = { thread, type, arguments throws(EvalError) in try thread.makeReversed(type: type, arguments) }
                slots.initialize = { _, _, _ throws(EvalError) in }
            }
            type.installSlots(slots, self)
            type.define("__length_hint__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__length_hint__", 0...0)
                let iterator = value.as(PySequenceIterator.self)!
                guard let source = iterator.source else { return .int(0) }
                let remaining = iterator.position + 1
                return .int(try thread.length(source) < remaining ? 0 : remaining)
            }
            type.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__reduce__", 0...0)
                let iterator = value.as(PySequenceIterator.self)!
                let reversedClass = thread.interpreter.types.other("reversed").value
                reversedClass.retain()
                guard let source = iterator.source else {
                    reversedClass.release()
                    if type === listReversed {
                        // An exhausted list iterator pickles as iter([]).
                        let iterFunction = thread.interpreter.builtins.lookup(name: "iter")!.retained()
                        return thread.interpreter.newTuple([iterFunction, thread.interpreter.newTuple([thread.interpreter.newList([])])])
                    }
                    let ownClass = thread.typeOf(value)
                    ownClass.incref()
                    return thread.interpreter.newTuple([ownClass.value, thread.interpreter.newTuple([thread.interpreter.newTuple([])])])
                }
                let ownClass: Value
                if type === listReversed {
                    ownClass = reversedClass
                } else {
                    reversedClass.release()
                    thread.typeOf(value).incref()
                    ownClass = thread.typeOf(value).value
                }
                return thread.interpreter.newTuple([ownClass, thread.interpreter.newTuple([source.retained()]),
                                                    .int(iterator.position)])
            }
            type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__setstate__", 1...1)
                guard thread.typeOf(arguments[0]).slots.index != nil else { throw .typeError("an integer is required") }
                var index = try thread.indexInt(arguments[0])
                let iterator = value.as(PySequenceIterator.self)!
                if let source = iterator.source {
                    let count = try thread.length(source)
                    index = max(-1, min(index, count - 1))
                    iterator.position = index
                }
                return .none
            }
        }
        setItem(builtins, "reversed", reversedType.value)
    }
}

extension ThreadState {
    /// `reversed.__new__`: the sequence's own `__reversed__`, else an
    /// iterator over `len(seq)-1 ... 0`.
    func makeReversed(type: PyType, _ arguments: Arguments) throws(EvalError) -> Value {
        if type === interpreter.types.other("reversed") { try arguments.rejectKeywords("reversed") }
        if arguments.positionalCount != 1 {
            throw .typeError("reversed expected 1 argument, got \(arguments.positionalCount)")
        }
        let sequence = arguments[0]
        let sequenceType = typeOf(sequence)
        if let method = sequenceType.lookup(interpreter.names.__reversed__) {
            if method.isNone { throw .typeError("'\(sequenceType.name)' object is not reversible") }
            guard let result = try callSpecial(sequence, interpreter.names.__reversed__, []) else {
                throw .typeError("'\(sequenceType.name)' object is not reversible")
            }
            return result
        }
        guard sequenceType.slots.getItem != nil, !sequenceType.isSubtype(of: interpreter.types.dict) else {
            throw .typeError("'\(sequenceType.name)' object is not reversible")
        }
        let count = try length(sequence)
        let iterator = PySequenceIterator(source: sequence.retained(), type: type)
        iterator.position = count - 1
        return .object(ObjectRef.allocate(iterator))
    }

    /// `list.__reversed__()`.
    func makeListReverseIterator(_ list: Value) -> Value {
        let iterator = PySequenceIterator(source: list.retained(), type: interpreter.types.other("list_reverseiterator"))
        iterator.position = list.as(PyList.self)!.count - 1
        return .object(ObjectRef.allocate(iterator))
    }

    /// The next item of a reverse iterator; an IndexError or StopIteration
    /// from the sequence ends the iteration quietly, as in CPython.
    func reversedNext(_ iterator: PySequenceIterator, listOnly: Bool) throws(EvalError) -> Value? {
        guard let source = iterator.source else { return nil }
        let index = iterator.position
        if listOnly, let list = source.as(PyList.self) {
            if index >= 0 && index < list.count {
                iterator.position -= 1
                return list.items[index].retained()
            }
        } else if index >= 0 {
            do throws(EvalError) {
                let item = try getItem(source, .int(index))
                iterator.position -= 1
                return item
            } catch {
                guard isInstance(error, of: "IndexError") || isStopIteration(error) else { throw error }
                error.discard()
            }
        }
        iterator.position = -1
        iterator.source = nil
        source.release()
        return nil
    }
}
