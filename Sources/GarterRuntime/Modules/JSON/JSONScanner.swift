// `_json.make_scanner` (the type `_json.Scanner`): decodes one JSON value
// from a str at an index, configured by a `json.JSONDecoder`'s strict flag,
// hooks and parse functions, as CPython 3.11's C scanner does (StopIteration
// with the index where no value starts; JSONDecodeError otherwise).

/// A `_json.Scanner`. All the values are owned.
final class PyJSONScanner: PyObject {
    let strict: Bool
    var objectHook: Value
    var objectPairsHook: Value
    var parseFloat: Value
    var parseInt: Value
    var parseConstant: Value

    init(strict: Bool, objectHook: Value, objectPairsHook: Value, parseFloat: Value, parseInt: Value,
         parseConstant: Value, type: PyType) {
        self.strict = strict
        self.objectHook = objectHook
        self.objectPairsHook = objectPairsHook
        self.parseFloat = parseFloat
        self.parseInt = parseInt
        self.parseConstant = parseConstant
        super.init(type: type)
    }

    override func releaseContents() {
        for value in [objectHook, objectPairsHook, parseFloat, parseInt, parseConstant] { value.release() }
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for value in [objectHook, objectPairsHook, parseFloat, parseInt, parseConstant] { visit(value) }
    }

    override func clearReferences() {
        super.clearReferences()
        let old = [objectHook, objectPairsHook, parseFloat, parseInt, parseConstant]
        (objectHook, objectPairsHook, parseFloat, parseInt, parseConstant) = (.none, .none, .none, .none, .none)
        for value in old { value.release() }
    }
}

/// One `scan_once` call: the text, the scanner, and the memo that makes
/// equal object keys one str object.
struct JSONScan {
    let thread: ThreadState
    let scanner: PyJSONScanner
    let source: Value
    let text: UnsafeBufferPointer<UInt32>
    /// Owned keys by text.
    var memo: [[UInt32]: Value] = [:]
    let hasPairsHook: Bool
    let hasObjectHook: Bool
    let exactFloat: Bool
    let exactInt: Bool

    init(thread: ThreadState, scanner: PyJSONScanner, source: Value, text: UnsafeBufferPointer<UInt32>) {
        self.thread = thread
        self.scanner = scanner
        self.source = source
        self.text = text
        hasPairsHook = !scanner.objectPairsHook.isNone
        hasObjectHook = !scanner.objectHook.isNone
        let types = thread.interpreter.types
        exactFloat = scanner.parseFloat.objectReference?.address == types.float.value.objectReference?.address
        exactInt = scanner.parseInt.objectReference?.address == types.int.value.objectReference?.address
    }

    func releaseMemo() {
        for key in memo.values { key.release() }
    }

    func decodeError(_ message: String, _ position: Int) -> EvalError {
        thread.jsonDecodeError(message, source, position)
    }

    @inline(__always)
    func skipWhitespace(_ index: inout Int) {
        while index < text.count {
            let character = text[index]
            guard character == 0x20 || character == 0x09 || character == 0x0A || character == 0x0D else { return }
            index += 1
        }
    }

    /// The value starting at `index` and the index after it.
    mutating func scanOnce(_ index: Int) throws(EvalError) -> (Value, Int) {
        if index < 0 { throw .valueError("idx cannot be negative") }
        if index >= text.count { throw .withArguments("StopIteration", [.int(index)]) }
        let length = text.count
        switch text[index] {
        case 0x22:
            return try scanString(index + 1)
        case 0x7B:
            try thread.jsonEnterRecursion(" while decoding a JSON object from a unicode string")
            defer { thread.depth -= 1 }
            return try parseObject(index + 1)
        case 0x5B:
            try thread.jsonEnterRecursion(" while decoding a JSON array from a unicode string")
            defer { thread.depth -= 1 }
            return try parseArray(index + 1)
        case 0x6E where matches("null", at: index):
            return (.none, index + 4)
        case 0x74 where matches("true", at: index):
            return (.bool(true), index + 4)
        case 0x66 where matches("false", at: index):
            return (.bool(false), index + 5)
        case 0x4E where matches("NaN", at: index):
            return try parseConstant("NaN", index)
        case 0x49 where matches("Infinity", at: index):
            return try parseConstant("Infinity", index)
        case 0x2D where index + 8 < length && matches("-Infinity", at: index):
            return try parseConstant("-Infinity", index)
        default:
            return try matchNumber(index)
        }
    }

    private func matches(_ word: StaticString, at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= text.count else { return false }
        return word.withUTF8Buffer { bytes in
            for offset in 0..<count where text[index + offset] != UInt32(bytes[offset]) { return false }
            return true
        }
    }

