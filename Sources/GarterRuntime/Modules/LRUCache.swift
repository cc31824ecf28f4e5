// `_functools._lru_cache_wrapper`: the object functools.lru_cache returns.
// Results are kept in a dict whose insertion order is the recency order
// (a hit moves its key to the end; a full bounded cache drops the first).
// Keys are made as CPython makes them, so the same calls hit and miss.

/// A function wrapped by `lru_cache`.
final class PyLRUCache: PyObject {
    /// Owned: the wrapped function and the named tuple type of `cache_info()`.
    let function: Value
    let cacheInfoType: Value
    /// nil: unbounded.
    let maximumSize: Int?
    let isTyped: Bool
    /// Owned.
    let cache: PyDict
    @exclusivity(unchecked)
    var hits = 0
    @exclusivity(unchecked)
    var misses = 0

    init(function: Value, cacheInfoType: Value, maximumSize: Int?, isTyped: Bool, cache: PyDict, type: PyType) {
        self.function = function
        self.cacheInfoType = cacheInfoType
        self.maximumSize = maximumSize
        self.isTyped = isTyped
        self.cache = cache
        super.init(type: type)
    }

    override func releaseContents() {
        function.release()
        cacheInfoType.release()
        cache.decref()
    }
}

extension Interpreter {
    func lruCacheType() -> PyType {
        nativeType("_lru_cache_wrapper", module: "functools", flags: [.baseType, .hasInstanceDict]) { type in
            // Separates positional from keyword arguments in keys; no caller can pass it.
            let marker = PyObject(type: types.object)
            marker.makeImmortal()
            let keywordMark = Value.object(ObjectRef(Unmanaged.passUnretained(marker)))
            func get(_ value: Value) -> PyLRUCache { value.as(PyLRUCache.self)! }
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("lru_cache", ["user_function", "maxsize", "typed", "cache_info_type"], required: 4)
                let function = bound[0]!
                if thread.typeOf(function).slots.call == nil { throw .typeError("the first argument must be callable") }
                var maximum: Int?
                let limit = bound[1]!
                if !limit.isNone {
                    guard Arithmetic.pyInteger(limit) != nil || thread.typeOf(limit).slots.index != nil else {
                        throw .typeError("maxsize should be integer or None")
                    }
                    maximum = max(0, try thread.sizeArgument(limit))
                }
                let typed = try thread.truth(bound[2]!)
                function.retain()
                bound[3]!.retain()
                return .object(ObjectRef.allocate(PyLRUCache(function: function, cacheInfoType: bound[3]!, maximumSize: maximum,
                                                             isTyped: typed, cache: thread.interpreter.newDict(), type: type)))
            }
            slots.call = { thread, value, arguments throws(EvalError) in
                let wrapper = get(value)
                if wrapper.maximumSize == 0 {
                    wrapper.misses += 1
                    return try thread.call(wrapper.function, arguments)
                }
                let key = thread.lruKey(arguments, typed: wrapper.isTyped, mark: keywordMark)
                defer { key.release() }
                let hash = try thread.hash(key)
                let cache = wrapper.cache
                if let found = try cache.lookup(key, hash: hash, thread.equalFunction) {
                    wrapper.hits += 1
                    found.retain()
                    if wrapper.maximumSize != nil, let old = try cache.remove(key, hash: hash, thread.equalFunction) {
                        // Most recently used: to the end of the order.
                        key.retain()
                        try cache.set(key, hash: hash, old, thread.equalFunction)
                    }
                    return found
                }
                wrapper.misses += 1
                let result = try thread.call(wrapper.function, arguments)
                // The call may have cached this key itself (recursion).
                if try cache.lookup(key, hash: hash, thread.equalFunction) != nil { return result }
                if let maximum = wrapper.maximumSize, cache.count >= maximum, let (oldest, _, _) = cache.entry(from: 0) {
                    oldest.retain()
                    defer { oldest.release() }
                    try cache.remove(oldest, hash: try thread.hash(oldest), thread.equalFunction)?.release()
                }
                key.retain()
                result.retain()
                try cache.set(key, hash: hash, result, thread.equalFunction)
                return result
            }
            slots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
                guard let instance else {
                    value.retain()
                    return value
                }
                value.retain()
                instance.retain()
                return .object(ObjectRef.allocate(PyMethod(function: value, receiver: instance, type: thread.interpreter.types.method)))
            }
            type.installSlots(slots, self)
            type.define("cache_info", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("cache_info", 0...0)
                let wrapper = get(value)
                let maximum: Value = wrapper.maximumSize.map { .int($0) } ?? .none
                return try thread.call(wrapper.cacheInfoType, [.int(wrapper.hits), .int(wrapper.misses), maximum, .int(wrapper.cache.count)])
            }
            type.define("cache_clear", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("cache_clear", 0...0)
                let wrapper = get(value)
                wrapper.hits = 0
                wrapper.misses = 0
                wrapper.cache.clear()
                return .none
            }
            for name in ["__copy__", "__deepcopy__"] {
                type.define(name, self) { _, value, arguments throws(EvalError) in
                    try arguments.expect(name, name == "__copy__" ? 0...0 : 1...1)
                    value.retain()
                    return value
                }
            }
            type.define("__reduce__", self) { thread, value, _ throws(EvalError) in
                try thread.getAttribute(value, thread.interpreter.names.__qualname__)
            }
            type.defineAttribute("__dict__", self, get: { thread, value throws(EvalError) in
                let dict = thread.instanceDict(of: value)!
                dict.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(dict)))
            })
        }
    }
}

extension ThreadState {
    /// The cache key of a call (new reference): a lone int or str argument
    /// itself, else the tuple of the arguments, with the keyword names and
    /// values after a marker, and the argument types when `typed`.
    func lruKey(_ arguments: Arguments, typed: Bool, mark: Value) -> Value {
        let positional = arguments.positional
        if !typed && !arguments.hasKeywords {
            if positional.count == 1 {
                let only = positional[0]
                let type = typeOf(only)
                if type === interpreter.types.int || type === interpreter.types.str {
                    only.retain()
                    return only
                }
            }
            for item in positional { item.retain() }
            return interpreter.newTuple(positional)
        }
        var items = positional
        if arguments.hasKeywords {
            items.append(mark)
            for index in 0..<arguments.keywordCount {
                items.append(arguments.keywordNames!.items[index])
                items.append(arguments.keywordValue(index))
            }
        }
        if typed {
            for item in positional { items.append(typeOf(item).value) }
            for index in 0..<arguments.keywordCount { items.append(typeOf(arguments.keywordValue(index)).value) }
        }
        for item in items { item.retain() }
        return interpreter.newTuple(items)
    }
}
