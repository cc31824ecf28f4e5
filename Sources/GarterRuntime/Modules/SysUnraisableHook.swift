// `sys.unraisablehook` / `sys.__unraisablehook__`: where exceptions that
// nobody can catch are reported (CPython's PyErr_WriteUnraisable). The
// default prints "Exception ignored in: OBJECT" (or the given message) and
// the traceback on sys.stderr; a program may replace the hook to see them
// (test.support.catch_unraisable_exception does).

extension Interpreter {
    /// `sys.UnraisableHookArgs`.
    static let unraisableHookArguments = StructSequenceDescription(
        fullName: "UnraisableHookArgs", fields: ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
        visibleCount: 5)
}

extension ThreadState {
    /// Reports `exception` (a normalized exception object, borrowed) through
    /// `sys.unraisablehook`: `message` (CPython's err_msg, nil for the
    /// default "Exception ignored in") and `object` (borrowed; nil for None).
    func writeUnraisable(_ exception: Value, message: String?, object: Value?) {
        let sys = interpreter.modules.lookup(name: "sys")?.as(PyModule.self)
        let hook = sys?.dict.lookup(name: "unraisablehook")
        let original = sys?.dict.lookup(name: "__unraisablehook__")
        let arguments = unraisableHookArguments(exception, message: message, object: object)
        defer { arguments.release() }
        guard let hook, !hook.isNone, !(original.map { hook.isIdentical(to: $0) } ?? false) else {
            do throws(EvalError) { try defaultUnraisableHook(arguments) } catch { error.discard() }
            return
        }
        do throws(EvalError) {
            try call(hook, [arguments]).release()
        } catch {
            // As CPython: the hook's own failure is reported by the default
            // hook (the original exception is not).
            let failure = Value.object(normalize(error, newlyRaised: false))
            defer { failure.release() }
            let failed = unraisableHookArguments(failure, message: "Exception ignored in sys.unraisablehook", object: hook)
            defer { failed.release() }
            do throws(EvalError) {
                try defaultUnraisableHook(failed)
            } catch {
                error.discard()
            }
        }
    }

    /// A new `UnraisableHookArgs` for `exception` (borrowed values).
    func unraisableHookArguments(_ exception: Value, message: String?, object: Value?) -> Value {
        let type = typeOf(exception).value
        type.retain()
        exception.retain()
        var traceback = Value.none
        if let base = exception.as(PyBaseException.self), let made = base.traceback {
            made.incref()
            traceback = .object(ObjectRef(Unmanaged.passUnretained(made)))
        }
        let messageValue = message.map { interpreter.newString($0) } ?? .none
        let objectValue = object ?? .none
        objectValue.retain()
        let hookType = interpreter.structSequenceType(Interpreter.unraisableHookArguments)
        return interpreter.newStructSequence(hookType, Interpreter.unraisableHookArguments,
                                             [type, exception, traceback, messageValue, objectValue])
    }

    /// `sys.__unraisablehook__(unraisable)`: CPython 3.11's text on sys.stderr.
    func defaultUnraisableHook(_ arguments: Value) throws(EvalError) {
        let hookType = interpreter.structSequenceType(Interpreter.unraisableHookArguments)
        guard typeOf(arguments) === hookType, let fields = arguments.as(PyTuple.self), fields.count == 5 else {
            throw .typeError("sys.unraisablehook argument type must be UnraisableHookArgs")
        }
        let exceptionType = fields.items[0], exception = fields.items[1]
        let message = fields.items[3], object = fields.items[4]
        var text = message.isNone ? "Exception ignored in" : try strText(message)
        if !object.isNone {
            do throws(EvalError) {
                text += ": " + (try reprText(object))
            } catch {
                error.discard()
                text += ": <object repr() failed>"
            }
        }
        text += "\n"
        if exception.as(PyBaseException.self) != nil {
            text += formatException(exception)
        } else if !exceptionType.isNone {
            text += (try strText(exceptionType)) + "\n"
        }
        writeToStandardError(text)
    }
}
