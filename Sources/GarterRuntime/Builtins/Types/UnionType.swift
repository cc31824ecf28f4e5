// `types.UnionType`: `int | str`, `list[int] | None`. `isinstance` and
// `issubclass` accept a union as they accept a tuple of its members.

extension Interpreter {
    var unionType: PyType {
        nativeType("UnionType", module: "types", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create 'types.UnionType' instances") }
            slots.repr = { thread, value throws(EvalError) in
                var parts: [String] = []
                for item in value.as(PyUnion.self)!.argumentItems {
                    parts.append(item.isNone || item.isIdentical(to: thread.interpreter.types.none.value)
                                 ? "None" : try thread.typeArgumentText(item))
                }
                return thread.interpreter.newString(parts.joined(separator: " | "))
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard operation == .equal || operation == .notEqual,
                      let a = left.as(PyUnion.self), let b = right.as(PyUnion.self) else {
                    return thread.notImplemented()
                }
                // Equal as sets: the members of each are unique already.
                var same = a.argumentItems.count == b.argumentItems.count
                for member in a.argumentItems where same {
                    var found = false
                    for other in b.argumentItems where !found { found = try thread.equal(member, other) }
                    same = found
                }
                return .bool(operation == .equal ? same : !same)
            }
            slots.hash = { thread, value throws(EvalError) in
                var hashes: [Int] = []
                for member in value.as(PyUnion.self)!.argumentItems { hashes.append(try thread.hash(member)) }
                return FrozenSetHash.hash(memberHashes: hashes)
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                let union = value.as(PyUnion.self)!
                let parameters = try thread.typeParameters(of: union)
                let substituted = try thread.substituteTypeParameters(
                    in: value, arguments: union.argumentItems, parameters: parameters.as(PyTuple.self)!.items, item: key)
                // The members are or-ed again: substituted aliases may now be unions themselves.
                var result = substituted[0]
                for member in substituted.dropFirst() {
                    defer { member.release() }
                    let combined: Value
                    do throws(EvalError) {
                        combined = try thread.binaryOperation(BinaryOperationIndex.or, result, member)
                    } catch {
                        result.release()
                        throw error
                    }
                    result.release()
                    result = combined
                }
                return result
            }
            slots.binary[BinaryOperationIndex.or] = { thread, left, right throws(EvalError) in
                try thread.makeUnion(left, right)
            }
            type.installSlots(slots, self)
            type.defineAttribute("__args__", self, get: { _, value throws(EvalError) in
                let arguments = value.as(PyUnion.self)!.arguments
                arguments.retain()
                return arguments
            })
            type.defineAttribute("__parameters__", self, get: { thread, value throws(EvalError) in
                let parameters = try thread.typeParameters(of: value.as(PyUnion.self)!)
                parameters.retain()
                return parameters
            })
        }
    }
}

extension ThreadState {
    /// `left | right` for classes, `None`, aliases and unions (the `|` of
    /// `type`, `types.GenericAlias` and `types.UnionType`); NotImplemented
    /// for anything else, so `typing`'s objects get their turn.
    func makeUnion(_ left: Value, _ right: Value) throws(EvalError) -> Value {
        guard isUnionable(left), isUnionable(right) else { return notImplemented() }
        var members: [Value] = []
        func add(_ candidate: Value) throws(EvalError) {
            let member = candidate.isNone ? interpreter.types.none.value : candidate
            for existing in members {
                if existing.isIdentical(to: member) { return }
                if existing.as(PyGenericAlias.self) != nil, member.as(PyGenericAlias.self) != nil,
                   try equal(existing, member) { return }
            }
            member.retain()
            members.append(member)
        }
        do throws(EvalError) {
            for side in [left, right] {
                if let union = side.as(PyUnion.self) {
                    for member in union.argumentItems { try add(member) }
                } else {
                    try add(side)
                }
            }
        } catch {
            for member in members { member.release() }
            throw error
        }
        if members.count == 1 { return members[0] }
        return .object(ObjectRef.allocate(PyUnion(arguments: interpreter.newTuple(members), type: interpreter.unionType)))
    }

    func isUnionable(_ value: Value) -> Bool {
        value.isNone || value.as(PyType.self) != nil || value.as(PyGenericAlias.self) != nil || value.as(PyUnion.self) != nil
    }

    /// `__parameters__` of `union`, computed once (borrowed).
    func typeParameters(of union: PyUnion) throws(EvalError) -> Value {
        if let parameters = union.parameters { return parameters }
        let parameters = try collectTypeParameters(union.argumentItems)
        union.parameters = parameters
        return parameters
    }
}
