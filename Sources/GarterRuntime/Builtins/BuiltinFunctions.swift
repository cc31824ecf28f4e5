import GarterCompiler
import GarterSyntax

/// The functions of the `builtins` module.
enum BuiltinFunctions {
    static func install(in interpreter: Interpreter) {
        func define(_ name: String, _ body: @escaping PyBuiltinFunction.Body) {
            let function = PyBuiltinFunction(name: name, type: interpreter.types.builtinFunction, moduleName: "builtins", body: body)
            function.makeImmortal()
            interpreter.setItem(interpreter.builtins, name, .object(ObjectRef(Unmanaged.passUnretained(function))))
        }
        define("print") { thread, arguments throws(EvalError) in
            let names = ["sep", "end", "file", "flush"]
            var options: [Value?] = [nil, nil, nil, nil]
            for index in 0..<arguments.keywordCount {
                guard let position = names.firstIndex(of: arguments.keywordName(index)) else {
                    throw .typeError("'\(arguments.keywordName(index))' is an invalid keyword argument for print()")
                }
                options[position] = arguments.keywordValue(index)
            }
            func text(_ value: Value?, _ fallback: String, _ name: String) throws(EvalError) -> [UInt32] {
                guard let value, !value.isNone else { return fallback.unicodeScalars.map(\.value) }
                guard let string = value.as(PyStr.self) else {
                    throw .typeError("\(name) must be None or a string, not \(thread.typeOf(value).name)")
                }
                return string.codePoints
            }
            let separator = try text(options[0], " ", "sep")
            let end = try text(options[1], "\n", "end")
            var file = options[2].flatMap { $0.isNone ? nil : $0 } ?? thread.replacedStandardOutput
            if let target = file, target.isNone { return .none }  // sys.stdout is None: print nothing
            if let target = file, target.as(PyStandardStream.self)?.fileDescriptor == 1 { file = nil }
            if let file {
                // A file object gets one write() per piece, as CPython's print does.
                let write = try thread.getAttribute(file, "write")
                defer { write.release() }
                func emit(_ piece: Value) throws(EvalError) { try thread.call(write, [piece]).release() }
                for index in 0..<arguments.positionalCount {
                    if index > 0 {
                        let piece = thread.interpreter.newString(codePoints: separator)
                        defer { piece.release() }
                        try emit(piece)
                    }
                    let piece = try thread.str(arguments[index])
                    defer { piece.release() }
                    try emit(piece)
                }
                let piece = thread.interpreter.newString(codePoints: end)
                defer { piece.release() }
                try emit(piece)
                if let flush = options[3], try thread.truth(flush) {
                    try thread.callMethod(file, thread.interpreter.internedString("flush"), []).release()
                }
                return .none
            }
            var line: [UInt32] = []
            for index in 0..<arguments.positionalCount {
                if index > 0 { line += separator }
                let piece = try thread.str(arguments[index])
                line += piece.as(PyStr.self)!.codePoints
                piece.release()
            }
            line += end
            try thread.writeStandardOutput(line)
            if let flush = options[3], try thread.truth(flush) { thread.output.flush() }
            return .none
        }
        interpreter.installOpenBuiltin()
        define("len") { thread, arguments throws(EvalError) in
            try arguments.expect("len", 1...1)
            return .int(try thread.length(arguments[0]))
        }
        define("repr") { thread, arguments throws(EvalError) in
            try arguments.expect("repr", 1...1)
            return try thread.repr(arguments[0])
        }
        define("ascii") { thread, arguments throws(EvalError) in
            try arguments.expect("ascii", 1...1)
            let text = try thread.repr(arguments[0])
            defer { text.release() }
            var result = String.UnicodeScalarView()
            for point in text.as(PyStr.self)!.codePoints {
                if point < 128 { result.append(Unicode.Scalar(point)!) }
                else if point < 256 { result.append(contentsOf: "\\x".unicodeScalars); result.append(contentsOf: hex(point, 2).unicodeScalars) }
                else if point < 65536 { result.append(contentsOf: "\\u".unicodeScalars); result.append(contentsOf: hex(point, 4).unicodeScalars) }
                else { result.append(contentsOf: "\\U".unicodeScalars); result.append(contentsOf: hex(point, 8).unicodeScalars) }
            }
            return thread.interpreter.newString(String(result))
        }
        define("abs") { thread, arguments throws(EvalError) in
            try arguments.expect("abs", 1...1)
            guard let slot = thread.typeOf(arguments[0]).slots.absolute else {
                throw .typeError("bad operand type for abs(): '\(thread.typeOf(arguments[0]).name)'")
            }
            return try slot(thread, arguments[0])
        }
        define("isinstance") { thread, arguments throws(EvalError) in
            try arguments.expect("isinstance", 2...2)
            return .bool(try thread.isInstance(arguments[0], arguments[1]))
        }
        define("issubclass") { thread, arguments throws(EvalError) in
            try arguments.expect("issubclass", 2...2)
            return .bool(try thread.isSubclass(arguments[0], arguments[1]))
        }
        define("hasattr") { thread, arguments throws(EvalError) in
            try arguments.expect("hasattr", 2...2)
            guard let name = arguments[1].as(PyStr.self) else { throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[1]).name)'") }
            guard let found = try thread.lookupAttribute(arguments[0], name) else { return .bool(false) }
            found.release()
            return .bool(true)
        }
        define("getattr") { thread, arguments throws(EvalError) in
            try arguments.expect("getattr", 2...3)
            guard let name = arguments[1].as(PyStr.self) else { throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[1]).name)'") }
            if arguments.positionalCount == 3 {
                if let found = try thread.lookupAttribute(arguments[0], name) { return found }
                arguments[2].retain()
                return arguments[2]
            }
            return try thread.getAttribute(arguments[0], name)
        }
        define("setattr") { thread, arguments throws(EvalError) in
            try arguments.expect("setattr", 3...3)
            guard let name = arguments[1].as(PyStr.self) else {
                throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[1]).name)'")
            }
            try thread.setAttribute(arguments[0], name, arguments[2])
            return .none
        }
        define("delattr") { thread, arguments throws(EvalError) in
            try arguments.expect("delattr", 2...2)
            guard let name = arguments[1].as(PyStr.self) else {
                throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[1]).name)'")
            }
            try thread.setAttribute(arguments[0], name, nil)
            return .none
        }
        define("id") { thread, arguments throws(EvalError) in
            try arguments.expect("id", 1...1)
            switch arguments[0] {
            case .object(let reference): return .int(reference.address)
            default: return .int(thread.inlineIdentity(arguments[0]))
            }
        }
        define("hash") { thread, arguments throws(EvalError) in
            try arguments.expect("hash", 1...1)
            return .int(try thread.hash(arguments[0]))
        }
        define("iter") { thread, arguments throws(EvalError) in
            try arguments.expect("iter", 1...2)
            if arguments.positionalCount == 2 {
                let iterator = PySequenceIterator(source: arguments[0], type: thread.interpreter.types.other("callable_iterator"))
                arguments[0].retain()
                arguments[1].retain()
                iterator.sentinel = arguments[1]
                return .object(ObjectRef.allocate(iterator))
            }
            return try thread.iterate(arguments[0])
        }
        define("next") { thread, arguments throws(EvalError) in
            try arguments.expect("next", 1...2)
            if let generator = arguments[0].as(PyGenerator.self), generator.kind == .generator {
                // `next(gen)` raises StopIteration carrying what the generator returned.
                switch try thread.resume(generator, .send(.none)) {
                case .yielded(let item): return item
                case .returned(let result):
                    if arguments.positionalCount == 2 {
                        result.release()
                        return arguments[1].retained()
                    }
                    throw .withArguments("StopIteration", result.isNone ? [] : [result])
                }
            }
            if let item = try thread.next(arguments[0]) { return item }
            if arguments.positionalCount == 2 {
                arguments[1].retain()
                return arguments[1]
            }
            throw .pythonException("StopIteration", "")
        }
        define("callable") { thread, arguments throws(EvalError) in
            try arguments.expect("callable", 1...1)
            let type = thread.typeOf(arguments[0])
            return .bool(type.slots.call != nil || type === thread.interpreter.types.function
                         || type === thread.interpreter.types.builtinFunction || type === thread.interpreter.types.method)
        }
        define("__import__") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("__import__", ["name", "globals", "locals", "fromlist", "level"], required: 1)
            guard let name = bound[0]!.stringValue else {
                throw .typeError("__import__() argument 1 must be str, not \(thread.typeOf(bound[0]!).name)")
            }
            let level = try bound[4].map { value throws(EvalError) in try thread.indexInt(value) } ?? 0
            return try thread.importModule(name, globals: bound[1]?.as(PyDict.self), fromList: bound[3] ?? .none,
                                           level: level)
        }
        define("chr") { thread, arguments throws(EvalError) in
            try arguments.expect("chr", 1...1)
            let number = try thread.indexInt(arguments[0])
            guard number >= 0 && number <= 0x10FFFF else { throw .valueError("chr() arg not in range(0x110000)") }
            return thread.interpreter.character(UInt32(number))
        }
        define("ord") { thread, arguments throws(EvalError) in
            try arguments.expect("ord", 1...1)
            if let bytes = arguments[0].as(PyBytes.self)?.bytes ?? arguments[0].as(PyByteArray.self)?.bytes {
                guard bytes.count == 1 else { throw .typeError("ord() expected a character, but string of length \(bytes.count) found") }
                return .int(Int(bytes[0]))
            }
            guard let string = arguments[0].as(PyStr.self) else {
                throw .typeError("ord() expected string of length 1, but \(thread.typeOf(arguments[0]).name) found")
            }
            guard string.count == 1 else { throw .typeError("ord() expected a character, but string of length \(string.count) found") }
            return .int(Int(string.codePoints[0]))
        }
        for (name, operation) in [("min", ComparisonOperation.less), ("max", .greater)] {
            define(name) { thread, arguments throws(EvalError) in
                var key: Value?
                var fallback: Value?
                for index in 0..<arguments.keywordCount {
                    switch arguments.keywordName(index) {
                    case "key": key = arguments.keywordValue(index)
                    case "default": fallback = arguments.keywordValue(index)
                    default: throw .typeError("\(name)() got an unexpected keyword argument '\(arguments.keywordName(index))'")
                    }
                }
                if key?.isNone == true { key = nil }
                let items: [Value]
                if arguments.positionalCount == 1 {
                    items = try thread.collect(arguments[0])
                } else if arguments.positionalCount == 0 {
                    throw .typeError("\(name) expected at least 1 argument, got 0")
                } else {
                    if fallback != nil { throw .typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
                    items = arguments.positional.map { $0.retain(); return $0 }
                }
                defer { for item in items { item.release() } }
                guard !items.isEmpty else {
                    if let fallback {
                        fallback.retain()
                        return fallback
                    }
                    throw .valueError("\(name)() arg is an empty sequence")
                }
                var best = items[0]
                var bestKey = try key.map { (k) throws(EvalError) in try thread.call(k, [best]) } ?? best
                if key == nil { bestKey.retain() }
                defer { bestKey.release() }
                for item in items.dropFirst() {
                    let itemKey = try key.map { (k) throws(EvalError) in try thread.call(k, [item]) } ?? item
                    if key == nil { itemKey.retain() }
                    if try thread.compareBool(itemKey, bestKey, operation) {
                        bestKey.release()
                        bestKey = itemKey
                        best = item
                    } else {
                        itemKey.release()
                    }
                }
                best.retain()
                return best
            }
        }
        define("sum") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("sum", ["iterable", "start"], required: 1, positionalOnly: 1)
            var total = bound[1] ?? .int(0)
            if total.strObject != nil { throw .typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            total.retain()
            let iterator = try thread.iterate(bound[0]!)
            defer { iterator.release() }
            while let item = try thread.next(iterator) {
                defer { item.release() }
                let next = try thread.binaryOperation(0, total, item)
                total.release()
                total = next
            }
            return total
        }
        define("sorted") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("sorted", ["iterable", "key", "reverse"], required: 1, positionalOnly: 1, keywordOnlyFrom: 1)
            var items = try thread.collect(bound[0]!)
            let reverse = try bound[2].map { (flag) throws(EvalError) in try thread.truth(flag) } ?? false
            do throws(EvalError) {
                try thread.sort(&items, key: bound[1].flatMap { $0.isNone ? nil : $0 }, reverse: reverse)
            } catch {
                for item in items { item.release() }
                throw error
            }
            return thread.interpreter.newList(items)
        }
        for (name, wanted) in [("any", true), ("all", false)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...1)
                let iterator = try thread.iterate(arguments[0])
                defer { iterator.release() }
                while let item = try thread.next(iterator) {
                    defer { item.release() }
                    if try thread.truth(item) == wanted { return .bool(wanted) }
                }
                return .bool(!wanted)
            }
        }
        define("compile") { thread, arguments throws(EvalError) in try thread.compileBuiltin(arguments) }
        define("exec") { thread, arguments throws(EvalError) in try thread.execOrEval(arguments, mode: "exec") }
        define("eval") { thread, arguments throws(EvalError) in try thread.execOrEval(arguments, mode: "eval") }
        define("__build_class__") { thread, arguments throws(EvalError) in try thread.buildClass(arguments) }
        define("globals") { thread, arguments throws(EvalError) in
            guard let frame = thread.currentFrame else { return .none }
            let globals = frame.pointee.globals.takeUnretainedValue()
            globals.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(globals)))
        }
        define("locals") { thread, arguments throws(EvalError) in try thread.currentLocals() }
        define("vars") { thread, arguments throws(EvalError) in
            try arguments.expect("vars", 0...1)
            if arguments.positionalCount == 0 { return try thread.currentLocals() }
            guard let dict = try thread.lookupAttribute(arguments[0], thread.interpreter.names.__dict__) else {
                throw .typeError("vars() argument must have __dict__ attribute")
            }
            return dict
        }
        define("dir") { thread, arguments throws(EvalError) in
            try arguments.expect("dir", 0...1)
            if arguments.positionalCount == 0 {
                let locals = try thread.currentLocals()
                defer { locals.release() }
                let keys = try thread.collect(locals)
                var items = keys
                try thread.sort(&items, key: nil, reverse: false)
                return thread.interpreter.newList(items)
            }
            guard let result = try thread.callSpecial(arguments[0], thread.interpreter.internedString("__dir__"), []) else {
                return try thread.defaultDir(arguments[0])
            }
            defer { result.release() }
            var items = try thread.collect(result)
            try thread.sort(&items, key: nil, reverse: false)
            return thread.interpreter.newList(items)
        }
        define("divmod") { thread, arguments throws(EvalError) in
            try arguments.expect("divmod", 2...2)
            return try thread.divmod(arguments[0], arguments[1])
        }
        define("pow") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("pow", ["base", "exp", "mod"], required: 2)
            guard let modulus = bound[2], !modulus.isNone else {
                return try thread.binaryOperation(Int(BinaryOperation.power.rawValue), bound[0]!, bound[1]!)
            }
            return try thread.power(bound[0]!, bound[1]!, modulus: modulus)
        }
        define("round") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("round", ["number", "ndigits"], required: 1)
            let number = bound[0]!
            let digits = bound[1].flatMap { $0.isNone ? nil : $0 }
            switch (number, digits) {
            case (.int, nil):
                return number
            case (.float(let value), nil):
                do throws(NumberError) { return thread.interpreter.integerValue(try FloatMath.round(value)) } catch { throw error.evalError }
            default:
                guard let result = try thread.callSpecial(number, thread.interpreter.internedString("__round__"), digits.map { [$0] } ?? []) else {
                    throw .typeError("type \(thread.typeOf(number).name) doesn't define __round__ method")
                }
                return result
            }
        }
        for (name, radix) in [("bin", 2), ("oct", 8), ("hex", 16)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...1)
                let number = try thread.index(arguments[0])
                defer { number.release() }
                let integer = Arithmetic.pyInteger(number)!
                let text = radix == 2 ? integer.binaryString : radix == 8 ? integer.octalString : integer.hexadecimalString
                return thread.interpreter.newString(text)
            }
        }
        define("format") { thread, arguments throws(EvalError) in
            try arguments.expect("format", 1...2)
            let spec = arguments.positionalCount > 1 ? arguments[1] : thread.interpreter.intern("")
            return try thread.format(arguments[0], spec)
        }
        installIteratorBuiltins(define, interpreter)
        let types = interpreter.types
        for type in [types.object, types.type, types.int, types.bool, types.float, types.complex, types.str, types.tuple, types.list,
                     types.dict, types.set, types.frozenset, types.property, types.classmethod, types.staticmethod] {
            interpreter.setItem(interpreter.builtins, type.name, type.value)
        }
        interpreter.notImplemented.retain()
        interpreter.setItem(interpreter.builtins, "NotImplemented", interpreter.notImplemented)
        interpreter.ellipsis.retain()
        interpreter.setItem(interpreter.builtins, "Ellipsis", interpreter.ellipsis)
        interpreter.setItem(interpreter.builtins, "None", .none)
        interpreter.setItem(interpreter.builtins, "True", .bool(true))
        interpreter.setItem(interpreter.builtins, "False", .bool(false))
        interpreter.setItem(interpreter.builtins, "__debug__", .bool(true))
        interpreter.setItem(interpreter.builtins, "__name__", interpreter.intern("builtins"))
        interpreter.setItem(interpreter.builtins, "__doc__", .none)
        // importlib's _setup fills in the loader and spec when it first runs (it replaces None values).
        interpreter.setItem(interpreter.builtins, "__package__", interpreter.intern(""))
        interpreter.setItem(interpreter.builtins, "__loader__", .none)
        interpreter.setItem(interpreter.builtins, "__spec__", .none)
        interpreter.installInputBuiltin()
        interpreter.installBreakpointBuiltin()
        interpreter.installAsyncIterationBuiltins()
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `enumerate`, `zip`, `map`, `filter`, `reversed`: types whose instances
    /// are native iterators.
    private static func installIteratorBuiltins(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void,
                                                _ interpreter: Interpreter) {
        func iteratorType(_ name: String, new: @escaping TypeSlots.New) {
            let type = interpreter.types.other(name, flags: [.baseType])
            var slots = TypeSlots()
            slots.new = new
            slots.initialize = { _, _, _ throws(EvalError) in }
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let iterator = value.as(PyNativeIterator.self)!
                guard let step = iterator.step else { return nil }
                guard let item = try step(thread) else {
                    iterator.step = nil
                    return nil
                }
                return item
            }
            type.installSlots(slots, interpreter)
            interpreter.setItem(interpreter.builtins, name, type.value)
        }
        iteratorType("enumerate") { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bind("enumerate", ["iterable", "start"], required: 1)
            let iterator = try thread.iterate(bound[0]!)
            defer { iterator.release() }
            var count = try bound[1].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? 0
            return .object(ObjectRef.allocate(PyNativeIterator(holds: [iterator], type: type) { thread throws(EvalError) in
                guard let item = try thread.next(iterator) else { return nil }
                defer { count += 1 }
                return thread.interpreter.newTuple([.int(count), item])
            }))
        }
        iteratorType("map") { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("map")
            guard arguments.positionalCount >= 2 else { throw .typeError("map() must have at least two arguments.") }
            let function = arguments[0]
            var iterators: [Value] = []
            for index in 1..<arguments.positionalCount { iterators.append(try thread.iterate(arguments[index])) }
            defer { for made in iterators { made.release() } }
            return .object(ObjectRef.allocate(PyNativeIterator(holds: [function] + iterators, type: type) { thread throws(EvalError) in
                var items: [Value] = []
                defer { for made in items { made.release() } }
                for iterator in iterators {
                    guard let item = try thread.next(iterator) else { return nil }
                    items.append(item)
                }
                return try thread.call(function, items)
            }))
        }
        iteratorType("filter") { thread, type, arguments throws(EvalError) in
            try arguments.expect("filter", 2...2)
            let function = arguments[0]
            let iterator = try thread.iterate(arguments[1])
            defer { iterator.release() }
            return .object(ObjectRef.allocate(PyNativeIterator(holds: [function, iterator], type: type) { thread throws(EvalError) in
                while let item = try thread.next(iterator) {
                    let keep: Bool
                    if function.isNone {
                        keep = try thread.truth(item)
                    } else {
                        let verdict = try thread.call(function, [item])
                        defer { verdict.release() }
                        keep = try thread.truth(verdict)
                    }
                    if keep { return item }
                    item.release()
                }
                return nil
            }))
        }
        interpreter.installReversedTypes()
        interpreter.installZipType()
        interpreter.types.other("enumerate").defineClassMethod("__class_getitem__", interpreter) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }
    }
}

