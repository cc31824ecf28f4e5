// The `_io` module: its types, `open`, `open_code`, `text_encoding`,
// `DEFAULT_BUFFER_SIZE` and `UnsupportedOperation`, so that CPython's
// io.py imports it unmodified.

extension Interpreter {
    func makeIOModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_io", doc: "The io module provides the Python interfaces to stream handling.") { module, define throws(EvalError) in
            setItem(module.dict, "DEFAULT_BUFFER_SIZE", .int(IOConstants.defaultBufferSize))
            export(ioUnsupportedOperationType, in: module)
            let blocking = types.exceptions["BlockingIOError"]!
            blocking.incref()
            setItem(module.dict, "BlockingIOError", blocking.value)
            for type in [ioBaseType(), rawIOBaseType(), bufferedIOBaseType(), textIOBaseType(), fileIOType(),
                         bufferedReaderType(), bufferedWriterType(), bufferedRandomType(), bufferedRWPairType(),
                         textIOWrapperType(), bytesIOType(), stringIOType(), incrementalNewlineDecoderType()] {
                export(type, in: module)
            }
            // The same object as `builtins.open`, as in CPython.
            if let open = builtins.lookup(name: "open") {
                open.retain()
                setItem(module.dict, "open", open)
            }
            define("open_code") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("open_code", ["path"], required: 1)
                guard bound[0]!.as(PyStr.self) != nil else {
                    throw .typeError("open_code() argument 'path' must be str, not \(thread.typeOf(bound[0]!).name)")
                }
                return try thread.ioOpen([bound[0]!, thread.interpreter.newString("rb"), nil, nil, nil, nil, nil, nil])
            }
            define("text_encoding") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("text_encoding", ["encoding", "stacklevel"], required: 1)
                let encoding = bound[0]!
                if encoding.isNone { return thread.interpreter.newString("locale") }
                encoding.retain()
                return encoding
            }
        }
    }

    /// `open` in the builtins module (`_io.open` is the same object).
    func installOpenBuiltin() {
        let function = PyBuiltinFunction(name: "open", type: types.builtinFunction, moduleName: "_io") { thread, arguments throws(EvalError) in
            let bound = try arguments.bindClassic("open", ["file", "mode", "buffering", "encoding", "errors", "newline",
                                                    "closefd", "opener"], required: 1)
            return try thread.ioOpen(bound)
        }
        function.makeImmortal()
        setItem(builtins, "open", .object(ObjectRef(Unmanaged.passUnretained(function))))
    }

    /// `io.UnsupportedOperation`, a subclass of both OSError and ValueError.
    var ioUnsupportedOperationType: PyType {
        if let made = types.othersByName("io.UnsupportedOperation") { return made }
        let osError = types.exceptions["OSError"]!
        let valueError = types.exceptions["ValueError"]!
        // A heap type, as CPython's PyErr_NewException makes it: io.py sets its `__module__`.
        let type = types.other("io.UnsupportedOperation", base: osError,
                               flags: [.baseType, .hasInstanceDict, .exceptionSubclass, .heapType])
        type.name = "UnsupportedOperation"
        type.qualifiedName = "UnsupportedOperation"
        type.bases = [osError, valueError]
        type.mro = [type] + osError.mro.filter { candidate in !valueError.mro.contains { $0 === candidate } }
            + valueError.mro
        type.setAttribute("__module__", intern("io"), self)
        type.inheritBuiltinSlots()
        return type
    }
}

