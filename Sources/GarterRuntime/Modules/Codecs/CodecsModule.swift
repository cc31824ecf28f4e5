// The `_codecs` module: the codec registry (`register`, `lookup`,
// `encode`/`decode` through it, the error handler registry) and the
// functions the `encodings` package's codecs call, over the codecs of
// Text/Codecs and this folder.

extension Interpreter {
    func makeCodecsModule() throws(EvalError) -> Value {
        try makeNativeModule("_codecs") { module, define throws(EvalError) in
            define("register") { thread, arguments throws(EvalError) in
                try arguments.expect("register", 1...1)
                guard thread.isCallable(arguments[0]) else { throw .typeError("argument must be callable") }
                arguments[0].retain()
                thread.interpreter.codecRegistry.searchFunctions.append(arguments[0])
                return .none
            }
            define("unregister") { thread, arguments throws(EvalError) in
                try arguments.expect("unregister", 1...1)
                let registry = thread.interpreter.codecRegistry
                if let index = registry.searchFunctions.firstIndex(where: { $0.isIdentical(to: arguments[0]) }) {
                    registry.searchFunctions.remove(at: index).release()
                    for value in registry.cache.values { value.release() }
                    registry.cache = [:]
                }
                return .none
            }
            define("lookup") { thread, arguments throws(EvalError) in
                try arguments.expect("lookup", 1...1)
                return try thread.codecLookup(try thread.codecString(arguments[0], "lookup", 1))
            }
            define("_forget_codec") { thread, arguments throws(EvalError) in
                try arguments.expect("_forget_codec", 1...1)
                let name = CodecRegistry.normalize(try thread.codecString(arguments[0], "_forget_codec", 1))
                thread.interpreter.codecRegistry.cache.removeValue(forKey: name)?.release()
                return .none
            }
            define("encode") { thread, arguments throws(EvalError) in
                let bound = try thread.sreBind("encode", arguments, ["obj", "encoding", "errors"], required: 1)
                let encoding = try bound[1].map { value throws(EvalError) in try thread.codecString(value, "encode", 2) } ?? "utf-8"
                let errors = try bound[2].map { value throws(EvalError) in try thread.codecString(value, "encode", 3) } ?? "strict"
                return try thread.codecRun(bound[0]!, encoding: encoding, errors: errors, encode: true)
            }
            define("decode") { thread, arguments throws(EvalError) in
                let bound = try thread.sreBind("decode", arguments, ["obj", "encoding", "errors"], required: 1)
                let encoding = try bound[1].map { value throws(EvalError) in try thread.codecString(value, "decode", 2) } ?? "utf-8"
                let errors = try bound[2].map { value throws(EvalError) in try thread.codecString(value, "decode", 3) } ?? "strict"
                return try thread.codecRun(bound[0]!, encoding: encoding, errors: errors, encode: false)
            }
            define("lookup_error") { thread, arguments throws(EvalError) in
                try arguments.expect("lookup_error", 1...1)
                return try thread.codecErrorHandlerFunction(try thread.codecString(arguments[0], "lookup_error", 1))
            }
            define("register_error") { thread, arguments throws(EvalError) in
                try arguments.expect("register_error", 2...2)
                let name = try thread.codecString(arguments[0], "register_error", 1)
                guard thread.isCallable(arguments[1]) else { throw .typeError("handler must be callable") }
                thread.registerCodecErrorHandler(name, arguments[1])
                return .none
            }
            defineTextCodecFunctions(define)
            defineCharmapFunctions(define)
            defineEscapeCodecFunctions(define)
        }
    }
}

extension ThreadState {
    /// A str argument of a `_codecs` function.
    func codecString(_ value: Value, _ function: String, _ position: Int) throws(EvalError) -> String {
        guard let text = value.strObject else {
            throw .typeError("\(function)() argument \(position) must be str, not \(typeOf(value).name)")
        }
        return text.string
    }

    /// `codecs.encode`/`codecs.decode`: the registered codec's encoder or
    /// decoder, whose result must be an (object, length) tuple.
    func codecRun(_ object: Value, encoding: String, errors: String, encode: Bool) throws(EvalError) -> Value {
        let info = try codecLookup(encoding)
        defer { info.release() }
        let function = info.as(PyTuple.self)!.items[encode ? 0 : 1]
        let errorsValue = interpreter.newString(errors)
        defer { errorsValue.release() }
        let result = try call(function, [object, errorsValue])
        defer { result.release() }
        guard let tuple = result.as(PyTuple.self), tuple.items.count == 2 else {
            throw .typeError("\(encode ? "encoder" : "decoder") must return a tuple (object, integer)")
        }
        let value = tuple.items[0]
        value.retain()
        return value
    }

    /// `str.encode`/`bytes.decode` for an encoding the built-in codecs do
    /// not know: through the registry, which must give a text encoding
    /// whose result is bytes (encoding) or str (decoding), as CPython checks.
    func registryEncode(_ text: [UInt32], encoding: String, errors: String?) throws(EvalError) -> [UInt8] {
        let info = try textCodecInfo(encoding, use: "codecs.encode()")
        defer { info.release() }
        let string = interpreter.newString(codePoints: text)
        defer { string.release() }
        let result = try codecCallFunction(info, 0, string, errors: errors, encode: true)
        defer { result.release() }
        guard let bytes = result.as(PyBytes.self) else {
            throw .typeError("'\(encoding)' encoder returned '\(typeOf(result).name)' instead of 'bytes'; use codecs.encode() to encode to arbitrary types")
        }
        return bytes.bytes
    }

    func registryDecode(_ bytes: [UInt8], encoding: String, errors: String?) throws(EvalError) -> [UInt32] {
        let info = try textCodecInfo(encoding, use: "codecs.decode()")
        defer { info.release() }
        let data = interpreter.newBytes(bytes)
        defer { data.release() }
        let result = try codecCallFunction(info, 1, data, errors: errors, encode: false)
        defer { result.release() }
        guard let text = result.strObject else {
            throw .typeError("'\(encoding)' decoder returned '\(typeOf(result).name)' instead of 'str'; use codecs.decode() to decode to arbitrary types")
        }
        return text.codePoints
    }

    private func textCodecInfo(_ encoding: String, use: String) throws(EvalError) -> Value {
        let info = try codecLookup(encoding)
        if let flag = try lookupAttribute(info, interpreter.internedString("_is_text_encoding")) {
            defer { flag.release() }
            if !(try truth(flag)) {
                info.release()
                throw .pythonException("LookupError", "'\(encoding)' is not a text encoding; use \(use) to handle arbitrary codecs")
            }
        }
        return info
    }

    private func codecCallFunction(_ info: Value, _ index: Int, _ argument: Value, errors: String?,
                                   encode: Bool) throws(EvalError) -> Value {
        let function = info.as(PyTuple.self)!.items[index]
        let errorsValue = interpreter.newString(errors ?? "strict")
        defer { errorsValue.release() }
        let result = try call(function, [argument, errorsValue])
        defer { result.release() }
        guard let tuple = result.as(PyTuple.self), tuple.items.count == 2 else {
            throw .typeError("\(encode ? "encoder" : "decoder") must return a tuple (object, integer)")
        }
        let value = tuple.items[0]
        value.retain()
        return value
    }
}
