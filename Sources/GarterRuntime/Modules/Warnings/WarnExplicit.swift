
// The core of `_warnings.warn_explicit`, in the order of CPython 3.11's
// Python/_warnings.c: the registry check, the walk over the filters, the
// action, and showing the warning (through `warnings._showwarnmsg` when the
// `warnings` module is loaded, else straight to `sys.stderr`).

extension ThreadState {
    /// An attribute of the `warnings` module if it is loaded (and far enough
    /// along to have it); `warnings.py` replaces `_warnings`' objects with its own.
    func warningsModuleAttribute(_ name: String) throws(EvalError) -> Value? {
        guard let module = interpreter.modules.lookup(name: "warnings"), !module.isNone else { return nil }
        return try lookupAttribute(module, interpreter.internedString(name))
    }

    /// `warn_explicit(category, message, filename, lineno, module, registry,
    /// module_globals, source)`; all borrowed. Returns None (a new reference).
    func warnExplicit(_ state: WarningsState, category categoryArgument: Value, message messageArgument: Value,
                      filename: Value, lineno: Value, module moduleArgument: Value?, registry: Value,
                      source: Value) throws(EvalError) -> Value {
        guard filename.stringValue != nil else {
            throw .typeError("warn_explicit() argument 3 must be str, not \(typeOf(filename).name)")
        }
        let lineNumber: Int
        if case .int(let number) = lineno { lineNumber = number } else {
            throw .typeError("'\(typeOf(lineno).name)' object cannot be interpreted as an integer")
        }
        if !registry.isNone, registry.as(PyDict.self) == nil {
            throw .typeError("'registry' must be a dict or None")
        }
        let module: Value
        if let moduleArgument, !moduleArgument.isNone {
            moduleArgument.retain()
            module = moduleArgument
        } else {
            module = try normalizedModuleName(filename)
        }
        defer { module.release() }

        // A Warning instance carries its category; anything else is the text
        // of a new instance of `category`.
        let warningType = interpreter.types.exceptions["Warning"]!.value
        var text = messageArgument
        var category = categoryArgument
        var message = messageArgument
        if try isInstance(messageArgument, warningType) {
            text = try str(messageArgument)
            category = typeOf(messageArgument).value
            category.retain()
            messageArgument.retain()
        } else {
            text.retain()
            category.retain()
            message = try call(categoryArgument, [messageArgument])
        }
        defer { text.release(); category.release(); message.release() }

        let key = interpreter.newTuple({ text.retain(); category.retain(); return [text, category, .int(lineNumber)] }())
        defer { key.release() }
        if !registry.isNone, try alreadyWarned(state, registry: registry, key: key, set: false) { return .none }

        let (action, item) = try matchingFilter(state, text: text, category: category, module: module, lineno: lineNumber)
        defer { action.release(); item?.release() }
        guard let actionName = action.stringValue else {
            throw .typeError("action must be a string, not '\(typeOf(action).name)'")
        }
        if actionName == "error" {
            message.retain()
            guard let exception = message.objectReference else { throw .typeError("exceptions must derive from BaseException") }
            throw .exception(exception)
        }
        var alreadyShown = false
        if actionName != "always" {
            if !registry.isNone { try setItem(registry, key, .bool(true)) }
            switch actionName {
            case "ignore":
                return .none
            case "once":
                var onceRegistry = registry
                var owned: Value?
                if registry.isNone {
                    owned = try warningsModuleAttribute("onceregistry")
                    onceRegistry = owned ?? state.onceRegistry
                }
                defer { owned?.release() }
                alreadyShown = try updateRegistry(onceRegistry, text: text, category: category, addZero: false)
            case "module":
                if !registry.isNone {
                    alreadyShown = try updateRegistry(registry, text: text, category: category, addZero: true)
                }
            case "default":
                break
            default:
                let actionText = try reprText(action)
                let itemText = try item.map { value throws(EvalError) in try reprText(value) } ?? "None"
                throw .runtimeError("Unrecognized action (\(actionText)) in warnings.filters:\n \(itemText)")
            }
        }
        if alreadyShown { return .none }
        try showWarning(category: category, text: text, message: message, filename: filename, lineno: lineno, source: source)
        return .none
    }

