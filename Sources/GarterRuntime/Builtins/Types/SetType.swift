import GarterCompiler
extension Interpreter {
    /// `set` and `frozenset`.
    func installSetTypes() {
        for (type, frozen) in [(types.set, false), (types.frozenset, true)] {
            var slots = TypeSlots()
            slots.length = { _, value throws(EvalError) in value.as(PySet.self)!.count }
            slots.contains = { thread, value, item throws(EvalError) in
                try value.as(PySet.self)!.table.lookup(item, hash: try thread.hash(item), thread.equalFunction) != nil
            }
            slots.iterate = { thread, value throws(EvalError) in
                let set = value.as(PySet.self)!
                let keys = Value.object(ObjectRef(Unmanaged.passUnretained(set.table)))
                return try thread.makeDictIterator(keys, kind: "set_iterator")
            }
            slots.repr = { thread, value throws(EvalError) in
                let set = value.as(PySet.self)!
                let name = thread.typeOf(value).name
                if set.count == 0 { return thread.interpreter.newString("\(name)()") }
                let open = frozen || name != "set" ? "\(name)({" : "{"
                let close = frozen || name != "set" ? "})" : "}"
                return try thread.reprItems(value, set.elements, open: open, close: close)
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard let a = left.as(PySet.self), let b = right.as(PySet.self) else { return thread.notImplemented() }
                func isSubset(_ x: PySet, _ y: PySet) throws(EvalError) -> Bool {
                    for element in x.elements where try y.table.lookup(element, hash: try thread.hash(element), thread.equalFunction) == nil {
                        return false
                    }
                    return true
                }
                switch operation {
                case .equal: return .bool(a.count == b.count ? try isSubset(a, b) : false)
                case .notEqual: return .bool(a.count == b.count ? !(try isSubset(a, b)) : true)
                case .lessOrEqual: return .bool(try isSubset(a, b))
                case .less: return .bool(a.count < b.count ? try isSubset(a, b) : false)
                case .greaterOrEqual: return .bool(try isSubset(b, a))
                case .greater: return .bool(b.count < a.count ? try isSubset(b, a) : false)
                }
            }
            if frozen {
                slots.hash = { thread, value throws(EvalError) in
                    let set = value.as(PySet.self)!
                    if set.cachedHash != -1 { return set.cachedHash }
                    // CPython 3.11's frozenset hash (shuffle bits of each element hash, xor, finish).
                    var hash: UInt = 0
                    for element in set.elements {
                        let h = UInt(bitPattern: try thread.hash(element))
                        hash ^= ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167
                    }
                    hash ^= (UInt(set.count) &+ 1) &* 1_927_868_237
                    hash ^= (hash >> 11) ^ (hash >> 25)
                    hash = hash &* 69069 &+ 907_133_923
                    var result = Int(bitPattern: hash)
                    if result == -1 { result = 590_923_713 }
                    set.cachedHash = result
                    return result
                }
            } else {
                slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
            }
            let operations: [(Int, String)] = [(1, "&"), (7, "|"), (10, "-"), (12, "^")]
            for (index, _) in operations {
                slots.binary[index] = { thread, left, right throws(EvalError) in
                    guard let a = left.as(PySet.self), let b = right.as(PySet.self) else { return thread.notImplemented() }
                    return try thread.setOperation(index, a, b, resultType: thread.typeOf(left))
                }
            }
            slots.new = { thread, type, arguments throws(EvalError) in
                let set = PySet(type: type, tableType: thread.interpreter.types.dict)
                let value = Value.object(ObjectRef.allocate(set))
                if frozen, arguments.positionalCount == 1 {
                    do throws(EvalError) {
                        try thread.addAll(set, arguments[0])
                    } catch {
                        value.release()
                        throw error
                    }
                }
                return value
            }
            if !frozen {
                slots.initialize = { thread, value, arguments throws(EvalError) in
                    try arguments.expect("set", 0...1)
                    let set = value.as(PySet.self)!
                    set.table.clear()
                    if arguments.positionalCount == 1 { try thread.addAll(set, arguments[0]) }
                }
            }
            type.installSlots(slots, self)
            if !frozen { type.setAttribute("__hash__", .none, self) }
            if !frozen {
                type.define("add", self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect("add", 1...1)
                    let item = arguments[0]
                    item.retain()
                    try value.as(PySet.self)!.table.set(item, hash: try thread.hash(item), .none, thread.equalFunction)
                    return .none
                }
                type.define("discard", self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect("discard", 1...1)
                    _ = try value.as(PySet.self)!.table.remove(arguments[0], hash: try thread.hash(arguments[0]), thread.equalFunction)
                    return .none
                }
                type.define("remove", self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect("remove", 1...1)
                    guard try value.as(PySet.self)!.table.remove(arguments[0], hash: try thread.hash(arguments[0]), thread.equalFunction) != nil else {
                        throw EvalError.keyError(arguments[0])
                    }
                    return .none
                }
                type.define("pop", self) { _, value, _ throws(EvalError) in
                    guard let (key, _) = value.as(PySet.self)!.table.removeLast() else {
                        throw .pythonException("KeyError", "'pop from an empty set'")
                    }
                    return key
                }
                type.define("clear", self) { _, value, _ throws(EvalError) in
                    value.as(PySet.self)!.table.clear()
                    return .none
                }
                type.define("update", self) { thread, value, arguments throws(EvalError) in
                    for index in 0..<arguments.positionalCount { try thread.addAll(value.as(PySet.self)!, arguments[index]) }
                    return .none
                }
            }
            type.define("copy", self) { thread, value, _ throws(EvalError) in
                let set = PySet(type: thread.typeOf(value), tableType: thread.interpreter.types.dict)
                let result = Value.object(ObjectRef.allocate(set))
                try thread.addAll(set, value)
                return result
            }
            for (name, index) in [("union", 7), ("intersection", 1), ("difference", 10), ("symmetric_difference", 12)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    var result = value
                    value.retain()
                    for position in 0..<arguments.positionalCount {
                        let other = PySet(type: thread.interpreter.types.set, tableType: thread.interpreter.types.dict)
                        let otherValue = Value.object(ObjectRef.allocate(other))
                        defer { otherValue.release() }
                        try thread.addAll(other, arguments[position])
                        let next = try thread.setOperation(index, result.as(PySet.self)!, other, resultType: thread.typeOf(value))
                        result.release()
                        result = next
                    }
                    return result
                }
            }
            for (name, operation) in [("issubset", ComparisonOperation.lessOrEqual), ("issuperset", .greaterOrEqual)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect(name, 1...1)
                    let other = PySet(type: thread.interpreter.types.set, tableType: thread.interpreter.types.dict)
                    let otherValue = Value.object(ObjectRef.allocate(other))
                    defer { otherValue.release() }
                    try thread.addAll(other, arguments[0])
                    return try thread.compare(value, otherValue, operation)
                }
            }
            type.define("isdisjoint", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("isdisjoint", 1...1)
                for item in try thread.collect(arguments[0]) {
                    defer { item.release() }
                    if try value.as(PySet.self)!.table.lookup(item, hash: try thread.hash(item), thread.equalFunction) != nil { return .bool(false) }
                }
                return .bool(true)
            }
        }
        let setIterator = types.other("set_iterator")
        var iteratorSlots = TypeSlots()
        iteratorSlots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        iteratorSlots.next = { thread, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source, let table = source.as(PyDict.self) else { return nil }
            if table.count != iterator.expectedCount { throw .runtimeError("Set changed size during iteration") }
            guard let (key, _, next) = table.entry(from: iterator.position) else {
                iterator.source = nil
                source.release()
                return nil
            }
            iterator.position = next
            key.retain()
            return key
        }
        setIterator.installSlots(iteratorSlots, self)
    }
}

