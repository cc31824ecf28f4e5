extension Interpreter {
    /// `dict`, with CPython 3.11's methods, operators and messages. Its
    /// views and iterators are in DictViewTypes.swift.
    func installDictType() {
        let dict = types.dict
        func get(_ value: Value) -> PyDict { value.as(PyDict.self).unsafelyUnwrapped }
        var slots = TypeSlots()
        slots.length = { _, value throws(EvalError) in get(value).count }
        slots.getItem = { thread, value, key throws(EvalError) in
            if let found = try get(value).lookup(key, hash: try thread.hash(key), thread) {
                found.retain()
                return found
            }
            // Subclasses may supply a default (`collections.defaultdict`, ...).
            if thread.typeOf(value) !== thread.interpreter.types.dict,
               let missing = try thread.callSpecial(value, thread.interpreter.names.__missing__, [key]) {
                return missing
            }
            throw EvalError.keyError(key)
        }
        slots.setItem = { thread, value, key, newValue throws(EvalError) in
            let hash = try thread.hash(key)
            if let newValue {
                try get(value).store(key, hash: hash, newValue, thread)
            } else {
                guard let old = try get(value).remove(key, hash: hash, thread) else {
                    throw EvalError.keyError(key)
                }
                old.release()
            }
        }
        slots.contains = { thread, value, key throws(EvalError) in
            try get(value).contains(key, hash: try thread.hash(key), thread)
        }
        slots.iterate = { thread, value throws(EvalError) in
            thread.makeDictIterator(value, kind: .keys, reversed: false)
        }
        slots.hash = { thread, value throws(EvalError) in
            throw .typeError("unhashable type: '\(thread.typeOf(value).name)'")
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = left.as(PyDict.self),
                  let b = right.as(PyDict.self) else {
                return thread.notImplemented()
            }
            let same = try thread.dictsEqual(a, b)
            return .bool(operation == .equal ? same : !same)
        }
        slots.repr = { thread, value throws(EvalError) in try thread.dictRepr(value) }
        slots.binary[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyDict.self), right.as(PyDict.self) != nil else { return thread.notImplemented() }
            let result = PyDict(type: thread.interpreter.types.dict, storage: a.storage.copy())
            let resultValue = Value.object(ObjectRef.allocate(result))
            do throws(EvalError) {
                try thread.update(result, from: right)
            } catch {
                resultValue.release()
                throw error
            }
            return resultValue
        }
        slots.inPlace[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
            try thread.update(get(left), from: right)
            left.retain()
            return left
        }
        slots.new = { _, type, _ throws(EvalError) in
            .object(ObjectRef.allocate(PyDict(type: type)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            try thread.dictUpdateCommon(get(value), arguments, name: "dict")
        }
        dict.installSlots(slots, self)
        dict.setAttribute("__hash__", .none, self)

        dict.define("get", self) { thread, value, arguments throws(EvalError) in
            try arguments.expectMethod("dict.get", 1...2)
            let key = arguments[0]
            let found = try get(value).lookup(key, hash: try thread.hash(key), thread)
                ?? (arguments.positionalCount > 1 ? arguments[1] : .none)
            found.retain()
            return found
        }
        dict.define("setdefault", self) { thread, value, arguments throws(EvalError) in
            try arguments.expectMethod("dict.setdefault", 1...2)
            let key = arguments[0]
            let hash = try thread.hash(key)
            let fallback = arguments.positionalCount > 1 ? arguments[1] : .none
            let stored = try get(value).setDefault(key, hash: hash, fallback) { a, b throws(EvalError) in try thread.equal(a, b) }
            stored.retain()
            return stored
        }
        dict.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.expectMethod("dict.pop", 1...2)
            let key = arguments[0]
            let table = get(value)
            // CPython does not hash the key when the dict is empty.
            if table.count > 0, let found = try table.remove(key, hash: try thread.hash(key), thread) {
                return found
            }
            guard arguments.positionalCount > 1 else { throw EvalError.keyError(key) }
            arguments[1].retain()
            return arguments[1]
        }
        dict.define("popitem", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("dict.popitem", 0...0)
            guard let (key, item) = get(value).removeLast() else {
                throw .withArguments("KeyError", [thread.interpreter.newString("popitem(): dictionary is empty")])
            }
            return thread.interpreter.newTuple([key, item])
        }
        for (name, kind) in [("keys", PyDictView.Kind.keys), ("values", .values), ("items", .items)] {
            dict.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("dict.\(name)", 0...0)
                return thread.makeDictView(value, kind: kind)
            }
        }
        dict.define("update", self) { thread, value, arguments throws(EvalError) in
            try thread.dictUpdateCommon(get(value), arguments, name: "update")
            return .none
        }
        dict.define("clear", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("dict.clear", 0...0)
            get(value).clear()
            return .none
        }
        dict.define("copy", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("dict.copy", 0...0)
            return .object(ObjectRef.allocate(PyDict(type: thread.interpreter.types.dict, storage: get(value).storage.copy())))
        }
        dict.define("__reversed__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("dict.__reversed__", 0...0)
            return thread.makeDictIterator(value, kind: .keys, reversed: true)
        }
        dict.define("__sizeof__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("dict.__sizeof__", 0...0)
            return .int(thread.dictSizeOf(value))
        }
        dict.defineClassMethod("fromkeys", self) { thread, arguments throws(EvalError) in
            // arguments[0] is the class.
            let count = arguments.positionalCount - 1
            try arguments.rejectKeywords("dict.fromkeys")
            if count < 1 { throw .typeError("fromkeys expected at least 1 argument, got \(count)") }
            if count > 2 { throw .typeError("fromkeys expected at most 2 arguments, got \(count)") }
            let result = try thread.call(arguments[0], [])
            do throws(EvalError) {
                try thread.fillFromKeys(result, keys: arguments[1], value: count > 1 ? arguments[2] : .none)
            } catch {
                result.release()
                throw error
            }
            return result
        }
        dict.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
        installDictViewTypes()
    }
}

