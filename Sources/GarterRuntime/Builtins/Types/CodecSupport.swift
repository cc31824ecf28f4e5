// `str.encode`, `bytes.decode` and `str(bytes, encoding, errors)` on top of
// the codecs of `Text/Codecs` (UTF-8/16/32, Latin-1, ASCII), CPython's fast
// paths; any other encoding goes through the codec registry of `_codecs`
// (Modules/Codecs), that is, through the `encodings` package.

extension ThreadState {
    /// `text.encode(encoding, errors)`.
    func encode(_ text: [UInt32], encoding: String?, errors: String?) throws(EvalError) -> [UInt8] {
        guard let (codec, fastPath) = codecFor(encoding) else {
            return try registryEncode(text, encoding: encoding!, errors: errors)
        }
        let handler = codecErrorHandler(errors)
        return try codecCall(codec, fastPath: fastPath, encoding: true) {
            try text.withUnsafeBufferPointer { try PyCodecs.encode($0, codec: codec, errors: handler) }
        }
    }

    /// `bytes.decode(encoding, errors)`.
    func decode(_ bytes: [UInt8], encoding: String?, errors: String?) throws(EvalError) -> [UInt32] {
        guard let (codec, fastPath) = codecFor(encoding) else {
            return try registryDecode(bytes, encoding: encoding!, errors: errors)
        }
        let handler = codecErrorHandler(errors)
        return try codecCall(codec, fastPath: fastPath, encoding: false) {
            try bytes.withUnsafeBufferPointer { try PyCodecs.decode($0, codec: codec, errors: handler) }
        }
    }

    /// The built-in codec for `encoding`, nil when the registry decides.
    private func codecFor(_ encoding: String?) -> (PyCodecs.Codec, Bool)? {
        guard let encoding else { return (.utf8, true) }
        if let codec = PyCodecs.fastPathCodec(named: encoding) { return (codec, true) }
        guard let codec = PyCodecs.codec(named: encoding) else { return nil }
        return (codec, false)
    }

    /// Runs a codec, turning its errors into Python exceptions: Unicode
    /// errors with their five arguments; other errors of codecs reached
    /// through the registry wrapped as CPython does ("encoding with 'x'
    /// codec failed (LookupError: ...)").
    func codecCall<T>(_ codec: PyCodecs.Codec, fastPath: Bool, encoding: Bool,
                              _ body: () throws -> T) throws(EvalError) -> T {
        do {
            return try body()
        } catch let error as TextError {
            switch error {
            case .unicodeEncodeError(let failure):
                throw .withArguments("UnicodeEncodeError", [
                    interpreter.newString(failure.encoding), interpreter.newString(codePoints: failure.object),
                    .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
            case .unicodeDecodeError(let failure):
                throw .withArguments("UnicodeDecodeError", [
                    interpreter.newString(failure.encoding), interpreter.newBytes(failure.object),
                    .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
            default:
                if fastPath { throw error.evalError }
                let name = codec == .latin1 ? "iso8859-1" : codec.rawValue
                throw .pythonException(error.pythonType,
                                       "\(encoding ? "encoding" : "decoding") with '\(name)' codec failed (\(error.pythonType): \(error.message))")
            }
        } catch let error as EvalError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
    }
}

extension Interpreter {
    /// The attributes and `str()` of `UnicodeEncodeError`/`UnicodeDecodeError`
    /// made from their five arguments (encoding, object, start, end, reason).
    func installUnicodeErrorTypes() {
        for name in ["UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"] {
            guard let type = types.exceptions[name] else { continue }
            let names = name == "UnicodeTranslateError" ? ["object", "start", "end", "reason"]
                                                        : ["encoding", "object", "start", "end", "reason"]
            for (position, attribute) in names.enumerated() {
                type.defineAttribute(attribute, self, get: { _, value throws(EvalError) in
                    let args = value.as(PyBaseException.self)!.args
                    let result = position < args.count ? args.items[position] : .none
                    result.retain()
                    return result
                })
            }
            var slots = TypeSlots()
            slots.str = { thread, value throws(EvalError) in
                let args = value.as(PyBaseException.self)!.args.items
                let offset = name == "UnicodeTranslateError" ? -1 : 0
                guard args.count == names.count, case .int(let start) = args[2 + offset],
                      case .int(let end) = args[3 + offset], let reason = args[4 + offset].strObject else {
                    return try thread.interpreter.types.baseException.slots.str!(thread, value)
                }
                let encoding = offset == 0 ? (args[0].strObject?.string ?? "") : ""
                if name == "UnicodeDecodeError", let object = try thread.bytesLike(args[1]) {
                    let failure = UnicodeDecodeFailure(encoding: encoding, object: object, start: start, end: end,
                                                       reason: reason.string)
                    return thread.interpreter.newString(failure.message)
                }
                if let object = args[1 + offset].strObject {
                    let failure = UnicodeEncodeFailure(encoding: encoding, object: object.codePoints, start: start,
                                                       end: end, reason: reason.string)
                    var message = failure.message
                    if name == "UnicodeTranslateError" {
                        let prefix = "'' codec can't encode"
                        if message.hasPrefix(prefix) { message = "can't translate" + message.dropFirst(prefix.count) }
                    }
                    return thread.interpreter.newString(message)
                }
                return try thread.interpreter.types.baseException.slots.str!(thread, value)
            }
            type.installSlots(slots, self)
        }
    }
}
