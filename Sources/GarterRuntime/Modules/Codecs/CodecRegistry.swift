/// The codec registry of one interpreter (CPython keeps the same three
/// things in its interpreter state): the search functions `codecs.register`
/// added, the lookups already made, and the error handlers by name. Every
/// value held is an owned reference, kept for the interpreter's life.
public final class CodecRegistry {
    /// Search functions, in registration order (owned).
    var searchFunctions: [Value] = []
    /// Normalized encoding name → the CodecInfo a search function returned
    /// (owned).
    var cache: [String: Value] = [:]
    /// Error handler name → callable (owned). Filled with the built-in
    /// handlers' functions on first use.
    var errorHandlers: [String: Value] = [:]
    /// Whether the `encodings` package, which registers the standard
    /// search function, has been imported (CPython does it at start-up;
    /// Garter on the first lookup).
    var encodingsImported = false

    public init() {}

    /// CPython's `normalizestring`: ASCII lower case, spaces and hyphens
    /// turned into underscores.
    static func normalize(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == " " || scalar == "-" { return "_" }
            if scalar.value >= 0x41 && scalar.value <= 0x5A { return Unicode.Scalar(scalar.value + 0x20)! }
            return scalar
        }))
    }
}

extension ThreadState {
    /// `_codecs.lookup(encoding)`: the CodecInfo (a new reference).
    func codecLookup(_ encoding: String) throws(EvalError) -> Value {
        let registry = interpreter.codecRegistry
        if !registry.encodingsImported {
            registry.encodingsImported = true
            let module = try importModule("encodings", globals: nil, fromList: .none, level: 0)
            module.release()
        }
        let key = CodecRegistry.normalize(encoding)
        if let found = registry.cache[key] {
            found.retain()
            return found
        }
        let name = interpreter.newString(key)
        defer { name.release() }
        for function in registry.searchFunctions {
            let result = try call(function, [name])
            if result.isNone { continue }
            guard let tuple = result.as(PyTuple.self), tuple.items.count == 4 else {
                result.release()
                throw .typeError("codec search functions must return 4-tuples")
            }
            result.retain()
            registry.cache[key] = result
            return result
        }
        throw .pythonException("LookupError", "unknown encoding: \(encoding)")
    }

    /// `_codecs.lookup_error(name)`: the handler (a new reference).
    func codecErrorHandlerFunction(_ name: String) throws(EvalError) -> Value {
        let registry = interpreter.codecRegistry
        if registry.errorHandlers.isEmpty { installBuiltinErrorHandlers() }
        guard let handler = registry.errorHandlers[name] else {
            throw .pythonException("LookupError", "unknown error handler name '\(name)'")
        }
        handler.retain()
        return handler
    }

    /// `_codecs.register_error(name, handler)`.
    func registerCodecErrorHandler(_ name: String, _ handler: Value) {
        let registry = interpreter.codecRegistry
        if registry.errorHandlers.isEmpty { installBuiltinErrorHandlers() }
        handler.retain()
        registry.errorHandlers.updateValue(handler, forKey: name)?.release()
    }

    /// The handler for an `errors` argument, as the codecs take it. Built-in
    /// names take the codecs' own paths; other names are looked up in the
    /// registry only when an error happens (CPython raises "unknown error
    /// handler name" no earlier), and called with the Unicode error object.
    func codecErrorHandler(_ name: String?) -> CodecErrorHandler {
        guard let name else { return .strict }
        if let handler = CodecErrorHandler(builtinName: name) { return handler }
        return .custom(CustomCodecErrorHandler(
            encode: { [self] failure in try callEncodeErrorHandler(name, failure) },
            decode: { [self] failure in try callDecodeErrorHandler(name, failure) }))
    }

    private func callEncodeErrorHandler(_ name: String, _ failure: UnicodeEncodeFailure) throws(EvalError)
        -> (replacement: EncodeReplacement, resume: Int) {
        let handler = try codecErrorHandlerFunction(name)
        defer { handler.release() }
        let exception = try callConsuming(interpreter.types.exceptions["UnicodeEncodeError"]!.value, [
            interpreter.newString(failure.encoding), interpreter.newString(codePoints: failure.object),
            .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
        defer { exception.release() }
        let result = try call(handler, [exception])
        defer { result.release() }
        let message = "encoding error handler must return (str/bytes, int) tuple"
        guard let tuple = result.as(PyTuple.self), tuple.items.count == 2,
              let position = Arithmetic.pyInteger(tuple.items[1]), case .small(let resume) = position else {
            throw .typeError(message)
        }
        if let text = tuple.items[0].strObject { return (.text(text.codePoints), resume) }
        if let bytes = tuple.items[0].as(PyBytes.self) { return (.bytes(bytes.bytes), resume) }
        throw .typeError(message)
    }

    private func callDecodeErrorHandler(_ name: String, _ failure: UnicodeDecodeFailure) throws(EvalError)
        -> (replacement: [UInt32], resume: Int) {
        let handler = try codecErrorHandlerFunction(name)
        defer { handler.release() }
        let exception = try callConsuming(interpreter.types.exceptions["UnicodeDecodeError"]!.value, [
            interpreter.newString(failure.encoding), interpreter.newBytes(failure.object),
            .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
        defer { exception.release() }
        let result = try call(handler, [exception])
        defer { result.release() }
        guard let tuple = result.as(PyTuple.self), tuple.items.count == 2, let text = tuple.items[0].strObject,
              let position = Arithmetic.pyInteger(tuple.items[1]), case .small(let resume) = position else {
            throw .typeError("decoding error handler must return (str, int) tuple")
        }
        return (text.codePoints, resume)
    }
}

extension ThreadState {
    /// Calls `callable` with new references, released once the call returns.
    func callConsuming(_ callable: Value, _ owned: [Value]) throws(EvalError) -> Value {
        defer { for value in owned { value.release() } }
        return try call(callable, owned)
    }
}
