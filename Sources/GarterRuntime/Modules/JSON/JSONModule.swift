// The `_json` module: the accelerators `json` imports (`scanstring`,
// `encode_basestring(_ascii)`, `make_scanner`, `make_encoder`), with
// CPython 3.11's behaviour, so `json.loads`/`json.dumps` take the native paths.

extension Interpreter {
    func makeJSONModule() throws(EvalError) -> Value {
        try makeNativeModule("_json", doc: "json speedups\n") { module, define throws(EvalError) in
            define("scanstring") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("scanstring")
                try arguments.expect("scanstring", 2...3)
                let source = arguments[0]
                let end = try thread.jsonIndex(arguments[1])
                let strict = arguments.positionalCount > 2 ? try thread.truth(arguments[2]) : true
                guard let text = source.strObject else {
                    throw .typeError("first argument must be a string, not \(thread.typeOf(source).name)")
                }
                if end < 0 || end > text.count { throw .valueError("end is out of bounds") }
                let scanned = text.codePoints.withUnsafeBufferPointer { buffer in
                    Result { () throws(JSONText.DecodeError) in try JSONText.scanString(buffer, from: end, strict: strict) }
                }
                switch scanned {
                case .success(let (decoded, next)):
                    return thread.interpreter.newTuple([thread.interpreter.newString(codePoints: decoded), .int(next)])
                case .failure(let error):
                    throw thread.jsonDecodeError(error.message, source, error.position)
                }
            }
            define("encode_basestring_ascii") { thread, arguments throws(EvalError) in
                try arguments.expect("encode_basestring_ascii", 1...1)
                guard let text = arguments[0].strObject else {
                    throw .typeError("first argument must be a string, not \(thread.typeOf(arguments[0]).name)")
                }
                var output: [UInt32] = []
                output.reserveCapacity(text.count + 2)
                JSONText.appendASCIIQuoted(text.codePoints, to: &output)
                return thread.interpreter.newString(codePoints: output)
            }
            define("encode_basestring") { thread, arguments throws(EvalError) in
                try arguments.expect("encode_basestring", 1...1)
                guard let text = arguments[0].strObject else {
                    throw .typeError("first argument must be a string, not \(thread.typeOf(arguments[0]).name)")
                }
                var output: [UInt32] = []
                output.reserveCapacity(text.count + 2)
                JSONText.appendQuoted(text.codePoints, to: &output)
                return thread.interpreter.newString(codePoints: output)
            }
            let scanner = jsonScannerType()
            scanner.incref()
            setItem(module.dict, "make_scanner", scanner.value)
            let encoder = jsonEncoderType()
            encoder.incref()
            setItem(module.dict, "make_encoder", encoder.value)
        }
    }
}
