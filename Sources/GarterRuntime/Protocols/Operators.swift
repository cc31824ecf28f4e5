import GarterCompiler

// The abstract object protocol (CPython's Objects/abstract.c and
// object.c): operators dispatched through type slots, with Python's rules
// for reflected operands and rich comparisons.

extension ThreadState {
    /// `left op right` for a `BinaryOperation` raw value (in-place forms
    /// try the in-place slot of the left operand first).
    public func binaryOperation(_ operation: Int, _ left: Value, _ right: Value) throws(EvalError) -> Value {
        let base = operation >= 13 ? operation - 13 : operation
        if operation >= 13 {
            let leftType = typeOf(left)
            if let slot = leftType.slots.inPlace[base] {
                let result = try slot(self, left, right)
                if !isNotImplemented(result) { return result }
            }
        }
        let result = try binaryOperationOrNotImplemented(base, left, right)
        if !isNotImplemented(result) { return result }
        let symbol = BinaryOperation(rawValue: UInt32(operation))!.symbol
        let shown = symbol == "**" ? "** or pow()" : symbol
        throw .typeError("unsupported operand type(s) for \(shown): '\(typeOf(left).name)' and '\(typeOf(right).name)'")
    }

    /// CPython's binary_op1: the left operand's slot, the right one's (first
    /// when its type is a subclass of the left's), NotImplemented if neither.
    func binaryOperationOrNotImplemented(_ base: Int, _ left: Value, _ right: Value) throws(EvalError) -> Value {
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        let leftSlot = leftType.slots.binary[base]
        var rightSlot = rightType === leftType ? nil : rightType.slots.binary[base]
        if let leftSlot {
            if let slot = rightSlot, rightType.isSubtype(of: leftType) {
                let result = try slot(self, left, right)
                if !isNotImplemented(result) { return result }
                result.release()
                rightSlot = nil
            }
            let result = try leftSlot(self, left, right)
            if !isNotImplemented(result) { return result }
            result.release()
        }
        if let rightSlot {
            return try rightSlot(self, left, right)
        }
        return notImplemented()
    }

    @inline(__always)
    func isNotImplemented(_ value: Value) -> Bool { value.isIdentical(to: interpreter.notImplemented) }

    func notImplemented() -> Value { interpreter.notImplemented }

    /// `-x`, `+x`, `~x`.
    public func unaryOperation(_ opcode: Opcode, _ operand: Value) throws(EvalError) -> Value {
        let type = typeOf(operand)
        let slot: TypeSlots.Unary?
        let symbol: String
        switch opcode {
        case .unaryNegative: slot = type.slots.negative; symbol = "-"
        case .unaryPositive: slot = type.slots.positive; symbol = "+"
        default: slot = type.slots.invert; symbol = "~"
        }
        guard let slot else { throw .typeError("bad operand type for unary \(symbol): '\(type.name)'") }
        return try slot(self, operand)
    }

    // MARK: Comparison

    /// `left op right` as an object (rich comparison).
    public func compare(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(EvalError) -> Value {
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        var checkedReflected = false
        if leftType !== rightType, rightType.isSubtype(of: leftType), let slot = rightType.slots.richCompare {
            checkedReflected = true
            let result = try slot(self, right, left, operation.swapped)
            if !isNotImplemented(result) { return result }
        }
        if let slot = leftType.slots.richCompare {
            let result = try slot(self, left, right, operation)
            if !isNotImplemented(result) { return result }
        }
        if !checkedReflected, let slot = rightType.slots.richCompare {
            let result = try slot(self, right, left, operation.swapped)
            if !isNotImplemented(result) { return result }
        }
        switch operation {
        case .equal: return .bool(left.isIdentical(to: right))
        case .notEqual: return .bool(!left.isIdentical(to: right))
        default:
            throw .typeError("'\(operation.symbol)' not supported between instances of '\(leftType.name)' and '\(rightType.name)'")
        }
    }

    /// `left op right` as a truth value.
    public func compareBool(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(EvalError) -> Bool {
        let result = try compare(left, right, operation)
        defer { result.release() }
        return try truth(result)
    }

    /// `a == b`, identity first (as containers compare items). An inline
    /// float has no identity of its own: the same NaN bits count as the same
    /// object, so `x in [x]` and `[x] == [x]` hold for `x = float('nan')`.
    public func equal(_ a: Value, _ b: Value) throws(EvalError) -> Bool {
        if a.isIdentical(to: b) { return true }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.object(let x), .object(let y)):
            if let first = x.with({ $0 as? PyStr }), let second = y.with({ $0 as? PyStr }) {
                return first.equals(second)
            }
        default: break
        }
        return try compareBool(a, b, .equal)
    }

