// `reversed(list)` (`list.__reversed__`): `list_reverseiterator`, walking
// down from the last index and re-checking the length at every step (the
// list may shrink meanwhile). It pickles as `(reversed, (list,), index)`.

extension Interpreter {
    func installListReverseIterator() {
        let type = types.other("list_reverseiterator")
        func get(_ value: Value) -> PySequenceIterator { value.as(PySequenceIterator.self)! }
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { _, value throws(EvalError) in
            let iterator = get(value)
            guard let source = iterator.source else { return nil }
            let list = source.as(PyList.self)!
            if iterator.position >= 0 && iterator.position < list.count {
                let item = list.items[iterator.position]
                iterator.position -= 1
                item.retain()
                return item
            }
            iterator.position = -1
            iterator.source = nil
            source.release()
            return nil
        }
        type.installSlots(slots, self)
        type.define("__length_hint__", self) { _, value, _ throws(EvalError) in
            let iterator = get(value)
            guard let list = iterator.source?.as(PyList.self), list.count >= iterator.position + 1 else { return .int(0) }
            return .int(iterator.position + 1)
        }
        type.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let iterator = get(value)
            guard let reversed = thread.interpreter.builtins.lookup(name: "reversed") else { throw .runtimeError("lost builtins.reversed") }
            reversed.retain()
            guard let source = iterator.source else {
                return thread.interpreter.newTuple([reversed, thread.interpreter.newTuple([thread.interpreter.newList([])])])
            }
            source.retain()
            return thread.interpreter.newTuple([reversed, thread.interpreter.newTuple([source]), .int(iterator.position)])
        }
        type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            let iterator = get(value)
            let state = try thread.indexIntOrOverflow(arguments[0]) ?? -1
            if let list = iterator.source?.as(PyList.self) { iterator.position = min(max(state, -1), list.count - 1) }
            return .none
        }
        types.list.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reversed__", 0...0)
            value.retain()
            let iterator = PySequenceIterator(source: value, type: thread.interpreter.types.other("list_reverseiterator"))
            iterator.position = value.as(PyList.self)!.count - 1
            return .object(ObjectRef.allocate(iterator))
        }
    }
}
