// Type variables in generic aliases and unions (`list[T]`, `int | list[T]`):
// which parameters an alias has, and substituting arguments for them
// (`dict[str, T][int]` is `dict[str, int]`). The type variables themselves
// live in `typing`; an object is one when it has `__typing_subst__`.

extension ThreadState {
    /// `__parameters__` for `arguments`: the type variables among them and
    /// those of nested aliases, in order, without repeats.
    func collectTypeParameters(_ arguments: [Value]) throws(EvalError) -> Value {
        var parameters: [Value] = []
        func add(_ candidate: Value) {
            guard !parameters.contains(where: { $0.isIdentical(to: candidate) }) else { return }
            candidate.retain()
            parameters.append(candidate)
        }
        let substitute = interpreter.internedString("__typing_subst__")
        let nested = interpreter.internedString("__parameters__")
        for argument in arguments where argument.as(PyType.self) == nil {
            if let hook = try lookupAttribute(argument, substitute) {
                hook.release()
                add(argument)
            } else if let inner = try lookupAttribute(argument, nested) {
                defer { inner.release() }
                for parameter in inner.as(PyTuple.self)?.items ?? [] { add(parameter) }
            }
        }
        return interpreter.newTuple(parameters)
    }

    /// The arguments of `alias` (printed in errors) with `item` substituted
    /// for `parameters`, as CPython's `_Py_subs_parameters`.
    func substituteTypeParameters(in alias: Value, arguments: [Value], parameters: [Value],
                                  item: Value) throws(EvalError) -> [Value] {
        guard !parameters.isEmpty else { throw .typeError("\(try reprText(alias)) is not a generic class") }
        var item = item
        item.retain()
        defer { item.release() }
        let prepare = interpreter.internedString("__typing_prepare_subst__")
        for parameter in parameters {
            guard let hook = try lookupAttribute(parameter, prepare) else { continue }
            defer { hook.release() }
            let prepared = try call(hook, [alias, item])
            item.release()
            item = prepared
        }
        let items = item.as(PyTuple.self)?.items ?? [item]
        guard items.count == parameters.count else {
            throw .typeError("Too \(items.count > parameters.count ? "many" : "few") arguments for \(try reprText(alias)); "
                + "actual \(items.count), expected \(parameters.count)")
        }
        func position(_ parameter: Value) -> Int? { parameters.firstIndex { $0.isIdentical(to: parameter) } }
        let substitute = interpreter.internedString("__typing_subst__")
        let nested = interpreter.internedString("__parameters__")
        var result: [Value] = []
        do throws(EvalError) {
            for argument in arguments {
                if argument.as(PyType.self) == nil, let hook = try lookupAttribute(argument, substitute) {
                    defer { hook.release() }
                    result.append(try call(hook, [items[position(argument) ?? 0]]))
                } else if argument.as(PyType.self) == nil, let inner = try lookupAttribute(argument, nested),
                          let innerParameters = inner.as(PyTuple.self)?.items, !innerParameters.isEmpty {
                    defer { inner.release() }
                    let innerItems = innerParameters.map { items[position($0) ?? 0] }
                    for innerItem in innerItems { innerItem.retain() }
                    let key = interpreter.newTuple(innerItems)
                    defer { key.release() }
                    result.append(try getItem(argument, key))
                } else {
                    argument.retain()
                    result.append(argument)
                }
            }
        } catch {
            for value in result { value.release() }
            throw error
        }
        return result
    }

    /// How a member of an alias or union prints: `int`, `collections.abc.Callable`,
    /// `list[int]` (aliases by their repr), `...`, `None` (in unions).
    func typeArgumentText(_ item: Value) throws(EvalError) -> String {
        if item.isIdentical(to: interpreter.ellipsis) { return "..." }
        if let list = item.as(PyList.self) {
            var parts: [String] = []
            for member in list.items { parts.append(try typeArgumentText(member)) }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        if let origin = try lookupAttribute(item, interpreter.internedString("__origin__")) {
            origin.release()
            if let arguments = try lookupAttribute(item, interpreter.internedString("__args__")) {
                arguments.release()
                return try reprText(item)
            }
        }
        guard let qualifiedName = try lookupAttribute(item, interpreter.internedString("__qualname__")) else {
            return try reprText(item)
        }
        defer { qualifiedName.release() }
        guard let module = try lookupAttribute(item, interpreter.internedString("__module__")) else {
            return try reprText(item)
        }
        defer { module.release() }
        if module.isNone { return try reprText(item) }
        let moduleText = try strText(module)
        let nameText = try strText(qualifiedName)
        return moduleText == "builtins" ? nameText : "\(moduleText).\(nameText)"
    }
}
