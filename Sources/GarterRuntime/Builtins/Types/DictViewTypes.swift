import GarterCompiler

extension Interpreter {
    /// `dict_keys`, `dict_values`, `dict_items` and the six dict iterators
    /// (forwards and reversed), as in CPython 3.11: keys and items views are
    /// set-like (comparisons, `&`, `|`, `-`, `^`, `isdisjoint`), values views
    /// are not.
    func installDictViewTypes() {
        let kinds: [(String, PyDictView.Kind)] = [("dict_keys", .keys), ("dict_values", .values), ("dict_items", .items)]
        for (name, kind) in kinds {
            let viewType = types.other(name)
            var slots = TypeSlots()
            slots.length = { _, value throws(EvalError) in value.as(PyDictView.self).unsafelyUnwrapped.dict.count }
            slots.iterate = { thread, value throws(EvalError) in
                thread.makeDictIterator(value.as(PyDictView.self).unsafelyUnwrapped.dictValue, kind: kind, reversed: false)
            }
            slots.repr = { thread, value throws(EvalError) in
                guard let reference = value.objectReference else { return .none }
                if thread.reprInProgress.contains(reference) { return thread.interpreter.newString("...") }
                thread.reprInProgress.insert(reference)
                defer { thread.reprInProgress.remove(reference) }
                let items = try thread.collect(value)
                let list = thread.interpreter.newList(items)
                defer { list.release() }
                return thread.interpreter.newString("\(name)(\(try thread.reprText(list)))")
            }
            if kind != .values {
                slots.contains = { thread, value, item throws(EvalError) in
                    try thread.dictViewContains(value.as(PyDictView.self).unsafelyUnwrapped, item)
                }
                slots.hash = { thread, value throws(EvalError) in
                    throw .typeError("unhashable type: '\(thread.typeOf(value).name)'")
                }
                slots.richCompare = { thread, left, right, operation throws(EvalError) in
                    try thread.dictViewCompare(left, right, operation)
                }
                slots.binary[BinaryOperationIndex.subtract] = { thread, left, right throws(EvalError) in
                    let result = try thread.dictViewToSet(left)
                    do throws(EvalError) {
                        try thread.setDifferenceUpdate(result.as(PySet.self).unsafelyUnwrapped, right)
                    } catch {
                        result.release()
                        throw error
                    }
                    return result
                }
                slots.binary[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
                    let result = try thread.dictViewToSet(left)
                    do throws(EvalError) {
                        try thread.setUpdate(result.as(PySet.self).unsafelyUnwrapped, right)
                    } catch {
                        result.release()
                        throw error
                    }
                    return result
                }
                slots.binary[BinaryOperationIndex.and] = { thread, left, right throws(EvalError) in
                    try thread.dictViewIntersection(left, right)
                }
                slots.binary[BinaryOperationIndex.xor] = { thread, left, right throws(EvalError) in
                    if let a = left.as(PyDictView.self), a.kind == .items, let b = right.as(PyDictView.self), b.kind == .items {
                        return try thread.dictItemsSymmetricDifference(a, b)
                    }
                    let result = try thread.dictViewToSet(left)
                    do throws(EvalError) {
                        try thread.setSymmetricDifferenceUpdate(result.as(PySet.self).unsafelyUnwrapped, right)
                    } catch {
                        result.release()
                        throw error
                    }
                    return result
                }
            }
            viewType.installSlots(slots, self)
            if kind != .values {
                viewType.setAttribute("__hash__", .none, self)
                viewType.define("isdisjoint", self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect("\(name).isdisjoint", 1...1)
                    return .bool(try thread.dictViewIsDisjoint(value, arguments[0]))
                }
            }
            viewType.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("\(name).__reversed__", 0...0)
                return thread.makeDictIterator(value.as(PyDictView.self).unsafelyUnwrapped.dictValue, kind: kind, reversed: true)
            }
            viewType.defineAttribute("mapping", self) { thread, value throws(EvalError) in
                try thread.makeMappingProxy(value.as(PyDictView.self).unsafelyUnwrapped.dict)
            }
        }
        installDictIteratorTypes()
    }

    private func installDictIteratorTypes() {
        let names: [(String, PyDictView.Kind, Bool)] = [
            ("dict_keyiterator", .keys, false), ("dict_valueiterator", .values, false), ("dict_itemiterator", .items, false),
            ("dict_reversekeyiterator", .keys, true), ("dict_reversevalueiterator", .values, true),
            ("dict_reverseitemiterator", .items, true),
        ]
        for (name, _, _) in names {
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                try thread.dictIteratorNext(value.as(PyDictIterator.self).unsafelyUnwrapped)
            }
            let type = types.other(name)
            type.installSlots(slots, self)
            type.define("__length_hint__", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("\(name).__length_hint__", 0...0)
                let iterator = value.as(PyDictIterator.self).unsafelyUnwrapped
                guard let dict = iterator.dict?.as(PyDict.self), dict.count == iterator.expectedCount else { return .int(0) }
                return .int(iterator.remaining)
            }
            // Pickles as `iter(list_of_the_remaining_items)`, read from a copy
            // of the iterator so that this one does not move.
            type.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("\(name).__reduce__", 0...0)
                let iterator = value.as(PyDictIterator.self).unsafelyUnwrapped
                var remaining: [Value] = []
                if let dict = iterator.dict {
                    let copyValue = thread.makeDictIterator(dict, kind: iterator.kind, reversed: iterator.isReversed)
                    defer { copyValue.release() }
                    let copy = copyValue.as(PyDictIterator.self).unsafelyUnwrapped
                    copy.position = iterator.position
                    copy.expectedCount = iterator.expectedCount
                    copy.remaining = iterator.remaining
                    do throws(EvalError) {
                        while let item = try thread.dictIteratorNext(copy) { remaining.append(item) }
                    } catch {
                        for item in remaining { item.release() }
                        throw error
                    }
                }
                return try thread.iteratorReduction(thread.interpreter.newList(remaining))
            }
        }
    }
}