    // MARK: Truth, hash, length

    /// `bool(value)`.
    public func truth(_ value: Value) throws(EvalError) -> Bool {
        switch value {
        case .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .float(let number): return number != 0
        case .object:
            let type = typeOf(value)
            if let slot = type.slots.bool { return try slot(self, value) }
            if let slot = type.slots.length { return try slot(self, value) != 0 }
            return true
        }
    }

    /// `hash(value)`.
    public func hash(_ value: Value) throws(EvalError) -> Int {
        switch value {
        case .none: return NumberHash.hash(0x5f5e_1000)
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return NumberHash.hash(number)
        case .float(let number): return NumberHash.hash(number, identityHash: 0)
        case .object(let reference):
            if let string = reference.with({ $0 as? PyStr }) { return string.hashValue }
            let type = typeOf(value)
            guard let slot = type.slots.hash else { throw .typeError("unhashable type: '\(type.name)'") }
            return try slot(self, value)
        }
    }

    /// `len(value)`.
    public func length(_ value: Value) throws(EvalError) -> Int {
        let type = typeOf(value)
        guard let slot = type.slots.length else {
            throw .typeError("object of type '\(type.name)' has no len()")
        }
        return try slot(self, value)
    }

    // MARK: Text

    /// `repr(value)` as a str object.
    public func repr(_ value: Value) throws(EvalError) -> Value {
        let type = typeOf(value)
        guard let slot = type.slots.repr else {
            return interpreter.newString(defaultRepr(value))
        }
        try enterRecursiveCall()
        defer { depth -= 1 }
        let result = try slot(self, value)
        guard result.strObject != nil else {
            let name = typeOf(result).name
            result.release()
            throw .typeError("__repr__ returned non-string (type \(name))")
        }
        return result
    }

    /// `str(value)` as a str object.
    public func str(_ value: Value) throws(EvalError) -> Value {
        if value.strObject != nil, typeOf(value) === interpreter.types.str {
            value.retain()
            return value
        }
        let type = typeOf(value)
        guard let slot = type.slots.str else { return try repr(value) }
        let result = try slot(self, value)
        guard result.strObject != nil else {
            let name = typeOf(result).name
            result.release()
            throw .typeError("__str__ returned non-string (type \(name))")
        }
        return result
    }

    /// `repr(value)` as Swift text.
    public func reprText(_ value: Value) throws(EvalError) -> String {
        let result = try repr(value)
        defer { result.release() }
        return result.stringValue ?? ""
    }

    public func strText(_ value: Value) throws(EvalError) -> String {
        let result = try str(value)
        defer { result.release() }
        return result.stringValue ?? ""
    }

    /// `<module.Class object at 0x...>`.
    func defaultRepr(_ value: Value) -> String {
        "<\(typeOf(value).displayName) object at \(addressText(value))>"
    }

    /// `0x7f...`: where an object lives, as reprs print it.
    func addressText(_ value: Value) -> String {
        "0x" + (value.objectReference.map { String($0.address, radix: 16) } ?? "0")
    }

    func enterRecursiveCall() throws(EvalError) {
        if depth >= recursionLimit + recursionHeadroom { throw .recursion }
        depth += 1
    }

    // MARK: Iteration

    /// `iter(value)`.
    public func iterate(_ value: Value) throws(EvalError) -> Value {
        let type = typeOf(value)
        if let slot = type.slots.iterate { return try slot(self, value) }
        if type.slots.getItem != nil {
            return makeSequenceIterator(value)
        }
        throw .typeError("'\(type.name)' object is not iterable")
    }

    /// `next(iterator)`, nil when exhausted.
    public func next(_ iterator: Value) throws(EvalError) -> Value? {
        let type = typeOf(iterator)
        guard let slot = type.slots.next else {
            throw .typeError("'\(type.name)' object is not an iterator")
        }
        return try slot(self, iterator)
    }

