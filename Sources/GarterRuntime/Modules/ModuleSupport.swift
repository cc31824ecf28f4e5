import BigInt

// What native modules share: converting arguments the way CPython's C API
// does (PyFloat_AsDouble, PyNumber_Index) and making the types a module
// defines when it is first imported.

extension ThreadState {
    /// A number argument as a C double (CPython's PyFloat_AsDouble): floats
    /// as they are, ints converted (OverflowError when too large), other
    /// objects through `__float__` or, failing that, `__index__`.
    func floatArgument(_ value: Value) throws(EvalError) -> Double {
        switch value {
        case .float(let number): return number
        case .int(let number): return Double(number)
        case .bool(let flag): return flag ? 1 : 0
        case .none: throw .typeError("must be real number, not NoneType")
        case .object:
            if let integer = Arithmetic.pyInteger(value) {
                do throws(NumberError) { return try integer.toDouble() } catch {
                    throw .pythonException(error.pythonType, error.message)
                }
            }
            let type = typeOf(value)
            if let slot = type.slots.float {
                let result = try slot(self, value)
                defer { result.release() }
                guard case .float(let number) = result else {
                    throw .typeError("\(type.name).__float__ returned non-float (type \(typeOf(result).name))")
                }
                return number
            }
            if type.slots.index != nil {
                let integer = try index(value)
                defer { integer.release() }
                return try floatArgument(integer)
            }
            throw .typeError("must be real number, not \(type.name)")
        }
    }

    /// An integer argument (`__index__` applied), as a `PyInteger`.
    func integerArgument(_ value: Value) throws(EvalError) -> PyInteger {
        if case .int(let number) = value { return .small(number) }
        let integer = try index(value)
        defer { integer.release() }
        guard let result = Arithmetic.pyInteger(integer) else { throw .typeError("__index__ returned non-int") }
        return result
    }

    /// The iterator over `iterable`, and its items one by one (new
    /// references) until exhausted.
    func forEach(_ iterable: Value, _ body: (Value) throws(EvalError) -> Void) throws(EvalError) {
        let iterator = try iterate(iterable)
        defer { iterator.release() }
        while let item = try next(iterator) {
            defer { item.release() }
            try body(item)
        }
    }
}

extension Interpreter {
    /// The type `name` of native module `module`, made and filled by
    /// `populate` the first time (a module imported again, or by another
    /// thread, gets the same type object). As in CPython, a static type of
    /// an extension module is named `module.name` (its messages and repr
    /// say so) while its `__name__` is the last part.
    func nativeType(_ name: String, module: String, base: PyType? = nil, flags: TypeFlags = [.baseType],
                    _ populate: (PyType) -> Void) -> PyType {
        let fullName = "\(module).\(name)"
        if let existing = types.othersByName(fullName) { return existing }
        let type = types.other(fullName, base: base, flags: flags)
        type.qualifiedName = name
        setItem(type.dict, "__module__", intern(module))
        type.dictChanged()
        populate(type)
        type.inheritBuiltinSlots()
        return type
    }

    /// Puts a type into a module's namespace under its name.
    func export(_ type: PyType, in module: PyModule) {
        type.incref()
        setItem(module.dict, type.shortName, type.value)
    }

    /// An int value for a `BigInt` (inline when it fits a word).
    func integerValue(_ value: BigInt) -> Value { Arithmetic.value(PyInteger(value), self) }
}

extension PyType {
    /// `__name__`: a built-in type's name without its module
    /// (`itertools.count` is `count`).
    var shortName: String {
        if isHeapType { return name }
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }
}

extension BuiltinTypes {
    /// A helper type made earlier by `other(_:)`, if any.
    func othersByName(_ name: String) -> PyType? { others[name] }
}

extension Arguments {
    /// `expect` for hot paths: the message (often built by interpolation)
    /// is only made when the arguments are wrong.
    @inline(__always)
    func check(_ range: ClosedRange<Int>, _ function: @autoclosure () -> String) throws(EvalError) {
        if !hasKeywords && range.contains(positionalCount) { return }
        try expect(function(), range)
    }

    /// `rejectKeywords` with the message made only when needed.
    @inline(__always)
    func checkNoKeywords(_ function: @autoclosure () -> String) throws(EvalError) {
        if hasKeywords { try rejectKeywords(function()) }
    }

    /// Exactly `count` positional arguments, with the message of CPython's
    /// `_PyArg_CheckPositional` ("cycle expected 1 argument, got 0").
    func expectPositional(_ function: String, _ count: Int) throws(EvalError) {
        if positionalCount != count {
            throw .typeError("\(function) expected \(count) argument\(count == 1 ? "" : "s"), got \(positionalCount)")
        }
    }

    /// Binds arguments by name with the messages of CPython's older
    /// PyArg_ParseTupleAndKeywords (used by `count`, `repeat`, `product`...).
    func bindClassic(_ function: String, _ names: [String], required: Int,
                     keywordOnlyFrom: Int? = nil) throws(EvalError) -> [Value?] {
        var result = [Value?](repeating: nil, count: names.count)
        let positionalLimit = keywordOnlyFrom ?? names.count
        if positionalCount > positionalLimit {
            if keywordOnlyFrom != nil {
                throw .typeError("\(function)() takes at most \(positionalLimit) positional argument\(positionalLimit == 1 ? "" : "s") (\(positionalCount) given)")
            }
            throw .typeError("\(function)() takes at most \(positionalLimit) argument\(positionalLimit == 1 ? "" : "s") (\(totalCount) given)")
        }
        for index in 0..<positionalCount { result[index] = self[index] }
        for keyword in 0..<keywordCount {
            let name = keywordName(keyword)
            guard let index = names.firstIndex(of: name) else {
                throw .typeError("'\(name)' is an invalid keyword argument for \(function)()")
            }
            if result[index] != nil {
                throw .typeError("argument for \(function)() given by name ('\(name)') and position (\(index + 1))")
            }
            result[index] = keywordValue(keyword)
        }
        for index in 0..<required where result[index] == nil {
            throw .typeError("\(function)() missing required argument '\(names[index])' (pos \(index + 1))")
        }
        return result
    }
}