extension ThreadState {
    /// Writes text to `sys.stdout` (the output buffer until `sys` has file objects).
    func writeStandardOutput(_ codePoints: [UInt32]) throws(EvalError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(codePoints.count)
        for point in codePoints {
            guard let scalar = Unicode.Scalar(point) else {
                throw .pythonException("UnicodeEncodeError", "'utf-8' codec can't encode character '\\u\(String(point, radix: 16))': surrogates not allowed")
            }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        output.append(bytes)
    }

    /// `isinstance(object, classinfo)`.
    func isInstance(_ object: Value, _ classInfo: Value) throws(EvalError) -> Bool {
        if let type = classInfo.as(PyType.self) {
            if typeOf(object).isSubtype(of: type) { return true }
            if typeOf(classInfo) === interpreter.types.type { return try instanceByClassAttribute(object, type) }
        }
        if let tuple = classInfo.as(PyTuple.self) ?? classInfo.as(PyUnion.self)?.arguments.as(PyTuple.self) {
            for item in tuple.items where try isInstance(object, item) { return true }
            return false
        }
        if let hook = try callSpecial(classInfo, interpreter.names.__instancecheck__, [object]) {
            defer { hook.release() }
            return try truth(hook)
        }
        throw .typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    /// The second chance of isinstance (CPython's object_isinstance): an
    /// object whose `__class__` is some other class (a proxy) is an instance
    /// of that class's bases too.
    func instanceByClassAttribute(_ object: Value, _ type: PyType) throws(EvalError) -> Bool {
        guard let claimed = try lookupAttribute(object, interpreter.names.__class__) else { return false }
        defer { claimed.release() }
        guard let claimedType = claimed.as(PyType.self), claimedType !== typeOf(object) else { return false }
        return claimedType.isSubtype(of: type)
    }

    /// `issubclass(cls, classinfo)`.
    func isSubclass(_ object: Value, _ classInfo: Value) throws(EvalError) -> Bool {
        if let tuple = classInfo.as(PyTuple.self) ?? classInfo.as(PyUnion.self)?.arguments.as(PyTuple.self) {
            for item in tuple.items where try isSubclass(object, item) { return true }
            return false
        }
        if let type = classInfo.as(PyType.self), typeOf(classInfo) === interpreter.types.type {
            guard let subclass = object.as(PyType.self) else { throw .typeError("issubclass() arg 1 must be a class") }
            return subclass.isSubtype(of: type)
        }
        if let hook = try callSpecial(classInfo, interpreter.names.__subclasscheck__, [object]) {
            defer { hook.release() }
            return try truth(hook)
        }
        throw .typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }

    /// `divmod(a, b)`: `__divmod__` of the left operand, `__rdivmod__` of
    /// the right one (first when its type is a subclass of the left's).
    func divmod(_ left: Value, _ right: Value) throws(EvalError) -> Value {
        if case .int(let a) = left, case .int(let b) = right {
            do throws(NumberError) {
                let (quotient, remainder) = try PyInteger.divmod(a, b)
                return interpreter.newTuple([interpreter.integerValue(quotient), interpreter.integerValue(remainder)])
            } catch {
                throw error.evalError
            }
        }
        let names = (forward: interpreter.internedString("__divmod__"), reflected: interpreter.internedString("__rdivmod__"))
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        let reflectedFirst = rightType !== leftType && rightType.isSubtype(of: leftType)
        if reflectedFirst, let result = try callSpecial(right, names.reflected, [left]) {
            if !isNotImplemented(result) { return result }
        }
        if let result = try callSpecial(left, names.forward, [right]), !isNotImplemented(result) { return result }
        if rightType !== leftType && !reflectedFirst, let result = try callSpecial(right, names.reflected, [left]) {
            if !isNotImplemented(result) { return result }
        }
        throw .typeError("unsupported operand type(s) for divmod(): '\(leftType.name)' and '\(rightType.name)'")
    }

    /// `pow(base, exp, mod)` with a modulus (CPython's ternary_op).
    func power(_ base: Value, _ exponent: Value, modulus: Value) throws(EvalError) -> Value {
        let forward = interpreter.internedString("__pow__")
        let reflected = interpreter.internedString("__rpow__")
        if let result = try callSpecial(base, forward, [exponent, modulus]), !isNotImplemented(result) { return result }
        if typeOf(exponent) !== typeOf(base), let result = try callSpecial(exponent, reflected, [base, modulus]),
           !isNotImplemented(result) {
            return result
        }
        // Last comes the modulus's own `**`, which sees the operands in order.
        if Arithmetic.isNumber(base) && Arithmetic.isNumber(exponent) {
            if Arithmetic.complexValue(modulus) != nil { throw .valueError("complex modulo") }
            if Arithmetic.floatValue(modulus) != nil {
                throw .typeError("pow() 3rd argument not allowed unless all arguments are integers")
            }
        }
        throw .typeError("unsupported operand type(s) for ** or pow(): '\(typeOf(base).name)', '\(typeOf(exponent).name)', '\(typeOf(modulus).name)'")
    }

    /// `format(value, spec)`.
    func format(_ value: Value, _ spec: Value) throws(EvalError) -> Value {
        guard let result = try callSpecial(value, interpreter.names.__format__, [spec]) else {
            throw .typeError("Type \(typeOf(value).name) doesn't define __format__")
        }
        guard result.strObject != nil else {
            result.release()
            throw .typeError("__format__ must return a str, not \(typeOf(result).name)")
        }
        return result
    }

    /// A stable fake identity for inline values (they have no address).
    func inlineIdentity(_ value: Value) -> Int {
        switch value {
        case .none: return 0x1000
        case .bool(let flag): return flag ? 0x1010 : 0x1020
        case .int(let number): return number &* 16 &+ 0x2000_0000_0000
        case .float(let number): return Int(bitPattern: UInt(number.bitPattern)) | 1
        case .object(let reference): return reference.address
        }
    }

    /// `locals()`: the locals mapping of a module or class body, or a
    /// snapshot dict of a function's local variables.
    func currentLocals() throws(EvalError) -> Value {
        guard let frame = currentFrame else { return .none }
        if let locals = frame.pointee.locals {
            locals.retain()
            return locals
        }
        let code = frame.pointee.code.takeUnretainedValue()
        let dict = interpreter.newDict()
        let slots = frame.localsPlus
        for (index, name) in code.localNames.enumerated() {
            guard var value = slots[index] else { continue }
            if index >= code.code.variableNames.count {
                guard let contents = value.as(PyCell.self)?.contents else { continue }
                value = contents
            }
            name.retain()
            value.retain()
            try dict.set(name, hash: name.strObject!.hashValue, value, Interpreter.stringsOnly)
        }
        return .object(ObjectRef(Unmanaged.passUnretained(dict)))
    }
}
