// The per-codec functions of `_codecs` for the UTF and single-byte codecs
// (`utf_8_encode`, `utf_16_ex_decode`, `latin_1_decode`, ...): each returns
// `(result, length consumed)` as the `encodings` modules expect.

typealias ModuleDefine = (String, @escaping PyBuiltinFunction.Body) -> Void

extension Interpreter {
    func defineTextCodecFunctions(_ define: ModuleDefine) {
        let encoders: [(String, (CodePoints, CodecErrorHandler) throws -> [UInt8])] = [
            ("utf_8_encode", { try PyCodecs.encodeUTF8($0, errors: $1) }),
            ("utf_16_le_encode", { try PyCodecs.encodeUTF16($0, errors: $1, byteOrder: .little) }),
            ("utf_16_be_encode", { try PyCodecs.encodeUTF16($0, errors: $1, byteOrder: .big) }),
            ("utf_32_le_encode", { try PyCodecs.encodeUTF32($0, errors: $1, byteOrder: .little) }),
            ("utf_32_be_encode", { try PyCodecs.encodeUTF32($0, errors: $1, byteOrder: .big) }),
            ("latin_1_encode", { try PyCodecs.encodeLatin1($0, errors: $1) }),
            ("ascii_encode", { try PyCodecs.encodeASCII($0, errors: $1) }),
            ("utf_7_encode", { try UTF7Codec.encode($0, errors: $1) }),
            ("unicode_escape_encode", { text, _ in UnicodeEscapeCodec.encode(text, raw: false) }),
            ("raw_unicode_escape_encode", { text, _ in UnicodeEscapeCodec.encode(text, raw: true) }),
        ]
        for (name, encoder) in encoders {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...2)
                let text = try thread.codecTextArgument(arguments[0], name)
                let errors = try thread.codecErrorsArgument(arguments, 1, name)
                let bytes = try thread.codecCall(.utf8, fastPath: true, encoding: true) {
                    try text.withUnsafeBufferPointer { try encoder($0, errors) }
                }
                return thread.interpreter.newTuple([thread.interpreter.newBytes(bytes), .int(text.count)])
            }
        }
        for (name, isThirtyTwo) in [("utf_16_encode", false), ("utf_32_encode", true)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...3)
                let text = try thread.codecTextArgument(arguments[0], name)
                let errors = try thread.codecErrorsArgument(arguments, 1, name)
                let order = arguments.positionalCount > 2 ? UnicodeByteOrder(try thread.indexInt(arguments[2])) : .unspecified
                let bytes = try thread.codecCall(.utf8, fastPath: true, encoding: true) {
                    try text.withUnsafeBufferPointer { buffer in
                        isThirtyTwo ? try PyCodecs.encodeUTF32(buffer, errors: errors, byteOrder: order)
                                    : try PyCodecs.encodeUTF16(buffer, errors: errors, byteOrder: order)
                    }
                }
                return thread.interpreter.newTuple([thread.interpreter.newBytes(bytes), .int(text.count)])
            }
        }

        // Decoders taking (data, errors=None, final=False).
        typealias Decoder = (UnsafeBufferPointer<UInt8>, CodecErrorHandler, Bool) throws -> (text: [UInt32], consumed: Int)
        let decoders: [(String, Bool, Decoder)] = [
            ("utf_8_decode", false, { try PyCodecs.decodeUTF8($0, errors: $1, final: $2) }),
            ("utf_16_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.unspecified
                return try PyCodecs.decodeUTF16(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_16_le_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.little
                return try PyCodecs.decodeUTF16(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_16_be_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.big
                return try PyCodecs.decodeUTF16(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_32_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.unspecified
                return try PyCodecs.decodeUTF32(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_32_le_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.little
                return try PyCodecs.decodeUTF32(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_32_be_decode", false, { bytes, errors, final in
                var order = UnicodeByteOrder.big
                return try PyCodecs.decodeUTF32(bytes, errors: errors, byteOrder: &order, final: final)
            }),
            ("utf_7_decode", false, { try UTF7Codec.decode($0, errors: $1, final: $2) }),
            // The escape decoders default to final=True and also take a str
            // (its UTF-8 bytes), as CPython's "s*" arguments do.
            ("unicode_escape_decode", true, { try UnicodeEscapeCodec.decode($0, errors: $1, raw: false, final: $2) }),
            ("raw_unicode_escape_decode", true, { try UnicodeEscapeCodec.decode($0, errors: $1, raw: true, final: $2) }),
        ]
        for (name, isEscape, decoder) in decoders {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...3)
                let bytes = try thread.codecDataArgument(arguments[0], acceptsText: isEscape)
                let errors = try thread.codecErrorsArgument(arguments, 1, name)
                let final = arguments.positionalCount > 2 ? try thread.truth(arguments[2]) : isEscape
                let (text, consumed) = try thread.codecCall(.utf8, fastPath: true, encoding: false) {
                    try bytes.withUnsafeBufferPointer { try decoder($0, errors, final) }
                }
                return thread.interpreter.newTuple([thread.interpreter.newString(codePoints: text), .int(consumed)])
            }
        }
        for (name, isThirtyTwo) in [("utf_16_ex_decode", false), ("utf_32_ex_decode", true)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...4)
                let bytes = try thread.codecDataArgument(arguments[0], acceptsText: false)
                let errors = try thread.codecErrorsArgument(arguments, 1, name)
                var order = arguments.positionalCount > 2 ? UnicodeByteOrder(try thread.indexInt(arguments[2])) : .unspecified
                let final = arguments.positionalCount > 3 ? try thread.truth(arguments[3]) : false
                let (text, consumed) = try thread.codecCall(.utf8, fastPath: true, encoding: false) {
                    try bytes.withUnsafeBufferPointer { buffer in
                        isThirtyTwo ? try PyCodecs.decodeUTF32(buffer, errors: errors, byteOrder: &order, final: final)
                                    : try PyCodecs.decodeUTF16(buffer, errors: errors, byteOrder: &order, final: final)
                    }
                }
                return thread.interpreter.newTuple([thread.interpreter.newString(codePoints: text), .int(consumed),
                                                    .int(order.rawValue)])
            }
        }
        // Decoders that always consume everything: (data, errors=None).
        let wholeDecoders: [(String, (UnsafeBufferPointer<UInt8>, CodecErrorHandler) throws -> [UInt32])] = [
            ("latin_1_decode", { bytes, _ in PyCodecs.decodeLatin1(bytes) }),
            ("ascii_decode", { try PyCodecs.decodeASCII($0, errors: $1) }),
        ]
        for (name, decoder) in wholeDecoders {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...2)
                let bytes = try thread.codecDataArgument(arguments[0], acceptsText: false)
                let errors = try thread.codecErrorsArgument(arguments, 1, name)
                let text = try thread.codecCall(.utf8, fastPath: true, encoding: false) {
                    try bytes.withUnsafeBufferPointer { try decoder($0, errors) }
                }
                return thread.interpreter.newTuple([thread.interpreter.newString(codePoints: text), .int(bytes.count)])
            }
        }
        define("readbuffer_encode") { thread, arguments throws(EvalError) in
            try arguments.expect("readbuffer_encode", 1...2)
            let bytes = try thread.codecDataArgument(arguments[0], acceptsText: true)
            _ = try thread.codecErrorsArgument(arguments, 1, "readbuffer_encode")
            return thread.interpreter.newTuple([thread.interpreter.newBytes(bytes), .int(bytes.count)])
        }
    }
}