    /// All the items of an iterable (new references).
    public func collect(_ iterable: Value) throws(EvalError) -> [Value] {
        if case .object(let reference) = iterable {
            let typePointer = reference.with { $0.typePointer }
            if typePointer == interpreter.types.list.pointer {
                let items = reference.with { unsafeDowncast($0, to: PyList.self).items }
                for item in items { item.retain() }
                return items
            }
            if typePointer == interpreter.types.tuple.pointer {
                let items = reference.with { unsafeDowncast($0, to: PyTuple.self).items }
                for item in items { item.retain() }
                return items
            }
        }
        let iterator = try iterate(iterable)
        defer { iterator.release() }
        var items: [Value] = []
        do throws(EvalError) {
            while let item = try next(iterator) { items.append(item) }
        } catch {
            for item in items { item.release() }
            throw error
        }
        return items
    }

    // MARK: Containers

    /// `container[key]`.
    public func getItem(_ container: Value, _ key: Value) throws(EvalError) -> Value {
        let type = typeOf(container)
        if let slot = type.slots.getItem { return try slot(self, container, key) }
        if case .object(let reference) = container, let asType = reference.with({ $0 as? PyType }) {
            // `type[int]`: CPython's PyObject_GetItem makes the alias itself.
            if asType === interpreter.types.type {
                return newGenericAlias(origin: container, arguments: key, type: interpreter.genericAliasType)
            }
            if let hook = asType.lookup(interpreter.names.__class_getitem__) {
                let bound: Value
                if let getter = typeOf(hook).slots.descriptorGet {
                    bound = try getter(self, hook, nil, container)
                } else {
                    hook.retain()
                    bound = hook
                }
                defer { bound.release() }
                return try call(bound, [key])
            }
            throw .typeError("type '\(asType.name)' is not subscriptable")
        }
        throw .typeError("'\(type.name)' object is not subscriptable")
    }

    /// `container[key] = value`, or `del container[key]` when value is nil.
    public func setItem(_ container: Value, _ key: Value, _ value: Value?) throws(EvalError) {
        let type = typeOf(container)
        guard let slot = type.slots.setItem else {
            if value == nil { throw .typeError("'\(type.name)' object doesn't support item deletion") }
            throw .typeError("'\(type.name)' object does not support item assignment")
        }
        try slot(self, container, key, value)
    }

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws(EvalError) -> Bool {
        let type = typeOf(container)
        if let slot = type.slots.contains { return try slot(self, container, item) }
        if type.slots.iterate == nil && type.slots.getItem == nil {
            throw .typeError("argument of type '\(type.name)' is not iterable")
        }
        let iterator = try iterate(container)
        defer { iterator.release() }
        while let element = try next(iterator) {
            defer { element.release() }
            if try equal(element, item) { return true }
        }
        return false
    }

    /// `operator.index(value)` as a Swift Int, with CPython's error for non-integers.
    public func index(_ value: Value) throws(EvalError) -> Value {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        default:
            if case .object(let reference) = value, let long = reference.with({ $0 as? PyLong }) {
                // An int subclass instance gives its value as an exact int.
                if reference.with({ $0.typePointer }) != interpreter.types.int.pointer {
                    return interpreter.integerValue(PyInteger(long.value))
                }
                value.retain()
                return value
            }
            let type = typeOf(value)
            guard let slot = type.slots.index else {
                throw .typeError("'\(type.name)' object cannot be interpreted as an integer")
            }
            return try exactIndexResult(try slot(self, value))
        }
    }

    /// A value used as a Swift Int index (OverflowError-free: clamps big ints
    /// as CPython's PyNumber_AsSsize_t with IndexError where it raises).
    public func indexInt(_ value: Value) throws(EvalError) -> Int {
        let result = try index(value)
        defer { result.release() }
        switch result {
        case .int(let number): return number
        case .object(let reference):
            if let long = reference.with({ $0 as? PyLong }) {
                _ = long
                throw .indexError("cannot fit 'int' into an index-sized integer")
            }
        default: break
        }
        throw .typeError("__index__ returned non-int")
    }
}

extension ComparisonOperation {
    /// The operation with operands swapped (`a < b` is `b > a`).
    var swapped: ComparisonOperation {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}
