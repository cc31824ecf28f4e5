// `zip(*iterables, strict=False)`: tuples of the next items of every
// iterator. `strict` is state of the object (CPython's `__setstate__`
// sets it, `__reduce__` reports it) so it lives on the zip object.

final class PyZip: PyObject {
    /// The iterators (owned).
    let iterators: [Value]
    var strict: Bool

    init(iterators: [Value], strict: Bool, type: PyType) {
        self.iterators = iterators
        self.strict = strict
        super.init(type: type)
    }

    override func releaseContents() {
        for iterator in iterators { iterator.release() }
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for iterator in iterators { visit(iterator) }
    }
}

extension Interpreter {
    func installZipType() {
        let zipType = types.other("zip", flags: [.baseType])
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            var strict = false
            for index in 0..<arguments.keywordCount {
                guard arguments.keywordName(index) == "strict" else {
                    throw .typeError("'\(arguments.keywordName(index))' is an invalid keyword argument for zip()")
                }
                strict = try thread.truth(arguments.keywordValue(index))
            }
            var iterators: [Value] = []
            for index in 0..<arguments.positionalCount {
                do throws(EvalError) {
                    iterators.append(try thread.iterate(arguments[index]))
                } catch {
                    for made in iterators { made.release() }
                    throw error
                }
            }
            return .object(ObjectRef.allocate(PyZip(iterators: iterators, strict: strict, type: type)))
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.iterate = { _, value throws(EvalError) in value.retained() }
        slots.next = { thread, value throws(EvalError) in try thread.zipNext(value.as(PyZip.self)!) }
        zipType.installSlots(slots, self)
        zipType.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reduce__", 0...0)
            let zip = value.as(PyZip.self)!
            let ownClass = thread.typeOf(value)
            ownClass.incref()
            let iterators = thread.interpreter.newTuple(zip.iterators.map { $0.retained() })
            return thread.interpreter.newTuple(zip.strict ? [ownClass.value, iterators, .bool(true)] : [ownClass.value, iterators])
        }
        zipType.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            value.as(PyZip.self)!.strict = try thread.truth(arguments[0])
            return .none
        }
        setItem(builtins, "zip", zipType.value)
    }
}

extension ThreadState {
    /// The next tuple; with `strict`, a ValueError naming the argument that
    /// ran out early (or is longer than the ones before it).
    func zipNext(_ zip: PyZip) throws(EvalError) -> Value? {
        let iterators = zip.iterators
        if iterators.isEmpty { return nil }
        var items: [Value] = []
        items.reserveCapacity(iterators.count)
        for (position, iterator) in iterators.enumerated() {
            let fetched: Value?
            do throws(EvalError) {
                fetched = try next(iterator)
            } catch {
                for made in items { made.release() }
                throw error
            }
            guard let item = fetched else {
                for made in items { made.release() }
                if zip.strict {
                    if position > 0 {
                        throw .valueError("zip() argument \(position + 1) is shorter than argument\(position > 1 ? "s 1-\(position)" : " 1")")
                    }
                    for (later, other) in iterators.enumerated().dropFirst() {
                        if let extra = try next(other) {
                            extra.release()
                            throw .valueError("zip() argument \(later + 1) is longer than argument\(later > 1 ? "s 1-\(later)" : " 1")")
                        }
                    }
                }
                return nil
            }
            items.append(item)
        }
        return interpreter.newTuple(items)
    }
}
