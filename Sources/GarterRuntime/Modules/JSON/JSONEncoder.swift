// `_json.make_encoder` (the type `_json.Encoder`): the one-shot encoder
// `json.JSONEncoder.iterencode` uses when there is no indent. Calling it
// with (obj, indent level) returns a one-item list holding the whole JSON text,
// as CPython 3.11's C encoder does (its indent argument is ignored there too).

/// A `_json.Encoder`. The values are owned.
final class PyJSONEncoder: PyObject {
    /// How strings are written: by the module's own functions, or by
    /// calling the `encoder` object.
    enum StringEncoding {
        case ascii, plain, call
    }

    var markers: Value
    var defaultFunction: Value
    var encoder: Value
    var indent: Value
    var keySeparator: Value
    var itemSeparator: Value
    let sortKeys: Bool
    let skipKeys: Bool
    let allowNaN: Bool
    let stringEncoding: StringEncoding
    let keySeparatorText: [UInt32]
    let itemSeparatorText: [UInt32]

    init(markers: Value, defaultFunction: Value, encoder: Value, indent: Value, keySeparator: Value,
         itemSeparator: Value, sortKeys: Bool, skipKeys: Bool, allowNaN: Bool, type: PyType) {
        self.markers = markers
        self.defaultFunction = defaultFunction
        self.encoder = encoder
        self.indent = indent
        self.keySeparator = keySeparator
        self.itemSeparator = itemSeparator
        self.sortKeys = sortKeys
        self.skipKeys = skipKeys
        self.allowNaN = allowNaN
        keySeparatorText = keySeparator.strObject!.codePoints
        itemSeparatorText = itemSeparator.strObject!.codePoints
        if let function = encoder.as(PyBuiltinFunction.self), function.moduleName == "_json" {
            switch function.name {
            case "encode_basestring_ascii": stringEncoding = .ascii
            case "encode_basestring": stringEncoding = .plain
            default: stringEncoding = .call
            }
        } else {
            stringEncoding = .call
        }
        super.init(type: type)
    }

    private var owned: [Value] { [markers, defaultFunction, encoder, indent, keySeparator, itemSeparator] }

    override func releaseContents() {
        for value in owned { value.release() }
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for value in owned { visit(value) }
    }

    override func clearReferences() {
        super.clearReferences()
        let old = owned
        (markers, defaultFunction, encoder, indent) = (.none, .none, .none, .none)
        for value in old.prefix(4) { value.release() }
    }
}

/// One encoding run, writing into `output`.
struct JSONEncoding {
    let thread: ThreadState
    let encoder: PyJSONEncoder
    var output: [UInt32] = []

    init(thread: ThreadState, encoder: PyJSONEncoder) {
        self.thread = thread
        self.encoder = encoder
    }

    private mutating func append(_ word: StaticString) {
        word.withUTF8Buffer { bytes in
            for byte in bytes { output.append(UInt32(byte)) }
        }
    }

    private mutating func appendText(_ value: Value) {
        output.append(contentsOf: value.strObject!.codePoints)
    }

    mutating func encode(_ value: Value) throws(EvalError) {
        switch value {
        case .none: append("null")
        case .bool(let flag): flag ? append("true") : append("false")
        case .int(let number):
            for scalar in String(number).unicodeScalars { output.append(scalar.value) }
        case .float(let number): try encodeFloat(number, value)
        case .object:
            if let text = value.strObject {
                try encodeString(text, value)
            } else if Arithmetic.pyInteger(value) != nil {
                let text = try thread.interpreter.types.int.slots.repr!(thread, value)
                defer { text.release() }
                appendText(text)
            } else if let number = value.as(PyFloat.self) {
                try encodeFloat(number.value, value)
            } else if value.as(PyList.self) != nil || value.as(PyTuple.self) != nil {
                try thread.jsonEnterRecursion(" while encoding a JSON object")
                defer { thread.depth -= 1 }
                try encodeList(value)
            } else if let dict = value.as(PyDict.self) {
                try thread.jsonEnterRecursion(" while encoding a JSON object")
                defer { thread.depth -= 1 }
                try encodeDict(dict, value)
            } else {
                let marker = try enterMarker(value)
                let replacement = try thread.call(encoder.defaultFunction, [value])
                defer { replacement.release() }
                try thread.jsonEnterRecursion(" while encoding a JSON object")
                defer { thread.depth -= 1 }
                try encode(replacement)
                try leaveMarker(marker)
            }
        }
    }

