import GarterCompiler

// The `_operator` module: Python's operators as functions, and the
// `itemgetter`, `attrgetter` and `methodcaller` types. operator.py
// replaces its pure-Python definitions with these.

/// `operator.itemgetter`, `attrgetter` or `methodcaller`: what the object
/// applies, kept as owned values (items, dotted attribute paths as tuples of
/// names, or a method name with its arguments).
final class PyOperatorGetter: PyObject {
    enum Kind { case item, attribute, method }

    let kind: Kind
    /// Owned: the items, the attribute paths (each a tuple of str), or the
    /// method name followed by its positional arguments.
    let values: [Value]
    /// methodcaller's keyword names and values (owned).
    let keywordNames: [Value]
    let keywordValues: [Value]

    init(kind: Kind, values: [Value], keywordNames: [Value] = [], keywordValues: [Value] = [], type: PyType) {
        self.kind = kind
        self.values = values
        self.keywordNames = keywordNames
        self.keywordValues = keywordValues
        super.init(type: type)
    }

    override func releaseContents() {
        for value in values + keywordNames + keywordValues { value.release() }
    }
}

extension Interpreter {
    func makeOperatorModule() throws(EvalError) -> Value {
        try makeNativeModule("_operator", doc: "Operator interface: the intrinsic operators of Python as functions.") { module, define throws(EvalError) in
            let binaryNames = ["add", "and_", "floordiv", "lshift", "matmul", "mul", "mod", "or_", "pow", "rshift", "sub",
                               "truediv", "xor"]
            for (index, name) in binaryNames.enumerated() {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.checkNoKeywords("_operator.\(name)")
                    try arguments.expect(name, 2...2)
                    return try thread.binaryOperation(index, arguments[0], arguments[1])
                }
                let inPlace = "i" + name.filter { $0 != "_" }
                define(inPlace) { thread, arguments throws(EvalError) in
                    try arguments.checkNoKeywords("_operator.\(inPlace)")
                    try arguments.expect(inPlace, 2...2)
                    return try thread.binaryOperation(index + 13, arguments[0], arguments[1])
                }
            }
            for (name, operation) in [("lt", ComparisonOperation.less), ("le", .lessOrEqual), ("eq", .equal),
                                      ("ne", .notEqual), ("gt", .greater), ("ge", .greaterOrEqual)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.checkNoKeywords("_operator.\(name)")
                    try arguments.expect(name, 2...2)
                    return try thread.compare(arguments[0], arguments[1], operation)
                }
            }
            func unary(_ name: String, _ body: @escaping (ThreadState, Value) throws(EvalError) -> Value) {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "_operator.\(name)")
                    return try body(thread, arguments[0])
                }
            }
            unary("neg") { thread, value throws(EvalError) in try thread.unaryOperation(.unaryNegative, value) }
            unary("pos") { thread, value throws(EvalError) in try thread.unaryOperation(.unaryPositive, value) }
            unary("inv") { thread, value throws(EvalError) in try thread.unaryOperation(.unaryInvert, value) }
            unary("invert") { thread, value throws(EvalError) in try thread.unaryOperation(.unaryInvert, value) }
            unary("abs") { thread, value throws(EvalError) in
                guard let slot = thread.typeOf(value).slots.absolute else {
                    throw .typeError("bad operand type for abs(): '\(thread.typeOf(value).name)'")
                }
                return try slot(thread, value)
            }
            unary("not_") { thread, value throws(EvalError) in .bool(!(try thread.truth(value))) }
            unary("truth") { thread, value throws(EvalError) in .bool(try thread.truth(value)) }
            unary("index") { thread, value throws(EvalError) in try thread.index(value) }
            func pair(_ name: String, _ body: @escaping (ThreadState, Value, Value) throws(EvalError) -> Value) {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.checkNoKeywords("_operator.\(name)")
                    try arguments.expect(name, 2...2)
                    return try body(thread, arguments[0], arguments[1])
                }
            }
            pair("is_") { _, a, b throws(EvalError) in .bool(a.isIdentical(to: b)) }
            pair("is_not") { _, a, b throws(EvalError) in .bool(!a.isIdentical(to: b)) }
            pair("contains") { thread, a, b throws(EvalError) in .bool(try thread.contains(a, b)) }
            pair("getitem") { thread, a, b throws(EvalError) in try thread.getItem(a, b) }
            pair("delitem") { thread, a, b throws(EvalError) in
                try thread.setItem(a, b, nil)
                return .none
            }
            for name in ["concat", "iconcat"] {
                pair(name) { thread, a, b throws(EvalError) in
                    guard thread.typeOf(a).slots.getItem != nil, a.as(PyDict.self) == nil else {
                        throw .typeError("'\(thread.typeOf(a).name)' object can't be concatenated")
                    }
                    let operation = Int(BinaryOperation.add.rawValue) + (name == "iconcat" ? 13 : 0)
                    return try thread.binaryOperation(operation, a, b)
                }
            }
            pair("countOf") { thread, sequence, item throws(EvalError) in
                var count = 0
                try thread.forEach(sequence) { element throws(EvalError) in
                    if try thread.equal(element, item) { count += 1 }
                }
                return .int(count)
            }
            pair("indexOf") { thread, sequence, item throws(EvalError) in
                let iterator = try thread.iterate(sequence)
                defer { iterator.release() }
                var index = 0
                while let element = try thread.next(iterator) {
                    defer { element.release() }
                    if try thread.equal(element, item) { return .int(index) }
                    index += 1
                }
                throw .valueError("sequence.index(x): x not in sequence")
            }
            define("setitem") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("_operator.setitem")
                try arguments.expect("setitem", 3...3)
                try thread.setItem(arguments[0], arguments[1], arguments[2])
                return .none
            }
            define("length_hint") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("_operator.length_hint")
                try arguments.expect("length_hint", 1...2)
                let fallback = arguments.positionalCount == 2 ? try thread.sizeArgument(arguments[1]) : 0
                return .int(try thread.lengthHint(arguments[0], default: fallback))
            }
            define("call") { thread, arguments throws(EvalError) in
                guard arguments.positionalCount >= 1 else { throw .typeError("call() missing required argument 'obj' (pos 1)") }
                return try thread.call(arguments[0], arguments.droppingFirst)
            }
            define("_compare_digest") { thread, arguments throws(EvalError) in
                try arguments.expect("_compare_digest", 2...2)
                return .bool(try thread.compareDigest(arguments[0], arguments[1]))
            }
            export(itemgetterType(), in: module)
            export(attrgetterType(), in: module)
            export(methodcallerType(), in: module)
        }
    }

    private func getterType(_ name: String, call: @escaping TypeSlots.Call, repr: @escaping TypeSlots.Unary,
                            new: @escaping TypeSlots.New) -> PyType {
        nativeType(name, module: "operator") { type in
            var slots = TypeSlots()
            slots.new = new
            slots.call = call
            slots.repr = repr
            type.installSlots(slots, self)
        }
    }

    func itemgetterType() -> PyType {
        getterType("itemgetter", call: { thread, value, arguments throws(EvalError) in
            try arguments.expect("itemgetter", 1...1)
            let getter = value.as(PyOperatorGetter.self)!
            if getter.values.count == 1 { return try thread.getItem(arguments[0], getter.values[0]) }
            var items: [Value] = []
            for item in getter.values {
                do throws(EvalError) { items.append(try thread.getItem(arguments[0], item)) } catch {
                    for item in items { item.release() }
                    throw error
                }
            }
            return thread.interpreter.newTuple(items)
        }, repr: { thread, value throws(EvalError) in
            let getter = value.as(PyOperatorGetter.self)!
            let parts = try thread.reprList(getter.values)
            return thread.interpreter.newString("\(thread.typeOf(value).name)(\(parts.joined(separator: ", ")))")
        }, new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "itemgetter", arguments)
            guard arguments.positionalCount >= 1 else { throw .typeError("itemgetter expected 1 argument, got 0") }
            let items = arguments.positional
            for item in items { item.retain() }
            return .object(ObjectRef.allocate(PyOperatorGetter(kind: .item, values: items, type: type)))
        })
    }

    func attrgetterType() -> PyType {
        getterType("attrgetter", call: { thread, value, arguments throws(EvalError) in
            try arguments.expect("attrgetter", 1...1)
            let getter = value.as(PyOperatorGetter.self)!
            func resolve(_ path: Value) throws(EvalError) -> Value {
                var current = arguments[0]
                current.retain()
                for name in path.as(PyTuple.self)!.items {
                    defer { current.release() }
                    current = try thread.getAttribute(current, name.strObject!)
                }
                return current
            }
            if getter.values.count == 1 { return try resolve(getter.values[0]) }
            var items: [Value] = []
            for path in getter.values {
                do throws(EvalError) { items.append(try resolve(path)) } catch {
                    for item in items { item.release() }
                    throw error
                }
            }
            return thread.interpreter.newTuple(items)
        }, repr: { thread, value throws(EvalError) in
            let getter = value.as(PyOperatorGetter.self)!
            let parts = getter.values.map { path in
                "'" + path.as(PyTuple.self)!.items.map { $0.stringValue ?? "" }.joined(separator: ".") + "'"
            }
            return thread.interpreter.newString("\(thread.typeOf(value).name)(\(parts.joined(separator: ", ")))")
        }, new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "attrgetter", arguments)
            guard arguments.positionalCount >= 1 else { throw .typeError("attrgetter expected 1 argument, got 0") }
            var paths: [Value] = []
            for item in arguments.positional {
                guard let text = item.stringValue else {
                    for path in paths { path.release() }
                    throw .typeError("attribute name must be a string")
                }
                let names = text.split(separator: ".", omittingEmptySubsequences: false).map { thread.interpreter.intern(String($0)) }
                paths.append(thread.interpreter.newTuple(names))
            }
            return .object(ObjectRef.allocate(PyOperatorGetter(kind: .attribute, values: paths, type: type)))
        })
    }

    func methodcallerType() -> PyType {
        getterType("methodcaller", call: { thread, value, arguments throws(EvalError) in
            try arguments.expect("methodcaller", 1...1)
            let getter = value.as(PyOperatorGetter.self)!
            let method = try thread.getAttribute(arguments[0], getter.values[0].strObject!)
            defer { method.release() }
            for name in getter.keywordNames { name.retain() }
            let names = getter.keywordNames.isEmpty ? nil : thread.interpreter.newTuple(getter.keywordNames).as(PyTuple.self)
            defer { names.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() } }
            return try Arguments.with(Array(getter.values.dropFirst()) + getter.keywordValues, keywordNames: names) { (arguments) throws(EvalError) -> Value in
                try thread.call(method, arguments)
            }
        }, repr: { thread, value throws(EvalError) in
            let getter = value.as(PyOperatorGetter.self)!
            var parts = try thread.reprList(getter.values)
            for (name, item) in zip(getter.keywordNames, getter.keywordValues) {
                parts.append("\(name.stringValue ?? "")=\(try thread.reprText(item))")
            }
            return thread.interpreter.newString("\(thread.typeOf(value).name)(\(parts.joined(separator: ", ")))")
        }, new: { thread, type, arguments throws(EvalError) in
            guard arguments.positionalCount >= 1 else {
                throw .typeError("methodcaller needs at least one argument, the method name")
            }
            guard let text = arguments[0].stringValue else { throw .typeError("method name must be a string") }
            var values = [thread.interpreter.intern(text)]
            for item in arguments.positional.dropFirst() {
                item.retain()
                values.append(item)
            }
            var names: [Value] = []
            var keywordValues: [Value] = []
            for index in 0..<arguments.keywordCount {
                let name = arguments.keywordNames!.items[index]
                name.retain()
                names.append(name)
                let item = arguments.keywordValue(index)
                item.retain()
                keywordValues.append(item)
            }
            return .object(ObjectRef.allocate(PyOperatorGetter(kind: .method, values: values, keywordNames: names,
                                                               keywordValues: keywordValues, type: type)))
        })
    }
}

