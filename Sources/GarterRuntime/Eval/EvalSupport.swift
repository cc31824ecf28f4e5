import GarterCompiler

// The slower halves of instructions, kept out of the evaluation loop's
// body so the loop stays small: name lookup, method lookup, unpacking,
// function creation and calls with `*args`/`**kwargs`.

extension ThreadState {
    // MARK: Names

    /// LOAD_GLOBAL: the globals, then the builtins, through the code's cache
    /// (valid while neither dict's keys changed). Borrowed.
    @inline(__always)
    func loadGlobal(_ code: LoadedCode, _ nameIndex: Int, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) -> Value {
        let globals = frame.pointee.globals
        let builtins = frame.pointee.builtins
        let entry = code.globalCache.baseAddress! + nameIndex
        if entry.pointee.globals?.toOpaque() == globals.toOpaque(),
           entry.pointee.builtins?.toOpaque() == builtins.toOpaque() {
            let hit = globals._withUnsafeGuaranteedRef { globalsDict -> Value? in
                guard globalsDict.keysVersion == entry.pointee.globalsKeysVersion else { return nil }
                if entry.pointee.globalsIndex >= 0 { return globalsDict.value(atEntry: entry.pointee.globalsIndex) }
                return builtins._withUnsafeGuaranteedRef { builtinsDict -> Value? in
                    guard builtinsDict.keysVersion == entry.pointee.builtinsKeysVersion else { return nil }
                    return builtinsDict.value(atEntry: entry.pointee.builtinsIndex)
                }
            }
            if let hit { return hit }
        }
        return try loadGlobalSlowly(code, nameIndex, frame)
    }

    @inline(never)
    func loadGlobalSlowly(_ code: LoadedCode, _ nameIndex: Int, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) -> Value {
        let name = code.names[nameIndex].strObject!
        let globals = frame.pointee.globals.takeUnretainedValue()
        let builtins = frame.pointee.builtins.takeUnretainedValue()
        let entry = code.globalCache.baseAddress! + nameIndex
        if entry.pointee.globals?.toOpaque() != Unmanaged.passUnretained(globals).toOpaque() {
            entry.pointee.globals?._withUnsafeGuaranteedRef { $0.decref() }
            globals.incref()
            entry.pointee.globals = Unmanaged.passUnretained(globals)
        }
        if entry.pointee.builtins?.toOpaque() != Unmanaged.passUnretained(builtins).toOpaque() {
            entry.pointee.builtins?._withUnsafeGuaranteedRef { $0.decref() }
            builtins.incref()
            entry.pointee.builtins = Unmanaged.passUnretained(builtins)
        }
        entry.pointee.globalsKeysVersion = globals.keysVersion
        entry.pointee.builtinsKeysVersion = builtins.keysVersion
        if let index = globals.entryIndex(string: name) {
            entry.pointee.globalsIndex = index
            return globals.value(atEntry: index)
        }
        entry.pointee.globalsIndex = -1
        if let index = builtins.entryIndex(string: name) {
            entry.pointee.builtinsIndex = index
            return builtins.value(atEntry: index)
        }
        entry.pointee.globalsKeysVersion = -1
        throw .nameError(name.string)
    }

    /// LOAD_NAME in module code (locals and globals the same dict): the
    /// value from the code's cache (borrowed), or nil on a miss. The cache
    /// is keyed like LOAD_GLOBAL's, so no hashing happens on a hit.
    @inline(__always)
    func cachedModuleName(_ code: LoadedCode, _ nameIndex: Int, _ frame: UnsafeMutablePointer<Frame>) -> Value? {
        guard case .object(let localsReference)? = frame.pointee.locals,
              localsReference.unmanaged.toOpaque() == frame.pointee.globals.toOpaque() else { return nil }
        let entry = code.nameCache.baseAddress! + nameIndex
        guard entry.pointee.globals?.toOpaque() == frame.pointee.globals.toOpaque(),
              entry.pointee.builtins?.toOpaque() == frame.pointee.builtins.toOpaque() else { return nil }
        return frame.pointee.globals._withUnsafeGuaranteedRef { globals -> Value? in
            guard globals.keysVersion == entry.pointee.globalsKeysVersion else { return nil }
            if entry.pointee.globalsIndex >= 0 { return globals.value(atEntry: entry.pointee.globalsIndex) }
            return frame.pointee.builtins._withUnsafeGuaranteedRef { builtins -> Value? in
                guard builtins.keysVersion == entry.pointee.builtinsKeysVersion else { return nil }
                return builtins.value(atEntry: entry.pointee.builtinsIndex)
            }
        }
    }

