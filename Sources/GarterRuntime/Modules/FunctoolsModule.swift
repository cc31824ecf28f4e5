// The `_functools` module: `reduce`, `partial`, `cmp_to_key` and
// `_lru_cache_wrapper` (LRUCache.swift).

/// A `functools.partial` object.
final class PyPartial: PyObject {
    /// All owned: the function, the tuple of leading positional arguments
    /// and the dict of keyword arguments.
    var function: Value
    var arguments: Value
    var keywords: Value

    init(function: Value, arguments: Value, keywords: Value, type: PyType) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
        super.init(type: type)
    }

    override func releaseContents() {
        function.release()
        arguments.release()
        keywords.release()
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(function)
        visit(arguments)
        visit(keywords)
    }

    override func clearReferences() {
        super.clearReferences()
        let old = (function, arguments, keywords)
        (function, arguments, keywords) = (.none, .none, .none)
        old.0.release()
        old.1.release()
        old.2.release()
    }
}

/// The key object `cmp_to_key` makes (`functools.KeyWrapper`): the
/// comparison function and, once called with one, the object compared.
final class PyKeyWrapper: PyObject {
    /// Owned.
    let compare: Value
    var object: Value?

    init(compare: Value, object: Value?, type: PyType) {
        self.compare = compare
        self.object = object
        super.init(type: type)
        compare.retain()
        object?.retain()
    }

    override func releaseContents() {
        compare.release()
        object?.release()
    }
}

extension Interpreter {
    func makeFunctoolsModule() throws(EvalError) -> Value {
        try makeNativeModule("_functools", doc: "Tools that operate on functions.") { module, define throws(EvalError) in
            export(partialType(), in: module)
            export(lruCacheType(), in: module)
            define("reduce") { thread, arguments throws(EvalError) in
                try arguments.expect("reduce", 2...3)
                let function = arguments[0]
                let iterator: Value
                do throws(EvalError) { iterator = try thread.iterate(arguments[1]) } catch {
                    if thread.isInstance(error, of: "TypeError") {
                        error.discard()
                        throw .typeError("reduce() arg 2 must support iteration")
                    }
                    throw error
                }
                defer { iterator.release() }
                var result: Value? = nil
                if arguments.positionalCount == 3 {
                    arguments[2].retain()
                    result = arguments[2]
                }
                do throws(EvalError) {
                    while let item = try thread.next(iterator) {
                        guard let accumulated = result else {
                            result = item
                            continue
                        }
                        defer { item.release() }
                        let next = try thread.call(function, [accumulated, item])
                        accumulated.release()
                        result = next
                    }
                } catch {
                    result?.release()
                    throw error
                }
                guard let result else { throw .typeError("reduce() of empty iterable with no initial value") }
                return result
            }
            define("cmp_to_key") { thread, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("cmp_to_key", ["mycmp"], required: 1)
                return .object(ObjectRef.allocate(PyKeyWrapper(compare: bound[0]!, object: nil,
                                                               type: thread.interpreter.keyWrapperType())))
            }
        }
    }

