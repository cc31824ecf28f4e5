// `types.GenericAlias`: `list[int]`, `dict[str, list[int]]`, `*tuple[int]`.
// Reads of attributes other than the alias's own go to the origin
// (`list[int].append` is `list.append`), calls make an origin instance,
// and `class C(list[int])` subclasses `list` through `__mro_entries__`.

extension Interpreter {
    /// The attributes an alias answers itself; every other name is read from the origin.
    static let genericAliasOwnAttributes: Set<String> = [
        "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
        "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
    ]

    var genericAliasType: PyType {
        nativeType("GenericAlias", module: "types") { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                if arguments.keywordCount > 0 { throw .typeError("GenericAlias() takes no keyword arguments") }
                guard arguments.positionalCount == 2 else {
                    throw .typeError("GenericAlias expected 2 arguments, got \(arguments.positionalCount)")
                }
                return thread.newGenericAlias(origin: arguments[0], arguments: arguments[1], type: type)
            }
            slots.repr = { thread, value throws(EvalError) in
                let alias = value.as(PyGenericAlias.self)!
                var text = alias.isStarred ? "*" : ""
                text += try thread.typeArgumentText(alias.origin) + "["
                let items = alias.argumentItems
                if items.isEmpty { text += "()" }
                for (index, item) in items.enumerated() {
                    if index > 0 { text += ", " }
                    text += try thread.typeArgumentText(item)
                }
                return thread.interpreter.newString(text + "]")
            }
            slots.getAttribute = { thread, value, name throws(EvalError) in
                let alias = value.as(PyGenericAlias.self)!
                if !Interpreter.genericAliasOwnAttributes.contains(name.string) {
                    return try thread.getAttribute(alias.origin, name)
                }
                return try thread.genericGetAttribute(value, name)
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard operation == .equal || operation == .notEqual,
                      let a = left.as(PyGenericAlias.self), let b = right.as(PyGenericAlias.self) else {
                    return thread.notImplemented()
                }
                var same = a.isStarred == b.isStarred
                if same { same = try thread.equal(a.origin, b.origin) }
                if same { same = try thread.equal(a.arguments, b.arguments) }
                return .bool(operation == .equal ? same : !same)
            }
            slots.hash = { thread, value throws(EvalError) in
                let alias = value.as(PyGenericAlias.self)!
                return (try thread.hash(alias.origin)) ^ (try thread.hash(alias.arguments))
            }
            slots.call = { thread, callable, arguments throws(EvalError) in
                let alias = callable.as(PyGenericAlias.self)!
                let made = try thread.call(alias.origin, arguments)
                do throws(EvalError) {
                    try thread.setAttribute(made, thread.interpreter.internedString("__orig_class__"), callable)
                } catch {
                    guard thread.isInstance(error, of: "AttributeError") || thread.isInstance(error, of: "TypeError") else {
                        made.release()
                        throw error
                    }
                    error.discard()
                }
                return made
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                let alias = value.as(PyGenericAlias.self)!
                let parameters = try thread.typeParameters(of: alias)
                let substituted = try thread.substituteTypeParameters(
                    in: value, arguments: alias.argumentItems, parameters: parameters.as(PyTuple.self)!.items, item: key)
                let tuple = thread.interpreter.newTuple(substituted)
                defer { tuple.release() }
                return thread.newGenericAlias(origin: alias.origin, arguments: tuple, isStarred: alias.isStarred,
                                              type: thread.interpreter.genericAliasType)
            }
            slots.iterate = { thread, value throws(EvalError) in
                // `*tuple[int, str]` in a subscript: one starred alias.
                let alias = value.as(PyGenericAlias.self)!
                let starred = thread.newGenericAlias(origin: alias.origin, arguments: alias.arguments, isStarred: true,
                                                     type: thread.interpreter.genericAliasType)
                let single = thread.interpreter.newTuple([starred])
                defer { single.release() }
                return try thread.iterate(single)
            }
            slots.binary[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
                try thread.makeUnion(left, right)
            }
            type.installSlots(slots, self)

            type.defineAttribute("__origin__", self, get: { _, value throws(EvalError) in
                let origin = value.as(PyGenericAlias.self)!.origin
                origin.retain()
                return origin
            })
            type.defineAttribute("__args__", self, get: { _, value throws(EvalError) in
                let arguments = value.as(PyGenericAlias.self)!.arguments
                arguments.retain()
                return arguments
            })
            type.defineAttribute("__parameters__", self, get: { thread, value throws(EvalError) in
                let parameters = try thread.typeParameters(of: value.as(PyGenericAlias.self)!)
                parameters.retain()
                return parameters
            })
            type.defineAttribute("__unpacked__", self, get: { _, value throws(EvalError) in
                .bool(value.as(PyGenericAlias.self)!.isStarred)
            })
            type.defineAttribute("__typing_unpacked_tuple_args__", self, get: { thread, value throws(EvalError) in
                let alias = value.as(PyGenericAlias.self)!
                guard alias.isStarred, alias.origin.isIdentical(to: thread.interpreter.types.tuple.value) else { return .none }
                alias.arguments.retain()
                return alias.arguments
            })
            type.define("__mro_entries__", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__mro_entries__", 1...1)
                let origin = receiver.as(PyGenericAlias.self)!.origin
                origin.retain()
                return thread.interpreter.newTuple([origin])
            }
            type.define("__instancecheck__", self) { _, _, _ throws(EvalError) in
                throw .typeError("isinstance() argument 2 cannot be a parameterized generic")
            }
            type.define("__subclasscheck__", self) { _, _, _ throws(EvalError) in
                throw .typeError("issubclass() argument 2 cannot be a parameterized generic")
            }
            type.define("__reduce__", self) { thread, receiver, arguments throws(EvalError) in
                let alias = receiver.as(PyGenericAlias.self)!
                let type = thread.typeOf(receiver)
                type.incref()
                alias.origin.retain()
                alias.arguments.retain()
                return thread.interpreter.newTuple([type.value, thread.interpreter.newTuple([alias.origin, alias.arguments])])
            }
        }
    }
}

extension ThreadState {
    /// `origin[arguments]` (a non-tuple argument stands for a 1-tuple).
    func newGenericAlias(origin: Value, arguments: Value, isStarred: Bool = false, type: PyType) -> Value {
        origin.retain()
        let tuple: Value
        if arguments.as(PyTuple.self) != nil {
            arguments.retain()
            tuple = arguments
        } else {
            arguments.retain()
            tuple = interpreter.newTuple([arguments])
        }
        return .object(ObjectRef.allocate(PyGenericAlias(origin: origin, arguments: tuple, isStarred: isStarred, type: type)))
    }

    /// `list[int]` and the like: `__class_getitem__` of the built-in generic classes.
    func makeGenericAlias(_ arguments: Arguments) throws(EvalError) -> Value {
        guard arguments.positionalCount == 2, arguments.keywordCount == 0 else {
            let owner = arguments.positionalCount > 0 ? arguments[0].as(PyType.self)?.name ?? "type" : "type"
            throw .typeError("\(owner).__class_getitem__() takes exactly one argument (\(max(arguments.positionalCount - 1, 0)) given)")
        }
        return newGenericAlias(origin: arguments[0], arguments: arguments[1], type: interpreter.genericAliasType)
    }

    /// `__parameters__` of `alias`, computed once (borrowed).
    func typeParameters(of alias: PyGenericAlias) throws(EvalError) -> Value {
        if let parameters = alias.parameters { return parameters }
        let parameters = try collectTypeParameters(alias.argumentItems)
        alias.parameters = parameters
        return parameters
    }
}