extension ThreadState {
    func reprList(_ values: [Value]) throws(EvalError) -> [String] {
        var parts: [String] = []
        for value in values { parts.append(try reprText(value)) }
        return parts
    }

    /// `operator.length_hint(obj, default)`.
    func lengthHint(_ value: Value, default fallback: Int) throws(EvalError) -> Int {
        if typeOf(value).slots.length != nil {
            do throws(EvalError) { return try length(value) } catch {
                if !isInstance(error, of: "TypeError") { throw error }
                error.discard()
            }
        }
        guard let hint = try callSpecial(value, interpreter.internedString("__length_hint__"), []) else { return fallback }
        defer { hint.release() }
        if isNotImplemented(hint) { return fallback }
        guard let number = Arithmetic.pyInteger(hint) else {
            throw .typeError("__length_hint__ must be an integer, not \(typeOf(hint).name)")
        }
        guard case .small(let result) = number else { throw .overflowError("cannot fit 'int' into an index-sized integer") }
        if result < 0 { throw .valueError("__length_hint__() should return >= 0") }
        return result
    }

    /// `hmac.compare_digest`: equality of two ASCII strs or two bytes-like
    /// objects, in time independent of where they differ.
    func compareDigest(_ a: Value, _ b: Value) throws(EvalError) -> Bool {
        let left: [UInt8]
        let right: [UInt8]
        if let x = a.strObject, let y = b.strObject {
            guard x.codePoints.allSatisfy({ $0 < 128 }), y.codePoints.allSatisfy({ $0 < 128 }) else {
                throw .typeError("comparing strings with non-ASCII characters is not supported")
            }
            left = x.codePoints.map { UInt8($0) }
            right = y.codePoints.map { UInt8($0) }
        } else {
            let x = try bytesLike(a)
            let y = try bytesLike(b)
            if x == nil && y == nil {
                throw .typeError("unsupported operand types(s) or combination of types: '\(typeOf(a).name)' and '\(typeOf(b).name)'")
            }
            // As CPython: once either is a buffer, the other must be one too.
            if let x { left = x } else { left = try requireBytesLike(a) }
            if let y { right = y } else { right = try requireBytesLike(b) }
        }
        var difference: UInt8 = left.count == right.count ? 0 : 1
        let reference = left.count == right.count ? left : right
        for index in 0..<right.count { difference |= reference[index] ^ right[index] }
        return difference == 0
    }
}