extension ThreadState {
    /// `open(file, mode, buffering, encoding, errors, newline, closefd,
    /// opener)` with CPython 3.11's checks and messages.
    func ioOpen(_ bound: [Value?]) throws(EvalError) -> Value {
        let file = bound[0]!
        var mode = "r"
        if let given = bound[1] {
            guard let text = given.as(PyStr.self)?.string else {
                throw .typeError("open() argument 'mode' must be str, not \(typeOf(given).name)")
            }
            mode = text
        }
        var buffering = -1
        if let given = bound[2] {
            if case .float = given { throw .typeError("'float' object cannot be interpreted as an integer") }
            buffering = try indexInt(given)
        }
        func optionalText(_ value: Value?, _ name: String) throws(EvalError) -> Value? {
            guard let value, !value.isNone else { return nil }
            guard value.as(PyStr.self) != nil else {
                throw .typeError("open() argument '\(name)' must be str or None, not \(typeOf(value).name)")
            }
            return value
        }
        let encoding = try optionalText(bound[3], "encoding")
        let errors = try optionalText(bound[4], "errors")
        let newline = try optionalText(bound[5], "newline")
        let isDescriptor = typeOf(file).slots.index != nil && file.as(PyStr.self) == nil
        if !isDescriptor { _ = try ioPathBytes(file) }

        var creating = false, reading = false, writing = false, appending = false, updating = false
        var text = false, binary = false
        let characters = Array(mode)
        for (index, character) in characters.enumerated() {
            guard "rwxabt+".contains(character), !characters[(index + 1)...].contains(character) else {
                throw .valueError("invalid mode: \(try reprText(bound[1]!))")
            }
            switch character {
            case "x": creating = true
            case "r": reading = true
            case "w": writing = true
            case "a": appending = true
            case "+": updating = true
            case "t": text = true
            default: binary = true
            }
        }
        if [creating, reading, writing, appending].filter({ $0 }).count > 1 {
            throw .valueError("must have exactly one of create/read/write/append mode")
        }
        if text && binary { throw .valueError("can't have text and binary mode at once") }
        if binary && encoding != nil { throw .valueError("binary mode doesn't take an encoding argument") }
        if binary && errors != nil { throw .valueError("binary mode doesn't take an errors argument") }
        if binary && newline != nil { throw .valueError("binary mode doesn't take a newline argument") }
        var rawMode = creating ? "x" : reading ? "r" : writing ? "w" : appending ? "a" : ""
        if updating { rawMode += "+" }

        let interpreter = self.interpreter
        let rawModeValue = interpreter.newString(rawMode)
        defer { rawModeValue.release() }
        var rawArguments = [file, rawModeValue]
        var names: [Value] = []
        if let closefd = bound[6] {
            rawArguments.append(closefd)
            names.append(interpreter.intern("closefd"))
        }
        if let opener = bound[7] {
            rawArguments.append(opener)
            names.append(interpreter.intern("opener"))
        }
        let keywordNames = names.isEmpty ? nil : interpreter.newTuple(names).as(PyTuple.self)
        defer { keywordNames?.decref() }
        let fileType = interpreter.fileIOType().value
        let raw = try Arguments.with(rawArguments, keywordNames: keywordNames) { arguments throws(EvalError) in
            try call(fileType, arguments)
        }
        var result = raw
        do throws(EvalError) {
            var lineBuffering = false
            if buffering == 1 || buffering < 0 {
                let interactive = try ioAttributeTruthCall(raw, "isatty")
                lineBuffering = buffering == 1 || interactive
                buffering = raw.as(PyFileIO.self)?.blockSize ?? IOConstants.defaultBufferSize
            }
            if buffering < 0 { throw .valueError("invalid buffering size") }
            if buffering == 0 {
                if binary { return raw }
                throw .valueError("can't have unbuffered text I/O")
            }
            let bufferType = updating ? interpreter.bufferedRandomType()
                : (creating || writing || appending) ? interpreter.bufferedWriterType() : interpreter.bufferedReaderType()
            let buffer = try call(bufferType.value, [raw, .int(buffering)])
            result = buffer
            raw.release()
            if binary { return buffer }
            let wrapper = try call(interpreter.textIOWrapperType().value,
                                   [buffer, encoding ?? .none, errors ?? .none, newline ?? .none, .bool(lineBuffering)])
            result = wrapper
            buffer.release()
            let modeValue = interpreter.newString(mode)
            defer { modeValue.release() }
            try setAttribute(wrapper, interpreter.internedString("mode"), modeValue)
            return wrapper
        } catch {
            // Close what was opened; the original error is the one raised.
            do throws(EvalError) { try ioCallDiscarding(result, "close") } catch { error.discard() }
            result.release()
            throw error
        }
    }
}