    /// `filename` without `.py`, or `<unknown>` when empty (CPython's normalize_module).
    private func normalizedModuleName(_ filename: Value) throws(EvalError) -> Value {
        let name = filename.stringValue ?? ""
        if name.isEmpty { return interpreter.newString("<unknown>") }
        if name.hasSuffix(".py") { return interpreter.newString(String(name.dropLast(3))) }
        filename.retain()
        return filename
    }

    /// Whether `key` is already in `registry` (clearing a registry of an
    /// older filters version first).
    private func alreadyWarned(_ state: WarningsState, registry: Value, key: Value, set: Bool) throws(EvalError) -> Bool {
        let versionKey = interpreter.intern("version")
        defer { versionKey.release() }
        let version = try callMethod(registry, interpreter.internedString("get"), [versionKey])
        defer { version.release() }
        if case .int(let number) = version, number == state.filtersVersion {
            let seen = try callMethod(registry, interpreter.internedString("get"), [key])
            defer { seen.release() }
            if try truth(seen) { return true }
        } else {
            try callMethod(registry, interpreter.internedString("clear"), []).release()
            try setItem(registry, versionKey, .int(state.filtersVersion))
        }
        if set { try setItem(registry, key, .bool(true)) }
        return false
    }

    /// Marks `(text, category)` (or `(text, category, 0)`) in `registry`;
    /// true if it was already there.
    private func updateRegistry(_ registry: Value, text: Value, category: Value, addZero: Bool) throws(EvalError) -> Bool {
        text.retain()
        category.retain()
        let key = interpreter.newTuple(addZero ? [text, category, .int(0)] : [text, category])
        defer { key.release() }
        return try alreadyWarnedPlain(registry, key: key)
    }

    private func alreadyWarnedPlain(_ registry: Value, key: Value) throws(EvalError) -> Bool {
        let seen = try callMethod(registry, interpreter.internedString("get"), [key])
        defer { seen.release() }
        if try truth(seen) { return true }
        try setItem(registry, key, .bool(true))
        return false
    }

    /// The action of the first filter matching the warning, and that filter
    /// (nil when the default action applies). New references.
    private func matchingFilter(_ state: WarningsState, text: Value, category: Value, module: Value,
                                lineno: Int) throws(EvalError) -> (Value, Value?) {
        let filters = try warningsModuleAttribute("filters") ?? { state.filters.retain(); return state.filters }()
        defer { filters.release() }
        guard filters.as(PyList.self) != nil else {
            throw .valueError("_warnings.filters must be a list")
        }
        var index = 0
        // The list may change while matching runs Python code (a regex), so
        // each step reads it afresh, as CPython does.
        while index < (try length(filters)) {
            let item = try getItem(filters, .int(index))
            guard let tuple = item.as(PyTuple.self), tuple.count == 5 else {
                item.release()
                throw .valueError("_warnings.filters item \(index) isn't a 5-tuple")
            }
            let action = tuple.items[0], messagePattern = tuple.items[1], filterCategory = tuple.items[2]
            let modulePattern = tuple.items[3], filterLine = tuple.items[4]
            do throws(EvalError) {
                let line: Int
                if case .int(let number) = filterLine { line = number } else { line = try indexInt(filterLine) }
                if try filterMatches(messagePattern, text), try filterMatches(modulePattern, module),
                   try isSubclass(category, filterCategory), line == 0 || line == lineno {
                    action.retain()
                    return (action, item)
                }
            } catch {
                item.release()
                throw error
            }
            item.release()
            index += 1
        }
        if let action = try warningsModuleAttribute("defaultaction") { return (action, nil) }
        state.defaultAction.retain()
        return (state.defaultAction, nil)
    }

    /// None matches everything; a str (the built-in defaults) matches exactly;
    /// anything else is a compiled pattern whose `match` decides.
    private func filterMatches(_ pattern: Value, _ value: Value) throws(EvalError) -> Bool {
        if pattern.isNone { return true }
        if let text = pattern.stringValue, typeOf(pattern) === interpreter.types.str {
            return try equal(pattern, value) && value.stringValue == text
        }
        let result = try callMethod(pattern, interpreter.internedString("match"), [value])
        defer { result.release() }
        return try truth(result)
    }
}