/// Indexes of `TypeSlots.binary` / `inPlace` (`BinaryOperation` order).
enum BinaryOperationIndex {
    static let and = 1
    static let or = 7
    static let subtract = 10
    static let xor = 12
}

extension Arguments {
    /// The checks of a method taking `range` positional arguments and no
    /// keywords, with CPython's messages: `dict.get() takes no keyword
    /// arguments`, `get expected at least 1 argument, got 0`.
    @inline(__always)
    func expectMethod(_ qualifiedName: String, _ range: ClosedRange<Int>) throws(EvalError) {
        // The names only matter for the error messages: not split on every call.
        if !hasKeywords && range.contains(positionalCount) { return }
        try rejectKeywords(qualifiedName)
        let shortName = qualifiedName.split(separator: ".").last.map(String.init) ?? qualifiedName
        try expect(shortName, range)
    }
}

extension ThreadState {
    /// `dict(...)` / `d.update(...)` (`dict_update_common`): at most one
    /// positional source, then the keyword arguments.
    func dictUpdateCommon(_ dict: PyDict, _ arguments: Arguments, name: String) throws(EvalError) {
        if arguments.positionalCount > 1 {
            throw .typeError("\(name) expected at most 1 argument, got \(arguments.positionalCount)")
        }
        if arguments.positionalCount == 1 { try update(dict, from: arguments[0]) }
        for index in 0..<arguments.keywordCount {
            let key = arguments.keywordNames.unsafelyUnwrapped.items[index]
            try dict.store(key, hash: try hash(key), arguments.keywordValue(index), self)
        }
    }

    /// `dict.update(source)` for one positional source (`dict_update_arg`):
    /// a mapping when it has `keys`, otherwise an iterable of pairs.
    func update(_ dict: PyDict, from source: Value) throws(EvalError) {
        if source.as(PyDict.self) != nil && typeOf(source) === interpreter.types.dict {
            return try merge(dict, from: source)
        }
        if let keysMethod = try lookupAttribute(source, interpreter.internedString("keys")) {
            keysMethod.release()
            return try merge(dict, from: source)
        }
        try mergePairs(dict, from: source)
    }

    /// `PyDict_Merge`: a dict whose iteration is the dict's own is copied
    /// table to table (stored hashes, no `__hash__` calls); any other
    /// mapping goes through `keys()` and `[]`.
    func merge(_ dict: PyDict, from mapping: Value) throws(EvalError) {
        if let other = mapping.as(PyDict.self), iteratesAsDict(mapping) {
            try dict.storage.merge(from: other.storage, equal: equalFunction)
            if other.isTrackedByCollector { dict.noteMerged() }
            return
        }
        let keys = try callMethod(mapping, interpreter.internedString("keys"), [])
        defer { keys.release() }
        let iterator = try iterate(keys)
        defer { iterator.release() }
        while let key = try next(iterator) {
            defer { key.release() }
            let value = try getItem(mapping, key)
            defer { value.release() }
            try dict.store(key, hash: try hash(key), value, self)
        }
    }

    /// Whether a dict (of a subclass perhaps) iterates as `dict` does, so
    /// that its table can be read directly (CPython checks `tp_iter`).
    func iteratesAsDict(_ value: Value) -> Bool {
        let type = typeOf(value)
        if type === interpreter.types.dict { return true }
        let own = interpreter.types.dict.dict.lookup(string: interpreter.names.__iter__)
        guard let found = type.lookup(interpreter.names.__iter__), let own else { return false }
        return found.isIdentical(to: own)
    }

