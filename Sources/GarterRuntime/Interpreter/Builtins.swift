import GarterSyntax

/// The functions of the `builtins` module implemented so far.
enum Builtins {
    static func install(in interpreter: Interpreter) {
        let print = PyBuiltinFunction(name: "print", type: interpreter.types.builtinFunction) {
            (thread: ThreadState, arguments: [Value]) throws(EvalError) -> Value in
            var line: [UInt8] = []
            for (index, argument) in arguments.enumerated() {
                if index > 0 { line.append(UInt8(ascii: " ")) }
                line += try Builtins.text(of: argument)
            }
            line.append(UInt8(ascii: "\n"))
            thread.output.append(line)
            return .none
        }
        interpreter.builtins.set("print", .object(ObjectRef.allocate(print)))
    }

    /// `str(value)` as UTF-8, for the values the runtime has so far.
    static func text(of value: Value) throws(EvalError) -> [UInt8] {
        switch value {
        case .none: return Array("None".utf8)
        case .bool(let flag): return Array((flag ? "True" : "False").utf8)
        case .int(let number): return Array(String(number).utf8)
        case .float(let number): return Array(Repr.float(number).utf8)
        case .object(let reference):
            // A slow path: holding the object strongly here is fine.
            let object = reference.with { $0 }
            if let string = object as? PyStr {
                guard let utf8 = string.utf8 else {
                    throw .unsupported("printing a string with a lone surrogate")
                }
                return utf8
            }
            if let long = object as? PyLong { return Array(long.value.description.utf8) }
            if let function = object as? PyFunction {
                let address = String(reference.address, radix: 16)
                return Array("<function \(function.code.code.qualifiedName) at 0x\(address)>".utf8)
            }
            if let builtin = object as? PyBuiltinFunction {
                return Array("<built-in function \(builtin.name)>".utf8)
            }
            throw .unsupported("str() of a \(object.withType { $0.name }) object")
        }
    }
}
