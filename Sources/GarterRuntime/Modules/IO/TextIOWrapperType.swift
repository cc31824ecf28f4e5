// `_io.TextIOWrapper`: CPython 3.11's Modules/_io/textio.c behaviour over
// `PyTextIOWrapper`.

extension ThreadState {
    /// The encoding `None` (or "locale") stands for: the locale's, which
    /// Garter takes to be UTF-8 (CPython's with a UTF-8 locale or UTF-8 mode).
    var ioLocaleEncoding: String { "UTF-8" }

    /// Sets up the codec of a text wrapper: native for UTF-8, Latin-1 and
    /// ASCII, the registry's incremental codec objects otherwise.
    func ioConfigureCodec(_ text: PyTextIOWrapper, encoding: String, errors: String,
                          readable: Bool, writable: Bool) throws(EvalError) {
        text.decoderObject?.release()
        text.decoderObject = nil
        text.encoderObject?.release()
        text.encoderObject = nil
        if let codec = PyCodecs.codec(named: encoding), [.utf8, .latin1, .ascii].contains(codec) {
            text.codec = codec
            text.errorHandler = CodecErrorHandler(builtinName: errors) ?? .custom(CustomCodecErrorHandler(
                encode: { _ in throw CodecErrorHandler.unknownHandler(errors) },
                decode: { _ in throw CodecErrorHandler.unknownHandler(errors) }))
            return
        }
        text.codec = nil
        let codecs = try importAbsolute("codecs")
        defer { codecs.release() }
        let name = interpreter.newString(encoding)
        defer { name.release() }
        let errorsValue = interpreter.newString(errors)
        defer { errorsValue.release() }
        let info = try ioCall(codecs, "lookup", [name])
        defer { info.release() }
        if readable {
            let factory = try getAttribute(info, "incrementaldecoder")
            defer { factory.release() }
            text.decoderObject = try call(factory, [errorsValue])
        }
        if writable {
            let factory = try getAttribute(info, "incrementalencoder")
            defer { factory.release() }
            text.encoderObject = try call(factory, [errorsValue])
        }
    }

    /// Parses a `newline` argument (None, '', '\n', '\r', '\r\n').
    func ioNewlineArgument(_ value: Value?, function: String) throws(EvalError) -> [UInt32]?? {
        guard let value, !value.isNone else { return .some(nil) }
        guard let text = value.as(PyStr.self) else {
            throw .typeError("\(function)() argument 'newline' must be str or None, not \(typeOf(value).name)")
        }
        let points = text.codePoints
        guard points.isEmpty || points == [10] || points == [13] || points == [13, 10] else {
            throw .valueError("illegal newline value: \(text.string)")
        }
        return .some(points)
    }

    func ioApplyNewline(_ text: PyTextIOWrapper, _ argument: [UInt32]?) {
        text.newlineArgument = argument
        guard let argument else {
            text.newline = .translate
            text.writeNewline = nil
            return
        }
        if argument.isEmpty {
            text.newline = .universal
            text.writeNewline = nil
        } else {
            text.newline = .only(argument)
            text.writeNewline = argument == [10] ? nil : argument
        }
    }

    /// `TextIOWrapper.write`: returns the number of code points.
    func ioTextWrite(_ text: PyTextIOWrapper, _ value: Value) throws(EvalError) -> Int {
        let buffer = try text.requireBuffer()
        guard let string = value.as(PyStr.self) else {
            throw .typeError("write() argument must be str, not \(typeOf(value).name)")
        }
        if let fast = text.fastBuffer {
            if fast.isClosedQuick { throw .valueError("I/O operation on closed file.") }
        } else if try ioAttributeTruth(buffer, "closed") {
            throw .valueError("I/O operation on closed file.")
        }
        if text.encoderObject == nil && text.codec == nil { throw ioUnsupported("not writable") }
        var points = string.codePoints
        let hasLineFeed = points.contains(10)
        if let replacement = text.writeNewline, hasLineFeed {
            var translated: [UInt32] = []
            translated.reserveCapacity(points.count + points.count / 8)
            for point in points {
                if point == 10 { translated.append(contentsOf: replacement) } else { translated.append(point) }
            }
            points = translated
        }
        let needsFlush = text.lineBuffering && (hasLineFeed || points.contains(13))
        try text.appendEncoded(points, self)
        if text.writeThrough || needsFlush || text.pendingWrite.count > text.chunkSize {
            try text.flushPending(self)
        }
        if needsFlush { try ioCallDiscarding(buffer, "flush") }
        if !text.decoded.isEmpty || !text.undecoded.isEmpty { try text.resetReading(self) }
        return string.count
    }

