import GarterCompiler
import GarterSyntax

extension Interpreter {
    /// The `code` type: every `co_*` attribute of CPython 3.11 with its
    /// values (the byte fields in CPython's encoding, `CPythonEncoding`),
    /// `co_lines()`, `co_positions()`, `replace()`, equality and hash.
    func installCodeType() {
        let code = types.code
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            let loaded = value.as(LoadedCode.self)!
            let address = String(value.objectReference!.address, radix: 16)
            return thread.interpreter.newString(
                "<code object \(loaded.code.name) at 0x\(address), file \"\(loaded.code.filename)\", line \(loaded.code.firstLineNumber)>")
        }
        slots.richCompare = { thread, a, b, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let left = a.as(LoadedCode.self),
                  let right = b.as(LoadedCode.self) else { return thread.notImplemented() }
            let same = try thread.codeObjectsEqual(left, right)
            return .bool(operation == .equal ? same : !same)
        }
        slots.hash = { thread, value throws(EvalError) in
            let loaded = value.as(LoadedCode.self)!
            var hasher = Hasher()
            hasher.combine(loaded.code.name)
            hasher.combine(loaded.cpython.units.bytes)
            hasher.combine(loaded.code.argumentCount)
            hasher.combine(loaded.code.flags.rawValue)
            hasher.combine(loaded.code.firstLineNumber)
            let hash = hasher.finalize()
            return hash == -1 ? -2 : hash
        }
        code.installSlots(slots, self)

        func attribute(_ name: String, _ body: @escaping (ThreadState, LoadedCode) -> Value) {
            code.defineAttribute(name, self, get: { thread, value throws(EvalError) in body(thread, value.as(LoadedCode.self)!) })
        }
        func strings(_ thread: ThreadState, _ items: [String]) -> Value {
            thread.interpreter.newTuple(items.map { thread.interpreter.intern($0) })
        }
        attribute("co_name") { thread, code in thread.interpreter.intern(code.code.name) }
        attribute("co_qualname") { thread, code in
            code.qualifiedNameValue.retain()
            return code.qualifiedNameValue
        }
        attribute("co_filename") { thread, code in thread.interpreter.newString(code.code.filename) }
        attribute("co_firstlineno") { _, code in .int(code.code.firstLineNumber) }
        attribute("co_argcount") { _, code in .int(code.code.argumentCount) }
        attribute("co_posonlyargcount") { _, code in .int(code.code.positionalOnlyArgumentCount) }
        attribute("co_kwonlyargcount") { _, code in .int(code.code.keywordOnlyArgumentCount) }
        attribute("co_nlocals") { _, code in .int(code.code.variableNames.count) }
        attribute("co_stacksize") { _, code in .int(code.code.stackSize) }
        attribute("co_flags") { _, code in .int(Int(code.code.flags.rawValue)) }
        attribute("co_varnames") { thread, code in strings(thread, code.code.variableNames) }
        attribute("co_cellvars") { thread, code in strings(thread, code.code.cellVariables) }
        attribute("co_freevars") { thread, code in strings(thread, code.code.freeVariables) }
        attribute("co_names") { thread, code in strings(thread, code.code.names) }
        attribute("co_consts") { thread, code in
            let values = Array(code.constants.prefix(code.code.constants.count))
            for value in values { value.retain() }
            return thread.interpreter.newTuple(values)
        }
        attribute("co_code") { thread, code in thread.interpreter.newBytes(code.cpython.units.bytes) }
        attribute("_co_code_adaptive") { thread, code in thread.interpreter.newBytes(code.cpython.units.bytes) }
        attribute("co_linetable") { thread, code in thread.interpreter.newBytes(code.cpython.lineTable) }
        attribute("co_exceptiontable") { thread, code in thread.interpreter.newBytes(code.cpython.exceptionTable) }
        attribute("co_lnotab") { thread, code in thread.interpreter.newBytes(LineNumberTable.lnotab(code)) }

        code.define("co_lines", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("co_lines", 0...0)
            let loaded = receiver.as(LoadedCode.self)!
            var items: [Value] = []
            for range in LineNumberTable.lineRanges(loaded) {
                items.append(thread.interpreter.newTuple([.int(range.start), .int(range.end), range.line.map { .int($0) } ?? .none]))
            }
            let list = thread.interpreter.newList(items)
            defer { list.release() }
            return try thread.iterate(list)
        }
        code.define("co_positions", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("co_positions", 0...0)
            let loaded = receiver.as(LoadedCode.self)!
            let positions = LocationTable.decode(loaded.cpython.lineTable, firstLine: loaded.code.firstLineNumber)
            func field(_ value: Int32) -> Value { value < 0 ? .none : .int(Int(value)) }
            var items: [Value] = []
            items.reserveCapacity(positions.count)
            for position in positions {
                items.append(thread.interpreter.newTuple([field(position.lineno), field(position.endLineno),
                                                          field(position.colOffset), field(position.endColOffset)]))
            }
            let list = thread.interpreter.newList(items)
            defer { list.release() }
            return try thread.iterate(list)
        }
        code.define("_varname_from_oparg", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("_varname_from_oparg", 1...1)
            let loaded = receiver.as(LoadedCode.self)!
            let index = try thread.exactInteger(arguments[0])
            guard index >= 0, index < loaded.localNames.count else { throw .indexError("tuple index out of range") }
            loaded.localNames[index].retain()
            return loaded.localNames[index]
        }
        code.define("replace", self) { thread, receiver, arguments throws(EvalError) in
            try thread.replaceCode(receiver.as(LoadedCode.self)!, arguments)
        }
        code.define("__sizeof__", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("__sizeof__", 0...0)
            return .int(160 + receiver.as(LoadedCode.self)!.cpython.units.bytes.count)
        }
    }
}