    /// LOAD_NAME's general path (class bodies, exec with separate locals,
    /// and cache misses, which refill the cache). A new reference.
    @inline(never)
    func loadNameSlowly(_ code: LoadedCode, _ nameIndex: Int, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) -> Value {
        let name = code.names[nameIndex].strObject!
        let globals = frame.pointee.globals.takeUnretainedValue()
        if let locals = frame.pointee.locals, locals.objectReference?.unmanaged.toOpaque() == frame.pointee.globals.toOpaque() {
            let builtins = frame.pointee.builtins.takeUnretainedValue()
            let entry = code.nameCache.baseAddress! + nameIndex
            if entry.pointee.globals?.toOpaque() != frame.pointee.globals.toOpaque() {
                entry.pointee.globals?._withUnsafeGuaranteedRef { $0.decref() }
                globals.incref()
                entry.pointee.globals = frame.pointee.globals
            }
            if entry.pointee.builtins?.toOpaque() != frame.pointee.builtins.toOpaque() {
                entry.pointee.builtins?._withUnsafeGuaranteedRef { $0.decref() }
                builtins.incref()
                entry.pointee.builtins = frame.pointee.builtins
            }
            entry.pointee.globalsKeysVersion = globals.keysVersion
            entry.pointee.builtinsKeysVersion = builtins.keysVersion
            if let index = globals.entryIndex(string: name) {
                entry.pointee.globalsIndex = index
                let value = globals.value(atEntry: index)
                value.retain()
                return value
            }
            entry.pointee.globalsIndex = -1
            if let index = builtins.entryIndex(string: name) {
                entry.pointee.builtinsIndex = index
                let value = builtins.value(atEntry: index)
                value.retain()
                return value
            }
            entry.pointee.globalsKeysVersion = -1
            throw .nameError(name.string)
        }
        return try loadName(name, frame)
    }

    /// STORE_NAME in module code when the name already has an entry the
    /// cache knows: replaces the value in place. Takes over `value` when it
    /// returns true.
    @inline(__always)
    func storeCachedModuleName(_ code: LoadedCode, _ nameIndex: Int, _ frame: UnsafeMutablePointer<Frame>, _ value: Value) -> Bool {
        guard case .object(let localsReference)? = frame.pointee.locals,
              localsReference.unmanaged.toOpaque() == frame.pointee.globals.toOpaque() else { return false }
        let entry = code.nameCache.baseAddress! + nameIndex
        guard entry.pointee.globals?.toOpaque() == frame.pointee.globals.toOpaque(), entry.pointee.globalsIndex >= 0 else {
            return false
        }
        return frame.pointee.globals._withUnsafeGuaranteedRef { globals -> Bool in
            guard globals.keysVersion == entry.pointee.globalsKeysVersion else { return false }
            let old = globals.replaceValue(atEntry: entry.pointee.globalsIndex, with: value)
            old.release()
            return true
        }
    }

    /// A name in a mapping that may not be a dict (class namespaces from
    /// `__prepare__`): a new reference, or nil when missing.
    func lookupMapping(_ mapping: Value, _ name: PyStr) throws(EvalError) -> Value? {
        if let dict = mapping.as(PyDict.self), typeOf(mapping) === interpreter.types.dict {
            guard let value = dict.lookup(string: name) else { return nil }
            value.retain()
            return value
        }
        do throws(EvalError) {
            return try getItem(mapping, .object(ObjectRef(Unmanaged.passUnretained(name))))
        } catch {
            if isInstance(error, of: "KeyError") {
                error.discard()
                return nil
            }
            throw error
        }
    }