    /// `PyDict_MergeFromSeq2`: each item must be a sequence of two.
    func mergePairs(_ dict: PyDict, from source: Value) throws(EvalError) {
        let iterator = try iterate(source)
        defer { iterator.release() }
        var position = 0
        while let item = try next(iterator) {
            defer { item.release() }
            let pair: [Value]
            do throws(EvalError) {
                pair = try collect(item)
            } catch {
                if isInstance(error, of: "TypeError") {
                    error.discard()
                    throw .typeError("cannot convert dictionary update sequence element #\(position) to a sequence")
                }
                throw error
            }
            defer { for part in pair { part.release() } }
            guard pair.count == 2 else {
                throw .valueError("dictionary update sequence element #\(position) has length \(pair.count); 2 is required")
            }
            try dict.store(pair[0], hash: try hash(pair[0]), pair[1], self)
            position += 1
        }
    }

    /// The body of `dict.fromkeys`: `result[key] = value` for each key.
    func fillFromKeys(_ result: Value, keys: Value, value: Value) throws(EvalError) {
        let exact = typeOf(result) === interpreter.types.dict
        let iterator = try iterate(keys)
        defer { iterator.release() }
        while let key = try next(iterator) {
            defer { key.release() }
            if exact, let dict = result.as(PyDict.self) {
                try dict.store(key, hash: try hash(key), value, self)
            } else {
                try setItem(result, key, value)
            }
        }
    }

    /// `a == b` for two dicts (`dict_equal`): same size, and each of `a`'s
    /// keys (found by its stored hash) maps to an equal value in `b`. The
    /// tables are re-read at each step, as `==` may run Python code.
    func dictsEqual(_ a: PyDict, _ b: PyDict) throws(EvalError) -> Bool {
        if a.count != b.count { return false }
        var number = 0
        while let found = a.storage.nextEntry(from: number) {
            let key = a.storage.key(atEntry: found)
            let valueA = a.storage.value(atEntry: found)
            let hash = a.storage.hash(atEntry: found)
            key.retain()
            valueA.retain()
            defer {
                key.release()
                valueA.release()
            }
            guard let valueB = try b.lookup(key, hash: hash, self) else { return false }
            valueB.retain()
            defer { valueB.release() }
            if try !equal(valueA, valueB) { return false }
            number = found + 1
        }
        return true
    }

    /// `d.__sizeof__()` as CPython 3.11 computes it on x86-64: the object
    /// (48 bytes, 56 for subclasses, which add a weak reference slot), plus
    /// the key table when it has one: a 32-byte header, the index slots, and
    /// the usable entries (16 bytes each in a table of `str` keys, else 24).
    func dictSizeOf(_ value: Value) -> Int {
        let table = value.as(PyDict.self).unsafelyUnwrapped.storage
        var size = typeOf(value) === interpreter.types.dict ? 48 : 56
        if table.allocatedEntries > 0 {
            size += 32 + table.tableSize * table.indexWidth + table.allocatedEntries * (table.hasStringKeysOnly ? 16 : 24)
        }
        return size
    }

    /// `repr(d)`: `{key: value, ...}`, `{...}` for a dict already being shown.
    func dictRepr(_ value: Value) throws(EvalError) -> Value {
        guard let reference = value.objectReference, let dict = value.as(PyDict.self) else { return .none }
        if reprInProgress.contains(reference) { return interpreter.newString("{...}") }
        if dict.count == 0 { return interpreter.newString("{}") }
        reprInProgress.insert(reference)
        defer { reprInProgress.remove(reference) }
        var text = "{"
        var number = 0
        var first = true
        while let found = dict.storage.nextEntry(from: number) {
            let key = dict.storage.key(atEntry: found)
            let item = dict.storage.value(atEntry: found)
            key.retain()
            item.retain()
            defer {
                key.release()
                item.release()
            }
            if !first { text += ", " }
            first = false
            text += try reprText(key)
            text += ": "
            text += try reprText(item)
            number = found + 1
        }
        return interpreter.newString(text + "}")
    }
}

// The tables take Python's `==` as a non-escaping closure: written as a
// literal at the call, its context lives on the stack, whereas
// `thread.equalFunction` allocates one per use. These are the forms the
// per-item paths use (PySet's are in SetType.swift).
extension PyDict {
    @inline(__always)
    func lookup(_ key: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Value? {
        try storage.lookup(key, hash: hash) { a, b throws(EvalError) in try thread.equal(a, b) }
    }

    @inline(__always)
    func store(_ key: Value, hash: Int, _ value: Value, _ thread: ThreadState) throws(EvalError) {
        try storage.insert(key, hash: hash, value: value, keyIsExactStr: key.isExactStr) { a, b throws(EvalError) in
            try thread.equal(a, b)
        }?.release()
        noteStored(key, value)
    }

    @inline(__always)
    func remove(_ key: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Value? {
        guard let removed = try storage.remove(key, hash: hash, equal: { a, b throws(EvalError) in try thread.equal(a, b) }) else {
            return nil
        }
        removed.key.release()
        return removed.value
    }

    @inline(__always)
    func contains(_ key: Value, hash: Int, _ thread: ThreadState) throws(EvalError) -> Bool {
        try storage.contains(key, hash: hash) { a, b throws(EvalError) in try thread.equal(a, b) }
    }
}