extension ThreadState {
    /// CPython's code equality: the same name, counts, flags, first line,
    /// bytes, constants (of the same types), names and tables.
    func codeObjectsEqual(_ left: LoadedCode, _ right: LoadedCode) throws(EvalError) -> Bool {
        if left === right { return true }
        let a = left.code, b = right.code
        guard a.name == b.name, a.argumentCount == b.argumentCount,
              a.positionalOnlyArgumentCount == b.positionalOnlyArgumentCount,
              a.keywordOnlyArgumentCount == b.keywordOnlyArgumentCount, a.flags == b.flags,
              a.firstLineNumber == b.firstLineNumber, a.names == b.names,
              a.variableNames + a.cellVariables + a.freeVariables == b.variableNames + b.cellVariables + b.freeVariables,
              left.cpython.units.bytes == right.cpython.units.bytes, left.cpython.lineTable == right.cpython.lineTable,
              left.cpython.exceptionTable == right.cpython.exceptionTable,
              a.constants.count == b.constants.count else { return false }
        for index in a.constants.indices {
            let x = left.constants[index], y = right.constants[index]
            if typeOf(x) !== typeOf(y) { return false }
            if !(try equal(x, y)) { return false }
        }
        return true
    }

    /// `code.replace(**changes)`: a new code object with some fields changed.
    func replaceCode(_ loaded: LoadedCode, _ arguments: Arguments) throws(EvalError) -> Value {
        if arguments.positionalCount > 0 { throw .typeError("replace() takes no positional arguments") }
        var fields = CodeFields(loaded)
        for keyword in 0..<arguments.keywordCount {
            let name = arguments.keywordName(keyword)
            let value = arguments.keywordValue(keyword)
            func integer() throws(EvalError) -> Int {
                guard case .int(let number) = value else {
                    throw .typeError("replace() argument '\(name)' must be int, not \(typeOf(value).name)")
                }
                return number
            }
            func text() throws(EvalError) -> String {
                guard let string = value.as(PyStr.self) else {
                    throw .typeError("replace() argument '\(name)' must be str, not \(typeOf(value).name)")
                }
                return string.string
            }
            func bytes() throws(EvalError) -> [UInt8] {
                guard let object = value.as(PyBytes.self) else {
                    throw .typeError("replace() argument '\(name)' must be bytes, not \(typeOf(value).name)")
                }
                return object.bytes
            }
            func texts() throws(EvalError) -> [String] {
                guard let tuple = value.as(PyTuple.self) else {
                    throw .typeError("replace() argument '\(name)' must be tuple, not \(typeOf(value).name)")
                }
                var result: [String] = []
                for item in tuple.items {
                    guard let string = item.as(PyStr.self) else { throw .typeError("name tuples must contain only strings, not '\(typeOf(item).name)'") }
                    result.append(string.string)
                }
                return result
            }
            switch name {
            case "co_argcount": fields.argumentCount = try integer()
            case "co_posonlyargcount": fields.positionalOnlyArgumentCount = try integer()
            case "co_kwonlyargcount": fields.keywordOnlyArgumentCount = try integer()
            case "co_nlocals": _ = try integer()
            case "co_stacksize": fields.stackSize = try integer()
            case "co_flags": fields.flags = UInt32(truncatingIfNeeded: try integer())
            case "co_firstlineno": fields.firstLineNumber = try integer()
            case "co_code": fields.code = try bytes()
            case "co_linetable": fields.lineTable = try bytes()
            case "co_exceptiontable": fields.exceptionTable = try bytes()
            case "co_name": fields.name = try text()
            case "co_qualname": fields.qualifiedName = try text()
            case "co_filename": fields.filename = try text()
            case "co_names": fields.names = try texts()
            case "co_varnames": fields.variableNames = try texts()
            case "co_cellvars": fields.cellVariables = try texts()
            case "co_freevars": fields.freeVariables = try texts()
            case "co_consts":
                guard let tuple = value.as(PyTuple.self) else {
                    throw .typeError("replace() argument 'co_consts' must be tuple, not \(typeOf(value).name)")
                }
                var constants: [CodeConstant] = []
                for item in tuple.items { constants.append(try codeConstant(item)) }
                fields.constants = constants
            default:
                throw .typeError("'\(name)' is an invalid keyword argument for replace()")
            }
        }
        let object = try LoadedCode(try fields.makeCodeObject(), interpreter: interpreter)
        return .object(ObjectRef.allocate(object))
    }
}
