// The charmap codec of `_codecs`, which the `encodings` package's
// single-byte codecs (cp1252, iso8859_15, koi8_r, ...) are built on:
// decoding through a 256-character table (or any mapping), encoding
// through the `EncodingMap` that `charmap_build` makes from that table (or
// any mapping).

/// `EncodingMap`: code point → byte, built from a decoding table.
final class PyEncodingMap: PyObject {
    let table: [UInt32: UInt8]

    init(table: [UInt32: UInt8], type: PyType) {
        self.table = table
        super.init(type: type)
    }
}

extension Interpreter {
    func encodingMapType() -> PyType {
        nativeType("EncodingMap", module: "_codecs", flags: []) { type in
            type.define("size", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("size", 0...0)
                // CPython reports its three-level table's size in bytes.
                return .int(value.as(PyEncodingMap.self)!.table.count)
            }
        }
    }

    func defineCharmapFunctions(_ define: ModuleDefine) {
        define("charmap_build") { thread, arguments throws(EvalError) in
            try arguments.expect("charmap_build", 1...1)
            guard let text = arguments[0].strObject else {
                throw .typeError("charmap_build() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            return try thread.charmapBuild(text.codePoints)
        }
        define("charmap_decode") { thread, arguments throws(EvalError) in
            try arguments.expect("charmap_decode", 1...3)
            let bytes = try thread.codecDataArgument(arguments[0], acceptsText: false)
            let errors = try thread.codecErrorsArgument(arguments, 1, "charmap_decode")
            let mapping = arguments.positionalCount > 2 ? arguments[2] : .none
            let text = try thread.charmapDecode(bytes, errors: errors, mapping: mapping)
            return thread.interpreter.newTuple([thread.interpreter.newString(codePoints: text), .int(bytes.count)])
        }
        define("charmap_encode") { thread, arguments throws(EvalError) in
            try arguments.expect("charmap_encode", 1...3)
            let text = try thread.codecTextArgument(arguments[0], "charmap_encode")
            let errors = try thread.codecErrorsArgument(arguments, 1, "charmap_encode")
            let mapping = arguments.positionalCount > 2 ? arguments[2] : .none
            let bytes = try thread.charmapEncode(text, errors: errors, mapping: mapping)
            return thread.interpreter.newTuple([thread.interpreter.newBytes(bytes), .int(text.count)])
        }
    }
}

extension ThreadState {
    /// `charmap_build(table)`: an EncodingMap for a plain 256-character
    /// table (starting with U+0000, no repeated characters, all in the
    /// BMP), else a dict {code point: byte} as CPython falls back to.
    func charmapBuild(_ table: [UInt32]) throws(EvalError) -> Value {
        var map: [UInt32: UInt8] = [:]
        var simple = table.count == 256 && table.first == 0
        if simple {
            for (index, ch) in table.enumerated() where ch != 0xFFFE {
                if ch > 0xFFFF || map[ch] != nil {
                    simple = false
                    break
                }
                map[ch] = UInt8(index)
            }
        }
        if simple {
            return .object(ObjectRef.allocate(PyEncodingMap(table: map, type: interpreter.encodingMapType())))
        }
        let dict = interpreter.newDict()
        let result = Value.object(ObjectRef(Unmanaged.passUnretained(dict)))
        for (index, ch) in table.enumerated() {
            try setItem(result, .int(Int(ch)), .int(index))
        }
        return result
    }

    /// The mapping's answer for `key`, nil for "undefined" (a missing key
    /// or None).
    private func charmapLookup(_ mapping: Value, _ key: Int) throws(EvalError) -> Value? {
        do throws(EvalError) {
            let result = try getItem(mapping, .int(key))
            if result.isNone { return nil }
            return result
        } catch {
            if isInstance(error, of: "LookupError") {
                error.discard()
                return nil
            }
            throw error
        }
    }

    func charmapDecode(_ bytes: [UInt8], errors: CodecErrorHandler, mapping: Value) throws(EvalError) -> [UInt32] {
        if mapping.isNone { return bytes.map { UInt32($0) } }
        let table = mapping.strObject?.codePoints
        return try codecCall(.utf8, fastPath: true, encoding: false) { () throws -> [UInt32] in
            try bytes.withUnsafeBufferPointer { buffer in
                let context = CodecErrorContext(buffer, encoding: "charmap", handler: errors)
                var output: [UInt32] = []
                output.reserveCapacity(buffer.count)
                var index = 0
                while index < buffer.count {
                    let byte = Int(buffer[index])
                    if let table {
                        if byte < table.count && table[byte] != 0xFFFE {
                            output.append(table[byte])
                            index += 1
                            continue
                        }
                    } else if let item = try charmapLookup(mapping, byte) {
                        defer { item.release() }
                        if let text = item.strObject {
                            if text.codePoints != [0xFFFE] {
                                output.append(contentsOf: text.codePoints)
                                index += 1
                                continue
                            }
                        } else if let number = Arithmetic.pyInteger(item) {
                            guard case .small(let value) = number, value >= 0, value < 0x110000 else {
                                throw EvalError.typeError("character mapping must be in range(0x110000)")
                            }
                            if value != 0xFFFE {
                                output.append(UInt32(value))
                                index += 1
                                continue
                            }
                        } else {
                            throw EvalError.typeError("character mapping must return integer, None or str")
                        }
                    }
                    index = try context.handle(index, index + 1, "character maps to <undefined>", output: &output)
                }
                return output
            }
        }
    }

    func charmapEncode(_ text: [UInt32], errors: CodecErrorHandler, mapping: Value) throws(EvalError) -> [UInt8] {
        if mapping.isNone {
            return try codecCall(.latin1, fastPath: true, encoding: true) {
                try text.withUnsafeBufferPointer { try PyCodecs.encodeLatin1($0, errors: errors) }
            }
        }
        let encodingMap = mapping.as(PyEncodingMap.self)?.table
        func encodeOne(_ ch: UInt32, into output: inout [UInt8]) throws(EvalError) -> Bool {
            if let encodingMap {
                guard let byte = encodingMap[ch] else { return false }
                output.append(byte)
                return true
            }
            guard let item = try charmapLookup(mapping, Int(ch)) else { return false }
            defer { item.release() }
            if let number = Arithmetic.pyInteger(item) {
                guard case .small(let value) = number, value >= 0, value < 256 else {
                    throw .typeError("character mapping must be in range(256)")
                }
                output.append(UInt8(value))
            } else if let bytes = item.as(PyBytes.self) {
                output.append(contentsOf: bytes.bytes)
            } else {
                throw .typeError("character mapping must return integer, bytes or None, not \(typeOf(item).name)")
            }
            return true
        }
        return try codecCall(.utf8, fastPath: true, encoding: true) { () throws -> [UInt8] in
            var output: [UInt8] = []
            output.reserveCapacity(text.count)
            var index = 0
            var scratch: [UInt8] = []
            while index < text.count {
                if try encodeOne(text[index], into: &output) {
                    index += 1
                    continue
                }
                var runEnd = index + 1
                while runEnd < text.count {
                    scratch.removeAll(keepingCapacity: true)
                    if try encodeOne(text[runEnd], into: &scratch) { break }
                    runEnd += 1
                }
                let failure = UnicodeEncodeFailure(encoding: "charmap", object: text, start: index, end: runEnd,
                                                   reason: "character maps to <undefined>")
                let (replacement, resume) = try errors.handleEncode(failure)
                switch replacement {
                case .bytes(let bytes):
                    output.append(contentsOf: bytes)
                case .text(let characters):
                    for ch in characters where !(try encodeOne(ch, into: &output)) {
                        throw TextError.unicodeEncodeError(failure)
                    }
                }
                let resolved = resume < 0 ? resume + text.count : resume
                guard resolved >= 0 && resolved <= text.count else {
                    throw TextError.indexError("position \(resolved) from error handler out of bounds")
                }
                index = resolved
            }
            return output
        }
    }
}
