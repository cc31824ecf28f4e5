import GarterCompiler

// The `collections.deque` type and its iterators, with CPython's methods,
// messages and mutation checks.

extension Interpreter {
    func dequeType() -> PyType {
        nativeType("deque", module: "collections", flags: [.baseType, .sequence]) { type in
            func get(_ value: Value) -> PyDeque { value.as(PyDeque.self)! }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyDeque(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("deque", ["iterable", "maxlen"], required: 0)
                let deque = get(value)
                var maxLength: Int?
                if let limit = bound[1], !limit.isNone {
                    guard Arithmetic.pyInteger(limit) != nil else { throw .typeError("an integer is required") }
                    let number = try thread.sizeArgument(limit)
                    if number < 0 { throw .valueError("maxlen must be non-negative") }
                    maxLength = number
                }
                deque.maxLength = maxLength
                if deque.count > 0 { for item in deque.removeAll() { item.release() } }
                if let iterable = bound[0] { try thread.extendDeque(value, iterable, left: false) }
            }
            slots.length = { _, value throws(EvalError) in get(value).count }
            slots.iterate = { thread, value throws(EvalError) in
                .object(ObjectRef.allocate(PyDequeIterator(deque: get(value), isReversed: false,
                                                           type: thread.interpreter.dequeIteratorType(reversed: false))))
            }
            slots.contains = { thread, value, item throws(EvalError) in
                try thread.dequeFind(get(value), item, from: 0, to: get(value).count) != nil
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                let deque = get(value)
                let item = deque[try thread.dequeIndex(deque, key)]
                item.retain()
                return item
            }
            slots.setItem = { thread, value, key, newValue throws(EvalError) in
                let deque = get(value)
                let index = try thread.dequeIndex(deque, key)
                if let newValue {
                    newValue.retain()
                    deque.replace(at: index, with: newValue)
                } else {
                    deque.remove(at: index).release()
                }
            }
            slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
            slots.repr = { thread, value throws(EvalError) in
                let deque = get(value)
                guard let reference = value.objectReference else { return .none }
                if thread.reprInProgress.contains(reference) { return thread.interpreter.newString("[...]") }
                let items = deque.items
                for item in items { item.retain() }
                defer { for item in items { item.release() } }
                let list = try thread.reprItems(value, items, open: "[", close: "]")
                defer { list.release() }
                let name = thread.typeOf(value).shortName
                if let maxLength = deque.maxLength {
                    return thread.interpreter.newString("\(name)(\(list.stringValue!), maxlen=\(maxLength))")
                }
                return thread.interpreter.newString("\(name)(\(list.stringValue!))")
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard let a = left.as(PyDeque.self), let b = right.as(PyDeque.self) else { return thread.notImplemented() }
                let first = a.items
                let second = b.items
                for item in first + second { item.retain() }
                defer { for item in first + second { item.release() } }
                return try thread.compareSequences(first, second, operation)
            }
            slots.binary[Int(BinaryOperation.add.rawValue)] = { thread, left, right throws(EvalError) in
                guard left.as(PyDeque.self) != nil else { return thread.notImplemented() }
                guard right.as(PyDeque.self) != nil else {
                    throw .typeError("can only concatenate deque (not \"\(thread.typeOf(right).name)\") to deque")
                }
                let copy = try thread.copyDeque(left)
                do throws(EvalError) { try thread.extendDeque(copy, right, left: false) } catch {
                    copy.release()
                    throw error
                }
                return copy
            }
            slots.inPlace[Int(BinaryOperation.add.rawValue)] = { thread, left, right throws(EvalError) in
                try thread.extendDeque(left, right, left: false)
                left.retain()
                return left
            }
            slots.binary[Int(BinaryOperation.multiply.rawValue)] = { thread, left, right throws(EvalError) in
                let (sequence, times) = left.as(PyDeque.self) != nil ? (left, right) : (right, left)
                guard sequence.as(PyDeque.self) != nil else { return thread.notImplemented() }
                guard thread.typeOf(times).slots.index != nil || Arithmetic.pyInteger(times) != nil else {
                    throw .typeError("can't multiply sequence by non-int of type '\(thread.typeOf(times).name)'")
                }
                let copy = try thread.copyDeque(sequence)
                do throws(EvalError) { try thread.repeatDeque(copy, try thread.indexInt(times)) } catch {
                    copy.release()
                    throw error
                }
                return copy
            }
            slots.inPlace[Int(BinaryOperation.multiply.rawValue)] = { thread, left, right throws(EvalError) in
                try thread.repeatDeque(left, try thread.indexInt(right))
                left.retain()
                return left
            }
            type.installSlots(slots, self)
            setItem(type.dict, "__hash__", .none)
            type.dictChanged()

            type.define("append", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("append", 1...1)
                arguments[0].retain()
                get(value).append(arguments[0])
                return .none
            }
            type.define("appendleft", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("appendleft", 1...1)
                arguments[0].retain()
                get(value).appendLeft(arguments[0])
                return .none
            }
            type.define("pop", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("pop", 0...0)
                guard let item = get(value).pop() else { throw .indexError("pop from an empty deque") }
                return item
            }
            type.define("popleft", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("popleft", 0...0)
                guard let item = get(value).popLeft() else { throw .indexError("pop from an empty deque") }
                return item
            }
            type.define("extend", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("extend", 1...1)
                try thread.extendDeque(value, arguments[0], left: false)
                return .none
            }
            type.define("extendleft", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("extendleft", 1...1)
                try thread.extendDeque(value, arguments[0], left: true)
                return .none
            }
            type.define("clear", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("clear", 0...0)
                for item in get(value).removeAll() { item.release() }
                return .none
            }
            for name in ["copy", "__copy__"] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect(name, 0...0)
                    return try thread.copyDeque(value)
                }
            }
            type.define("count", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("count", 1...1)
                let deque = get(value)
                let state = deque.state
                var found = 0
                var index = 0
                while index < deque.count {
                    let item = deque[index]
                    item.retain()
                    defer { item.release() }
                    if try thread.equal(item, arguments[0]) { found += 1 }
                    if deque.state != state { throw .runtimeError("deque mutated during iteration") }
                    index += 1
                }
                return .int(found)
            }
            type.define("index", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("index", 1...3)
                let deque = get(value)
                func bound(_ position: Int, _ fallback: Int) throws(EvalError) -> Int {
                    guard position < arguments.positionalCount else { return fallback }
                    var number = try thread.integerArgument(arguments[position]).clampedToInt
                    if number < 0 { number = max(0, number + deque.count) }
                    return min(number, deque.count)
                }
                let start = try bound(1, 0)
                let stop = try bound(2, deque.count)
                guard let found = try thread.dequeFind(deque, arguments[0], from: start, to: stop) else {
                    throw .valueError("\(try thread.reprText(arguments[0])) is not in deque")
                }
                return .int(found)
            }
            type.define("insert", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("insert", 2...2)
                let deque = get(value)
                let index = try thread.integerArgument(arguments[0]).clampedToInt
                let item = arguments[1]
                if deque.maxLength == deque.count { throw .indexError("deque already at its maximum size") }
                item.retain()
                let count = deque.count
                if index >= count {
                    deque.append(item)
                } else if index <= -count || index == 0 {
                    deque.appendLeft(item)
                } else {
                    deque.rotate(-index)
                    if index < 0 { deque.append(item) } else { deque.appendLeft(item) }
                    deque.rotate(index)
                }
                return .none
            }
            type.define("remove", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("remove", 1...1)
                let deque = get(value)
                guard let found = try thread.dequeFind(deque, arguments[0], from: 0, to: deque.count,
                                                      mutationError: .indexError("deque mutated during iteration")) else {
                    throw .valueError("\(try thread.reprText(arguments[0])) is not in deque")
                }
                deque.remove(at: found).release()
                return .none
            }
            type.define("reverse", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("reverse", 0...0)
                get(value).reverse()
                return .none
            }
            type.define("rotate", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("rotate", 0...1)
                let steps = arguments.positionalCount == 1 ? try thread.integerArgument(arguments[0]).clampedToInt : 1
                get(value).rotate(steps)
                return .none
            }
            type.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__reversed__", 0...0)
                return .object(ObjectRef.allocate(PyDequeIterator(deque: get(value), isReversed: true,
                                                                  type: thread.interpreter.dequeIteratorType(reversed: true))))
            }
            type.define("__reduce__", self) { thread, value, _ throws(EvalError) in
                let deque = get(value)
                let kind = thread.typeOf(value)
                kind.incref()
                let arguments = deque.maxLength.map { thread.interpreter.newTuple([thread.interpreter.newTuple([]), .int($0)]) }
                    ?? thread.interpreter.newTuple([])
                var state = Value.none
                if let dict = thread.instanceDict(of: value), dict.count > 0 {
                    dict.incref()
                    state = .object(ObjectRef(Unmanaged.passUnretained(dict)))
                }
                let iterator = try thread.iterate(value)
                return thread.interpreter.newTuple([kind.value, arguments, state, iterator])
            }
            type.defineAttribute("maxlen", self, get: { _, value throws(EvalError) in
                get(value).maxLength.map { .int($0) } ?? .none
            })
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.makeGenericAlias(arguments)
            }
        }
    }

    /// `_collections._deque_iterator` and `_deque_reverse_iterator`.
    func dequeIteratorType(reversed: Bool) -> PyType {
        nativeType(reversed ? "_deque_reverse_iterator" : "_deque_iterator", module: "_collections", flags: []) { type in
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { _, value throws(EvalError) in
                let iterator = value.as(PyDequeIterator.self)!
                if iterator.deque.state != iterator.state {
                    iterator.remaining = 0
                    throw .runtimeError("deque mutated during iteration")
                }
                if iterator.remaining == 0 { return nil }
                let item = iterator.deque[iterator.index]
                iterator.index += iterator.isReversed ? -1 : 1
                iterator.remaining -= 1
                item.retain()
                return item
            }
            type.installSlots(slots, self)
            type.define("__length_hint__", self) { _, value, _ throws(EvalError) in
                .int(value.as(PyDequeIterator.self)!.remaining)
            }
        }
    }
}