extension ThreadState {
    /// The str argument of an encoder.
    func codecTextArgument(_ value: Value, _ function: String) throws(EvalError) -> [UInt32] {
        guard let text = value.strObject else {
            throw .typeError("\(function)() argument 1 must be str, not \(typeOf(value).name)")
        }
        return text.codePoints
    }

    /// The bytes-like argument of a decoder (`acceptsText`: a str is taken
    /// as its UTF-8 bytes, CPython's "s*" format).
    func codecDataArgument(_ value: Value, acceptsText: Bool) throws(EvalError) -> [UInt8] {
        if acceptsText, let text = value.strObject {
            guard let utf8 = text.utf8 else {
                throw .withArguments("UnicodeEncodeError", [
                    interpreter.newString("utf-8"), { value.retain(); return value }(), .int(0), .int(text.count),
                    interpreter.newString("surrogates not allowed")])
            }
            return utf8
        }
        guard let bytes = try bytesLike(value) else {
            throw .typeError("a bytes-like object is required, not '\(typeOf(value).name)'")
        }
        return bytes
    }

    /// The `errors` argument at `position`: absent or None is strict.
    func codecErrorsArgument(_ arguments: Arguments, _ position: Int, _ function: String) throws(EvalError) -> CodecErrorHandler {
        guard arguments.positionalCount > position, !arguments[position].isNone else { return .strict }
        guard let name = arguments[position].strObject else {
            throw .typeError("\(function)() argument \(position + 1) must be str or None, not \(typeOf(arguments[position]).name)")
        }
        return codecErrorHandler(name.string)
    }
}
