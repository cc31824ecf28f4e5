extension Interpreter {
    /// `list`.
    func installListType() {
        let list = types.list
        func get(_ value: Value) -> PyList { value.as(PyList.self)! }
        var slots = TypeSlots()
        slots.length = { _, value throws(EvalError) in get(value).count }
        slots.getItem = { thread, value, key throws(EvalError) in
            let list = get(value)
            if let slice = key.as(PySlice.self) { return thread.interpreter.newList(try thread.sliceItems(list.items, slice)) }
            let item = list.items[try thread.sequenceIndex(key, count: list.count, what: "list")]
            item.retain()
            return item
        }
        slots.setItem = { thread, value, key, newValue throws(EvalError) in
            let list = get(value)
            if let slice = key.as(PySlice.self) {
                try thread.assignSlice(list, slice, newValue)
                return
            }
            let index = try thread.sequenceIndex(key, count: list.count, what: "list", outOfRange: "list assignment index out of range")
            if let newValue {
                newValue.retain()
                let old = list.items[index]
                list.items[index] = newValue
                old.release()
            } else {
                let old = list.items.remove(at: index)
                old.release()
            }
        }
        slots.contains = { thread, value, item throws(EvalError) in
            let list = get(value)
            var index = 0
            while index < list.count {
                let element = list.items[index]
                element.retain()
                defer { element.release() }
                if try thread.equal(element, item) { return true }
                index += 1
            }
            return false
        }
        slots.iterate = { thread, value throws(EvalError) in
            value.retain()
            return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: thread.interpreter.types.other("list_iterator"))))
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PyList.self), let b = right.as(PyList.self) else { return thread.notImplemented() }
            return try thread.compareLists(a, b, operation)
        }
        slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
        slots.repr = { thread, value throws(EvalError) in try thread.reprItems(value, get(value).items, open: "[", close: "]") }
        slots.binary[0] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyList.self), let b = right.as(PyList.self) else {
                if left.as(PyList.self) != nil {
                    if let answer = try thread.reflectedConcatenation(left, right) { return answer }
                    throw .typeError("can only concatenate list (not \"\(thread.typeOf(right).name)\") to list")
                }
                return thread.notImplemented()
            }
            let combined = a.items + b.items
            for item in combined { item.retain() }
            return thread.interpreter.newList(combined)
        }
        slots.inPlace[0] = { thread, left, right throws(EvalError) in
            let list = get(left)
            let extra = try thread.collect(right)
            list.items.append(contentsOf: extra)
            left.retain()
            return left
        }
        slots.binary[5] = { thread, left, right throws(EvalError) in
            let (sequence, times) = left.as(PyList.self) != nil ? (left, right) : (right, left)
            guard let list = sequence.as(PyList.self) else { return thread.notImplemented() }
            let (count, answer) = try thread.repeatCount(left, right, times: times, sequenceType: thread.interpreter.types.list)
            if let answer { return answer }
            var result: [Value] = []
            result.reserveCapacity(try thread.repeatedItemCount(list.count, times: count))
            if !list.items.isEmpty { for _ in 0..<count { for item in list.items { item.retain(); result.append(item) } } }
            return thread.interpreter.newList(result)
        }
        slots.inPlace[5] = { thread, left, right throws(EvalError) in
            guard let list = left.as(PyList.self) else { return thread.notImplemented() }
            let (count, answer) = try thread.repeatCount(left, right, times: right, sequenceType: thread.interpreter.types.list)
            if let answer { return answer }
            if count == 0 {
                let old = list.items
                list.items = []
                for item in old { item.release() }
            } else if count > 1 && !list.items.isEmpty {
                let original = list.items
                list.items.reserveCapacity(try thread.repeatedItemCount(original.count, times: count))
                for _ in 1..<count { for item in original { item.retain(); list.items.append(item) } }
            }
            left.retain()
            return left
        }
        slots.new = { thread, type, _ throws(EvalError) in
            .object(ObjectRef.allocate(PyList([], type: type)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            try thread.rejectConstructorKeywords(thread.typeOf(value), base: thread.interpreter.types.list, arguments,
                                                 overriding: "__new__")
            if arguments.positionalCount > 1 { throw .typeError("list expected at most 1 argument, got \(arguments.positionalCount)") }
            let list = get(value)
            let old = list.items
            list.items = arguments.positionalCount == 1 ? try thread.collect(arguments[0]) : []
            for item in old { item.release() }
        }
        list.installSlots(slots, self)
        // Concatenation is the sequence's own `+` (CPython's sq_concat): no reflected `__radd__`.
        list.removeSlotWrapper("__radd__", self)
        list.setAttribute("__hash__", .none, self)
        list.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reversed__", 0...0)
            return thread.makeListReverseIterator(value)
        }
        list.define("append", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("list.append", 1...1)
            let item = arguments[0]
            item.retain()
            get(value).items.append(item)
            return .none
        }
        list.define("extend", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("list.extend", 1...1)
            let extra = try thread.collect(arguments[0])
            get(value).items.append(contentsOf: extra)
            return .none
        }
        list.define("insert", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("insert", 2...2)
            let list = get(value)
            var index = try thread.indexInt(arguments[0])
            if index < 0 { index = max(0, index + list.count) }
            index = min(index, list.count)
            arguments[1].retain()
            list.items.insert(arguments[1], at: index)
            return .none
        }
        list.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("pop", 0...1)
            let list = get(value)
            if list.items.isEmpty { throw .indexError("pop from empty list") }
            var index = arguments.positionalCount == 1 ? try thread.indexInt(arguments[0]) : list.count - 1
            if index < 0 { index += list.count }
            guard index >= 0 && index < list.count else { throw .indexError("pop index out of range") }
            return list.items.remove(at: index)
        }
        list.define("remove", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("list.remove", 1...1)
            let list = get(value)
            if let position = try thread.firstEqualItem(in: list, to: arguments[0], from: 0, to: Int.max) {
                if position < list.count { list.items.remove(at: position).release() }   // __eq__ may have shrunk it
                return .none
            }
            throw .valueError("list.remove(x): x not in list")
        }
        list.define("index", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("index", 1...3)
            let list = get(value)
            let (start, stop) = try thread.searchRange(arguments, from: 1, count: list.count)
            if let position = try thread.firstEqualItem(in: list, to: arguments[0], from: start, to: stop) { return .int(position) }
            throw .valueError("\(try thread.reprText(arguments[0])) is not in list")
        }
        list.define("count", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("count", 1...1)
            let list = get(value)
            var total = 0
            var position = 0
            while let found = try thread.firstEqualItem(in: list, to: arguments[0], from: position, to: Int.max) {
                total += 1
                position = found + 1
            }
            return .int(total)
        }
        list.define("clear", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("list.clear", 0...0)
            let list = get(value)
            let old = list.items
            list.items = []
            for item in old { item.release() }
            return .none
        }
        list.define("copy", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("list.copy", 0...0)
            let items = get(value).items
            for item in items { item.retain() }
            return thread.interpreter.newList(items)
        }
        list.define("reverse", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("list.reverse", 0...0)
            get(value).items.reverse()
            return .none
        }
        list.define("sort", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind("sort", ["key", "reverse"], required: 0, keywordOnlyFrom: 0)
            let list = get(value)
            var items = list.items
            list.items = []
            defer {
                let changed = list.items
                list.items = items
                for item in changed { item.release() }
            }
            let reverse = try bound[1].map { (flag) throws(EvalError) in try thread.truth(flag) } ?? false
            try thread.sort(&items, key: bound[0].flatMap { $0.isNone ? nil : $0 }, reverse: reverse)
            if !list.items.isEmpty { throw .valueError("list modified during sort") }
            return .none
        }
        list.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
    }
}

