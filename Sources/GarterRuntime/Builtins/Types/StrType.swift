import GarterCompiler
import GarterSyntax

extension Interpreter {
    /// `str`: the object side of the text library (`Text/`), which holds
    /// the semantics of each method.
    func installStrType() {
        let str = types.str
        func text(_ value: Value) -> PyStr { value.as(PyStr.self)! }
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in thread.interpreter.newString(Repr.string(text(value).codePoints)) }
        slots.str = { thread, value throws(EvalError) in
            if thread.typeOf(value) === thread.interpreter.types.str {
                value.retain()
                return value
            }
            return thread.interpreter.newString(codePoints: text(value).codePoints)
        }
        slots.hash = { _, value throws(EvalError) in text(value).hashValue }
        slots.length = { _, value throws(EvalError) in text(value).count }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PyStr.self), let b = right.as(PyStr.self) else { return thread.notImplemented() }
            if operation == .equal { return .bool(a.equals(b)) }
            if operation == .notEqual { return .bool(!a.equals(b)) }
            return .bool(Arithmetic.compare(operation, a.codePoints.lexicographicallyPrecedes(b.codePoints) ? -1
                                            : (a.codePoints == b.codePoints ? 0 : 1), 0))
        }
        slots.getItem = { thread, value, key throws(EvalError) in
            let string = text(value)
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try thread.sliceIndices(slice, count: string.count)
                var result: [UInt32] = []
                result.reserveCapacity(length)
                var index = start
                for _ in 0..<length { result.append(string.codePoints[index]); index &+= step }
                return thread.interpreter.newString(codePoints: result)
            }
            guard thread.typeOf(key).slots.index != nil || Arithmetic.pyInteger(key) != nil else {
                throw .typeError("string indices must be integers, not '\(thread.typeOf(key).name)'")
            }
            let index = try thread.sequenceIndex(key, count: string.count, what: "string")
            return thread.interpreter.character(string.codePoints[index])
        }
        slots.contains = { thread, value, item throws(EvalError) in
            guard let needle = item.as(PyStr.self) else {
                throw .typeError("'in <string>' requires string as left operand, not \(thread.typeOf(item).name)")
            }
            return text(value).codePoints.withUnsafeBufferPointer { haystack in
                needle.codePoints.withUnsafeBufferPointer { PyText.contains(haystack, $0) }
            }
        }
        slots.iterate = { thread, value throws(EvalError) in
            value.retain()
            let isASCII = text(value).codePoints.allSatisfy { $0 < 0x80 }
            let type = thread.interpreter.types.other(isASCII ? "str_ascii_iterator" : "str_iterator")
            return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: type)))
        }
        slots.binary[0] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyStr.self) else { return thread.notImplemented() }
            guard let b = right.as(PyStr.self) else {
                throw .typeError("can only concatenate str (not \"\(thread.typeOf(right).name)\") to str")
            }
            return thread.interpreter.newString(codePoints: a.codePoints + b.codePoints)
        }
        slots.binary[5] = { thread, left, right throws(EvalError) in
            let (sequence, times) = left.as(PyStr.self) != nil ? (left, right) : (right, left)
            guard let string = sequence.as(PyStr.self) else { return thread.notImplemented() }
            let (count, repeated) = try thread.repeatCount(left, right, times: times, sequenceType: thread.interpreter.types.str)
            if let repeated { return repeated }
            var result: [UInt32] = []
            let (total, overflow) = string.count.multipliedReportingOverflow(by: count)
            if overflow { throw .overflowError("repeated string is too long") }
            if total > ThreadState.largestAllocation / 4 { throw .pythonException("MemoryError", "") }
            result.reserveCapacity(total)
            if string.count > 0 { for _ in 0..<count { result.append(contentsOf: string.codePoints) } }
            return thread.interpreter.newString(codePoints: result)
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bind("str", ["object", "encoding", "errors"], required: 0)
            guard let object = bound[0] else {
                if type === thread.interpreter.types.str { return thread.interpreter.intern("") }
                return .object(ObjectRef.allocate(PyStr([], type: type)))
            }
            let result: Value
            if bound[1] != nil || bound[2] != nil {
                let encoding = try bound[1].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "str()", name: "encoding") }
                let errors = try bound[2].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "str()", name: "errors") }
                if object.as(PyStr.self) != nil { throw .typeError("decoding str is not supported") }
                guard let bytes = try thread.bytesLike(object) else {
                    throw .typeError("decoding to str: need a bytes-like object, \(thread.typeOf(object).name) found")
                }
                result = thread.interpreter.newString(codePoints: try thread.decode(bytes, encoding: encoding, errors: errors))
            } else {
                result = try thread.str(object)
            }
            if type === thread.interpreter.types.str { return result }
            defer { result.release() }
            return .object(ObjectRef.allocate(PyStr(text(result).codePoints, type: type)))
        }
        slots.binary[6] = { thread, left, right throws(EvalError) in
            guard let format = left.as(PyStr.self) else { return thread.notImplemented() }
            return thread.interpreter.newString(codePoints: try thread.percentFormatString(format.codePoints, right))
        }
        str.installSlots(slots, self)
        removeTypeAttribute(str, "__radd__")
        installStrIterator()
        installStrMethods()

        func optionalText(_ value: Value?) throws(EvalError) -> [UInt32]? {
            guard let value, !value.isNone else { return nil }
            guard let string = value.as(PyStr.self) else { throw .typeError("must be str or None, not \(value.typeName)") }
            return string.codePoints
        }
        func unary(_ name: String, _ body: @escaping (CodePoints) -> [UInt32]) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("str.\(name)", 0...0)
                return thread.interpreter.newString(codePoints: text(value).codePoints.withUnsafeBufferPointer(body))
            }
        }
        unary("lower") { PyText.lower($0) }
        unary("upper") { PyText.upper($0) }
        unary("casefold") { PyText.casefold($0) }
        unary("capitalize") { PyText.capitalize($0) }
        unary("title") { PyText.title($0) }
        unary("swapcase") { PyText.swapcase($0) }
        func predicate(_ name: String, _ body: @escaping (CodePoints) -> Bool) {
            str.define(name, self) { _, value, arguments throws(EvalError) in
                try arguments.expect("str.\(name)", 0...0)
                return .bool(text(value).codePoints.withUnsafeBufferPointer(body))
            }
        }
        predicate("isalpha") { PyText.isAlpha($0) }
        predicate("isalnum") { PyText.isAlnum($0) }
        predicate("isdecimal") { PyText.isDecimal($0) }
        predicate("isdigit") { PyText.isDigit($0) }
        predicate("isnumeric") { PyText.isNumeric($0) }
        predicate("isspace") { PyText.isSpace($0) }
        predicate("islower") { PyText.isLower($0) }
        predicate("isupper") { PyText.isUpper($0) }
        predicate("istitle") { PyText.isTitle($0) }
        predicate("isidentifier") { PyText.isIdentifier($0) }
        predicate("isprintable") { PyText.isPrintable($0) }
        predicate("isascii") { PyText.isASCII($0) }
        func strip(_ name: String, _ body: @escaping (CodePoints, CodePoints?) -> Range<Int>) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 0...1)
                var chars: [UInt32]?
                if arguments.positionalCount > 0 && !arguments[0].isNone {
                    guard let text = arguments[0].as(PyStr.self) else { throw .typeError("\(name) arg must be None or str") }
                    chars = text.codePoints
                }
                let string = text(value).codePoints
                let range = string.withUnsafeBufferPointer { buffer in
                    chars.map { chars in chars.withUnsafeBufferPointer { body(buffer, $0) } } ?? body(buffer, nil)
                }
                if range.count == string.count {
                    value.retain()
                    return value
                }
                return thread.interpreter.newString(codePoints: Array(string[range]))
            }
        }
        strip("strip") { PyText.strip($0, $1) }
        strip("lstrip") { PyText.lstrip($0, $1) }
        strip("rstrip") { PyText.rstrip($0, $1) }
        str.define("join", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("str.join", 1...1)
            let items = try thread.collectForJoin(arguments[0])
            defer { for item in items { item.release() } }
            var pieces: [[UInt32]] = []
            for (position, item) in items.enumerated() {
                guard let piece = item.as(PyStr.self) else {
                    throw .typeError("sequence item \(position): expected str instance, \(thread.typeOf(item).name) found")
                }
                pieces.append(piece.codePoints)
            }
            return thread.interpreter.newString(codePoints: try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { try PyText.join($0, pieces) }
            })
        }
        func splitter(_ name: String, _ body: @escaping (CodePoints, CodePoints?, Int) throws -> [Range<Int>]) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind(name, ["sep", "maxsplit"], required: 0)
                let separator = try optionalText(bound[0])
                if let separator, separator.isEmpty { throw .valueError("empty separator") }
                let limit = try bound[1].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? -1
                let string = text(value).codePoints
                let ranges = try textCall {
                    try string.withUnsafeBufferPointer { buffer in
                        if let separator { return try separator.withUnsafeBufferPointer { try body(buffer, $0, limit) } }
                        return try body(buffer, nil, limit)
                    }
                }
                return thread.interpreter.newList(ranges.map { thread.interpreter.newString(codePoints: Array(string[$0])) })
            }
        }
        splitter("split") { try PyText.split($0, separator: $1, maxSplit: $2) }
        splitter("rsplit") { try PyText.rsplit($0, separator: $1, maxSplit: $2) }
        str.define("splitlines", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind("splitlines", ["keepends"], required: 0)
            let keep = try bound[0].map { (v) throws(EvalError) in try thread.indexInt(v) != 0 } ?? false
            let string = text(value).codePoints
            let ranges = string.withUnsafeBufferPointer { PyText.splitlines($0, keepEnds: keep) }
            return thread.interpreter.newList(ranges.map { thread.interpreter.newString(codePoints: Array(string[$0])) })
        }
        str.define("replace", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("replace", 2...3)
            guard let old = arguments[0].as(PyStr.self), let new = arguments[1].as(PyStr.self) else {
                throw .typeError("replace() argument 1 must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            let count = arguments.positionalCount > 2 ? try thread.indexInt(arguments[2]) : -1
            let result = try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { buffer in
                    try old.codePoints.withUnsafeBufferPointer { oldBuffer in
                        try new.codePoints.withUnsafeBufferPointer { try PyText.replace(buffer, oldBuffer, $0, count: count) }
                    }
                }
            }
            guard let result else {
                value.retain()
                return value
            }
            return thread.interpreter.newString(codePoints: result)
        }
        func search(_ name: String, _ body: @escaping (CodePoints, CodePoints, Int?, Int?) throws -> Int) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expectSearch(name)
                guard let needle = arguments[0].as(PyStr.self) else {
                    throw .typeError("must be str, not \(thread.typeOf(arguments[0]).name)")
                }
                let (start, end) = try arguments.searchBounds(thread)
                return .int(try textCall {
                    try text(value).codePoints.withUnsafeBufferPointer { buffer in
                        try needle.codePoints.withUnsafeBufferPointer { try body(buffer, $0, start, end) }
                    }
                })
            }
        }
        search("find") { PyText.find($0, $1, start: $2, end: $3) }
        search("rfind") { PyText.rfind($0, $1, start: $2, end: $3) }
        search("index") { try PyText.index($0, $1, start: $2, end: $3) }
        search("rindex") { try PyText.rindex($0, $1, start: $2, end: $3) }
        search("count") { PyText.count($0, $1, start: $2, end: $3) }
        func affix(_ name: String, _ body: @escaping (CodePoints, CodePoints, Int?, Int?) -> Bool) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expectSearch(name)
                let (start, end) = try arguments.searchBounds(thread)
                var candidates: [PyStr] = []
                if let tuple = arguments[0].as(PyTuple.self) {
                    for item in tuple.items {
                        guard let string = item.as(PyStr.self) else {
                            throw .typeError("tuple for \(name) must only contain str, not \(thread.typeOf(item).name)")
                        }
                        candidates.append(string)
                    }
                } else if let string = arguments[0].as(PyStr.self) {
                    candidates = [string]
                } else {
                    throw .typeError("\(name) first arg must be str or a tuple of str, not \(thread.typeOf(arguments[0]).name)")
                }
                let string = text(value).codePoints
                for candidate in candidates {
                    let found = string.withUnsafeBufferPointer { buffer in
                        candidate.codePoints.withUnsafeBufferPointer { body(buffer, $0, start, end) }
                    }
                    if found { return .bool(true) }
                }
                return .bool(false)
            }
        }
        affix("startswith") { PyText.startsWith($0, $1, start: $2, end: $3) }
        affix("endswith") { PyText.endsWith($0, $1, start: $2, end: $3) }
        str.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].as(PyStr.self) else { throw .typeError("format spec must be str") }
            let result = try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { buffer in
                    try spec.codePoints.withUnsafeBufferPointer { try PyText.format(buffer, spec: $0) }
                }
            }
            return thread.interpreter.newString(codePoints: result)
        }
        str.define("__getnewargs__", self) { thread, value, _ throws(EvalError) in
            thread.interpreter.newTuple([thread.interpreter.newString(codePoints: text(value).codePoints)])
        }
    }

    /// A one-character string (Latin-1 ones are cached as interned strings).
    func character(_ codePoint: UInt32) -> Value {
        if codePoint < 256, let scalar = Unicode.Scalar(codePoint) {
            return intern(String(Character(scalar)))
        }
        return newString(codePoints: [codePoint])
    }

    /// The `builtins` module as a value (for `__self__` of built-in functions).
    func builtinsModuleValue() -> Value {
        guard let module = modules.lookup(name: "builtins") else { return .none }
        module.retain()
        return module
    }
}

/// Runs text-library code, turning its errors into Python exceptions.
func textCall<T>(_ body: () throws -> T) throws(EvalError) -> T {
    do {
        return try body()
    } catch let error as TextError {
        throw error.evalError
    } catch let error as EvalError {
        throw error
    } catch {
        throw .unsupported("\(error)")
    }
}

extension TextError {
    /// The Python exception this text error stands for.
    var evalError: EvalError { .pythonException(pythonType, message) }
}

extension Value {
    /// For messages: the type name of inline values (objects say "object").
    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .object(let reference): return reference.with { $0.withType { $0.name } }
        }
    }
}
