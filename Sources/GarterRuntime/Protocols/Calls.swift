import GarterCompiler

// Calling objects: functions written in Python or Swift, bound methods,
// types (instantiation), and anything with `__call__`. Calls that start
// in Swift come here; Python-to-Python calls made by the evaluation loop
// push their frame without going through Swift recursion.

extension ThreadState {
    /// Calls `callable` with borrowed arguments; returns a new reference.
    public func call(_ callable: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        guard case .object(let reference) = callable else {
            throw .typeError("'\(typeOf(callable).name)' object is not callable")
        }
        let typePointer = reference.with { $0.typePointer }
        let types = interpreter.types
        if typePointer == types.function.pointer {
            return try callFunction(reference.with { unsafeDowncast($0, to: PyFunction.self) }, arguments)
        }
        if typePointer == types.builtinFunction.pointer {
            let body = reference.with { unsafeDowncast($0, to: PyBuiltinFunction.self).body }
            return try body(self, arguments)
        }
        if typePointer == types.methodDescriptor.pointer {
            let descriptor = reference.with { unsafeDowncast($0, to: PyMethodDescriptor.self) }
            return try callMethodDescriptor(descriptor, arguments)
        }
        if typePointer == types.method.pointer {
            let (function, receiver) = reference.with { object in
                let method = unsafeDowncast(object, to: PyMethod.self)
                return (method.function, method.receiver)
            }
            return try callPrepending(receiver, to: function, arguments)
        }
        let type = typeOf(callable)
        guard let slot = type.slots.call else {
            throw .typeError("'\(type.name)' object is not callable")
        }
        // A `__call__` that is itself a callable instance recurses in Swift
        // without a Python frame: count it against the recursion limit.
        try enterRecursiveCall()
        defer { depth -= 1 }
        return try slot(self, callable, arguments)
    }

    /// Calls `callable` with positional arguments (borrowed).
    public func call(_ callable: Value, _ values: [Value]) throws(EvalError) -> Value {
        try Arguments.with(values) { (arguments) throws(EvalError) -> Value in try call(callable, arguments) }
    }

    /// Calls `function` with `first` before the given arguments (bound methods).
    func callPrepending(_ first: Value, to function: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        let count = arguments.totalCount + 1
        return try withUnsafeTemporaryAllocation(of: Value?.self, capacity: count) { (buffer) throws(EvalError) -> Value in
            let base = buffer.baseAddress!
            base.initialize(to: first)
            (base + 1).initialize(from: arguments.base, count: arguments.totalCount)
            return try call(function, Arguments(base: base, positionalCount: arguments.positionalCount + 1,
                                                keywordNames: arguments.keywordNames))
        }
    }

    /// A built-in type's method called through its descriptor: `self` first.
    func callMethodDescriptor(_ descriptor: PyMethodDescriptor, _ arguments: Arguments) throws(EvalError) -> Value {
        guard arguments.positionalCount >= 1 else {
            throw .typeError("unbound method \(descriptor.owner.name).\(descriptor.name)() needs an argument")
        }
        let receiver = arguments[0]
        guard typeOf(receiver).isSubtype(of: descriptor.owner) else {
            throw .typeError("descriptor '\(descriptor.name)' for '\(descriptor.owner.name)' objects "
                             + "doesn't apply to a '\(typeOf(receiver).name)' object")
        }
        return try descriptor.body(self, receiver, arguments.droppingFirst)
    }

    /// Looks up `name` on `object` and calls it with `values` (borrowed).
    public func callMethod(_ object: Value, _ name: PyStr, _ values: [Value]) throws(EvalError) -> Value {
        let method = try getAttribute(object, name)
        defer { method.release() }
        return try call(method, values)
    }