extension ThreadState {
    /// A stable sort with `<` (CPython's list.sort semantics). Like CPython
    /// (since 3.7), keys that are all ints, all floats or all exact strs are
    /// compared directly, without dispatching `<` through the types.
    func sort(_ items: inout [Value], key: Value?, reverse: Bool) throws(EvalError) {
        var keys: [Value] = []
        if let key {
            keys.reserveCapacity(items.count)
            for item in items {
                do throws(EvalError) {
                    keys.append(try call(key, [item]))
                } catch {
                    for made in keys { made.release() }
                    throw error
                }
            }
        } else {
            keys = items
        }
        defer { if key != nil { for made in keys { made.release() } } }
        var order = Array(0..<items.count)
        // Reversing before and after keeps equal items in their order.
        if reverse { order.reverse() }
        switch SortKeyKind(of: keys, exactStr: interpreter.types.str) {
        case .ints:
            order.sort { keys[$0].unsafeInt < keys[$1].unsafeInt }
        case .floats:
            order.sort { keys[$0].unsafeFloat < keys[$1].unsafeFloat }
        case .strs:
            order.sort { keys[$0].unsafeStrObject.codePoints.lexicographicallyPrecedes(keys[$1].unsafeStrObject.codePoints) }
        case .mixed:
            var failure: EvalError?
            order.sort { a, b in
                if failure != nil { return false }
                do throws(EvalError) {
                    return try compareBool(keys[a], keys[b], .less)
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
        if reverse { order.reverse() }
        items = order.map { items[$0] }
    }

    /// `list[slice] = iterable` and `del list[slice]`.
    func assignSlice(_ list: PyList, _ slice: PySlice, _ newValue: Value?) throws(EvalError) {
        let (start, stop, step, length) = try sliceIndices(slice, count: list.count)
        let replacement = try newValue.map { (value) throws(EvalError) in try collect(value) } ?? []
        if step == 1 {
            let upper = max(start, stop)
            let removed = Array(list.items[start..<upper])
            list.items.replaceSubrange(start..<upper, with: replacement)
            for item in removed { item.release() }
            return
        }
        if newValue == nil {
            var indexes = Set<Int>()
            var index = start
            for _ in 0..<length { indexes.insert(index); index &+= step }
            var kept: [Value] = []
            for (position, item) in list.items.enumerated() {
                if indexes.contains(position) { item.release() } else { kept.append(item) }
            }
            list.items = kept
            return
        }
        guard replacement.count == length else {
            for item in replacement { item.release() }
            throw .valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(length)")
        }
        var index = start
        for item in replacement {
            let old = list.items[index]
            list.items[index] = item
            old.release()
            index &+= step   // past the last item it may wrap: never used then
        }
    }
}

/// What all the keys of a sort are, when they are all one simple kind.
private enum SortKeyKind {
    case ints, floats, strs, mixed

    init(of keys: [Value], exactStr: PyType) {
        guard let first = keys.first else { self = .mixed; return }
        switch first {
        case .int: self = keys.allSatisfy { if case .int = $0 { true } else { false } } ? .ints : .mixed
        case .float: self = keys.allSatisfy { if case .float = $0 { true } else { false } } ? .floats : .mixed
        case .object:
            let strPointer = UnsafeRawPointer(Unmanaged.passUnretained(exactStr).toOpaque())
            self = keys.allSatisfy { key in
                guard case .object(let reference) = key else { return false }
                return reference.with { $0.typePointer } == strPointer
            } ? .strs : .mixed
        default: self = .mixed
        }
    }
}


private extension Value {
    /// The payload of a value `SortKeyKind` found to be an int / a float.
    var unsafeInt: Int { if case .int(let value) = self { value } else { 0 } }
    var unsafeFloat: Double { if case .float(let value) = self { value } else { 0 } }
}
extension ThreadState {
    /// The position of the first item of `list[start:stop]` equal to `value`.
    /// An `__eq__` may mutate the list, so each item is held while it is
    /// compared and the length is re-read every step (as CPython does).
    func firstEqualItem(in list: PyList, to value: Value, from start: Int, to stop: Int) throws(EvalError) -> Int? {
        var position = start
        while position < min(stop, list.count) {
            let element = list.items[position]
            element.retain()
            defer { element.release() }
            if try equal(element, value) { return position }
            position += 1
        }
        return nil
    }
}
