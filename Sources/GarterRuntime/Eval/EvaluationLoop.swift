import GarterCompiler

// The evaluation loop: one `switch` over the opcode of each instruction word,
// with the program counter, the stack pointer and the code's tables held in
// locals so the compiler keeps them in registers. Values are plain data, so
// moving them costs nothing; Python's reference counts change only where
// Python semantics say so. Integer arithmetic takes an inline path and falls
// back to `Arithmetic` on overflow or for other types.

extension ThreadState {
    /// Runs `code` with `arguments` in its first local slots and `globals` as
    /// its global namespace, and returns its result (a new reference).
    public func run(_ code: LoadedCode, arguments: [Value] = [], globals: Namespace) throws(EvalError) -> Value {
        if depth >= recursionLimit { throw .recursion }
        depth += 1
        defer { depth -= 1 }
        let localCount = code.localCount
        let slots = UnsafeMutablePointer<Value?>.allocate(capacity: localCount + code.code.stackSize)
        slots.initialize(repeating: nil, count: localCount)
        for (index, argument) in arguments.enumerated() where index < localCount {
            argument.retain()
            slots[index] = argument
        }
        defer {
            for index in 0..<localCount { slots[index]?.release() }
            slots.deinitialize(count: localCount)
            slots.deallocate()
        }
        return try evaluate(code, locals: slots, localCount: localCount, globals: globals)
    }

