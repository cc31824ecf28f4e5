extension Interpreter {
    /// `dict`.
    func installDictType() {
        let dict = types.dict
        func get(_ value: Value) -> PyDict { value.as(PyDict.self)! }
        var slots = TypeSlots()
        slots.length = { _, value throws(EvalError) in get(value).count }
        slots.getItem = { thread, value, key throws(EvalError) in
            let dict = get(value)
            if let found = try dict.lookup(key, hash: try thread.hash(key), thread.equalFunction) {
                found.retain()
                return found
            }
            if thread.typeOf(value) !== thread.interpreter.types.dict,
               let missing = try thread.callSpecial(value, thread.interpreter.names.__missing__, [key]) {
                return missing
            }
            throw EvalError.keyError(key)
        }
        slots.setItem = { thread, value, key, newValue throws(EvalError) in
            let dict = get(value)
            let hash = try thread.hash(key)
            if let newValue {
                key.retain()
                newValue.retain()
                try dict.set(key, hash: hash, newValue, thread.equalFunction)
            } else {
                guard let old = try dict.remove(key, hash: hash, thread.equalFunction) else { throw EvalError.keyError(key) }
                old.release()
            }
        }
        slots.contains = { thread, value, key throws(EvalError) in
            try get(value).lookup(key, hash: try thread.hash(key), thread.equalFunction) != nil
        }
        slots.iterate = { thread, value throws(EvalError) in try thread.makeDictIterator(value, kind: "dict_keyiterator") }
        slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = left.as(PyDict.self), let b = right.as(PyDict.self) else {
                return thread.notImplemented()
            }
            var same = a.count == b.count
            if same {
                for (key, valueA) in a.pairs {
                    guard let valueB = try b.lookup(key, hash: try thread.hash(key), thread.equalFunction),
                          try thread.equal(valueA, valueB) else {
                        same = false
                        break
                    }
                }
            }
            return .bool(operation == .equal ? same : !same)
        }
        slots.repr = { thread, value throws(EvalError) in
            guard let reference = value.objectReference else { return .none }
            if thread.reprInProgress.contains(reference) { return thread.interpreter.newString("{...}") }
            thread.reprInProgress.insert(reference)
            defer { thread.reprInProgress.remove(reference) }
            var text = "{"
            for (index, pair) in get(value).pairs.enumerated() {
                if index > 0 { text += ", " }
                pair.key.retain(); pair.value.retain()
                defer { pair.key.release(); pair.value.release() }
                text += try thread.reprText(pair.key) + ": " + thread.reprText(pair.value)
            }
            return thread.interpreter.newString(text + "}")
        }
        slots.binary[7] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyDict.self), right.as(PyDict.self) != nil else { return thread.notImplemented() }
            let result = thread.interpreter.newDict()
            try thread.update(result, from: .object(ObjectRef(Unmanaged.passUnretained(a))))
            try thread.update(result, from: right)
            return .object(ObjectRef(Unmanaged.passUnretained(result)))
        }
        slots.inPlace[7] = { thread, left, right throws(EvalError) in
            try thread.update(get(left), from: right)
            left.retain()
            return left
        }
        slots.new = { thread, type, _ throws(EvalError) in
            let made = PyDict(type: type)
            return .object(ObjectRef.allocate(made))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            if arguments.positionalCount > 1 { throw .typeError("dict expected at most 1 argument, got \(arguments.positionalCount)") }
            if arguments.positionalCount == 1 { try thread.update(get(value), from: arguments[0]) }
            for index in 0..<arguments.keywordCount {
                let key = arguments.keywordNames!.items[index]
                let item = arguments.keywordValue(index)
                key.retain(); item.retain()
                try get(value).set(key, hash: try thread.hash(key), item, thread.equalFunction)
            }
        }
        dict.installSlots(slots, self)
        dict.setAttribute("__hash__", .none, self)
        dict.define("get", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("get", 1...2)
            let key = arguments[0]
            if let found = try get(value).lookup(key, hash: try thread.hash(key), thread.equalFunction) {
                found.retain()
                return found
            }
            let fallback = arguments.positionalCount > 1 ? arguments[1] : .none
            fallback.retain()
            return fallback
        }
        dict.define("setdefault", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("setdefault", 1...2)
            let key = arguments[0]
            let hash = try thread.hash(key)
            if let found = try get(value).lookup(key, hash: hash, thread.equalFunction) {
                found.retain()
                return found
            }
            let fallback = arguments.positionalCount > 1 ? arguments[1] : .none
            key.retain(); fallback.retain()
            try get(value).set(key, hash: hash, fallback, thread.equalFunction)
            fallback.retain()
            return fallback
        }
        dict.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("pop", 1...2)
            let key = arguments[0]
            if let found = try get(value).remove(key, hash: try thread.hash(key), thread.equalFunction) { return found }
            guard arguments.positionalCount > 1 else { throw EvalError.keyError(key) }
            arguments[1].retain()
            return arguments[1]
        }
        dict.define("popitem", self) { thread, value, _ throws(EvalError) in
            guard let (key, item) = get(value).removeLast() else { throw .pythonException("KeyError", "'popitem(): dictionary is empty'") }
            return thread.interpreter.newTuple([key, item])
        }
        dict.define("keys", self) { thread, value, _ throws(EvalError) in thread.makeDictView(value, kind: "dict_keys") }
        dict.define("values", self) { thread, value, _ throws(EvalError) in thread.makeDictView(value, kind: "dict_values") }
        dict.define("items", self) { thread, value, _ throws(EvalError) in thread.makeDictView(value, kind: "dict_items") }
        dict.define("update", self) { thread, value, arguments throws(EvalError) in
            if arguments.positionalCount > 1 { throw .typeError("update expected at most 1 argument, got \(arguments.positionalCount)") }
            if arguments.positionalCount == 1 { try thread.update(get(value), from: arguments[0]) }
            for index in 0..<arguments.keywordCount {
                let key = arguments.keywordNames!.items[index]
                let item = arguments.keywordValue(index)
                key.retain(); item.retain()
                try get(value).set(key, hash: try thread.hash(key), item, thread.equalFunction)
            }
            return .none
        }
        dict.define("clear", self) { _, value, _ throws(EvalError) in
            get(value).clear()
            return .none
        }
        dict.define("copy", self) { thread, value, _ throws(EvalError) in
            let result = thread.interpreter.newDict()
            try thread.update(result, from: value)
            return .object(ObjectRef(Unmanaged.passUnretained(result)))
        }
        dict.defineClassMethod("fromkeys", self) { thread, arguments throws(EvalError) in
            try arguments.expect("fromkeys", 2...3)
            let result = try thread.call(arguments[0], [])
            let fill = arguments.positionalCount > 2 ? arguments[2] : .none
            for key in try thread.collect(arguments[1]) {
                defer { key.release() }
                try thread.setItem(result, key, fill)
            }
            return result
        }
        dict.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
        installDictViews()
    }

    private func installDictViews() {
        for kind in ["dict_keys", "dict_values", "dict_items"] {
            let view = types.other(kind)
            var slots = TypeSlots()
            let iteratorKind = kind == "dict_keys" ? "dict_keyiterator" : kind == "dict_values" ? "dict_valueiterator" : "dict_itemiterator"
            slots.iterate = { thread, value throws(EvalError) in
                try thread.makeDictIterator(value.as(PySequenceIterator.self)!.source!, kind: iteratorKind)
            }
            slots.length = { _, value throws(EvalError) in
                value.as(PySequenceIterator.self)!.source!.as(PyDict.self)!.count
            }
            slots.repr = { thread, value throws(EvalError) in
                let items = try thread.collect(value)
                defer { for item in items { item.release() } }
                return try thread.reprItems(value, items, open: "\(kind)([", close: "])")
            }
            if kind != "dict_values" {
                slots.contains = { thread, value, item throws(EvalError) in
                    let dict = value.as(PySequenceIterator.self)!.source!.as(PyDict.self)!
                    if kind == "dict_keys" { return try dict.lookup(item, hash: try thread.hash(item), thread.equalFunction) != nil }
                    guard let pair = item.as(PyTuple.self), pair.count == 2 else { return false }
                    guard let found = try dict.lookup(pair.items[0], hash: try thread.hash(pair.items[0]), thread.equalFunction) else { return false }
                    return try thread.equal(found, pair.items[1])
                }
            }
            view.installSlots(slots, self)
        }
    }
}