    private mutating func scanString(_ start: Int) throws(EvalError) -> (Value, Int) {
        do {
            let (decoded, next) = try JSONText.scanString(text, from: start, strict: scanner.strict)
            return (thread.interpreter.newString(codePoints: decoded), next)
        } catch {
            throw decodeError(error.message, error.position)
        }
    }

    private func parseConstant(_ name: String, _ index: Int) throws(EvalError) -> (Value, Int) {
        let word = thread.interpreter.intern(name)
        let result = try thread.call(scanner.parseConstant, [word])
        return (result, index + name.count)
    }

    private mutating func parseObject(_ start: Int) throws(EvalError) -> (Value, Int) {
        var index = start
        var pairs: [Value] = []
        let dict: PyDict? = hasPairsHook ? nil : thread.interpreter.newDict()
        let dictValue: Value? = dict.map { .object(ObjectRef(Unmanaged.passUnretained($0))) }
        var finished = false
        defer {
            if !finished {
                dictValue?.release()
                for pair in pairs { pair.release() }
            }
        }
        let last = text.count - 1
        skipWhitespace(&index)
        if index > last || text[index] != 0x7D {
            while true {
                if index > last || text[index] != 0x22 {
                    throw decodeError("Expecting property name enclosed in double quotes", index)
                }
                let decoded: [UInt32]
                do {
                    (decoded, index) = try JSONText.scanString(text, from: index + 1, strict: scanner.strict)
                } catch {
                    throw decodeError(error.message, error.position)
                }
                let key: Value
                if let known = memo[decoded] {
                    key = known
                } else {
                    key = thread.interpreter.newString(codePoints: decoded)
                    memo[decoded] = key
                }
                skipWhitespace(&index)
                if index > last || text[index] != 0x3A {
                    throw decodeError("Expecting ':' delimiter", index)
                }
                index += 1
                skipWhitespace(&index)
                let (value, next) = try scanOnce(index)
                if let dict {
                    key.retain()
                    try dict.set(key, hash: key.strObject!.hashValue, value, Interpreter.stringsOnly)
                } else {
                    key.retain()
                    pairs.append(thread.interpreter.newTuple([key, value]))
                }
                index = next
                skipWhitespace(&index)
                if index <= last && text[index] == 0x7D { break }
                if index > last || text[index] != 0x2C {
                    throw decodeError("Expecting ',' delimiter", index)
                }
                index += 1
                skipWhitespace(&index)
            }
        }
        finished = true
        let next = index + 1
        if hasPairsHook {
            let list = thread.interpreter.newList(pairs)
            defer { list.release() }
            return (try thread.call(scanner.objectPairsHook, [list]), next)
        }
        if hasObjectHook {
            defer { dictValue!.release() }
            return (try thread.call(scanner.objectHook, [dictValue!]), next)
        }
        return (dictValue!, next)
    }

    private mutating func parseArray(_ start: Int) throws(EvalError) -> (Value, Int) {
        var index = start
        var items: [Value] = []
        var finished = false
        defer { if !finished { for item in items { item.release() } } }
        let last = text.count - 1
        skipWhitespace(&index)
        if index > last || text[index] != 0x5D {
            while true {
                let (value, next) = try scanOnce(index)
                items.append(value)
                index = next
                skipWhitespace(&index)
                if index <= last && text[index] == 0x5D { break }
                if index > last || text[index] != 0x2C {
                    throw decodeError("Expecting ',' delimiter", index)
                }
                index += 1
                skipWhitespace(&index)
            }
        }
        if index > last || text[index] != 0x5D {
            throw decodeError("Expecting value", last)
        }
        finished = true
        return (thread.interpreter.newList(items), index + 1)
    }

    private func isDigit(_ index: Int) -> Bool { text[index] &- 0x30 < 10 }

    private func matchNumber(_ start: Int) throws(EvalError) -> (Value, Int) {
        var index = start
        let last = text.count - 1
        let stop = EvalError.withArguments("StopIteration", [.int(start)])
        if text[index] == 0x2D {
            index += 1
            if index > last { throw stop }
        }
        if text[index] >= 0x31 && text[index] <= 0x39 {
            index += 1
            while index <= last && isDigit(index) { index += 1 }
        } else if text[index] == 0x30 {
            index += 1
        } else {
            throw stop
        }
        var isFloat = false
        if index < last && text[index] == 0x2E && isDigit(index + 1) {
            isFloat = true
            index += 2
            while index <= last && isDigit(index) { index += 1 }
        }
        if index < last && (text[index] == 0x65 || text[index] == 0x45) {
            let exponentStart = index
            index += 1
            if index < last && (text[index] == 0x2D || text[index] == 0x2B) { index += 1 }
            while index <= last && isDigit(index) { index += 1 }
            if isDigit(index - 1) {
                isFloat = true
            } else {
                index = exponentStart
            }
        }
        let digits = text[start..<index]
        if isFloat && !exactFloat {
            let numberText = thread.interpreter.newString(codePoints: Array(digits))
            defer { numberText.release() }
            return (try thread.call(scanner.parseFloat, [numberText]), index)
        }
        if !isFloat && !exactInt {
            let numberText = thread.interpreter.newString(codePoints: Array(digits))
            defer { numberText.release() }
            return (try thread.call(scanner.parseInt, [numberText]), index)
        }
        if isFloat {
            let value = try Arithmetic.checked { () throws(NumberError) in try FloatMath.parse(digits) }
            return (.float(value), index)
        }
        if index - start < 18 {
            var value = 0
            var negative = false
            for character in digits {
                if character == 0x2D { negative = true } else { value = value * 10 + Int(character - 0x30) }
            }
            return (.int(negative ? -value : value), index)
        }
        let maxDigits = thread.interpreter.maxStringDigits
        let integer = try Arithmetic.checked { () throws(NumberError) in
            try IntegerText.parse(digits, base: 10, maxDigits: maxDigits)
        }
        return (thread.interpreter.integerValue(integer), index)
    }
}