    /// Calls the special method `name` looked up on the type of `object`
    /// (not the instance), as the interpreter does for `__len__` and the
    /// like; nil when the type has none.
    func callSpecial(_ object: Value, _ name: PyStr, _ values: [Value]) throws(EvalError) -> Value? {
        switch values.count {
        case 0: return try callSpecial(object, name, count: 0, .none, .none)
        case 1: return try callSpecial(object, name, count: 1, values[0], .none)
        case 2: return try callSpecial(object, name, count: 2, values[0], values[1])
        default:
            guard let bound = try boundSpecial(object, name) else { return nil }
            defer { bound.release() }
            return try call(bound, values)
        }
    }

    /// `callSpecial` with no arguments, without making an array.
    func callSpecial(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        try callSpecial(object, name, count: 0, .none, .none)
    }

    /// `callSpecial` with one argument, without making an array.
    func callSpecial(_ object: Value, _ name: PyStr, _ argument: Value) throws(EvalError) -> Value? {
        try callSpecial(object, name, count: 1, argument, .none)
    }

    /// Up to two arguments: a plain function or method descriptor (nearly
    /// every special method) is called with `object` prepended in a stack
    /// buffer, with no bound method and no array made.
    private func callSpecial(_ object: Value, _ name: PyStr, count: Int, _ first: Value, _ second: Value) throws(EvalError) -> Value? {
        guard let attribute = typeOf(object).lookup(name) else { return nil }
        unowned(unsafe) let attributeType = typeOf(attribute)
        if attributeType === interpreter.types.function || attributeType === interpreter.types.methodDescriptor {
            return try withUnsafeTemporaryAllocation(of: Value?.self, capacity: 3) { (buffer) throws(EvalError) -> Value in
                let base = buffer.baseAddress!
                base.initialize(to: object)
                (base + 1).initialize(to: first)
                (base + 2).initialize(to: second)
                return try call(attribute, Arguments(base: base, positionalCount: count + 1, keywordNames: nil))
            }
        }
        let bound: Value
        if let getter = attributeType.slots.descriptorGet {
            bound = try getter(self, attribute, object, typeOf(object).value)
        } else {
            attribute.retain()
            bound = attribute
        }
        defer { bound.release() }
        return try withUnsafeTemporaryAllocation(of: Value?.self, capacity: 2) { (buffer) throws(EvalError) -> Value in
            let base = buffer.baseAddress!
            base.initialize(to: first)
            (base + 1).initialize(to: second)
            return try call(bound, Arguments(base: base, positionalCount: count, keywordNames: nil))
        }
    }

    /// The special method `name` of `object`'s type bound to `object` (a
    /// new reference), nil when the type has none.
    private func boundSpecial(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        let type = typeOf(object)
        guard let attribute = type.lookup(name) else { return nil }
        if let getter = typeOf(attribute).slots.descriptorGet { return try getter(self, attribute, object, type.value) }
        attribute.retain()
        return attribute
    }

    // MARK: Python functions

    /// Runs a Python function from Swift: a frame on the frame stack, the
    /// arguments bound, then the evaluation loop until it returns.
    func callFunction(_ function: PyFunction, _ arguments: Arguments) throws(EvalError) -> Value {
        let frame = try pushFrame(for: function, arguments)
        frame.pointee.isEntry = true
        // Generator functions run their prologue to RETURN_GENERATOR, which
        // moves the frame into the generator object and returns that.
        return try evaluate(frame)
    }

    /// Pushes a frame for `function` with its arguments bound. The caller
    /// runs it (the frame is popped when it returns) or turns it into a generator.
    @inline(__always)
    func pushFrame(for function: PyFunction, _ arguments: Arguments) throws(EvalError) -> UnsafeMutablePointer<Frame> {
        let code = function.code
        let frame = frameStack.push(slots: code.localCount + code.stackSize)
        function.incref()
        frame.initialize(code: code, function: function, globals: function.globals, builtins: function.builtins,
                         locals: nil, previous: currentFrame, isGenerator: false)
        do throws(EvalError) {
            try bindArguments(function, arguments, frame.localsPlus)
        } catch {
            frame.release(stackDepth: 0)
            frameStack.pop(frame)
            throw error
        }
        return frame
    }