    func ioTextTell(_ text: PyTextIOWrapper, _ value: Value) throws(EvalError) -> Int {
        let buffer = try text.requireBuffer()
        try ioCheckClosed(value)
        if !text.isSeekable { throw ioUnsupported("underlying stream is not seekable") }
        if !text.telling { throw .pythonException("OSError", "telling position disabled by next() call") }
        try ioCallDiscarding(value, "flush")
        let position: Int
        if let fast = text.fastBuffer { position = try fast.tell(self) } else {
            let result = try ioCall(buffer, "tell")
            defer { result.release() }
            position = try indexInt(result)
        }
        guard let unread = text.unreadByteCount() else {
            throw .pythonException("OSError", "can't reconstruct logical file position")
        }
        return position - unread
    }
}

extension PyBuffered {
    /// Closed, without raising (for the write fast path).
    var isClosedQuick: Bool { rawFile?.isClosed ?? (raw == nil) }
}

extension Interpreter {
    func textIOWrapperType() -> PyType {
        nativeType("TextIOWrapper", module: "_io", base: textIOBaseType(),
                   flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            func get(_ value: Value) -> PyTextIOWrapper { value.as(PyTextIOWrapper.self)! }
            func attached(_ value: Value) throws(EvalError) -> PyTextIOWrapper {
                let text = get(value)
                _ = try text.requireBuffer()
                return text
            }
            /// Checked attached, open and readable.
            func reading(_ thread: ThreadState, _ value: Value) throws(EvalError) -> PyTextIOWrapper {
                let text = try attached(value)
                if let fast = text.fastBuffer {
                    if fast.isClosedQuick { throw .valueError("I/O operation on closed file.") }
                } else {
                    try thread.ioCheckClosed(value)
                }
                if text.codec == nil && text.decoderObject == nil { throw thread.ioUnsupported("not readable") }
                try text.flushPending(thread)
                return text
            }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyTextIOWrapper(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("TextIOWrapper", ["buffer", "encoding", "errors", "newline",
                                                                  "line_buffering", "write_through"], required: 1)
                let text = get(value)
                let buffer = bound[0]!
                var encoding = thread.ioLocaleEncoding
                if let given = bound[1], !given.isNone {
                    guard let name = given.as(PyStr.self)?.string else {
                        throw .typeError("TextIOWrapper() argument 'encoding' must be str or None, not \(thread.typeOf(given).name)")
                    }
                    if name != "locale" { encoding = name }
                }
                var errors = "strict"
                if let given = bound[2], !given.isNone {
                    guard let name = given.as(PyStr.self)?.string else {
                        throw .typeError("TextIOWrapper() argument 'errors' must be str or None, not \(thread.typeOf(given).name)")
                    }
                    errors = name
                }
                let newline = try thread.ioNewlineArgument(bound[3], function: "TextIOWrapper")
                let lineBuffering = try bound[4].map { v throws(EvalError) in try thread.truth(v) } ?? false
                let writeThrough = try bound[5].map { v throws(EvalError) in try thread.truth(v) } ?? false
                if PyCodecs.codec(named: encoding) == nil {
                    // Unknown names fail here, as CPython's codec lookup does.
                    // Without `_codecs` there is no registry to ask.
                    if thread.interpreter.nativeModules["_codecs"] == nil {
                        throw .pythonException("LookupError", "unknown encoding: \(encoding)")
                    }
                }
                let readable = try thread.ioAttributeTruthCall(buffer, "readable")
                let writable = try thread.ioAttributeTruthCall(buffer, "writable")
                try thread.ioConfigureCodec(text, encoding: encoding, errors: errors, readable: readable, writable: writable)
                buffer.retain()
                text.buffer?.release()
                text.buffer = buffer
                let bufferType = thread.typeOf(buffer)
                let interpreter = thread.interpreter
                text.fastBuffer = bufferType === interpreter.bufferedReaderType() || bufferType === interpreter.bufferedWriterType()
                    || bufferType === interpreter.bufferedRandomType() ? buffer.as(PyBuffered.self) : nil
                text.wasDetached = false
                text.encodingName = encoding
                text.errorsName = errors
                thread.ioApplyNewline(text, newline ?? nil)
                text.lineBuffering = lineBuffering
                text.writeThrough = writeThrough
                text.isSeekable = try thread.ioAttributeTruthCall(buffer, "seekable")
                text.telling = text.isSeekable
                text.hasRead1 = try thread.lookupAttribute(buffer, interpreter.internedString("read1")).map { v in
                    v.release()
                    return true
                } ?? false
                text.decoded = []
                text.decodedPosition = 0
                text.undecoded = []
                text.atEnd = false
                text.pendingWrite = []
                text.seenNewlines = 0
            }
            slots.repr = { thread, value throws(EvalError) in
                let text = get(value)
                var result = "<\(thread.typeOf(value).displayName)"
                for name in ["name", "mode"] {
                    var attribute: Value?
                    do throws(EvalError) {
                        attribute = try thread.lookupAttribute(value, thread.interpreter.internedString(name))
                    } catch {
                        guard thread.isInstance(error, of: "Exception") else { throw error }
                        error.discard()
                    }
                    if let attribute {
                        defer { attribute.release() }
                        result += " \(name)=\(try thread.reprText(attribute))"
                    }
                }
                result += " encoding='\(text.encodingName)'>"
                return thread.interpreter.newString(result)
            }
            slots.next = { thread, value throws(EvalError) in
                let text = try reading(thread, value)
                text.telling = false
                let line = try text.take(limit: -1, stopAtLineEnd: true, thread)
                if line.isEmpty {
                    text.telling = text.isSeekable
                    return nil
                }
                return thread.interpreter.newString(codePoints: line)
            }
            type.installSlots(slots, self)

            type.define("read", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read")
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                let text = try reading(thread, value)
                if size < 0 {
                    try text.readRest(thread)
                    if !text.isUniversal || !text.decoded[text.decodedPosition...].contains(13) {
                        if text.isUniversal, text.decoded[text.decodedPosition...].contains(10) { text.seenNewlines |= 1 }
                        let rest: [UInt32] = text.decodedPosition == 0 ? text.decoded : Array(text.decoded[text.decodedPosition...])
                        text.decoded = []
                        text.decodedPosition = 0
                        return thread.interpreter.newString(codePoints: rest)
                    }
                }
                return thread.interpreter.newString(codePoints: try text.take(limit: size, stopAtLineEnd: false, thread))
            }
            type.define("readline", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readline")
                let size = arguments.positionalCount > 0 ? try thread.indexInt(arguments[0]) : -1
                let text = try reading(thread, value)
                return thread.interpreter.newString(codePoints: try text.take(limit: size, stopAtLineEnd: true, thread))
            }
            type.define("write", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "write")
                return .int(try thread.ioTextWrite(try attached(value), arguments[0]))
            }
            type.define("flush", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "flush")
                let text = try attached(value)
                try thread.ioCheckClosed(value)
                text.telling = text.isSeekable
                try text.flushPending(thread)
                return try thread.ioCall(text.buffer!, "flush")
            }
            type.define("close", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "close")
                let text = try attached(value)
                if try thread.ioAttributeTruth(value, "closed") { return .none }
                var failure: EvalError?
                do throws(EvalError) { try thread.ioCallDiscarding(value, "flush") } catch { failure = error }
                do throws(EvalError) { try thread.ioCallDiscarding(text.buffer!, "close") } catch {
                    failure?.discard()
                    failure = error
                }
                if let failure { throw failure }
                return .none
            }
            type.define("tell", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "tell")
                return .int(try thread.ioTextTell(try attached(value), value))
            }
            type.define("seek", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...2, "seek")
                let text = try attached(value)
                try thread.ioCheckClosed(value)
                let whence = arguments.positionalCount > 1 ? try thread.indexInt(arguments[1]) : 0
                if !text.isSeekable { throw thread.ioUnsupported("underlying stream is not seekable") }
                var cookie = try thread.indexInt(arguments[0])
                switch whence {
                case 1:
                    if cookie != 0 { throw thread.ioUnsupported("can't do nonzero cur-relative seeks") }
                    text.telling = text.isSeekable
                    cookie = try thread.ioTextTell(text, value)
                case 2:
                    if cookie != 0 { throw thread.ioUnsupported("can't do nonzero end-relative seeks") }
                    try thread.ioCallDiscarding(value, "flush")
                    try text.resetReading(thread)
                    text.seenNewlines = 0  // CPython resets its decoder here
                    return try thread.ioCall(text.buffer!, "seek", [.int(0), .int(2)])
                case 0: break
                default: throw .valueError("invalid whence (\(whence), should be 0, 1 or 2)")
                }
                if cookie < 0 { throw .valueError("negative seek position \(cookie)") }
                try thread.ioCallDiscarding(value, "flush")
                try thread.ioCallDiscarding(text.buffer!, "seek", [.int(cookie)])
                try text.resetReading(thread)
                // CPython resets its decoder (and the newline kinds) at 0.
                if cookie == 0 { text.seenNewlines = 0 }
                return .int(cookie)
            }
            type.define("truncate", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "truncate")
                let text = try attached(value)
                try thread.ioCallDiscarding(value, "flush")
                if arguments.positionalCount > 0 && !arguments[0].isNone {
                    return try thread.ioCall(text.buffer!, "truncate", [arguments[0]])
                }
                let position = Value.int(try thread.ioTextTell(text, value))
                return try thread.ioCall(text.buffer!, "truncate", [position])
            }
            type.define("detach", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "detach")
                let text = try attached(value)
                try thread.ioCallDiscarding(value, "flush")
                let buffer = text.buffer!
                text.buffer = nil
                text.fastBuffer = nil
                text.wasDetached = true
                return buffer
            }
            type.define("reconfigure", self) { thread, value, arguments throws(EvalError) in
                if arguments.positionalCount > 0 {
                    throw .typeError("reconfigure() takes no positional arguments")
                }
                let bound = try arguments.bind("reconfigure", ["encoding", "errors", "newline", "line_buffering", "write_through"],
                                               required: 0)
                let text = try attached(value)
                let changesCodec = (bound[0].map { !$0.isNone } ?? false) || bound[2] != nil
                if changesCodec && (text.decodedPosition < text.decoded.count || !text.undecoded.isEmpty || text.decoderObject != nil && text.decodedPosition > 0) {
                    throw thread.ioUnsupported("It is not possible to set the encoding or newline of stream after the first read")
                }
                var encoding = text.encodingName
                var errors = text.errorsName
                if let given = bound[0], !given.isNone {
                    guard let name = given.as(PyStr.self)?.string else {
                        throw .typeError("reconfigure() argument 'encoding' must be str or None, not \(thread.typeOf(given).name)")
                    }
                    encoding = name == "locale" ? thread.ioLocaleEncoding : name
                    if bound[1] == nil || bound[1]!.isNone { errors = "strict" }
                }
                if let given = bound[1], !given.isNone {
                    guard let name = given.as(PyStr.self)?.string else {
                        throw .typeError("reconfigure() argument 'errors' must be str or None, not \(thread.typeOf(given).name)")
                    }
                    errors = name
                }
                var newline = text.newlineArgument
                if let given = bound[2], !given.isIdentical(to: thread.interpreter.ellipsis) {
                    newline = try thread.ioNewlineArgument(given, function: "reconfigure") ?? nil
                }
                try thread.ioCallDiscarding(value, "flush")
                if encoding != text.encodingName || errors != text.errorsName {
                    let buffer = text.buffer!
                    try thread.ioConfigureCodec(text, encoding: encoding, errors: errors,
                                                readable: try thread.ioAttributeTruthCall(buffer, "readable"),
                                                writable: try thread.ioAttributeTruthCall(buffer, "writable"))
                    text.encodingName = encoding
                    text.errorsName = errors
                }
                thread.ioApplyNewline(text, newline)
                if let given = bound[3], !given.isNone { text.lineBuffering = try thread.truth(given) }
                if let given = bound[4], !given.isNone { text.writeThrough = try thread.truth(given) }
                return .none
            }
            for name in ["fileno", "isatty", "readable", "writable", "seekable"] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.check(0...0, name)
                    return try thread.ioCall(try attached(value).buffer!, name)
                }
            }
            type.define("__getstate__", self) { thread, value, _ throws(EvalError) in
                throw .typeError("cannot pickle '\(thread.typeOf(value).name)' object")
            }
            type.defineAttribute("encoding", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newString(get(value).encodingName)
            })
            type.defineAttribute("errors", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newString(get(value).errorsName)
            })
            type.defineAttribute("line_buffering", self, get: { _, value throws(EvalError) in .bool(get(value).lineBuffering) })
            type.defineAttribute("write_through", self, get: { _, value throws(EvalError) in .bool(get(value).writeThrough) })
            type.defineAttribute("buffer", self, get: { _, value throws(EvalError) in
                guard let buffer = get(value).buffer else { return .none }
                buffer.retain()
                return buffer
            })
            type.defineAttribute("closed", self, get: { thread, value throws(EvalError) in
                try thread.getAttribute(try attached(value).buffer!, "closed")
            })
            type.defineAttribute("name", self, get: { thread, value throws(EvalError) in
                try thread.getAttribute(try attached(value).buffer!, "name")
            })
            type.defineAttribute("newlines", self, get: { thread, value throws(EvalError) in
                let text = get(value)
                if let decoder = text.decoderObject, text.isUniversal == false {
                    return try thread.lookupAttribute(decoder, thread.interpreter.internedString("newlines")) ?? .none
                }
                guard text.isUniversal else { return .none }
                return thread.ioNewlinesValue(text.seenNewlines)
            })
            type.defineAttribute("_CHUNK_SIZE", self, get: { _, value throws(EvalError) in .int(get(value).chunkSize) },
                                 set: { thread, value, newValue throws(EvalError) in
                guard let newValue else { throw .attributeError("cannot delete attribute") }
                let size = try thread.indexInt(newValue)
                if size <= 0 { throw .valueError("a strictly positive integer is required") }
                get(value).chunkSize = size
            })
            type.defineAttribute("_finalizing", self, get: { thread, value throws(EvalError) in
                guard let buffer = get(value).buffer else { return .bool(false) }
                return try thread.lookupAttribute(buffer, thread.interpreter.internedString("_finalizing")) ?? .bool(false)
            })
        }
    }
}

extension ThreadState {
    /// Calls a predicate method (`readable()`, ...) and takes its truth.
    func ioAttributeTruthCall(_ object: Value, _ name: String) throws(EvalError) -> Bool {
        let result = try ioCall(object, name)
        defer { result.release() }
        return try truth(result)
    }

    /// The `newlines` value for the kinds seen (LF 1, CR 2, CRLF 4).
    func ioNewlinesValue(_ seen: Int) -> Value {
        let kinds: [(Int, String)] = [(2, "\r"), (1, "\n"), (4, "\r\n")]
        let names = kinds.filter { seen & $0.0 != 0 }.map { interpreter.newString($0.1) }
        if names.isEmpty { return .none }
        if names.count == 1 { return names[0] }
        return interpreter.newTuple(names)
    }
}