extension ThreadState {
    /// `json.decoder.JSONDecodeError(message, source, position)`, to raise.
    func jsonDecodeError(_ message: String, _ source: Value, _ position: Int) -> EvalError {
        do throws(EvalError) {
            let module = try importAbsolute("json.decoder")
            defer { module.release() }
            let errorType = try getAttribute(module, "JSONDecodeError")
            defer { errorType.release() }
            let text = interpreter.newString(message)
            defer { text.release() }
            let exception = try call(errorType, [text, source, .int(position)])
            guard let reference = exception.objectReference else { return .typeError("bad JSONDecodeError") }
            return .exception(reference)
        } catch {
            return error
        }
    }
}

extension Interpreter {
    func jsonScannerType() -> PyType {
        nativeType("Scanner", module: "_json", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("make_scanner", ["context"], required: 1)
                let context = bound[0]!
                let strictValue = try thread.getAttribute(context, "strict")
                defer { strictValue.release() }
                let strict = try thread.truth(strictValue)
                var fields: [Value] = []
                do throws(EvalError) {
                    for name in ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"] {
                        fields.append(try thread.getAttribute(context, name))
                    }
                } catch {
                    for field in fields { field.release() }
                    throw error
                }
                return .object(ObjectRef.allocate(PyJSONScanner(
                    strict: strict, objectHook: fields[0], objectPairsHook: fields[1], parseFloat: fields[2],
                    parseInt: fields[3], parseConstant: fields[4], type: type)))
            }
            slots.call = { thread, value, arguments throws(EvalError) in
                let scanner = value.as(PyJSONScanner.self)!
                let bound = try arguments.bindClassic("scan_once", ["string", "idx"], required: 2)
                let source = bound[0]!
                guard let text = source.strObject else {
                    throw .typeError("first argument must be a string, not \(thread.typeOf(source).name)")
                }
                let start = try thread.jsonIndex(bound[1]!)
                return try text.codePoints.withUnsafeBufferPointer { buffer throws(EvalError) in
                    var scan = JSONScan(thread: thread, scanner: scanner, source: source, text: buffer)
                    defer { scan.releaseMemo() }
                    let (result, next) = try scan.scanOnce(start)
                    return thread.interpreter.newTuple([result, .int(next)])
                }
            }
            type.installSlots(slots, self)
            let fields: [(String, (PyJSONScanner) -> Value)] = [
                ("object_hook", { $0.objectHook }), ("object_pairs_hook", { $0.objectPairsHook }),
                ("parse_float", { $0.parseFloat }), ("parse_int", { $0.parseInt }),
                ("parse_constant", { $0.parseConstant }),
            ]
            for (name, read) in fields {
                type.defineAttribute(name, self, get: { _, receiver throws(EvalError) in
                    let value = read(receiver.as(PyJSONScanner.self)!)
                    value.retain()
                    return value
                })
            }
            type.defineAttribute("strict", self, get: { _, receiver throws(EvalError) in
                .bool(receiver.as(PyJSONScanner.self)!.strict)
            })
        }
    }
}

extension ThreadState {
    /// CPython's `Py_EnterRecursiveCall(where)`: RecursionError naming what
    /// was being done; the caller decrements `depth` when done.
    func jsonEnterRecursion(_ doing: String) throws(EvalError) {
        do {
            try enterRecursiveCall()
        } catch {
            if case .recursion = error {
                throw .pythonException("RecursionError", "maximum recursion depth exceeded" + doing)
            }
            throw error
        }
    }

    /// An index argument (C `Py_ssize_t`, format `n`).
    func jsonIndex(_ value: Value) throws(EvalError) -> Int {
        do {
            return try indexInt(value)
        } catch {
            if isInstance(error, of: "IndexError") {
                error.discard()
                throw .overflowError("Python int too large to convert to C ssize_t")
            }
            throw error
        }
    }
}