    /// LOAD_NAME: locals, globals, builtins. A new reference.
    func loadName(_ name: PyStr, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) -> Value {
        if let mapping = frame.pointee.locals, let value = try lookupMapping(mapping, name) { return value }
        if let value = frame.pointee.globals.takeUnretainedValue().lookup(string: name) {
            value.retain()
            return value
        }
        if let value = frame.pointee.builtins.takeUnretainedValue().lookup(string: name) {
            value.retain()
            return value
        }
        throw .nameError(name.string)
    }

    /// STORE_NAME, taking over the reference to `value`.
    func storeName(_ name: Value, _ value: Value, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) {
        guard let mapping = frame.pointee.locals else {
            value.release()
            throw .pythonException("SystemError", "no locals found when storing \(try reprText(name))")
        }
        if let dict = mapping.as(PyDict.self), typeOf(mapping) === interpreter.types.dict {
            name.retain()
            try dict.set(name, hash: name.strObject!.hashValue, value, Interpreter.stringsOnly)
            return
        }
        defer { value.release() }
        try setItem(mapping, name, value)
    }

    func deleteName(_ name: Value, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) {
        guard let mapping = frame.pointee.locals else { throw .pythonException("SystemError", "no locals") }
        do throws(EvalError) {
            try setItem(mapping, name, nil)
        } catch {
            if isInstance(error, of: "KeyError") {
                error.discard()
                throw .nameError(name.stringValue ?? "")
            }
            throw error
        }
    }

    // MARK: Methods

    // MARK: Unpacking

    /// UNPACK_SEQUENCE: exactly `count` items (new references).
    func unpack(_ sequence: Value, count: Int) throws(EvalError) -> [Value] {
        if let tuple = sequence.as(PyTuple.self), tuple.count == count {
            for item in tuple.items { item.retain() }
            return tuple.items
        }
        if let list = sequence.as(PyList.self), list.count == count {
            for item in list.items { item.retain() }
            return list.items
        }
        let type = typeOf(sequence)
        guard type.slots.iterate != nil || type.slots.getItem != nil else {
            throw .typeError("cannot unpack non-iterable \(type.name) object")
        }
        let iterator = try iterate(sequence)
        defer { iterator.release() }
        var items: [Value] = []
        while items.count < count {
            guard let item = try next(iterator) else {
                for made in items { made.release() }
                throw .valueError("not enough values to unpack (expected \(count), got \(items.count))")
            }
            items.append(item)
        }
        if let extra = try next(iterator) {
            extra.release()
            for made in items { made.release() }
            throw .valueError("too many values to unpack (expected \(count))")
        }
        return items
    }

    /// UNPACK_EX: `before` items, a list of the middle, `after` items.
    func unpackStarred(_ sequence: Value, before: Int, after: Int) throws(EvalError) -> [Value] {
        let type = typeOf(sequence)
        guard type.slots.iterate != nil || type.slots.getItem != nil else {
            throw .typeError("cannot unpack non-iterable \(type.name) object")
        }
        let items = try collect(sequence)
        guard items.count >= before + after else {
            for item in items { item.release() }
            throw .valueError("not enough values to unpack (expected at least \(before + after), got \(items.count))")
        }
        let middle = Array(items[before..<(items.count - after)])
        return Array(items[..<before]) + [interpreter.newList(middle)] + Array(items[(items.count - after)...])
    }

    // MARK: Functions