    /// Runs a module body (or `exec` code) with `globals` as its globals and locals.
    /// Code with free variables runs as a function holding `closure` (as
    /// CPython's exec makes one), so COPY_FREE_VARS finds its cells.
    public func runModuleCode(_ code: LoadedCode, globals: PyDict, locals: Value? = nil,
                              closure: PyTuple? = nil) throws(EvalError) -> Value {
        let frame = frameStack.push(slots: code.localCount + code.stackSize)
        let builtinsDict: PyDict
        if let value = globals.lookup(string: interpreter.names.__builtins__), case .object(let reference) = value,
           let dict = reference.with({ $0 as? PyDict }) {
            builtinsDict = dict
        } else if let value = globals.lookup(string: interpreter.names.__builtins__), case .object(let reference) = value,
                  let module = reference.with({ $0 as? PyModule }) {
            builtinsDict = module.dict
        } else {
            builtinsDict = interpreter.builtins
        }
        let localsValue = locals ?? .object(ObjectRef(Unmanaged.passUnretained(globals)))
        localsValue.retain()
        var function: PyFunction?
        if let closure {
            let made = PyFunction(code: code, globals: globals, builtins: builtinsDict, qualifiedName: code.nameValue,
                                  type: interpreter.types.function, interpreter: interpreter)
            code.nameValue.retain()
            closure.incref()
            made.closure = closure
            _ = ObjectRef.allocate(made)   // its one reference passes to the frame
            function = made
        }
        frame.initialize(code: code, function: function, globals: globals, builtins: builtinsDict,
                         locals: localsValue, previous: currentFrame, isGenerator: false)
        frame.pointee.isEntry = true
        return try evaluate(frame)
    }

    /// Binds call arguments to the parameters of `function` in `locals`
    /// (new references), with CPython's errors for mismatches.
    func bindArguments(_ function: PyFunction, _ arguments: Arguments,
                       _ locals: UnsafeMutablePointer<Value?>) throws(EvalError) {
        unowned(unsafe) let code = function.code.code   // held by the function: no retain per call
        let positionalParameters = code.argumentCount
        let given = arguments.positionalCount
        let flags = function.code.flags
        // The common case: exactly the positional parameters, nothing else.
        if given == positionalParameters && !arguments.hasKeywords
            && code.keywordOnlyArgumentCount == 0 && flags.isDisjoint(with: [.varArgs, .varKeywords]) {
            for index in 0..<given {
                let value = arguments[index]
                value.retain()
                locals[index] = value
            }
            return
        }
        try bindArgumentsSlowly(function, arguments, locals)
    }

