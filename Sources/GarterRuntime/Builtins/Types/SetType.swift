import GarterCompiler

extension Interpreter {
    /// `set` and `frozenset` with CPython 3.11's methods, operators and
    /// messages; each operation follows CPython's algorithm (which table is
    /// iterated, which searched), since that decides the result's order.
    func installSetTypes() {
        for (type, frozen) in [(types.set, false), (types.frozenset, true)] {
            let typeName = frozen ? "frozenset" : "set"
            func get(_ value: Value) -> PySet { value.as(PySet.self).unsafelyUnwrapped }
            var slots = TypeSlots()
            slots.length = { _, value throws(EvalError) in get(value).count }
            slots.contains = { thread, value, item throws(EvalError) in
                let (key, hash) = try thread.setKeyAndHash(item)
                defer { key.release() }
                return try get(value).contains(key, hash: hash, thread)
            }
            slots.iterate = { thread, value throws(EvalError) in
                .object(ObjectRef.allocate(PySetIterator(set: value, type: thread.interpreter.types.other("set_iterator"))))
            }
            slots.repr = { thread, value throws(EvalError) in try thread.setRepr(value) }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard let a = left.as(PySet.self), let b = right.as(PySet.self) else { return thread.notImplemented() }
                return .bool(try thread.compareSets(a, b, operation))
            }
            if frozen {
                slots.hash = { _, value throws(EvalError) in
                    let set = get(value)
                    if set.cachedHash == -1 { set.cachedHash = FrozenSetHash.hash(of: set.storage) }
                    return set.cachedHash
                }
            } else {
                slots.hash = { thread, value throws(EvalError) in
                    throw .typeError("unhashable type: '\(thread.typeOf(value).name)'")
                }
            }
            // `a | b` and friends need two sets (`{1} | [1]` is a TypeError);
            // the result has the left operand's base type.
            slots.binary[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
                guard left.as(PySet.self) != nil, right.as(PySet.self) != nil else { return thread.notImplemented() }
                let result = try thread.setCopy(left)
                if left.isIdentical(to: right) { return result }
                do throws(EvalError) { try thread.setUpdate(result.as(PySet.self).unsafelyUnwrapped, right) } catch {
                    result.release()
                    throw error
                }
                return result
            }
            slots.binary[BinaryOperationIndex.and] = { thread, left, right throws(EvalError) in
                guard left.as(PySet.self) != nil, right.as(PySet.self) != nil else { return thread.notImplemented() }
                return try thread.setIntersection(left, right)
            }
            slots.binary[BinaryOperationIndex.subtract] = { thread, left, right throws(EvalError) in
                guard left.as(PySet.self) != nil, right.as(PySet.self) != nil else { return thread.notImplemented() }
                return try thread.setDifference(left, right)
            }
            slots.binary[BinaryOperationIndex.xor] = { thread, left, right throws(EvalError) in
                guard left.as(PySet.self) != nil, right.as(PySet.self) != nil else { return thread.notImplemented() }
                return try thread.setSymmetricDifference(left, right)
            }
            if !frozen {
                slots.inPlace[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
                    guard right.as(PySet.self) != nil else { return thread.notImplemented() }
                    try thread.setUpdate(get(left), right)
                    left.retain()
                    return left
                }
                slots.inPlace[BinaryOperationIndex.and] = { thread, left, right throws(EvalError) in
                    guard right.as(PySet.self) != nil else { return thread.notImplemented() }
                    try thread.setIntersectionUpdate(get(left), right)
                    left.retain()
                    return left
                }
                slots.inPlace[BinaryOperationIndex.subtract] = { thread, left, right throws(EvalError) in
                    guard right.as(PySet.self) != nil else { return thread.notImplemented() }
                    try thread.setDifferenceUpdate(get(left), right)
                    left.retain()
                    return left
                }
                slots.inPlace[BinaryOperationIndex.xor] = { thread, left, right throws(EvalError) in
                    guard right.as(PySet.self) != nil else { return thread.notImplemented() }
                    try thread.setSymmetricDifferenceUpdate(get(left), right)
                    left.retain()
                    return left
                }
            }
            if frozen {
                slots.new = { thread, subtype, arguments throws(EvalError) in
                    if subtype === thread.interpreter.types.frozenset { try arguments.rejectKeywords("frozenset") }
                    if arguments.positionalCount > 1 {
                        throw .typeError("\(subtype.name) expected at most 1 argument, got \(arguments.positionalCount)")
                    }
                    let iterable = arguments.positionalCount == 1 ? arguments[0] : nil
                    // frozenset(f) is f itself for an exact frozenset.
                    if subtype === thread.interpreter.types.frozenset, let iterable,
                       thread.typeOf(iterable) === thread.interpreter.types.frozenset {
                        iterable.retain()
                        return iterable
                    }
                    return try thread.newSet(subtype, from: iterable)
                }
            } else {
                slots.new = { thread, subtype, arguments throws(EvalError) in
                    if subtype === thread.interpreter.types.set { try arguments.rejectKeywords("set") }
                    return .object(ObjectRef.allocate(PySet(type: subtype)))
                }
                slots.initialize = { thread, value, arguments throws(EvalError) in
                    try arguments.rejectKeywords("set")
                    if arguments.positionalCount > 1 {
                        throw .typeError("\(thread.typeOf(value).name) expected at most 1 argument, got \(arguments.positionalCount)")
                    }
                    let set = get(value)
                    set.storage.removeAll()
                    if arguments.positionalCount == 1 { try thread.setUpdate(set, arguments[0]) }
                }
            }
            type.installSlots(slots, self)
            if !frozen { type.setAttribute("__hash__", .none, self) }
            installSetMethods(type, typeName: typeName, frozen: frozen)
        }
        installSetIteratorType()
    }

    private func installSetMethods(_ type: PyType, typeName: String, frozen: Bool) {
        func get(_ value: Value) -> PySet { value.as(PySet.self).unsafelyUnwrapped }
        type.define("copy", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).copy", 0...0)
            if thread.typeOf(value) === thread.interpreter.types.frozenset {
                value.retain()
                return value
            }
            return try thread.setCopy(value)
        }
        type.define("union", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("\(typeName).union")
            let result = try thread.setCopy(value)
            do throws(EvalError) {
                for index in 0..<arguments.positionalCount where !arguments[index].isIdentical(to: value) {
                    try thread.setUpdate(result.as(PySet.self).unsafelyUnwrapped, arguments[index])
                }
            } catch {
                result.release()
                throw error
            }
            return result
        }
        type.define("intersection", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("\(typeName).intersection")
            return try thread.setIntersectionMulti(value, arguments)
        }
        type.define("difference", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("\(typeName).difference")
            if arguments.positionalCount == 0 { return try thread.setCopy(value) }
            let result = try thread.setDifference(value, arguments[0])
            do throws(EvalError) {
                for index in 1..<max(1, arguments.positionalCount) {
                    try thread.setDifferenceUpdate(result.as(PySet.self).unsafelyUnwrapped, arguments[index])
                }
            } catch {
                result.release()
                throw error
            }
            return result
        }
        type.define("symmetric_difference", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).symmetric_difference", 1...1)
            return try thread.setSymmetricDifference(value, arguments[0])
        }
        type.define("issubset", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).issubset", 1...1)
            return .bool(try thread.setIsSubset(value, arguments[0]))
        }
        type.define("issuperset", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).issuperset", 1...1)
            return .bool(try thread.setIsSuperset(value, arguments[0]))
        }
        type.define("isdisjoint", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).isdisjoint", 1...1)
            return .bool(try thread.setIsDisjoint(value, arguments[0]))
        }
        type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
        // CPython 3.11 on x86-64: a 200-byte object with the 8-slot table
        // inside, plus 16 bytes per slot of a table allocated beside it.
        type.define("__sizeof__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("\(typeName).__sizeof__", 0...0)
            let storage = get(value).storage
            return .int(200 + (storage.usesSmallTable ? 0 : storage.capacity * 16))
        }
        if frozen { return }
        type.define("add", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("set.add", 1...1)
            let item = arguments[0]
            try get(value).add(item, hash: try thread.hash(item), thread)
            return .none
        }
        type.define("discard", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("set.discard", 1...1)
            let (key, hash) = try thread.setKeyAndHash(arguments[0])
            defer { key.release() }
            try get(value).remove(key, hash: hash, thread)?.release()
            return .none
        }
        type.define("remove", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("set.remove", 1...1)
            let (key, hash) = try thread.setKeyAndHash(arguments[0])
            defer { key.release() }
            guard let removed = try get(value).remove(key, hash: hash, thread) else {
                throw EvalError.keyError(arguments[0])
            }
            removed.release()
            return .none
        }
        type.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("set.pop", 0...0)
            guard let member = get(value).storage.pop() else {
                throw .withArguments("KeyError", [thread.interpreter.newString("pop from an empty set")])
            }
            return member
        }
        type.define("clear", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("set.clear", 0...0)
            get(value).storage.removeAll()
            return .none
        }
        type.define("update", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("set.update")
            for index in 0..<arguments.positionalCount { try thread.setUpdate(get(value), arguments[index]) }
            return .none
        }
        type.define("intersection_update", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("set.intersection_update")
            let result = try thread.setIntersectionMulti(value, arguments)
            defer { result.release() }
            get(value).storage.swapContents(with: get(result).storage)
            return .none
        }
        type.define("difference_update", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("set.difference_update")
            for index in 0..<arguments.positionalCount { try thread.setDifferenceUpdate(get(value), arguments[index]) }
            return .none
        }
        type.define("symmetric_difference_update", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("set.symmetric_difference_update", 1...1)
            try thread.setSymmetricDifferenceUpdate(get(value), arguments[0])
            return .none
        }
    }

    private func installSetIteratorType() {
        let setIterator = types.other("set_iterator")
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { _, value throws(EvalError) in
            let iterator = value.as(PySetIterator.self).unsafelyUnwrapped
            guard let setValue = iterator.set else { return nil }
            let set = setValue.as(PySet.self).unsafelyUnwrapped
            if set.count != iterator.expectedCount {
                iterator.expectedCount = -1
                throw .runtimeError("Set changed size during iteration")
            }
            guard let slot = set.storage.nextOccupiedSlot(from: iterator.slot) else {
                iterator.finish()
                return nil
            }
            iterator.slot = slot + 1
            iterator.remaining -= 1
            let member = set.storage.key(atSlot: slot)
            member.retain()
            return member
        }
        setIterator.installSlots(slots, self)
        setIterator.define("__length_hint__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("set_iterator.__length_hint__", 0...0)
            let iterator = value.as(PySetIterator.self).unsafelyUnwrapped
            guard let set = iterator.set?.as(PySet.self), set.count == iterator.expectedCount else { return .int(0) }
            return .int(iterator.remaining)
        }
    }
}