    /// MAKE_FUNCTION: the code on top, the parts `flags` names below it.
    func makeFunction(_ flags: Int, _ top: inout UnsafeMutablePointer<Value?>, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) {
        top -= 1
        let codeValue = top.move().unsafelyUnwrapped
        defer { codeValue.release() }
        guard let code = codeValue.as(LoadedCode.self) else { throw .typeError("MAKE_FUNCTION needs a code object") }
        var closure: Value?
        var annotations: Value?
        var keywordDefaults: Value?
        var defaults: Value?
        if flags & 0x08 != 0 { top -= 1; closure = top.move() }
        if flags & 0x04 != 0 { top -= 1; annotations = top.move() }
        if flags & 0x02 != 0 { top -= 1; keywordDefaults = top.move() }
        if flags & 0x01 != 0 { top -= 1; defaults = top.move() }
        let function = PyFunction(code: code, globals: frame.pointee.globals.takeUnretainedValue(),
                                  builtins: frame.pointee.builtins.takeUnretainedValue(),
                                  qualifiedName: code.qualifiedNameValue, type: interpreter.types.function, interpreter: interpreter)
        code.qualifiedNameValue.retain()
        function.closure = closure?.as(PyTuple.self)
        function.defaults = defaults?.as(PyTuple.self)
        function.keywordDefaults = keywordDefaults?.as(PyDict.self)
        if let annotations {
            if let tuple = annotations.as(PyTuple.self) {
                // 3.11 passes annotations as a flat tuple of names and values.
                let dict = interpreter.newDict()
                var index = 0
                while index + 1 < tuple.count {
                    let key = tuple.items[index]
                    let value = tuple.items[index + 1]
                    key.retain()
                    value.retain()
                    try dict.set(key, hash: try hash(key), value, equalFunction)
                    index += 2
                }
                annotations.release()
                function.annotations = .object(ObjectRef(Unmanaged.passUnretained(dict)))
            } else {
                function.annotations = annotations
            }
        }
        top.initialize(to: .object(ObjectRef.allocate(function)))
        top += 1
    }

