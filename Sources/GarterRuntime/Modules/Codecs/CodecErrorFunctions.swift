// The built-in error handlers as the functions `codecs.lookup_error`
// returns (`strict_errors`, `ignore_errors`, ...): each takes a Unicode
// error and returns `(replacement, resume position)` or raises, with the
// same results the codecs' own paths give (Text/Codecs/CodecErrorHandler).

extension ThreadState {
    func installBuiltinErrorHandlers() {
        let handlers: [(String, String, CodecErrorHandler)] = [
            ("strict", "strict_errors", .strict), ("ignore", "ignore_errors", .ignore),
            ("replace", "replace_errors", .replace),
            ("xmlcharrefreplace", "xmlcharrefreplace_errors", .xmlCharRefReplace),
            ("backslashreplace", "backslashreplace_errors", .backslashReplace),
            ("namereplace", "namereplace_errors", .nameReplace),
            ("surrogateescape", "surrogateescape", .surrogateEscape),
            ("surrogatepass", "surrogatepass", .surrogatePass),
        ]
        for (name, functionName, handler) in handlers {
            let function = PyBuiltinFunction(name: functionName, type: interpreter.types.builtinFunction,
                                             moduleName: "_codecs") { thread, arguments throws(EvalError) in
                try arguments.expect(functionName, 1...1)
                return try thread.applyBuiltinErrorHandler(handler, arguments[0])
            }
            interpreter.codecRegistry.errorHandlers[name] = .object(ObjectRef.allocate(function))
        }
    }

    private func applyBuiltinErrorHandler(_ handler: CodecErrorHandler, _ exception: Value) throws(EvalError) -> Value {
        let exceptions = interpreter.types.exceptions
        let kind: String
        if isInstanceOf(exception, exceptions["UnicodeEncodeError"]!) {
            kind = "UnicodeEncodeError"
        } else if isInstanceOf(exception, exceptions["UnicodeDecodeError"]!) {
            kind = "UnicodeDecodeError"
        } else if isInstanceOf(exception, exceptions["UnicodeTranslateError"]!) {
            kind = "UnicodeTranslateError"
        } else {
            if case .strict = handler, let reference = exception.objectReference,
               isInstanceOf(exception, interpreter.types.baseException) {
                exception.retain()
                throw .exception(reference)
            }
            if case .strict = handler { throw .typeError("codec must pass exception instance") }
            throw .typeError("don't know how to handle \(typeOf(exception).name) in error callback")
        }
        if case .strict = handler {
            exception.retain()
            throw .exception(exception.objectReference!)
        }
        let args = exception.as(PyBaseException.self)!.args.items
        let offset = kind == "UnicodeTranslateError" ? -1 : 0
        guard args.count == 5 + offset, let reason = args[4 + offset].strObject,
              case .int(let start) = args[2 + offset], case .int(let end) = args[3 + offset] else {
            throw .typeError("don't know how to handle \(typeOf(exception).name) in error callback")
        }
        let encoding = offset == 0 ? (args[0].strObject?.string ?? "") : ""
        do {
            switch kind {
            case "UnicodeDecodeError":
                guard let object = try bytesLike(args[1]) else { throw EvalError.typeError("object attribute must be bytes") }
                let (replacement, resume) = try handler.handleDecode(UnicodeDecodeFailure(
                    encoding: encoding, object: object, start: start, end: end, reason: reason.string))
                return interpreter.newTuple([interpreter.newString(codePoints: replacement), .int(resume)])
            default:
                guard let object = args[1 + offset].strObject?.codePoints else {
                    throw EvalError.typeError("object attribute must be unicode")
                }
                if kind == "UnicodeTranslateError" {
                    if case .surrogateEscape = handler { break }
                    if case .surrogatePass = handler { break }
                    if case .replace = handler {
                        let replacement = [UInt32](repeating: 0xFFFD, count: max(0, end - start))
                        return interpreter.newTuple([interpreter.newString(codePoints: replacement), .int(end)])
                    }
                }
                let (replacement, resume) = try handler.handleEncode(UnicodeEncodeFailure(
                    encoding: encoding, object: object, start: start, end: end, reason: reason.string))
                switch replacement {
                case .text(let text): return interpreter.newTuple([interpreter.newString(codePoints: text), .int(resume)])
                case .bytes(let bytes): return interpreter.newTuple([interpreter.newBytes(bytes), .int(resume)])
                }
            }
        } catch let error as EvalError {
            throw error
        } catch let error as TextError {
            if case .unicodeEncodeError = error {
                exception.retain()
                throw .exception(exception.objectReference!)
            }
            if case .unicodeDecodeError = error {
                exception.retain()
                throw .exception(exception.objectReference!)
            }
            throw error.evalError
        } catch {
            throw .unsupported("\(error)")
        }
        throw .typeError("don't know how to handle \(typeOf(exception).name) in error callback")
    }

    private func isInstanceOf(_ value: Value, _ type: PyType) -> Bool {
        typeOf(value).isSubtype(of: type)
    }
}