extension ThreadState {
    /// The position a deque subscript names (CPython's messages).
    func dequeIndex(_ deque: PyDeque, _ key: Value) throws(EvalError) -> Int {
        guard Arithmetic.pyInteger(key) != nil || typeOf(key).slots.index != nil else {
            throw .typeError("sequence index must be integer, not '\(typeOf(key).name)'")
        }
        var index = try integerArgument(key).clampedToInt
        if index < 0 { index += deque.count }
        guard index >= 0 && index < deque.count else { throw .indexError("deque index out of range") }
        return index
    }

    /// The first position in `start..<stop` holding an item equal to
    /// `item`; the deque must not change while items are compared.
    func dequeFind(_ deque: PyDeque, _ item: Value, from start: Int, to stop: Int,
                   mutationError: EvalError = .runtimeError("deque mutated during iteration")) throws(EvalError) -> Int? {
        let state = deque.state
        var index = start
        while index < stop && index < deque.count {
            let element = deque[index]
            element.retain()
            let same: Bool
            do throws(EvalError) { same = try equal(element, item) } catch {
                element.release()
                throw error
            }
            element.release()
            if deque.state != state { throw mutationError }
            if same { return index }
            index += 1
        }
        return nil
    }

    /// `deque.extend` / `extendleft` (a deque extended by itself reads a copy first).
    func extendDeque(_ value: Value, _ iterable: Value, left: Bool) throws(EvalError) {
        let deque = value.as(PyDeque.self)!
        if iterable.isIdentical(to: value) {
            // Retained first: a bounded deque drops items as it grows.
            let items = deque.items
            for item in items { item.retain() }
            for item in items {
                if left { deque.appendLeft(item) } else { deque.append(item) }
            }
            return
        }
        try forEach(iterable) { item throws(EvalError) in
            item.retain()
            if left { deque.appendLeft(item) } else { deque.append(item) }
        }
    }

    /// A new deque of the same type, items and maximum length.
    func copyDeque(_ value: Value) throws(EvalError) -> Value {
        let deque = value.as(PyDeque.self)!
        let type = typeOf(value)
        if type === interpreter.dequeType() {
            let copy = PyDeque(type: type)
            copy.maxLength = deque.maxLength
            for item in deque.items {
                item.retain()
                copy.append(item)
            }
            return .object(ObjectRef.allocate(copy))
        }
        let limit: Value = deque.maxLength.map { .int($0) } ?? .none
        return try Arguments.with([value, limit]) { (arguments) throws(EvalError) -> Value in
            try call(type.value, arguments)
        }
    }

    /// `deque *= n`.
    func repeatDeque(_ value: Value, _ times: Int) throws(EvalError) {
        let deque = value.as(PyDeque.self)!
        if times <= 0 {
            for item in deque.removeAll() { item.release() }
            return
        }
        let items = deque.items
        for item in items { item.retain() }
        defer { for item in items { item.release() } }
        for _ in 1..<times {
            for item in items {
                item.retain()
                deque.append(item)
            }
        }
    }
}