    @inline(never)
    func evaluate(_ code: LoadedCode, locals: UnsafeMutablePointer<Value?>,
                  localCount: Int, globals: Namespace) throws(EvalError) -> Value {
        let instructions = code.instructions.baseAddress!
        let constants = code.constants.baseAddress!
        let builtins = interpreter.builtins
        let (globalSlots, builtinSlots) = code.slots(for: globals, builtins: builtins)
        // The value stack sits right after the locals; `top` is the next free slot.
        let stackBottom = locals + localCount
        var top = stackBottom
        var pc = 0

        while true {
            let word = instructions[pc]
            pc &+= 1
            let argument = Int(truncatingIfNeeded: word >> 8)
            // Every word was made by `Instruction.init` from a valid opcode, and
            // `Opcode`'s raw values are its case indexes, so the low byte is a
            // valid `Opcode` as it is (`Opcode(rawValue:)` is not inlined
            // across modules and would cost a call per instruction).
            switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
            case .nop:
                break

            case .loadConst:
                let value = constants[argument]
                value.retain()
                top.initialize(to: value)
                top += 1

            case .loadFast:
                guard let value = locals[argument] else {
                    ThreadState.unwind(top, down: stackBottom)
                    throw .unboundLocal(code.code.variableNames[argument])
                }
                value.retain()
                top.initialize(to: value)
                top += 1

            case .storeFast:
                top -= 1
                let old = locals[argument]
                locals[argument] = top.move()
                old?.release()

            case .popTop:
                top -= 1
                top.move()?.release()

            case .copy:
                let value = top[-argument].unsafelyUnwrapped
                value.retain()
                top.initialize(to: value)
                top += 1

            case .loadName, .loadGlobal:
                // Module code: its locals are its globals (class bodies, with
                // their own namespace, are not compiled yet).
                guard let value = globals.slots[globalSlots[argument]]
                        ?? builtins.slots[builtinSlots[argument]] else {
                    ThreadState.unwind(top, down: stackBottom)
                    throw .nameError(code.code.names[argument])
                }
                value.retain()
                top.initialize(to: value)
                top += 1

            case .storeName, .storeGlobal:
                top -= 1
                globals.set(slot: globalSlots[argument], top.move().unsafelyUnwrapped)

            case .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot:
                let operand = top[-1].unsafelyUnwrapped
                let result: Value
                do {
                    result = try Arithmetic.unary(unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self),
                                                  operand, interpreter: interpreter)
                } catch {
                    ThreadState.unwind(top, down: stackBottom)
                    throw error
                }
                top[-1] = result
                operand.release()

            case .isOp:
                let right = top[-1].unsafelyUnwrapped
                let left = top[-2].unsafelyUnwrapped
                top -= 1
                top.deinitialize(count: 1)
                top[-1] = .bool(left.isIdentical(to: right) != (argument == 1))
                left.release()
                right.release()

            case .makeFunction:
                guard argument == 0, case .object(let codeReference) = top[-1].unsafelyUnwrapped,
                      let loaded = codeReference.with({ $0 as? LoadedCode }) else {
                    ThreadState.unwind(top, down: stackBottom)
                    throw .unsupported("functions with defaults, annotations or closures")
                }
                let function = PyFunction(code: loaded, globals: globals, type: interpreter.types.function)
                top[-1] = .object(ObjectRef.allocate(function))
                Value.object(codeReference).release()

            case .call:
                let callable = top[-argument - 1].unsafelyUnwrapped
                var arguments: [Value] = []
                arguments.reserveCapacity(argument)
                for index in 0..<argument { arguments.append(top[index - argument].unsafelyUnwrapped) }
                let result: Value
                do {
                    result = try call(callable, arguments)
                } catch {
                    ThreadState.unwind(top, down: stackBottom)
                    throw error
                }
                for value in arguments { value.release() }
                callable.release()
                top -= argument + 1
                top.deinitialize(count: argument + 1)
                top.initialize(to: result)
                top += 1

            case .binaryOp:
                let right = top[-1].unsafelyUnwrapped
                let left = top[-2].unsafelyUnwrapped
                if case .int(let a) = left, case .int(let b) = right,
                   let result = Arithmetic.smallIntegers(argument, a, b) {
                    top -= 1
                    top[-1] = .int(result)
                    continue
                }
                if case .float(let a) = left, case .float(let b) = right,
                   let result = Arithmetic.floats(argument, a, b) {
                    top -= 1
                    top[-1] = .float(result)
                    continue
                }
                let result: Value
                do {
                    result = try Arithmetic.binary(argument, left, right, interpreter: interpreter)
                } catch {
                    ThreadState.unwind(top, down: stackBottom)
                    throw error
                }
                top -= 1
                top.deinitialize(count: 1)
                top[-1] = result
                left.release()
                right.release()

            case .compareOp:
                let right = top[-1].unsafelyUnwrapped
                let left = top[-2].unsafelyUnwrapped
                if case .int(let a) = left, case .int(let b) = right {
                    top -= 1
                    top[-1] = .bool(Arithmetic.compareIntegers(argument, a, b))
                    continue
                }
                let result: Bool
                do {
                    result = try Arithmetic.compare(argument, left, right)
                } catch {
                    ThreadState.unwind(top, down: stackBottom)
                    throw error
                }
                top -= 1
                top.deinitialize(count: 1)
                top[-1] = .bool(result)
                left.release()
                right.release()

            case .popJumpIfFalse, .popJumpIfTrue:
                top -= 1
                let value = top.move().unsafelyUnwrapped
                let jumpsIfTrue = word & 0xFF == UInt32(Opcode.popJumpIfTrue.rawValue)
                if case .bool(let flag) = value {
                    if flag == jumpsIfTrue { pc = argument }
                    continue
                }
                let truth: Bool
                do {
                    truth = try Arithmetic.truth(value)
                } catch {
                    value.release()
                    ThreadState.unwind(top, down: stackBottom)
                    throw error
                }
                value.release()
                if truth == jumpsIfTrue { pc = argument }

            case .jumpForward:
                pc = argument

            case .jumpBackward:
                pc = argument
                if evalBreaker != 0 { handleEvalBreaker() }

            case .returnValue:
                top -= 1
                let result = top.move().unsafelyUnwrapped
                ThreadState.unwind(top, down: stackBottom)
                return result

            default:
                ThreadState.unwind(top, down: stackBottom)
                throw .unsupported("opcode \(unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self))")
            }
        }
    }

    /// Calls `callable` with positional `arguments` (borrowed) and returns a
    /// new reference to the result.
    func call(_ callable: Value, _ arguments: [Value]) throws(EvalError) -> Value {
        guard case .object(let reference) = callable else {
            throw .typeError("'\(Arithmetic.typeName(callable))' object is not callable")
        }
        if let function = reference.with({ $0 as? PyFunction }) {
            let expected = function.code.code.argumentCount
            guard arguments.count == expected else {
                let plural = expected == 1 ? "" : "s"
                let given = arguments.count == 1 ? "was" : "were"
                throw .typeError("\(function.name)() takes \(expected) positional argument\(plural) "
                                 + "but \(arguments.count) \(given) given")
            }
            return try run(function.code, arguments: arguments, globals: function.globals)
        }
        if let builtin = reference.with({ $0 as? PyBuiltinFunction }) {
            return try builtin.body(self, arguments)
        }
        throw .typeError("'\(Arithmetic.typeName(callable))' object is not callable")
    }

    /// Drops what is left on the value stack when leaving the frame.
    static func unwind(_ top: UnsafeMutablePointer<Value?>, down bottom: UnsafeMutablePointer<Value?>) {
        var slot = top
        while slot > bottom {
            slot -= 1
            slot.move()?.release()
        }
    }

    /// Requests from other threads will be served here (GIL drop requests,
    /// signals, pending calls); with one thread there are none yet.
    func handleEvalBreaker() {
        evalBreaker = 0
    }
}