extension ThreadState {
    /// `(iter, (iterable,))`, what an iterator pickles as (takes over `iterable`).
    func iteratorReduction(_ iterable: Value, position: Int? = nil) throws(EvalError) -> Value {
        guard let iter = interpreter.builtins.lookup(name: "iter") else {
            iterable.release()
            throw .runtimeError("lost builtins.iter")
        }
        iter.retain()
        var parts = [iter, interpreter.newTuple([iterable])]
        if let position { parts.append(.int(position)) }
        return interpreter.newTuple(parts)
    }
}

extension ThreadState {
    /// A new view of `dict` (borrowed).
    func makeDictView(_ dict: Value, kind: PyDictView.Kind) -> Value {
        let name = kind == .keys ? "dict_keys" : kind == .values ? "dict_values" : "dict_items"
        return .object(ObjectRef.allocate(PyDictView(dict: dict, kind: kind, type: interpreter.types.other(name))))
    }

    /// A new iterator over `dict` (borrowed).
    func makeDictIterator(_ dict: Value, kind: PyDictView.Kind, reversed: Bool) -> Value {
        let name: String
        switch kind {
        case .keys: name = reversed ? "dict_reversekeyiterator" : "dict_keyiterator"
        case .values: name = reversed ? "dict_reversevalueiterator" : "dict_valueiterator"
        case .items: name = reversed ? "dict_reverseitemiterator" : "dict_itemiterator"
        }
        let iterator = PyDictIterator(dict: dict, kind: kind, reversed: reversed, type: interpreter.types.other(name))
        return .object(ObjectRef.allocate(iterator))
    }

    /// `next()` of a dict iterator. A change of size is an error every time
    /// it is asked again; finding more entries than the dict had when
    /// iteration started (a key deleted, another added) is one too.
    func dictIteratorNext(_ iterator: PyDictIterator) throws(EvalError) -> Value? {
        guard let dictValue = iterator.dict else { return nil }
        let dict = dictValue.as(PyDict.self).unsafelyUnwrapped
        if dict.count != iterator.expectedCount {
            iterator.expectedCount = -1
            throw .runtimeError("dictionary changed size during iteration")
        }
        let table = dict.storage
        let number: Int
        if iterator.isReversed {
            var current = min(iterator.position, table.entryCount - 1)
            while current >= 0 && !table.isLive(entry: current) { current -= 1 }
            guard current >= 0 else {
                iterator.finish()
                return nil
            }
            number = current
            iterator.position = current - 1
        } else {
            guard let found = table.nextEntry(from: iterator.position) else {
                iterator.finish()
                return nil
            }
            if iterator.remaining == 0 {
                iterator.finish()
                throw .runtimeError("dictionary keys changed during iteration")
            }
            number = found
            iterator.position = found + 1
        }
        iterator.remaining -= 1
        switch iterator.kind {
        case .keys:
            let key = table.key(atEntry: number)
            key.retain()
            return key
        case .values:
            let value = table.value(atEntry: number)
            value.retain()
            return value
        case .items:
            let key = table.key(atEntry: number)
            let value = table.value(atEntry: number)
            key.retain()
            value.retain()
            return interpreter.newTuple([key, value])
        }
    }

    /// `x in d.keys()` / `(k, v) in d.items()`.
    func dictViewContains(_ view: PyDictView, _ item: Value) throws(EvalError) -> Bool {
        let dict = view.dict
        if view.kind == .keys { return try dict.contains(item, hash: try hash(item), self) }
        guard let pair = item.as(PyTuple.self), pair.count == 2 else { return false }
        let key = pair.items[0]
        guard let found = try dict.lookup(key, hash: try hash(key), self) else { return false }
        found.retain()
        defer { found.release() }
        return try equal(found, pair.items[1])
    }

    /// Whether `value` is a set, a frozenset, or a keys or items view.
    func isSetLike(_ value: Value) -> Bool {
        if value.as(PySet.self) != nil { return true }
        if let view = value.as(PyDictView.self) { return view.kind != .values }
        return false
    }