    /// CALL_FUNCTION_EX: `callable(*positional, **keywords)`.
    func callWithUnpacked(_ callable: Value, _ positional: Value, _ keywords: Value?) throws(EvalError) -> Value {
        let items: [Value]
        if let tuple = positional.as(PyTuple.self) {
            items = tuple.items
            for item in items { item.retain() }
        } else {
            let type = typeOf(positional)
            guard type.slots.iterate != nil || type.slots.getItem != nil else {
                throw .typeError("\(try callableName(callable)) argument after * must be an iterable, not \(type.name)")
            }
            items = try collect(positional)
        }
        defer { for item in items { item.release() } }
        var names: [Value] = []
        var values: [Value] = []
        if let keywords {
            guard let dict = keywords.as(PyDict.self) else {
                throw .typeError("\(try callableName(callable)) argument after ** must be a mapping, not \(typeOf(keywords).name)")
            }
            for (key, value) in dict.pairs {
                guard key.strObject != nil else { throw .typeError("keywords must be strings") }
                key.retain()
                names.append(key)
                values.append(value)
            }
        }
        let namesTuple = names.isEmpty ? nil : interpreter.newTuple(names).as(PyTuple.self)
        defer { namesTuple.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() } }
        return try Arguments.with(items + values, keywordNames: namesTuple) { (arguments) throws(EvalError) -> Value in
            try call(callable, arguments)
        }
    }

    /// DICT_MERGE: keyword arguments from `**mapping`, refusing duplicates.
    func mergeKeywords(into dict: PyDict, _ source: Value, function: Value?) throws(EvalError) {
        let functionName = function.map { (try? callableName($0)) ?? "function" } ?? "function"
        guard source.as(PyDict.self) != nil || typeOf(source).lookup(interpreter.internedString("keys")) != nil else {
            throw .typeError("\(functionName) argument after ** must be a mapping, not \(typeOf(source).name)")
        }
        let incoming = interpreter.newDict()
        defer { incoming.decref() }
        try update(incoming, from: source)
        for (key, value) in incoming.pairs {
            guard key.strObject != nil else { throw .typeError("keywords must be strings") }
            if try dict.lookup(key, hash: try hash(key), equalFunction) != nil {
                throw .typeError("\(functionName) got multiple values for keyword argument '\(key.stringValue ?? "")'")
            }
            key.retain()
            value.retain()
            try dict.set(key, hash: try hash(key), value, equalFunction)
        }
    }

    /// How CPython names a callable in argument errors (`f()`, `A.m()`).
    func callableName(_ callable: Value) throws(EvalError) -> String {
        if let function = callable.as(PyFunction.self) { return "\(function.qualifiedName.stringValue ?? "?")()" }
        if let method = callable.as(PyMethod.self) { return try callableName(method.function) }
        if let builtin = callable.as(PyBuiltinFunction.self) { return "\(builtin.name)()" }
        if let type = callable.as(PyType.self) { return "\(type.name)()" }
        return "\(typeOf(callable).name) object"
    }

    /// `ascii(value)` as a str object.
    func asciiText(_ value: Value) throws(EvalError) -> Value {
        let ascii = interpreter.builtins.lookup(name: "ascii")!
        return try call(ascii, [value])
    }

    /// PRINT_EXPR: `sys.displayhook(value)` (Modules/SysHooks.swift).
    func displayHook(_ value: Value) throws(EvalError) {
        try display(value)
    }

    // MARK: Pattern matching

    /// MATCH_KEYS: a tuple of the values for `keys`, or None if one is missing.
    func matchKeys(_ subject: Value, _ keys: Value) throws(EvalError) -> Value {
        let wanted = keys.as(PyTuple.self)!.items
        if wanted.isEmpty { return interpreter.newTuple([]) }
        let get = try getAttribute(subject, "get")
        defer { get.release() }
        let marker = Value.object(ObjectRef.allocate(PyInstance(type: interpreter.types.object, slotCount: 0)))
        defer { marker.release() }
        var values: [Value] = []
        for key in wanted {
            let value = try call(get, [key, marker])
            if value.isIdentical(to: marker) {
                value.release()
                for made in values { made.release() }
                return .none
            }
            values.append(value)
        }
        return interpreter.newTuple(values)
    }

    /// MATCH_CLASS: the attributes for the class pattern, or None when `subject` does not match.
    func matchClass(_ subject: Value, _ cls: Value, positionalCount: Int, names: Value) throws(EvalError) -> Value {
        guard let type = cls.as(PyType.self) else { throw .typeError("called match pattern must be a type") }
        guard try isInstance(subject, cls) else { return .none }
        var attributes: [Value] = []
        var seen: [String] = []
        if positionalCount > 0 {
            let matchArgs = try lookupAttribute(cls, interpreter.internedString("__match_args__"))
            defer { matchArgs?.release() }
            let selfMatching = [interpreter.types.bool, interpreter.types.int, interpreter.types.float, interpreter.types.str,
                                interpreter.types.tuple, interpreter.types.list, interpreter.types.dict, interpreter.types.set,
                                interpreter.types.frozenset].contains { type.isSubtype(of: $0) }
            if let matchArgs {
                guard let tuple = matchArgs.as(PyTuple.self) else {
                    throw .typeError("\(type.name).__match_args__ must be a tuple (got \(typeOf(matchArgs).name))")
                }
                guard positionalCount <= tuple.count else {
                    throw .typeError("\(type.name)() accepts \(tuple.count) positional sub-pattern\(tuple.count == 1 ? "" : "s") (\(positionalCount) given)")
                }
                for index in 0..<positionalCount {
                    guard let name = tuple.items[index].strObject else {
                        throw .typeError("__match_args__ elements must be strings (got \(typeOf(tuple.items[index]).name))")
                    }
                    seen.append(name.string)
                    guard let value = try lookupAttribute(subject, name) else {
                        for made in attributes { made.release() }
                        return .none
                    }
                    attributes.append(value)
                }
            } else if selfMatching && positionalCount == 1 {
                subject.retain()
                attributes.append(subject)
            } else {
                throw .typeError("\(type.name)() accepts \(selfMatching ? 1 : 0) positional sub-pattern\(selfMatching ? "" : "s") (\(positionalCount) given)")
            }
        }
        for name in names.as(PyTuple.self)!.items {
            let text = name.stringValue ?? ""
            if seen.contains(text) {
                for made in attributes { made.release() }
                throw .typeError("\(type.name)() got multiple sub-patterns for attribute '\(text)'")
            }
            seen.append(text)
            guard let value = try lookupAttribute(subject, name.strObject!) else {
                for made in attributes { made.release() }
                return .none
            }
            attributes.append(value)
        }
        return interpreter.newTuple(attributes)
    }
}

extension TypeFlags {
    /// A Python class defining `__getattribute__` or `__getattr__`.
    static let customAttributes = TypeFlags(rawValue: 1 << 9)
}
