import GarterCompiler

// `bool`: the inline `Value.bool`. It inherits int's slots; `&`, `|` and
// `^` of two bools give a bool, and it cannot be subclassed (its type has
// no `baseType` flag: "type 'bool' is not an acceptable base type").

extension Interpreter {
    func installBoolType() {
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            guard case .bool(let flag) = value else { throw .typeError("bool.__repr__ needs a bool") }
            return thread.interpreter.intern(flag ? "True" : "False")
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("bool")
            if arguments.positionalCount > 1 { throw .typeError("bool expected at most 1 argument, got \(arguments.positionalCount)") }
            return .bool(arguments.positionalCount == 1 ? try thread.truth(arguments[0]) : false)
        }
        let logical: [(BinaryOperation, (Bool, Bool) -> Bool)] = [(.and, { $0 && $1 }), (.or, { $0 || $1 }), (.xor, { $0 != $1 })]
        for (operation, combine) in logical {
            slots.binary[Int(operation.rawValue)] = { thread, left, right throws(EvalError) in
                if case .bool(let a) = left, case .bool(let b) = right { return .bool(combine(a, b)) }
                return try Arithmetic.integers(operation, left, right, interpreter: thread.interpreter) ?? thread.notImplemented()
            }
        }
        types.bool.installSlots(slots, self)
    }
}