    /// Comparisons of keys and items views with sets and other such views
    /// (`dictview_richcompare`): sizes first, then containment.
    func dictViewCompare(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(EvalError) -> Value {
        guard left.as(PyDictView.self) != nil, isSetLike(right) else { return notImplemented() }
        let leftCount = try length(left)
        let rightCount = try length(right)
        let result: Bool
        switch operation {
        case .equal, .notEqual:
            let same = leftCount == rightCount ? try allContained(left, in: right) : false
            result = operation == .equal ? same : !same
        case .less: result = leftCount < rightCount ? try allContained(left, in: right) : false
        case .lessOrEqual: result = leftCount <= rightCount ? try allContained(left, in: right) : false
        case .greater: result = leftCount > rightCount ? try allContained(right, in: left) : false
        case .greaterOrEqual: result = leftCount >= rightCount ? try allContained(right, in: left) : false
        }
        return .bool(result)
    }

    /// Whether every item of `items` is `in container`.
    func allContained(_ items: Value, in container: Value) throws(EvalError) -> Bool {
        let iterator = try iterate(items)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            if try !contains(container, item) { return false }
        }
        return true
    }

    /// The set a view operation starts from (`dictviews_to_set`): the keys
    /// of the dict for a keys view, else the items of `value` (which, for a
    /// reflected operation, is the other operand).
    func dictViewToSet(_ value: Value) throws(EvalError) -> Value {
        if let view = value.as(PyDictView.self), view.kind == .keys {
            return try newSet(interpreter.types.set, from: view.dictValue)
        }
        return try newSet(interpreter.types.set, from: value)
    }

    /// `view & other` (`_PyDictView_Intersect`): a set; which side is
    /// iterated follows CPython, since it decides the result's order.
    func dictViewIntersection(_ left: Value, _ right: Value) throws(EvalError) -> Value {
        var view = left
        var other = right
        if left.as(PyDictView.self) == nil { swap(&view, &other) }
        let viewCount = try length(view)
        if typeOf(other) === interpreter.types.set, viewCount <= (try length(other)) {
            return try callMethod(other, interpreter.internedString("intersection"), [view])
        }
        if let otherView = other.as(PyDictView.self), otherView.kind != .values, otherView.dict.count > viewCount {
            swap(&view, &other)
        }
        let searched = view.as(PyDictView.self).unsafelyUnwrapped
        let result = try newSet(interpreter.types.set, from: nil)
        let set = result.as(PySet.self).unsafelyUnwrapped
        do throws(EvalError) {
            let iterator = try iterate(other)
            defer { iterator.release() }
            while let item = try next(iterator) {
                defer { item.release() }
                if try dictViewContains(searched, item) {
                    try set.add(item, hash: try hash(item), self)
                }
            }
        } catch {
            result.release()
            throw error
        }
        return result
    }

    /// `a.items() ^ b.items()` (`dictitems_xor`): the pairs of `b` whose key
    /// `a` lacks or maps to a different value, then `a`'s remaining pairs.
    func dictItemsSymmetricDifference(_ a: PyDictView, _ b: PyDictView) throws(EvalError) -> Value {
        let remaining = PyDict(type: interpreter.types.dict, storage: a.dict.storage.copy())
        let remainingValue = Value.object(ObjectRef.allocate(remaining))
        defer { remainingValue.release() }
        let result = try newSet(interpreter.types.set, from: nil)
        let set = result.as(PySet.self).unsafelyUnwrapped
        do throws(EvalError) {
            let other = b.dict.storage
            var number = 0
            while let found = other.nextEntry(from: number) {
                let key = other.key(atEntry: found)
                let valueB = other.value(atEntry: found)
                let hash = other.hash(atEntry: found)
                key.retain()
                valueB.retain()
                defer {
                    key.release()
                    valueB.release()
                }
                if let valueA = try remaining.lookup(key, hash: hash, self) {
                    valueA.retain()
                    defer { valueA.release() }
                    if try equal(valueA, valueB) {
                        try remaining.remove(key, hash: hash, self)?.release()
                    } else {
                        try addPair(key, valueB, to: set)
                    }
                } else {
                    try addPair(key, valueB, to: set)
                }
                number = found + 1
            }
            let items = makeDictView(remainingValue, kind: .items)
            defer { items.release() }
            try setUpdate(set, items)
        } catch {
            result.release()
            throw error
        }
        return result
    }

    private func addPair(_ key: Value, _ value: Value, to set: PySet) throws(EvalError) {
        key.retain()
        value.retain()
        let pair = interpreter.newTuple([key, value])
        defer { pair.release() }
        try set.add(pair, hash: try hash(pair), self)
    }

    /// `view.isdisjoint(other)` (`dictviews_isdisjoint`): iterates the
    /// smaller side when both are set-like, else `other`.
    func dictViewIsDisjoint(_ view: Value, _ other: Value) throws(EvalError) -> Bool {
        if view.isIdentical(to: other) { return try length(view) == 0 }
        var searched = view
        var iterated = other
        if isSetLike(other), try length(other) > length(view) {
            swap(&searched, &iterated)
        }
        let iterator = try iterate(iterated)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            if try contains(searched, item) { return false }
        }
        return true
    }
}