extension ThreadState {
    func addAll(_ set: PySet, _ iterable: Value) throws(EvalError) {
        for item in try collect(iterable) {
            try set.table.set(item, hash: try hash(item), .none, equalFunction)
        }
    }

    /// `a & b`, `a | b`, `a - b`, `a ^ b` by `BinaryOperation` index.
    func setOperation(_ index: Int, _ a: PySet, _ b: PySet, resultType: PyType) throws(EvalError) -> Value {
        let result = PySet(type: resultType, tableType: interpreter.types.dict)
        let value = Value.object(ObjectRef.allocate(result))
        func has(_ set: PySet, _ item: Value) throws(EvalError) -> Bool {
            try set.table.lookup(item, hash: try hash(item), equalFunction) != nil
        }
        func add(_ item: Value) throws(EvalError) {
            item.retain()
            try result.table.set(item, hash: try hash(item), .none, equalFunction)
        }
        switch index {
        case 1: for item in a.elements where try has(b, item) { try add(item) }
        case 7: for item in a.elements + b.elements { try add(item) }
        case 10: for item in a.elements where !(try has(b, item)) { try add(item) }
        default:
            for item in a.elements where !(try has(b, item)) { try add(item) }
            for item in b.elements where !(try has(a, item)) { try add(item) }
        }
        return value
    }
}
