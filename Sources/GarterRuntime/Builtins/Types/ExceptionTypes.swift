extension Interpreter {
    /// The built-in exception hierarchy of Python 3.11 (class, base).
    static let exceptionHierarchy: [(String, String)] = [
        ("BaseExceptionGroup", "BaseException"), ("GeneratorExit", "BaseException"),
        ("KeyboardInterrupt", "BaseException"), ("SystemExit", "BaseException"), ("Exception", "BaseException"),
        ("ArithmeticError", "Exception"), ("FloatingPointError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"), ("ZeroDivisionError", "ArithmeticError"),
        ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
        ("EOFError", "Exception"), ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
        ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
        ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
        ("OSError", "Exception"), ("BlockingIOError", "OSError"), ("ChildProcessError", "OSError"),
        ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
        ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
        ("ConnectionResetError", "ConnectionError"), ("FileExistsError", "OSError"),
        ("FileNotFoundError", "OSError"), ("InterruptedError", "OSError"), ("IsADirectoryError", "OSError"),
        ("NotADirectoryError", "OSError"), ("PermissionError", "OSError"), ("ProcessLookupError", "OSError"),
        ("TimeoutError", "OSError"), ("ReferenceError", "Exception"), ("RuntimeError", "Exception"),
        ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("StopAsyncIteration", "Exception"), ("StopIteration", "Exception"), ("SyntaxError", "Exception"),
        ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"), ("SystemError", "Exception"),
        ("TypeError", "Exception"), ("ValueError", "Exception"), ("UnicodeError", "ValueError"),
        ("UnicodeDecodeError", "UnicodeError"), ("UnicodeEncodeError", "UnicodeError"),
        ("UnicodeTranslateError", "UnicodeError"), ("Warning", "Exception"), ("BytesWarning", "Warning"),
        ("DeprecationWarning", "Warning"), ("EncodingWarning", "Warning"), ("FutureWarning", "Warning"),
        ("ImportWarning", "Warning"), ("PendingDeprecationWarning", "Warning"), ("ResourceWarning", "Warning"),
        ("RuntimeWarning", "Warning"), ("SyntaxWarning", "Warning"), ("UnicodeWarning", "Warning"),
        ("UserWarning", "Warning"), ("ExceptionGroup", "BaseExceptionGroup"),
    ]

    /// `BaseException` and every built-in exception class.
    func installExceptionTypes() {
        let base = types.baseException
        types.registerException(base)
        for (name, baseName) in Interpreter.exceptionHierarchy {
            _ = types.addException(name, base: types.exceptions[baseName]!)
        }
        types.exceptions["ExceptionGroup"]!.bases.append(types.exceptions["Exception"]!)
        types.exceptions["ExceptionGroup"]!.mro = [types.exceptions["ExceptionGroup"]!, types.exceptions["BaseExceptionGroup"]!,
                                                  types.exceptions["Exception"]!, base, types.object]
        func get(_ value: Value) -> PyBaseException { value.as(PyBaseException.self)! }
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            let items = arguments.positional
            for item in items { item.retain() }
            let tuple = thread.interpreter.newTuple(items).as(PyTuple.self)!
            return .object(ObjectRef.allocate(PyBaseException(args: tuple, type: type)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            if arguments.hasKeywords, thread.typeOf(value).slots.new != nil, !thread.typeOf(value).isHeapType {
                throw .typeError("\(thread.typeOf(value).name)() takes no keyword arguments")
            }
            let exception = get(value)
            let items = arguments.positional
            for item in items { item.retain() }
            let old = exception.args
            exception.args = thread.interpreter.newTuple(items).as(PyTuple.self)!
            old.decref()
        }
        slots.repr = { thread, value throws(EvalError) in
            let exception = get(value)
            let name = thread.typeOf(value).name
            if exception.args.count == 1 { return thread.interpreter.newString("\(name)(\(try thread.reprText(exception.args.items[0])))") }
            return thread.interpreter.newString(name + (try thread.reprText(.object(ObjectRef(Unmanaged.passUnretained(exception.args))))))
        }
        slots.str = { thread, value throws(EvalError) in
            let exception = get(value)
            switch exception.args.count {
            case 0: return thread.interpreter.intern("")
            case 1: return try thread.str(exception.args.items[0])
            default: return try thread.str(.object(ObjectRef(Unmanaged.passUnretained(exception.args))))
            }
        }
        base.installSlots(slots, self)
        base.defineAttribute("args", self, get: { _, value throws(EvalError) in
            let args = get(value).args
            args.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(args)))
        }, set: { thread, value, newValue throws(EvalError) in
            guard let newValue else { throw .typeError("args may not be deleted") }
            let items = try thread.collect(newValue)
            let exception = get(value)
            let old = exception.args
            exception.args = thread.interpreter.newTuple(items).as(PyTuple.self)!
            old.decref()
        })
        base.defineAttribute("__traceback__", self, get: { _, value throws(EvalError) in
            guard let traceback = get(value).traceback else { return .none }
            traceback.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(traceback)))
        }, set: { _, value, newValue throws(EvalError) in
            let exception = get(value)
            let old = exception.traceback
            if let newValue, !newValue.isNone {
                guard let traceback = newValue.as(PyTraceback.self) else { throw .typeError("__traceback__ must be a traceback or None") }
                traceback.incref()
                exception.traceback = traceback
            } else {
                exception.traceback = nil
            }
            old?.decref()
        })
        base.defineAttribute("__cause__", self, get: { _, value throws(EvalError) in
            let cause = get(value).cause ?? .none
            cause.retain()
            return cause
        }, set: { thread, value, newValue throws(EvalError) in
            let exception = get(value)
            let newValue = newValue ?? .none
            if !newValue.isNone && !thread.typeOf(newValue).flags.contains(.exceptionSubclass) {
                throw .typeError("exception cause must be None or derive from BaseException")
            }
            newValue.retain()
            let old = exception.cause
            exception.cause = newValue.isNone ? nil : newValue
            exception.suppressContext = true
            old?.release()
        })
        base.defineAttribute("__context__", self, get: { _, value throws(EvalError) in
            let context = get(value).context ?? .none
            context.retain()
            return context
        }, set: { thread, value, newValue throws(EvalError) in
            let exception = get(value)
            let newValue = newValue ?? .none
            if !newValue.isNone && !thread.typeOf(newValue).flags.contains(.exceptionSubclass) {
                throw .typeError("exception context must be None or derive from BaseException")
            }
            newValue.retain()
            let old = exception.context
            exception.context = newValue.isNone ? nil : newValue
            old?.release()
        })
        base.defineAttribute("__suppress_context__", self, get: { _, value throws(EvalError) in
            .bool(get(value).suppressContext)
        }, set: { thread, value, newValue throws(EvalError) in
            get(value).suppressContext = try thread.truth(newValue ?? .bool(false))
        })
        base.define("with_traceback", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("with_traceback", 1...1)
            try thread.setAttribute(value, thread.interpreter.internedString("__traceback__"), arguments[0])
            value.retain()
            return value
        }
        base.define("add_note", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("add_note", 1...1)
            guard arguments[0].strObject != nil else {
                throw .typeError("note must be a str, not '\(thread.typeOf(arguments[0]).name)'")
            }
            let name = thread.interpreter.internedString("__notes__")
            var notes = try thread.lookupAttribute(value, name)
            if notes == nil {
                let list = thread.interpreter.newList([])
                try thread.setAttribute(value, name, list)
                notes = list
            }
            guard let list = notes!.as(PyList.self) else {
                notes!.release()
                throw .typeError("Cannot add note: __notes__ is not a list")
            }
            arguments[0].retain()
            list.items.append(arguments[0])
            notes!.release()
            return .none
        }
        base.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let type = thread.typeOf(value)
            type.incref()
            let args = get(value).args
            args.incref()
            let argsValue = Value.object(ObjectRef(Unmanaged.passUnretained(args)))
            // The instance dict once it exists, for __setstate__ (not for the
            // classes that keep their fields in it under private names).
            let keepsFields = ["NameError", "AttributeError", "ImportError", "OSError", "SyntaxError"].contains {
                type.isSubtype(of: thread.interpreter.types.exceptions[$0]!)
            }
            if !keepsFields, case .object(let reference) = value, let dict = reference.with({ $0.instanceDictReference }) {
                let dictValue = Value.object(ObjectRef(.fromOpaque(dict.toOpaque()))).retained()
                return thread.interpreter.newTuple([type.value, argsValue, dictValue])
            }
            return thread.interpreter.newTuple([type.value, argsValue])
        }
        base.defineInstanceDictAttribute(self)
        // The dict `__reduce__` gives back to an unpickled exception: each item set as an attribute.
        base.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__setstate__", 1...1)
            let state = arguments[0]
            if state.isNone { return .none }
            guard let dict = state.as(PyDict.self) else { throw .typeError("state is not a dictionary") }
            for (key, item) in dict.pairs {
                guard let name = key.as(PyStr.self) else {
                    throw .typeError("attribute name must be string, not '\(thread.typeOf(key).name)'")
                }
                try thread.setAttribute(value, name, item)
            }
            return .none
        }
        installExceptionAttributes()
        for (name, type) in types.exceptions { setItem(builtins, name, type.value) }
        setItem(builtins, "EnvironmentError", types.exceptions["OSError"]!.value)
        setItem(builtins, "IOError", types.exceptions["OSError"]!.value)
    }

    /// Attributes particular classes add, read from `args` as CPython's do.
    private func installExceptionAttributes() {
        func argument(_ index: Int) -> PyGetSetDescriptor.Getter {
            { _, value throws(EvalError) in
                let args = value.as(PyBaseException.self)!.args
                let result = index < args.count ? args.items[index] : .none
                result.retain()
                return result
            }
        }
        func stored(_ name: String) -> (PyGetSetDescriptor.Getter, PyGetSetDescriptor.Setter) {
            let getter: PyGetSetDescriptor.Getter = { thread, value throws(EvalError) in
                guard let dict = thread.instanceDict(of: value), let found = dict.lookup(name: "_" + name) else { return .none }
                found.retain()
                return found
            }
            let setter: PyGetSetDescriptor.Setter = { thread, value, newValue throws(EvalError) in
                guard let dict = thread.instanceDict(of: value) else { return }
                (newValue ?? .none).retain()
                thread.interpreter.setItem(dict, "_" + name, newValue ?? .none)
            }
            return (getter, setter)
        }
        let exceptions = types.exceptions
        exceptions["StopIteration"]!.defineAttribute("value", self, get: argument(0))
        exceptions["StopAsyncIteration"]!.defineAttribute("value", self, get: argument(0))
        exceptions["SystemExit"]!.defineAttribute("code", self, get: { _, value throws(EvalError) in
            let args = value.as(PyBaseException.self)!.args
            let result = args.count == 0 ? .none : args.count == 1 ? args.items[0] : .object(ObjectRef(Unmanaged.passUnretained(args)))
            result.retain()
            return result
        })
        var keyErrorSlots = TypeSlots()
        keyErrorSlots.str = { thread, value throws(EvalError) in
            let args = value.as(PyBaseException.self)!.args
            if args.count == 1 { return try thread.repr(args.items[0]) }
            return try thread.interpreter.types.baseException.slots.str!(thread, value)
        }
        exceptions["KeyError"]!.installSlots(keyErrorSlots, self)
        for (type, names) in [("NameError", ["name"]), ("AttributeError", ["name", "obj"]),
                              ("ImportError", ["name", "path", "msg"])] {
            for name in names {
                let (getter, setter) = stored(name)
                exceptions[type]!.defineAttribute(name, self, get: getter, set: setter)
            }
        }
        // ImportError(*args, name=None, path=None), as CPython's ImportError_init
        // (importlib raises ModuleNotFoundError(msg, name=name)).
        var importSlots = TypeSlots()
        importSlots.initialize = { thread, value, arguments throws(EvalError) in
            let exception = value.as(PyBaseException.self)!
            var name = Value.none, path = Value.none
            for index in 0..<arguments.keywordCount {
                let keyword = arguments.keywordName(index)
                switch keyword {
                case "name": name = arguments.keywordValue(index)
                case "path": path = arguments.keywordValue(index)
                default: throw .typeError("'\(keyword)' is an invalid keyword argument for \(thread.typeOf(value).name)()")
                }
            }
            let items = arguments.positional
            for item in items { item.retain() }
            let old = exception.args
            exception.args = thread.interpreter.newTuple(items).as(PyTuple.self)!
            old.decref()
            guard let dict = thread.instanceDict(of: value) else { return }
            let message = items.count == 1 ? items[0] : .none
            for (field, item) in [("_name", name), ("_path", path), ("_msg", message)] {
                item.retain()
                thread.interpreter.setItem(dict, field, item)
            }
        }
        exceptions["ImportError"]!.installSlots(importSlots, self)
        exceptions["ModuleNotFoundError"]!.installSlots(importSlots, self)
        for name in ["errno", "strerror", "filename", "filename2"] {
            let (getter, setter) = stored(name)
            exceptions["OSError"]!.defineAttribute(name, self, get: getter, set: setter)
        }
        for name in ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
            let (getter, setter) = stored(name)
            exceptions["SyntaxError"]!.defineAttribute(name, self, get: getter, set: setter)
        }
        var syntaxSlots = TypeSlots()
        syntaxSlots.initialize = { thread, value, arguments throws(EvalError) in
            try thread.interpreter.types.baseException.slots.initialize!(thread, value, arguments)
            guard let dict = thread.instanceDict(of: value) else { return }
            if arguments.positionalCount >= 1 {
                arguments[0].retain()
                thread.interpreter.setItem(dict, "_msg", arguments[0])
            }
            if arguments.positionalCount == 2 {
                let details = try thread.collect(arguments[1])
                for (index, name) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].enumerated() {
                    if index < details.count { thread.interpreter.setItem(dict, "_" + name, details[index]) }
                }
                for extra in details.dropFirst(6) { extra.release() }
            }
        }
        syntaxSlots.str = { thread, value throws(EvalError) in
            guard let dict = thread.instanceDict(of: value), let message = dict.lookup(name: "_msg") else {
                return try thread.interpreter.types.baseException.slots.str!(thread, value)
            }
            var text = try thread.strText(message)
            let filename = dict.lookup(name: "_filename")?.stringValue
            let line = dict.lookup(name: "_lineno")
            if let filename, let line, case .int(let number) = line {
                let base = filename.split(separator: "/").last.map(String.init) ?? filename
                text += " (\(base), line \(number))"
            } else if let line, case .int(let number) = line {
                text += " (line \(number))"
            }
            return thread.interpreter.newString(text)
        }
        exceptions["SyntaxError"]!.installSlots(syntaxSlots, self)
        var osErrorSlots = TypeSlots()
        osErrorSlots.initialize = { thread, value, arguments throws(EvalError) in
            try thread.interpreter.types.baseException.slots.initialize!(thread, value, arguments)
            guard arguments.positionalCount >= 2, arguments.positionalCount <= 5, let dict = thread.instanceDict(of: value) else { return }
            for (index, name) in ["errno", "strerror", "filename", "winerror", "filename2"].enumerated() where index < arguments.positionalCount {
                if name == "winerror" { continue }
                arguments[index].retain()
                thread.interpreter.setItem(dict, "_" + name, arguments[index])
            }
            if arguments.positionalCount >= 3 {
                let exception = value.as(PyBaseException.self)!
                let kept = [arguments[0], arguments[1]]
                for item in kept { item.retain() }
                let old = exception.args
                exception.args = thread.interpreter.newTuple(kept).as(PyTuple.self)!
                old.decref()
            }
        }
        osErrorSlots.str = { thread, value throws(EvalError) in
            guard let dict = thread.instanceDict(of: value), let number = dict.lookup(name: "_errno"),
                  let message = dict.lookup(name: "_strerror") else {
                return try thread.interpreter.types.baseException.slots.str!(thread, value)
            }
            var text = "[Errno \(try thread.strText(number))] \(try thread.strText(message))"
            if let filename = dict.lookup(name: "_filename"), !filename.isNone {
                text += ": \(try thread.reprText(filename))"
                if let second = dict.lookup(name: "_filename2"), !second.isNone {
                    text += " -> \(try thread.reprText(second))"
                }
            }
            return thread.interpreter.newString(text)
        }
        exceptions["OSError"]!.installSlots(osErrorSlots, self)
    }
}

extension BuiltinTypes {
    func registerException(_ type: PyType) {
        exceptionsStorage(type)
    }
}