    private func bindArgumentsSlowly(_ function: PyFunction, _ arguments: Arguments,
                                     _ locals: UnsafeMutablePointer<Value?>) throws(EvalError) {
        let code = function.code.code
        let flags = function.code.flags
        let positionalParameters = code.argumentCount
        let keywordOnly = code.keywordOnlyArgumentCount
        let total = positionalParameters + keywordOnly
        let given = arguments.positionalCount
        // Only error messages need the name as Swift text: made on first use.
        lazy var name = function.qualifiedName.stringValue ?? code.name
        let bound = min(given, positionalParameters)
        for index in 0..<bound {
            let value = arguments[index]
            value.retain()
            locals[index] = value
        }
        var nextSlot = total
        if flags.contains(.varArgs) {
            var extra: [Value] = []
            if given > positionalParameters {
                for index in positionalParameters..<given {
                    let value = arguments[index]
                    value.retain()
                    extra.append(value)
                }
            }
            locals[nextSlot] = interpreter.newTuple(extra)
            nextSlot += 1
        }
        var keywordDict: PyDict?
        if flags.contains(.varKeywords) {
            let dict = interpreter.newDict()
            keywordDict = dict
            locals[nextSlot] = .object(ObjectRef(Unmanaged.passUnretained(dict)))
        }
        var positionalOnlyPassedByName: [String] = []
        for keyword in 0..<arguments.keywordCount {
            let keyValue = arguments.keywordNames!.items[keyword]
            let keyName = keyValue.strObject!
            var index: Int?
            // Names are interned, so the identity test almost always decides.
            for slot in code.positionalOnlyArgumentCount..<total
            where function.code.localNames[slot].isSameKey(as: keyValue) || function.code.localNames[slot].unsafeStrObject.equals(keyName) {
                index = slot
                break
            }
            let value = arguments.keywordValue(keyword)
            guard let index else {
                if let keywordDict {
                    keyValue.retain()
                    value.retain()
                    try keywordDict.set(keyValue, hash: keyName.hashValue, value, equalFunction)
                    continue
                }
                if code.variableNames.prefix(code.positionalOnlyArgumentCount).contains(keyName.string) {
                    positionalOnlyPassedByName.append(keyName.string)
                    continue
                }
                throw .typeError("\(name)() got an unexpected keyword argument '\(keyName.string)'")
            }
            if locals[index] != nil {
                throw .typeError("\(name)() got multiple values for argument '\(keyName.string)'")
            }
            value.retain()
            locals[index] = value
        }
        if !positionalOnlyPassedByName.isEmpty {
            throw .typeError("\(name)() got some positional-only arguments passed as keyword arguments: '"
                             + positionalOnlyPassedByName.joined(separator: ", ") + "'")
        }
        if given > positionalParameters && !flags.contains(.varArgs) {
            throw tooManyPositional(function, name: name, given: given, locals: locals)
        }
        // Defaults for positional parameters.
        let defaults = function.defaults?.items ?? []
        let firstDefault = positionalParameters - defaults.count
        var missing: [String] = []
        for index in bound..<max(bound, positionalParameters) where locals[index] == nil {
            if index >= firstDefault {
                let value = defaults[index - firstDefault]
                value.retain()
                locals[index] = value
            } else {
                missing.append(code.variableNames[index])
            }
        }
        if !missing.isEmpty {
            throw missingArguments(name, missing, kind: "positional")
        }
        for index in positionalParameters..<total where locals[index] == nil {
            let parameter = function.code.localNames[index].strObject!
            if let value = function.keywordDefaults?.lookup(string: parameter) {
                value.retain()
                locals[index] = value
            } else {
                missing.append(parameter.string)
            }
        }
        if !missing.isEmpty {
            throw missingArguments(name, missing, kind: "keyword-only")
        }
    }

    private func tooManyPositional(_ function: PyFunction, name: String, given: Int,
                                   locals: UnsafeMutablePointer<Value?>) -> EvalError {
        let code = function.code.code
        let positional = code.argumentCount
        let defaults = function.defaults?.count ?? 0
        let takes: String
        if defaults > 0 {
            takes = "from \(positional - defaults) to \(positional) positional arguments"
        } else {
            takes = "\(positional) positional argument\(positional == 1 ? "" : "s")"
        }
        var keywordOnlyGiven = 0
        for index in positional..<(positional + code.keywordOnlyArgumentCount) where locals[index] != nil {
            keywordOnlyGiven += 1
        }
        var givenText = "\(given) \(given == 1 ? "was" : "were") given"
        if keywordOnlyGiven > 0 {
            givenText = "\(given) positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only "
                + "argument\(keywordOnlyGiven == 1 ? "" : "s")) were given"
        }
        return .typeError("\(name)() takes \(takes) but \(givenText)")
    }

    private func missingArguments(_ name: String, _ missing: [String], kind: String) -> EvalError {
        let quoted = missing.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let plural = missing.count == 1 ? "" : "s"
        return .typeError("\(name)() missing \(missing.count) required \(kind) argument\(plural): \(list)")
    }
}

extension PyType {
    /// The address the `typePointer` of this type's instances holds.
    @inlinable
    public var pointer: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()) }
}