    private mutating func encodeFloat(_ number: Double, _ value: Value) throws(EvalError) {
        if !number.isFinite {
            if !encoder.allowNaN {
                throw .valueError("Out of range float values are not JSON compliant")
            }
            if number > 0 { append("Infinity") } else if number < 0 { append("-Infinity") } else { append("NaN") }
            return
        }
        let text = try thread.interpreter.types.float.slots.repr!(thread, value)
        defer { text.release() }
        appendText(text)
    }

    private mutating func encodeString(_ text: PyStr, _ value: Value) throws(EvalError) {
        switch encoder.stringEncoding {
        case .ascii: JSONText.appendASCIIQuoted(text.codePoints, to: &output)
        case .plain: JSONText.appendQuoted(text.codePoints, to: &output)
        case .call:
            let encoded = try thread.call(encoder.encoder, [value])
            defer { encoded.release() }
            guard let result = encoded.strObject else {
                throw .typeError("encoder() must return a string, not \(thread.typeOf(encoded).name)")
            }
            output.append(contentsOf: result.codePoints)
        }
    }

    /// Records `value` in `markers` (by identity) to catch cycles; the key
    /// to remove afterwards, or nil without markers.
    private func enterMarker(_ value: Value) throws(EvalError) -> Value? {
        guard !encoder.markers.isNone, let reference = value.objectReference else { return nil }
        let identity = Value.int(Int(bitPattern: UInt(reference.address)))
        if try thread.contains(encoder.markers, identity) {
            throw .valueError("Circular reference detected")
        }
        try thread.setItem(encoder.markers, identity, value)
        return identity
    }

    private func leaveMarker(_ identity: Value?) throws(EvalError) {
        guard let identity else { return }
        try thread.setItem(encoder.markers, identity, nil)
    }

    private mutating func encodeList(_ value: Value) throws(EvalError) {
        // The list is read afresh at each step, as CPython's encoder does:
        // `default` may shorten it meanwhile.
        func item(at index: Int) -> Value? {
            if let list = value.as(PyList.self) { return index < list.items.count ? list.items[index] : nil }
            let items = value.as(PyTuple.self)!.items
            return index < items.count ? items[index] : nil
        }
        if item(at: 0) == nil {
            append("[]")
            return
        }
        let marker = try enterMarker(value)
        output.append(0x5B)
        var index = 0
        while let element = item(at: index) {
            if index > 0 { output.append(contentsOf: encoder.itemSeparatorText) }
            element.retain()
            defer { element.release() }
            try encode(element)
            index += 1
        }
        try leaveMarker(marker)
        output.append(0x5D)
    }

    private mutating func encodeDict(_ dict: PyDict, _ value: Value) throws(EvalError) {
        if dict.count == 0 {
            append("{}")
            return
        }
        let marker = try enterMarker(value)
        output.append(0x7B)
        var pairs: [(Value, Value)] = []
        defer {
            for (key, item) in pairs {
                key.release()
                item.release()
            }
        }
        let exact = thread.typeOf(value) === thread.interpreter.types.dict
        if encoder.sortKeys || !exact {
            var items: [Value]
            if exact {
                items = []
                var position = 0
                while let entry = dict.entry(from: position) {
                    entry.key.retain()
                    entry.value.retain()
                    items.append(thread.interpreter.newTuple([entry.key, entry.value]))
                    position = entry.next
                }
            } else {
                let view = try thread.callMethod(value, thread.interpreter.internedString("items"), [])
                defer { view.release() }
                items = try thread.collect(view)
            }
            defer { for item in items { item.release() } }
            if encoder.sortKeys { try thread.sort(&items, key: nil, reverse: false) }
            for item in items {
                guard let tuple = item.as(PyTuple.self), tuple.items.count == 2 else {
                    throw .valueError("items must return 2-tuples")
                }
                tuple.items[0].retain()
                tuple.items[1].retain()
                pairs.append((tuple.items[0], tuple.items[1]))
            }
        } else {
            var position = 0
            while let entry = dict.entry(from: position) {
                entry.key.retain()
                entry.value.retain()
                pairs.append((entry.key, entry.value))
                position = entry.next
            }
        }
        var first = true
        for (key, item) in pairs {
            let keyText: Value
            if key.strObject != nil {
                key.retain()
                keyText = key
            } else if case .float(let number) = key {
                keyText = try floatKey(number, key)
            } else if let number = key.as(PyFloat.self) {
                keyText = try floatKey(number.value, key)
            } else if case .bool(let flag) = key {
                keyText = thread.interpreter.newString(flag ? "true" : "false")
            } else if key.isNone {
                keyText = thread.interpreter.newString("null")
            } else if Arithmetic.pyInteger(key) != nil {
                keyText = try thread.interpreter.types.int.slots.repr!(thread, key)
            } else if encoder.skipKeys {
                continue
            } else {
                throw .typeError("keys must be str, int, float, bool or None, not \(thread.typeOf(key).name)")
            }
            defer { keyText.release() }
            if first {
                first = false
            } else {
                output.append(contentsOf: encoder.itemSeparatorText)
            }
            try encodeString(keyText.strObject!, keyText)
            output.append(contentsOf: encoder.keySeparatorText)
            try encode(item)
        }
        try leaveMarker(marker)
        output.append(0x7D)
    }