extension ThreadState {
    /// The built-in type a set operation's result has (CPython's
    /// `make_new_set_basetype`): `set` for sets and their subclasses,
    /// `frozenset` for frozensets and theirs.
    func setBaseType(of value: Value) -> PyType {
        typeOf(value).isSubtype(of: interpreter.types.frozenset) ? interpreter.types.frozenset : interpreter.types.set
    }

    /// A new set of `type` holding the items of `iterable` (`make_new_set`).
    func newSet(_ type: PyType, from iterable: Value?) throws(EvalError) -> Value {
        let set = PySet(type: type)
        let result = Value.object(ObjectRef.allocate(set))
        if let iterable {
            do throws(EvalError) { try setUpdate(set, iterable) } catch {
                result.release()
                throw error
            }
        }
        return result
    }

    /// `set(s)` / `s.copy()` with the base type of `value`.
    func setCopy(_ value: Value) throws(EvalError) -> Value {
        try newSet(setBaseType(of: value), from: value)
    }

    /// Kept for the evaluation loop (SET_UPDATE).
    func addAll(_ set: PySet, _ iterable: Value) throws(EvalError) {
        try setUpdate(set, iterable)
    }

    /// `s.update(other)` for one iterable (`set_update_internal`): another
    /// set is merged table to table, an exact dict's keys are added with
    /// their stored hashes after one presizing, anything else is iterated.
    func setUpdate(_ set: PySet, _ other: Value) throws(EvalError) {
        if let otherSet = other.as(PySet.self) {
            return try set.storage.merge(from: otherSet.storage, equal: equalFunction)
        }
        if let dict = other.as(PyDict.self), typeOf(other) === interpreter.types.dict {
            set.storage.reserve(forAdding: dict.count)
            var number = 0
            while let found = dict.storage.nextEntry(from: number) {
                let key = dict.storage.key(atEntry: found)
                key.retain()
                defer { key.release() }
                try set.add(key, hash: dict.storage.hash(atEntry: found), self)
                number = found + 1
            }
            return
        }
        let iterator = try iterate(other)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            try set.add(item, hash: try hash(item), self)
        }
    }

    /// The key a set looks up for `item`, with its hash: `item` itself, or,
    /// when `item` is an (unhashable) set, an equal frozenset, as CPython's
    /// `in`, `remove` and `discard` allow. The key is returned owned.
    func setKeyAndHash(_ item: Value) throws(EvalError) -> (Value, Int) {
        do throws(EvalError) {
            let itemHash = try hash(item)
            item.retain()
            return (item, itemHash)
        } catch {
            guard item.as(PySet.self) != nil, isInstance(error, of: "TypeError") else { throw error }
            error.discard()
            let key = try newSet(interpreter.types.frozenset, from: item)
            do throws(EvalError) {
                return (key, try hash(key))
            } catch {
                key.release()
                throw error
            }
        }
    }

    /// `s & other` (`set_intersection`) for any iterable `other`; the
    /// result has `s`'s base type.
    func setIntersection(_ value: Value, _ other: Value) throws(EvalError) -> Value {
        let set = value.as(PySet.self).unsafelyUnwrapped
        if value.isIdentical(to: other) { return try setCopy(value) }
        let resultType = setBaseType(of: value)
        if let otherSet = other.as(PySet.self) {
            let storage = try SetStorage.intersection(set.storage, otherSet.storage, equal: equalFunction)
            return .object(ObjectRef.allocate(PySet(type: resultType, storage: storage)))
        }
        let result = try newSet(resultType, from: nil)
        let resultSet = result.as(PySet.self).unsafelyUnwrapped
        do throws(EvalError) {
            let iterator = try iterate(other)
            defer { iterator.release() }
            while let item = try next(iterator) {
                defer { item.release() }
                let itemHash = try hash(item)
                if try set.contains(item, hash: itemHash, self) {
                    try resultSet.add(item, hash: itemHash, self)
                }
            }
        } catch {
            result.release()
            throw error
        }
        return result
    }

    /// `s.intersection(*others)`: a copy when there are none.
    func setIntersectionMulti(_ value: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        if arguments.positionalCount == 0 { return try setCopy(value) }
        value.retain()
        var result = value
        for index in 0..<arguments.positionalCount {
            let next: Value
            do throws(EvalError) { next = try setIntersection(result, arguments[index]) } catch {
                result.release()
                throw error
            }
            result.release()
            result = next
        }
        return result
    }

    /// `s &= other`: the intersection, then the tables exchanged.
    func setIntersectionUpdate(_ set: PySet, _ other: Value) throws(EvalError) {
        let result = try setIntersection(.object(ObjectRef(Unmanaged.passUnretained(set))), other)
        defer { result.release() }
        set.storage.swapContents(with: result.as(PySet.self).unsafelyUnwrapped.storage)
    }

    /// `s - other` (`set_difference`): iterates `s` checking `other` when
    /// `other` is a set or exact dict not much smaller than `s`, else
    /// copies `s` and removes `other`'s items.
    func setDifference(_ value: Value, _ other: Value) throws(EvalError) -> Value {
        let set = value.as(PySet.self).unsafelyUnwrapped
        let resultType = setBaseType(of: value)
        if let otherSet = other.as(PySet.self) {
            let storage = try SetStorage.difference(set.storage, otherSet.storage, equal: equalFunction)
            return .object(ObjectRef.allocate(PySet(type: resultType, storage: storage)))
        }
        if let dict = other.as(PyDict.self), typeOf(other) === interpreter.types.dict, (set.count >> 2) <= dict.count {
            let result = try newSet(resultType, from: nil)
            let resultSet = result.as(PySet.self).unsafelyUnwrapped
            do throws(EvalError) {
                var slot = 0
                while let found = set.storage.nextOccupiedSlot(from: slot) {
                    let key = set.storage.key(atSlot: found)
                    let keyHash = set.storage.hash(atSlot: found)
                    key.retain()
                    defer { key.release() }
                    if try !dict.contains(key, hash: keyHash, self) {
                        try resultSet.add(key, hash: keyHash, self)
                    }
                    slot = found + 1
                }
            } catch {
                result.release()
                throw error
            }
            return result
        }
        let result = try newSet(resultType, from: value)
        do throws(EvalError) { try setDifferenceUpdate(result.as(PySet.self).unsafelyUnwrapped, other) } catch {
            result.release()
            throw error
        }
        return result
    }

    /// `s -= other` / `s.difference_update(other)`.
    func setDifferenceUpdate(_ set: PySet, _ other: Value) throws(EvalError) {
        if let otherSet = other.as(PySet.self) {
            return try set.storage.subtract(otherSet.storage, equal: equalFunction)
        }
        let iterator = try iterate(other)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            try set.remove(item, hash: try hash(item), self)?.release()
        }
        set.storage.compactIfManyDummies()
    }

    /// `s ^ other` (`set_symmetric_difference`): a set of `other`'s items
    /// (of `s`'s base type), with `s`'s members toggled in it.
    func setSymmetricDifference(_ value: Value, _ other: Value) throws(EvalError) -> Value {
        let result = try newSet(setBaseType(of: value), from: other)
        do throws(EvalError) {
            try setSymmetricDifferenceUpdate(result.as(PySet.self).unsafelyUnwrapped, value)
        } catch {
            result.release()
            throw error
        }
        return result
    }

    /// `s ^= other` (`set_symmetric_difference_update`): each item of
    /// `other` is removed from `s` if there, added otherwise.
    func setSymmetricDifferenceUpdate(_ set: PySet, _ other: Value) throws(EvalError) {
        if let otherSet = other.as(PySet.self) {
            return try set.storage.formSymmetricDifference(otherSet.storage, equal: equalFunction)
        }
        if let dict = other.as(PyDict.self), typeOf(other) === interpreter.types.dict {
            var number = 0
            while let found = dict.storage.nextEntry(from: number) {
                let key = dict.storage.key(atEntry: found)
                let keyHash = dict.storage.hash(atEntry: found)
                key.retain()
                defer { key.release() }
                if let removed = try set.remove(key, hash: keyHash, self) {
                    removed.release()
                } else {
                    try set.add(key, hash: keyHash, self)
                }
                number = found + 1
            }
            return
        }
        let otherSet = try newSet(setBaseType(of: .object(ObjectRef(Unmanaged.passUnretained(set)))), from: other)
        defer { otherSet.release() }
        try set.storage.formSymmetricDifference(otherSet.as(PySet.self).unsafelyUnwrapped.storage, equal: equalFunction)
    }

    /// `s.issubset(other)`: any iterable becomes a set first.
    func setIsSubset(_ value: Value, _ other: Value) throws(EvalError) -> Bool {
        let set = value.as(PySet.self).unsafelyUnwrapped
        if let otherSet = other.as(PySet.self) { return try set.storage.isSubset(of: otherSet.storage, equal: equalFunction) }
        let temporary = try newSet(interpreter.types.set, from: other)
        defer { temporary.release() }
        return try set.storage.isSubset(of: temporary.as(PySet.self).unsafelyUnwrapped.storage, equal: equalFunction)
    }

    /// `s.issuperset(other)`.
    func setIsSuperset(_ value: Value, _ other: Value) throws(EvalError) -> Bool {
        let set = value.as(PySet.self).unsafelyUnwrapped
        if let otherSet = other.as(PySet.self) { return try otherSet.storage.isSubset(of: set.storage, equal: equalFunction) }
        let temporary = try newSet(interpreter.types.set, from: other)
        defer { temporary.release() }
        return try temporary.as(PySet.self).unsafelyUnwrapped.storage.isSubset(of: set.storage, equal: equalFunction)
    }

    /// `s.isdisjoint(other)`: with a set, iterates the smaller; otherwise
    /// iterates `other`, stopping at the first common item.
    func setIsDisjoint(_ value: Value, _ other: Value) throws(EvalError) -> Bool {
        let set = value.as(PySet.self).unsafelyUnwrapped
        if let otherSet = other.as(PySet.self) { return try set.storage.isDisjoint(with: otherSet.storage, equal: equalFunction) }
        let iterator = try iterate(other)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            if try set.contains(item, hash: try hash(item), self) { return false }
        }
        return true
    }

    /// Set comparisons (`set_richcompare`): subset tests after size checks;
    /// two frozensets whose cached hashes differ are unequal at once.
    func compareSets(_ a: PySet, _ b: PySet, _ operation: ComparisonOperation) throws(EvalError) -> Bool {
        switch operation {
        case .equal, .notEqual:
            var same = a.count == b.count
            if same && a.cachedHash != -1 && b.cachedHash != -1 && a.cachedHash != b.cachedHash { same = false }
            if same { same = try a.storage.isSubset(of: b.storage, equal: equalFunction) }
            return operation == .equal ? same : !same
        case .lessOrEqual: return try a.storage.isSubset(of: b.storage, equal: equalFunction)
        case .greaterOrEqual: return try b.storage.isSubset(of: a.storage, equal: equalFunction)
        case .less: return a.count < b.count ? try a.storage.isSubset(of: b.storage, equal: equalFunction) : false
        case .greater: return a.count > b.count ? try b.storage.isSubset(of: a.storage, equal: equalFunction) : false
        }
    }

    /// `repr(s)`: `{1, 2}` for an exact set, `Name({1, 2})` otherwise,
    /// `Name()` when empty and `Name(...)` for a set already being shown.
    func setRepr(_ value: Value) throws(EvalError) -> Value {
        guard let reference = value.objectReference, let set = value.as(PySet.self) else { return .none }
        let name = typeOf(value).name
        if set.count == 0 { return interpreter.newString("\(name)()") }
        if reprInProgress.contains(reference) { return interpreter.newString("\(name)(...)") }
        reprInProgress.insert(reference)
        defer { reprInProgress.remove(reference) }
        let members = set.elements
        for member in members { member.retain() }
        defer { for member in members { member.release() } }
        var text = ""
        for (position, member) in members.enumerated() {
            if position > 0 { text += ", " }
            text += try reprText(member)
        }
        if typeOf(value) === interpreter.types.set { return interpreter.newString("{\(text)}") }
        return interpreter.newString("\(name)({\(text)})")
    }
}

// Per-item forms with Python's `==` as a stack closure (see PyDict's in
// DictType.swift).
extension PySet {
    @inline(__always)
    @discardableResult
    func add(_ item: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Bool {
        try storage.add(item, hash: hash) { a, b throws(EvalError) in try thread.equal(a, b) }
    }

    @inline(__always)
    func contains(_ item: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Bool {
        try storage.contains(item, hash: hash) { a, b throws(EvalError) in try thread.equal(a, b) }
    }

    @inline(__always)
    func remove(_ item: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Value? {
        try storage.remove(item, hash: hash) { a, b throws(EvalError) in try thread.equal(a, b) }
    }
}