    func partialType() -> PyType {
        nativeType("partial", module: "functools", flags: [.baseType, .hasInstanceDict]) { type in
            func get(_ value: Value) -> PyPartial { value.as(PyPartial.self)! }
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                guard arguments.positionalCount >= 1 else { throw .typeError("type 'partial' takes at least one argument") }
                var function = arguments[0]
                var leading: [Value] = []
                var keywords: [(Value, Value)] = []
                if thread.typeOf(function).slots.call == nil { throw .typeError("the first argument must be callable") }
                // A partial of a plain partial is flattened into one.
                if let inner = function.as(PyPartial.self), inner.instanceDictReference == nil,
                   thread.typeOf(function).lookup(name: "__call__")?.isIdentical(to: thread.interpreter.partialType().dict.lookup(name: "__call__")!) == true {
                    leading = inner.arguments.as(PyTuple.self)!.items
                    keywords = inner.keywords.as(PyDict.self)!.pairs.map { ($0.key, $0.value) }
                    function = inner.function
                }
                for index in 1..<arguments.positionalCount { leading.append(arguments[index]) }
                let dict = thread.interpreter.newDict()
                let dictValue = Value.object(ObjectRef(Unmanaged.passUnretained(dict)))
                do throws(EvalError) {
                    for (key, value) in keywords {
                        key.retain()
                        value.retain()
                        try dict.set(key, hash: try thread.hash(key), value, thread.equalFunction)
                    }
                    for index in 0..<arguments.keywordCount {
                        let key = arguments.keywordNames!.items[index]
                        let value = arguments.keywordValue(index)
                        key.retain()
                        value.retain()
                        try dict.set(key, hash: try thread.hash(key), value, thread.equalFunction)
                    }
                } catch {
                    dictValue.release()
                    throw error
                }
                function.retain()
                for value in leading { value.retain() }
                return .object(ObjectRef.allocate(PyPartial(function: function, arguments: thread.interpreter.newTuple(leading),
                                                            keywords: dictValue, type: type)))
            }
            slots.call = { thread, value, arguments throws(EvalError) in
                let partial = get(value)
                let leading = partial.arguments.as(PyTuple.self)!.items
                let stored = partial.keywords.as(PyDict.self)!
                if leading.isEmpty && stored.count == 0 { return try thread.call(partial.function, arguments) }
                var names: [Value] = []
                var values: [Value] = []
                for (key, item) in stored.pairs {
                    guard key.strObject != nil else { throw .typeError("keywords must be strings") }
                    names.append(key)
                    values.append(item)
                }
                for index in 0..<arguments.keywordCount {
                    let name = arguments.keywordNames!.items[index]
                    if let existing = names.firstIndex(where: { $0.strObject?.equals(name.strObject!) == true }) {
                        values[existing] = arguments.keywordValue(index)
                    } else {
                        names.append(name)
                        values.append(arguments.keywordValue(index))
                    }
                }
                let positional = leading + arguments.positional
                for name in names { name.retain() }
                let namesTuple = names.isEmpty ? nil : thread.interpreter.newTuple(names).as(PyTuple.self)
                defer { namesTuple.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() } }
                let function = partial.function
                function.retain()
                defer { function.release() }
                // The call may replace the partial's state (__setstate__): hold the arguments.
                let all = positional + values
                for item in all { item.retain() }
                defer { for item in all { item.release() } }
                return try Arguments.with(all, keywordNames: namesTuple) { (arguments) throws(EvalError) -> Value in
                    try thread.call(function, arguments)
                }
            }
            slots.repr = { thread, value throws(EvalError) in
                guard let reference = value.objectReference else { return .none }
                if thread.reprInProgress.contains(reference) { return thread.interpreter.newString("...") }
                thread.reprInProgress.insert(reference)
                defer { thread.reprInProgress.remove(reference) }
                let partial = get(value)
                // A repr may call back into Python code that replaces the
                // partial's state (__setstate__): hold what is being printed.
                let held = [partial.function, partial.arguments, partial.keywords]
                for item in held { item.retain() }
                defer { for item in held { item.release() } }
                var text = try thread.reprText(held[0])
                let items = held[1].as(PyTuple.self)!.items
                for item in items { text += ", " + (try thread.reprText(item)) }
                let pairs = held[2].as(PyDict.self)!.pairs
                for (key, item) in pairs { key.retain(); item.retain() }
                defer { for (key, item) in pairs { key.release(); item.release() } }
                for (key, item) in pairs {
                    text += ", " + (try thread.strText(key)) + "=" + (try thread.reprText(item))
                }
                return thread.interpreter.newString("\(thread.typeOf(value).name)(\(text))")
            }
            type.installSlots(slots, self)
            for (name, path) in [("func", \PyPartial.function), ("args", \PyPartial.arguments), ("keywords", \PyPartial.keywords)] {
                type.defineAttribute(name, self, get: { _, value throws(EvalError) in
                    let result = get(value)[keyPath: path]
                    result.retain()
                    return result
                }, set: { _, _, _ throws(EvalError) in throw .attributeError("readonly attribute") })
            }
            type.defineAttribute("__dict__", self, get: { thread, value throws(EvalError) in
                let dict = thread.instanceDict(of: value)!
                dict.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(dict)))
            })
            type.define("__reduce__", self) { thread, value, _ throws(EvalError) in
                let partial = get(value)
                let kind = thread.typeOf(value)
                kind.incref()
                for item in [partial.function, partial.function, partial.arguments] { item.retain() }
                let keywords = partial.keywords.as(PyDict.self)!.count > 0 ? partial.keywords : .none
                keywords.retain()
                var dict = Value.none
                if let instanceDict = partial.instanceDictReference?.takeUnretainedValue(), instanceDict.count > 0 {
                    instanceDict.incref()
                    dict = .object(ObjectRef(Unmanaged.passUnretained(instanceDict)))
                }
                let interpreter = thread.interpreter
                return interpreter.newTuple([kind.value, interpreter.newTuple([partial.function]),
                                             interpreter.newTuple([partial.function, partial.arguments, keywords, dict])])
            }
            type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__setstate__", 1...1)
                guard let state = arguments[0].as(PyTuple.self) else { throw .typeError("argument to __setstate__ must be a tuple") }
                guard state.count == 4, thread.typeOf(state.items[0]).slots.call != nil,
                      state.items[1].as(PyTuple.self) != nil,
                      state.items[2].isNone || state.items[2].as(PyDict.self) != nil else {
                    throw .typeError("invalid partial state")
                }
                let partial = get(value)
                let (function, leading, keywords, dict) = (state.items[0], state.items[1], state.items[2], state.items[3])
                function.retain()
                leading.retain()
                let newKeywords: Value
                if keywords.isNone {
                    newKeywords = .object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.newDict())))
                } else {
                    keywords.retain()
                    newKeywords = keywords
                }
                let old = [partial.function, partial.arguments, partial.keywords]
                partial.function = function
                partial.arguments = leading
                partial.keywords = newKeywords
                for item in old { item.release() }
                if let newDict = dict.as(PyDict.self), case .object(let reference) = value {
                    newDict.incref()
                    reference.with { object in
                        let previous = object.instanceDictReference
                        object.instanceDictReference = Unmanaged.passUnretained(newDict)
                        previous?._withUnsafeGuaranteedRef { $0.decref() }
                    }
                }
                return .none
            }
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.makeGenericAlias(arguments)
            }
        }
    }

    func keyWrapperType() -> PyType {
        nativeType("KeyWrapper", module: "functools", flags: []) { type in
            var slots = TypeSlots()
            slots.call = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("K", ["obj"], required: 1)
                let wrapper = value.as(PyKeyWrapper.self)!
                return .object(ObjectRef.allocate(PyKeyWrapper(compare: wrapper.compare, object: bound[0]!,
                                                               type: thread.typeOf(value))))
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard let a = left.as(PyKeyWrapper.self), let b = right.as(PyKeyWrapper.self) else {
                    throw .typeError("other argument must be K instance")
                }
                guard let x = a.object, let y = b.object else { throw .attributeError("object") }
                let result = try thread.call(a.compare, [x, y])
                defer { result.release() }
                return try thread.compare(result, .int(0), operation)
            }
            slots.hash = { thread, value throws(EvalError) in
                throw .typeError("unhashable type: '\(thread.typeOf(value).name)'")
            }
            type.installSlots(slots, self)
            setItem(type.dict, "__hash__", .none)
            type.dictChanged()
            type.defineAttribute("obj", self, get: { _, value throws(EvalError) in
                guard let object = value.as(PyKeyWrapper.self)!.object else { throw .attributeError("obj") }
                object.retain()
                return object
            }, set: { _, value, newValue throws(EvalError) in
                let wrapper = value.as(PyKeyWrapper.self)!
                newValue?.retain()
                let old = wrapper.object
                wrapper.object = newValue
                old?.release()
            })
        }
    }
}