extension ThreadState {
    /// `dict.update(source)`: from a dict, a mapping with `keys()`, or pairs.
    func update(_ dict: PyDict, from source: Value) throws(EvalError) {
        if let other = source.as(PyDict.self) {
            for (key, value) in other.pairs {
                key.retain(); value.retain()
                try dict.set(key, hash: try hash(key), value, equalFunction)
            }
            return
        }
        if let keysMethod = try lookupAttribute(source, interpreter.internedString("keys")) {
            let keys = try call(keysMethod, [])
            keysMethod.release()
            defer { keys.release() }
            for key in try collect(keys) {
                let value = try getItem(source, key)
                try dict.set(key, hash: try hash(key), value, equalFunction)
            }
            return
        }
        for (position, item) in try collect(source).enumerated() {
            defer { item.release() }
            let pair = try collect(item)
            guard pair.count == 2 else {
                for part in pair { part.release() }
                throw .valueError("dictionary update sequence element #\(position) has length \(pair.count); 2 is required")
            }
            try dict.set(pair[0], hash: try hash(pair[0]), pair[1], equalFunction)
        }
    }

    func makeDictView(_ dict: Value, kind: String) -> Value {
        dict.retain()
        return .object(ObjectRef.allocate(PySequenceIterator(source: dict, type: interpreter.types.other(kind))))
    }

    func makeDictIterator(_ dict: Value, kind: String) throws(EvalError) -> Value {
        dict.retain()
        let iterator = PySequenceIterator(source: dict, type: interpreter.types.other(kind))
        iterator.expectedCount = dict.as(PyDict.self)!.count
        return .object(ObjectRef.allocate(iterator))
    }
}