    /// A float key's text (the same rules as a float value).
    private func floatKey(_ number: Double, _ key: Value) throws(EvalError) -> Value {
        var copy = JSONEncoding(thread: thread, encoder: encoder)
        try copy.encodeFloat(number, key)
        return thread.interpreter.newString(codePoints: copy.output)
    }
}

extension Interpreter {
    func jsonEncoderType() -> PyType {
        nativeType("Encoder", module: "_json", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let names = ["markers", "default", "encoder", "indent", "key_separator", "item_separator",
                             "sort_keys", "skipkeys", "allow_nan"]
                let bound = try arguments.bindClassic("make_encoder", names, required: 9)
                let markers = bound[0]!
                if !markers.isNone && markers.as(PyDict.self) == nil {
                    throw .typeError("make_encoder() argument 1 must be dict or None, not \(thread.typeOf(markers).name)")
                }
                for index in 4...5 where bound[index]!.strObject == nil {
                    throw .typeError("make_encoder() argument \(index + 1) must be str, not \(thread.typeOf(bound[index]!).name)")
                }
                let flags = [try thread.truth(bound[6]!), try thread.truth(bound[7]!), try thread.truth(bound[8]!)]
                for index in 0...5 { bound[index]!.retain() }
                return .object(ObjectRef.allocate(PyJSONEncoder(
                    markers: markers, defaultFunction: bound[1]!, encoder: bound[2]!, indent: bound[3]!,
                    keySeparator: bound[4]!, itemSeparator: bound[5]!, sortKeys: flags[0], skipKeys: flags[1],
                    allowNaN: flags[2], type: type)))
            }
            slots.call = { thread, value, arguments throws(EvalError) in
                let encoder = value.as(PyJSONEncoder.self)!
                let bound = try arguments.bindClassic("_iterencode", ["obj", "_current_indent_level"], required: 2)
                _ = try thread.jsonIndex(bound[1]!)
                var encoding = JSONEncoding(thread: thread, encoder: encoder)
                try encoding.encode(bound[0]!)
                return thread.interpreter.newList([thread.interpreter.newString(codePoints: encoding.output)])
            }
            type.installSlots(slots, self)
            let fields: [(String, (PyJSONEncoder) -> Value)] = [
                ("markers", { $0.markers }), ("default", { $0.defaultFunction }), ("encoder", { $0.encoder }),
                ("indent", { $0.indent }), ("key_separator", { $0.keySeparator }),
                ("item_separator", { $0.itemSeparator }),
            ]
            for (name, read) in fields {
                type.defineAttribute(name, self, get: { _, receiver throws(EvalError) in
                    let value = read(receiver.as(PyJSONEncoder.self)!)
                    value.retain()
                    return value
                })
            }
            type.defineAttribute("sort_keys", self, get: { _, receiver throws(EvalError) in
                .bool(receiver.as(PyJSONEncoder.self)!.sortKeys)
            })
            type.defineAttribute("skipkeys", self, get: { _, receiver throws(EvalError) in
                .bool(receiver.as(PyJSONEncoder.self)!.skipKeys)
            })
        }
    }
}
