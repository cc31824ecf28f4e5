import GarterSystem
import GarterCompiler

// The evaluation loop: one `switch` over the opcode of each instruction
// word, with the program counter, the stack pointer and the code's tables
// in locals so the compiler keeps them in registers.
//
// Python-to-Python calls do not recurse in Swift: CALL pushes the callee's
// frame and the loop carries on in it; RETURN_VALUE pops back to the
// caller. The loop returns to Swift only from its entry frame (and when a
// generator frame yields). Exceptions are Swift errors inside an
// instruction; the `catch` at the bottom unwinds them through the code's
// exception table, frame by frame, as CPython 3.11's zero-cost scheme does.

extension ThreadState {
    /// Runs `entry` (already set up and marked `isEntry`) to completion or
    /// to its next yield, and returns the value returned or yielded (a new
    /// reference). Pops `entry` from the frame stack when it returns,
    /// unless it belongs to a generator.
    @inline(never)
    func evaluate(_ entry: UnsafeMutablePointer<Frame>, throwing pendingError: EvalError? = nil) throws(EvalError) -> Value {
        if depth >= recursionLimit + recursionHeadroom {
            discardFrame(entry)
            throw .recursion
        }
        depth += 1
        let callerFrame = currentFrame
        var frame = entry
        currentFrame = frame
        defer { currentFrame = callerFrame }
        /// Set by RERAISE: the exception passes on without a new traceback entry.
        var reraising = false
        /// An exception to raise at the entry frame's resume point (generator.throw).
        var pending = pendingError

        frameLoop: while true {
            // The frame holds the code: no Swift retain for this local (it
            // cost a retain/release pair on every call and return).
            unowned(unsafe) let code = frame.pointee.code.takeUnretainedValue()
            let instructions = code.instructions.baseAddress!
            let constants = code.constants.baseAddress!
            let names = code.names.baseAddress!
            let locals = frame.localsPlus
            let stackBottom = locals + code.localCount
            var top = stackBottom + frame.pointee.stackDepth
            var pc = frame.pointee.instructionIndex
            /// The keyword names KW_NAMES set for the next CALL.
            var keywordNames: PyTuple?

            do throws(EvalError) {
                if let error = pending {
                    pending = nil
                    throw error
                }
                while true {
                    let word = instructions[pc]
                    pc &+= 1
                    // sys.settrace/setprofile (Eval/Tracing.swift): one load and branch when off.
                    if traceHooksActive { try traceInstruction(frame, pc &- 1, top) }
                    let argument = Int(truncatingIfNeeded: word >> 8)
                    #if DEBUG
                    precondition(top - stackBottom <= code.stackSize && top >= stackBottom,
                                 "value stack out of bounds in \(code.code.name) at \(pc - 1): depth \(top - stackBottom) of \(code.stackSize)")
                    if interpreter.traceInstructions {
                        let opcode = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                        StandardStreams.writeError("  [\(code.code.name)] \(pc - 1) \(opcode) \(argument) depth=\(top - stackBottom)\n")
                    }
                    #endif
                    // Every word was made by `Instruction.init` from a valid
                    // opcode and `Opcode`'s raw values are its case indexes,
                    // so the low byte is a valid `Opcode` as it is.
                    switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
                    case .nop:
                        break

                    case .resume:
                        if evalBreaker.isRaised { try handleEvalBreaker() }

                    case .loadConst:
                        let value = constants[argument]
                        value.retain()
                        top.initialize(to: value)
                        top += 1

                    case .loadFast:
                        guard let value = locals[argument] else {
                            throw .unboundLocal(code.code.variableNames[argument])
                        }
                        value.retain()
                        top.initialize(to: value)
                        top += 1

                    case .storeFast:
                        top -= 1
                        let old = locals[argument]
                        locals[argument] = top.pointee
                        old?.release()

                    case .deleteFast:
                        guard let old = locals[argument] else {
                            throw .unboundLocal(code.code.variableNames[argument])
                        }
                        locals[argument] = nil
                        old.release()

                    case .popTop:
                        top -= 1
                        top.pointee?.release()

                    case .pushNull:
                        top.initialize(to: nil)
                        top += 1

                    case .copy:
                        let value = top[-argument]
                        value?.retain()
                        top.initialize(to: value)
                        top += 1

                    case .swap:
                        let value = top[-1]
                        top[-1] = top[-argument]
                        top[-argument] = value

                    case .loadGlobal:
                        if argument & 1 != 0 {
                            top.initialize(to: nil)
                            top += 1
                        }
                        let value = try loadGlobal(code, argument >> 1, frame)
                        value.retain()
                        top.initialize(to: value)
                        top += 1

                    case .storeGlobal:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        let name = names[argument]
                        name.retain()
                        try frame.pointee.globals.takeUnretainedValue().set(name, hash: name.unsafeStrObject.hashValue, value,
                                                                           Interpreter.stringsOnly)

                    case .deleteGlobal:
                        let name = names[argument]
                        guard let old = try frame.pointee.globals.takeUnretainedValue().remove(name, hash: name.unsafeStrObject.hashValue,
                                                                                                 Interpreter.stringsOnly) else {
                            throw .nameError(name.stringValue ?? "")
                        }
                        old.release()

                    case .loadName:
                        let value: Value
                        if let cached = cachedModuleName(code, argument, frame) {
                            value = cached
                            value.retain()
                        } else {
                            value = try loadNameSlowly(code, argument, frame)
                        }
                        top.initialize(to: value)
                        top += 1

                    case .storeName:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        if !storeCachedModuleName(code, argument, frame, value) {
                            try storeName(names[argument], value, frame)
                        }

                    case .deleteName:
                        try deleteName(names[argument], frame)

                    case .makeCell:
                        let old = locals[argument]
                        locals[argument] = .object(ObjectRef.allocate(PyCell(nil, type: interpreter.types.cell)))
                        old?.release()

                    case .copyFreeVars:
                        let firstFree = code.localCount - argument
                        if let closure = frame.pointee.function?.takeUnretainedValue().closure,
                           closure.items.count >= argument {
                            for index in 0..<argument {
                                let cell = closure.items[index]
                                cell.retain()
                                locals[firstFree + index] = cell
                            }
                        } else {
                            // Code run without its closure: empty cells, so
                            // a free variable reads as unbound (NameError).
                            for index in 0..<argument {
                                let old = locals[firstFree + index]
                                locals[firstFree + index] = .object(ObjectRef.allocate(PyCell(nil, type: interpreter.types.cell)))
                                old?.release()
                            }
                        }

                    case .loadDeref:
                        guard let value = locals[argument].unsafelyUnwrapped.as(PyCell.self)?.contents else {
                            throw unboundCell(code, argument)
                        }
                        value.retain()
                        top.initialize(to: value)
                        top += 1

                    case .storeDeref:
                        top -= 1
                        let cell = locals[argument].unsafelyUnwrapped.as(PyCell.self)!
                        let old = cell.contents
                        cell.contents = top.pointee
                        old?.release()

                    case .deleteDeref:
                        let cell = locals[argument].unsafelyUnwrapped.as(PyCell.self)!
                        guard let old = cell.contents else { throw unboundCell(code, argument) }
                        cell.contents = nil
                        old.release()

                    case .loadClosure:
                        let cell = locals[argument].unsafelyUnwrapped
                        cell.retain()
                        top.initialize(to: cell)
                        top += 1

                    case .loadClassDeref:
                        let name = code.localNames[argument].strObject!
                        if let mapping = frame.pointee.locals, let value = try lookupMapping(mapping, name) {
                            top.initialize(to: value)
                            top += 1
                            break
                        }
                        guard let value = locals[argument].unsafelyUnwrapped.as(PyCell.self)?.contents else {
                            throw unboundCell(code, argument)
                        }
                        value.retain()
                        top.initialize(to: value)
                        top += 1

                    case .loadAttr:
                        let owner = top[-1].unsafelyUnwrapped
                        let value = try loadAttribute(owner, code, argument)
                        top[-1] = value
                        owner.release()

                    case .loadMethod:
                        let owner = top[-1].unsafelyUnwrapped
                        if let method = loadMethod(owner, code, argument) {
                            top[-1] = method
                            top.initialize(to: owner)
                        } else {
                            let value = try loadAttribute(owner, code, argument)
                            top[-1] = nil
                            top.initialize(to: value)
                            owner.release()
                        }
                        top += 1

                    case .storeAttr:
                        let owner = top[-1].unsafelyUnwrapped
                        let value = top[-2].unsafelyUnwrapped
                        try storeAttribute(owner, code, argument, value)
                        top -= 2
                        owner.release()
                        value.release()

                    case .deleteAttr:
                        let owner = top[-1].unsafelyUnwrapped
                        try setAttribute(owner, names[argument].strObject!, nil)
                        top -= 1
                        top.pointee?.release()

                    case .unaryNegative, .unaryPositive, .unaryInvert:
                        let operand = top[-1].unsafelyUnwrapped
                        let opcode = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                        if case .int(let number) = operand, opcode == .unaryNegative, number != .min {
                            top[-1] = .int(-number)
                            break
                        }
                        let result = try unaryOperation(opcode, operand)
                        top[-1] = result
                        operand.release()

                    case .unaryNot:
                        let operand = top[-1].unsafelyUnwrapped
                        if case .bool(let flag) = operand {
                            top[-1] = .bool(!flag)
                            break
                        }
                        let truth = try self.truth(operand)
                        top[-1] = .bool(!truth)
                        operand.release()

                    case .binaryOp:
                        let right = top[-1].unsafelyUnwrapped
                        let left = top[-2].unsafelyUnwrapped
                        if case .int(let a) = left, case .int(let b) = right,
                           let result = Arithmetic.smallIntegers(argument, a, b) {
                            top -= 1
                            top[-1] = .int(result)
                            break
                        }
                        if case .float(let a) = left, case .float(let b) = right,
                           let result = Arithmetic.floats(argument, a, b) {
                            top -= 1
                            top[-1] = .float(result)
                            break
                        }
                        let result = try binaryOperation(argument, left, right)
                        top -= 1
                        top[-1] = result
                        left.release()
                        right.release()

                    case .compareOp:
                        let right = top[-1].unsafelyUnwrapped
                        let left = top[-2].unsafelyUnwrapped
                        if case .int(let a) = left, case .int(let b) = right {
                            top -= 1
                            top[-1] = .bool(Arithmetic.compareIntegers(argument, a, b))
                            break
                        }
                        if case .float(let a) = left, case .float(let b) = right {
                            top -= 1
                            top[-1] = .bool(Arithmetic.compare(ComparisonOperation(rawValue: UInt32(argument))!, a, b))
                            break
                        }
                        let result = try compare(left, right, ComparisonOperation(rawValue: UInt32(argument))!)
                        top -= 1
                        top[-1] = result
                        left.release()
                        right.release()

                    case .isOp:
                        let right = top[-1].unsafelyUnwrapped
                        let left = top[-2].unsafelyUnwrapped
                        top -= 1
                        top[-1] = .bool(left.isIdentical(to: right) != (argument == 1))
                        left.release()
                        right.release()

                    case .containsOp:
                        let container = top[-1].unsafelyUnwrapped
                        let item = top[-2].unsafelyUnwrapped
                        let found = try contains(container, item)
                        top -= 1
                        top[-1] = .bool(found != (argument == 1))
                        container.release()
                        item.release()

                    case .binarySubscript:
                        let key = top[-1].unsafelyUnwrapped
                        let container = top[-2].unsafelyUnwrapped
                        let result: Value
                        if case .int(var index) = key, let list = container.as(PyList.self),
                           typeOf(container) === interpreter.types.list {
                            if index < 0 { index += list.count }
                            guard index >= 0 && index < list.count else { throw .indexError("list index out of range") }
                            result = list.items[index]
                            result.retain()
                        } else {
                            result = try getItem(container, key)
                        }
                        top -= 1
                        top[-1] = result
                        container.release()
                        key.release()

                    case .storeSubscript:
                        let key = top[-1].unsafelyUnwrapped
                        let container = top[-2].unsafelyUnwrapped
                        let value = top[-3].unsafelyUnwrapped
                        try setItem(container, key, value)
                        top -= 3
                        key.release()
                        container.release()
                        value.release()

                    case .deleteSubscript:
                        let key = top[-1].unsafelyUnwrapped
                        let container = top[-2].unsafelyUnwrapped
                        try setItem(container, key, nil)
                        top -= 2
                        key.release()
                        container.release()

                    case .buildTuple:
                        let items = (0..<argument).map { top[$0 - argument].unsafelyUnwrapped }
                        top -= argument
                        top.initialize(to: interpreter.newTuple(items))
                        top += 1

                    case .buildList:
                        let items = (0..<argument).map { top[$0 - argument].unsafelyUnwrapped }
                        top -= argument
                        top.initialize(to: interpreter.newList(items))
                        top += 1

                    case .buildSet:
                        let set = PySet(type: interpreter.types.set)
                        let result = Value.object(ObjectRef.allocate(set))
                        top.initialize(to: result)
                        top += 1
                        for index in 0..<argument {
                            let item = top[index - argument - 1].unsafelyUnwrapped
                            try set.add(item, hash: try hash(item), self)
                        }
                        top -= 1
                        for index in 0..<argument { top[index - argument].unsafelyUnwrapped.release() }
                        top -= argument
                        top.initialize(to: result)
                        top += 1

                    case .buildMap:
                        let dict = interpreter.newDict()
                        let result = Value.object(ObjectRef(Unmanaged.passUnretained(dict)))
                        top.initialize(to: result)
                        top += 1
                        for index in 0..<argument {
                            let key = top[2 * index - 2 * argument - 1].unsafelyUnwrapped
                            let value = top[2 * index - 2 * argument].unsafelyUnwrapped
                            key.retain()
                            value.retain()
                            try dict.set(key, hash: try hash(key), value, equalFunction)
                        }
                        top -= 1
                        for index in 0..<(2 * argument) { top[index - 2 * argument].unsafelyUnwrapped.release() }
                        top -= 2 * argument
                        top.initialize(to: result)
                        top += 1

                    case .buildConstKeyMap:
                        let keys = top[-1].unsafelyUnwrapped.as(PyTuple.self)!.items
                        let dict = interpreter.newDict()
                        let result = Value.object(ObjectRef(Unmanaged.passUnretained(dict)))
                        top.initialize(to: result)
                        top += 1
                        for index in 0..<argument {
                            let key = keys[index]
                            let value = top[index - argument - 2].unsafelyUnwrapped
                            key.retain()
                            value.retain()
                            try dict.set(key, hash: try hash(key), value, equalFunction)
                        }
                        top -= 1
                        for index in 0..<(argument + 1) { top[index - argument - 1].unsafelyUnwrapped.release() }
                        top -= argument + 1
                        top.initialize(to: result)
                        top += 1

                    case .listAppend:
                        top -= 1
                        let item = top.pointee.unsafelyUnwrapped
                        top[-argument].unsafelyUnwrapped.as(PyList.self)!.items.append(item)

                    case .setAdd:
                        top -= 1
                        let item = top.pointee.unsafelyUnwrapped
                        let set = top[-argument].unsafelyUnwrapped.as(PySet.self)!
                        defer { item.release() }
                        try set.add(item, hash: try hash(item), self)

                    case .mapAdd:
                        top -= 2
                        let key = top[0].unsafelyUnwrapped
                        let value = top[1].unsafelyUnwrapped
                        let dict = top[-argument].unsafelyUnwrapped.as(PyDict.self)!
                        try dict.set(key, hash: try hash(key), value, equalFunction)

                    case .listExtend:
                        let iterable = top[-1].unsafelyUnwrapped
                        let list = top[-1 - argument].unsafelyUnwrapped.as(PyList.self)!
                        let items: [Value]
                        do throws(EvalError) {
                            items = try collect(iterable)
                        } catch {
                            if isInstance(error, of: "TypeError") && typeOf(iterable).slots.iterate == nil
                                && typeOf(iterable).slots.getItem == nil {
                                error.discard()
                                throw .typeError("Value after * must be an iterable, not \(typeOf(iterable).name)")
                            }
                            throw error
                        }
                        list.items.append(contentsOf: items)
                        top -= 1
                        top.pointee?.release()

                    case .setUpdate:
                        let iterable = top[-1].unsafelyUnwrapped
                        let set = top[-1 - argument].unsafelyUnwrapped.as(PySet.self)!
                        try addAll(set, iterable)
                        top -= 1
                        top.pointee?.release()

                    case .dictUpdate, .dictMerge:
                        let source = top[-1].unsafelyUnwrapped
                        let dict = top[-1 - argument].unsafelyUnwrapped.as(PyDict.self)!
                        if unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) == .dictMerge {
                            try mergeKeywords(into: dict, source, function: top[-argument - 3])
                        } else {
                            if source.as(PyDict.self) == nil, typeOf(source).lookup(interpreter.internedString("keys")) == nil {
                                throw .typeError("'\(typeOf(source).name)' object is not a mapping")
                            }
                            try update(dict, from: source)
                        }
                        top -= 1
                        top.pointee?.release()

                    case .listToTuple:
                        let list = top[-1].unsafelyUnwrapped
                        let items = list.as(PyList.self)!.items
                        for item in items { item.retain() }
                        top[-1] = interpreter.newTuple(items)
                        list.release()

                    case .buildString:
                        var text: [UInt32] = []
                        for index in 0..<argument {
                            text += top[index - argument].unsafelyUnwrapped.as(PyStr.self)!.codePoints
                        }
                        for index in 0..<argument { top[index - argument].unsafelyUnwrapped.release() }
                        top -= argument
                        top.initialize(to: interpreter.newString(codePoints: text))
                        top += 1

                    case .formatValue:
                        let hasSpec = argument & 4 != 0
                        let spec = hasSpec ? top[-1].unsafelyUnwrapped : nil
                        let original = top[hasSpec ? -2 : -1].unsafelyUnwrapped
                        var value = original
                        value.retain()
                        switch argument & 3 {
                        case 1: let converted = try str(value); value.release(); value = converted
                        case 2: let converted = try repr(value); value.release(); value = converted
                        case 3: let converted = try asciiText(value); value.release(); value = converted
                        default: break
                        }
                        let result: Value
                        if spec == nil, typeOf(value) === interpreter.types.str {
                            result = value
                        } else {
                            defer { value.release() }
                            result = try format(value, spec ?? interpreter.intern(""))
                        }
                        if hasSpec {
                            top -= 1
                            top.pointee?.release()
                        }
                        top[-1] = result
                        original.release()

                    case .buildSlice:
                        let step: Value = argument == 3 ? top[-1].unsafelyUnwrapped : .none
                        let stop = top[argument == 3 ? -2 : -1].unsafelyUnwrapped
                        let start = top[argument == 3 ? -3 : -2].unsafelyUnwrapped
                        top -= argument
                        top.initialize(to: .object(ObjectRef.allocate(PySlice(start: start, stop: stop, step: step,
                                                                              type: interpreter.types.other("slice")))))
                        top += 1

                    case .unpackSequence:
                        let sequence = top[-1].unsafelyUnwrapped
                        let items = try unpack(sequence, count: argument)
                        top -= 1
                        for item in items.reversed() {
                            top.initialize(to: item)
                            top += 1
                        }
                        sequence.release()

                    case .unpackEx:
                        let sequence = top[-1].unsafelyUnwrapped
                        let items = try unpackStarred(sequence, before: argument & 0xFF, after: argument >> 8)
                        top -= 1
                        for item in items.reversed() {
                            top.initialize(to: item)
                            top += 1
                        }
                        sequence.release()

                    case .jumpForward:
                        pc = argument

                    case .jumpBackward:
                        pc = argument
                        if evalBreaker.isRaised { try handleEvalBreaker() }

                    case .jumpBackwardNoInterrupt:
                        pc = argument

                    case .popJumpIfFalse, .popJumpIfTrue:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        let jumpsIfTrue = word & 0xFF == UInt32(Opcode.popJumpIfTrue.rawValue)
                        let truth: Bool
                        if case .bool(let flag) = value {
                            truth = flag
                        } else {
                            defer { value.release() }
                            truth = try self.truth(value)
                        }
                        if truth == jumpsIfTrue {
                            if argument < pc && evalBreaker.isRaised { try handleEvalBreaker() }
                            pc = argument
                        }

                    case .popJumpIfNone, .popJumpIfNotNone:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        let jumpsIfNone = word & 0xFF == UInt32(Opcode.popJumpIfNone.rawValue)
                        if value.isNone == jumpsIfNone {
                            if argument < pc && evalBreaker.isRaised { try handleEvalBreaker() }
                            pc = argument
                        }
                        value.release()

                    case .jumpIfFalseOrPop, .jumpIfTrueOrPop:
                        let value = top[-1].unsafelyUnwrapped
                        let jumpsIfTrue = word & 0xFF == UInt32(Opcode.jumpIfTrueOrPop.rawValue)
                        if try self.truth(value) == jumpsIfTrue {
                            pc = argument
                        } else {
                            top -= 1
                            top.pointee?.release()
                        }

                    case .getIterator:
                        let iterable = top[-1].unsafelyUnwrapped
                        top[-1] = try iterate(iterable)
                        iterable.release()

                    case .getYieldFromIter:
                        let iterable = top[-1].unsafelyUnwrapped
                        if let generator = iterable.as(PyGenerator.self) {
                            if generator.kind == .coroutine && !code.flags.contains(.coroutine) && !code.flags.contains(.iterableCoroutine) {
                                throw .typeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
                            }
                            break
                        }
                        top[-1] = try iterate(iterable)
                        iterable.release()

                    case .forIterator:
                        let iterator = top[-1].unsafelyUnwrapped
                        if let range = iterator.as(PyRangeIterator.self) {
                            if range.remaining > 0 {
                                range.remaining -= 1
                                let current = range.next
                                range.next = current &+ range.step
                                top.initialize(to: .int(current))
                                top += 1
                                break
                            }
                        } else if let item = try next(iterator) {
                            top.initialize(to: item)
                            top += 1
                            break
                        }
                        top -= 1
                        top.pointee?.release()
                        pc = argument

                    case .getLen:
                        let value = top[-1].unsafelyUnwrapped
                        top.initialize(to: .int(try length(value)))
                        top += 1

                    case .kwNames:
                        keywordNames = constants[argument].as(PyTuple.self)

                    case .call:
                        let isMethod = top[-argument - 2] != nil
                        let callable = isMethod ? top[-argument - 2].unsafelyUnwrapped : top[-argument - 1].unsafelyUnwrapped
                        let count = isMethod ? argument + 1 : argument
                        let argumentsBase = top - count
                        let names = keywordNames
                        keywordNames = nil
                        let arguments = Arguments(base: UnsafePointer(argumentsBase), positionalCount: count - (names?.count ?? 0),
                                                  keywordNames: names)
                        if case .object(let reference) = callable,
                           reference.with({ $0.typePointer }) == interpreter.types.function.pointer {
                            // A Python function: push its frame and continue there.
                            let function = reference.with { unsafeDowncast($0, to: PyFunction.self) }
                            if depth >= recursionLimit + recursionHeadroom { throw .recursion }
                            let callee = try pushFrame(for: function, arguments)
                            for index in 0..<count { argumentsBase[index].unsafelyUnwrapped.release() }
                            top -= argument + 2
                            top[0]?.release()
                            if isMethod { } else { top[1].unsafelyUnwrapped.release() }
                            frame.pointee.instructionIndex = pc
                            frame.pointee.stackDepth = top - stackBottom
                            depth += 1
                            frame = callee
                            currentFrame = frame
                            continue frameLoop
                        }
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        let result = try call(callable, arguments)
                        for index in 0..<count { argumentsBase[index].unsafelyUnwrapped.release() }
                        top -= argument + 2
                        top[0]?.release()
                        if !isMethod { top[1].unsafelyUnwrapped.release() }
                        top.initialize(to: result)
                        top += 1

                    case .callFunctionEx:
                        let hasKeywords = argument & 1 != 0
                        let keywords = hasKeywords ? top[-1].unsafelyUnwrapped : nil
                        let positional = top[hasKeywords ? -2 : -1].unsafelyUnwrapped
                        let callable = top[hasKeywords ? -3 : -2].unsafelyUnwrapped
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        let result = try callWithUnpacked(callable, positional, keywords)
                        let used = hasKeywords ? 4 : 3
                        for index in 0..<used { top[index - used]?.release() }
                        top -= used
                        top.initialize(to: result)
                        top += 1

                    case .makeFunction:
                        try makeFunction(argument, &top, frame)

                    case .returnValue:
                        top -= 1
                        let result = top.pointee.unsafelyUnwrapped
                        frame.pointee.stackDepth = top - stackBottom
                        frame.pointee.instructionIndex = pc
                        if frame.pointee.isEntry {
                            finishEntryFrame(frame)
                            depth -= 1
                            return result
                        }
                        let caller = frame.pointee.previous!
                        frame.release(stackDepth: top - stackBottom)
                        frameStack.pop(frame)
                        depth -= 1
                        frame = caller
                        currentFrame = frame
                        frame.push(result)
                        continue frameLoop

                    case .returnGenerator:
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        let generator = makeGenerator(from: frame)
                        if frame == entry {
                            depth -= 1
                            return generator
                        }
                        let caller = frame.pointee.previous!
                        depth -= 1
                        frame = caller
                        currentFrame = frame
                        frame.push(generator)
                        continue frameLoop

                    case .yieldValue:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        frame.pointee.hasYielded = true
                        depth -= 1
                        return value

                    case .send:
                        let sent = top[-1].unsafelyUnwrapped
                        let receiver = top[-2].unsafelyUnwrapped
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        switch try sendToSubiterator(receiver, sent) {
                        case .yielded(let value):
                            top[-1] = value
                        case .returned(let value):
                            // `receiver v -- result`: the receiver is done.
                            top -= 1
                            top[-1] = value
                            receiver.release()
                            pc = argument
                        }
                        sent.release()

                    case .getAwaitable:
                        let value = top[-1].unsafelyUnwrapped
                        top[-1] = try awaitable(value, context: argument)
                        value.release()

                    case .getAIter:
                        let value = top[-1].unsafelyUnwrapped
                        guard let iterator = try callSpecial(value, interpreter.names.__aiter__, []) else {
                            throw .typeError("'async for' requires an object with __aiter__ method, got \(typeOf(value).name)")
                        }
                        top[-1] = iterator
                        value.release()

                    case .getANext:
                        let iterator = top[-1].unsafelyUnwrapped
                        guard let next = try callSpecial(iterator, interpreter.names.__anext__, []) else {
                            throw .typeError("'async for' requires an iterator with __anext__ method, got \(typeOf(iterator).name)")
                        }
                        defer { next.release() }
                        top.initialize(to: try awaitable(next, context: 0))
                        top += 1

                    case .endAsyncFor:
                        let exception = top[-1].unsafelyUnwrapped
                        guard typeOf(exception).isSubtype(of: interpreter.types.exceptions["StopAsyncIteration"]!) else {
                            top -= 1
                            reraising = true
                            throw .exception(exception.objectReference!)
                        }
                        top -= 2
                        top[1].unsafelyUnwrapped.release()
                        top[0].unsafelyUnwrapped.release()

                    case .beforeAsyncWith:
                        let manager = top[-1].unsafelyUnwrapped
                        guard let enter = try callSpecial(manager, interpreter.names.__aenter__, []) else {
                            throw .typeError("'\(typeOf(manager).name)' object does not support the asynchronous context manager protocol")
                        }
                        defer { enter.release() }
                        let exit = try specialMethod(manager, interpreter.names.__aexit__)
                        top[-1] = exit
                        manager.release()
                        top.initialize(to: try awaitable(enter, context: 1))
                        top += 1

                    case .beforeWith:
                        let manager = top[-1].unsafelyUnwrapped
                        let exit: Value
                        do throws(EvalError) {
                            exit = try specialMethod(manager, interpreter.names.__exit__)
                            if typeOf(manager).lookup(interpreter.names.__enter__) == nil {
                                exit.release()
                                throw EvalError.attributeError("__enter__")
                            }
                        } catch {
                            if isAttributeError(error) {
                                error.discard()
                                throw contextManagerError(manager)
                            }
                            throw error
                        }
                        let entered: Value
                        do throws(EvalError) {
                            entered = try callSpecial(manager, interpreter.names.__enter__, [])!
                        } catch {
                            exit.release()
                            throw error
                        }
                        top[-1] = exit
                        manager.release()
                        top.initialize(to: entered)
                        top += 1

                    case .withExceptStart:
                        let exception = top[-1].unsafelyUnwrapped
                        let exit = top[-4].unsafelyUnwrapped
                        let type = typeOf(exception)
                        let traceback: Value = exception.as(PyBaseException.self)?.traceback
                            .map { .object(ObjectRef(Unmanaged.passUnretained($0))) } ?? .none
                        let result = try call(exit, [type.value, exception, traceback])
                        top.initialize(to: result)
                        top += 1

                    case .pushExcInfo:
                        let exception = top[-1].unsafelyUnwrapped
                        let previous = handledExceptions[handledExceptions.count - 1]
                        exception.retain()
                        handledExceptions[handledExceptions.count - 1] = exception
                        top[-1] = previous
                        top.initialize(to: exception)
                        top += 1

                    case .popExcept:
                        top -= 1
                        let previous = top.pointee.unsafelyUnwrapped
                        let current = handledExceptions[handledExceptions.count - 1]
                        handledExceptions[handledExceptions.count - 1] = previous
                        current.release()

                    case .checkExcMatch:
                        let pattern = top[-1].unsafelyUnwrapped
                        let exception = top[-2].unsafelyUnwrapped
                        try checkExceptionPattern(pattern)
                        let matches = try exceptionMatches(typeOf(exception), pattern)
                        top[-1] = .bool(matches)
                        pattern.release()

                    case .checkEgMatch:
                        let pattern = top[-1].unsafelyUnwrapped
                        let exception = top[-2].unsafelyUnwrapped
                        try checkExceptionPattern(pattern)
                        let (rest, matched) = try splitExceptionGroup(exception, pattern)
                        pattern.release()
                        exception.release()
                        top[-2] = rest
                        top[-1] = matched
                        if !matched.isNone {
                            // The matched part becomes the exception being handled.
                            matched.retain()
                            let old = handledExceptions[handledExceptions.count - 1]
                            handledExceptions[handledExceptions.count - 1] = matched
                            old.release()
                        }

                    case .prepReraiseStar:
                        let list = top[-1].unsafelyUnwrapped
                        let original = top[-2].unsafelyUnwrapped
                        let result = try prepareReraiseStar(original, list)
                        top -= 1
                        top.pointee?.release()
                        top[-1] = result
                        original.release()

                    case .raiseVarargs:
                        try raise(argument, &top)

                    case .reraise:
                        top -= 1
                        let exception = top.pointee.unsafelyUnwrapped
                        // The handler is looked up at this instruction (CPython's
                        // RERAISE changes only f_lasti, which tracebacks
                        // already recorded), so the lasti below is not needed.
                        reraising = true
                        throw .exception(exception.objectReference!)

                    case .loadAssertionError:
                        let type = interpreter.types.exceptions["AssertionError"]!
                        top.initialize(to: type.value)
                        top += 1

                    case .loadBuildClass:
                        guard let builder = frame.pointee.builtins.takeUnretainedValue().lookup(name: "__build_class__") else {
                            throw .nameError("__build_class__")
                        }
                        builder.retain()
                        top.initialize(to: builder)
                        top += 1

                    case .setupAnnotations:
                        guard let mapping = frame.pointee.locals else { throw .pythonException("SystemError", "no locals found when setting up annotations") }
                        if try lookupMapping(mapping, interpreter.names.__annotations__).map({ $0.release(); return true }) != true {
                            let dict = Value.object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
                            try storeName(interpreter.intern("__annotations__"), dict, frame)
                        }

                    case .importName:
                        let fromList = top[-1].unsafelyUnwrapped
                        let level = top[-2].unsafelyUnwrapped
                        frame.pointee.instructionIndex = pc
                        frame.pointee.stackDepth = top - stackBottom
                        let module = try importName(names[argument], fromList: fromList, level: level, frame: frame)
                        top -= 1
                        top.pointee?.release()
                        top[-1] = module
                        level.release()

                    case .importFrom:
                        let module = top[-1].unsafelyUnwrapped
                        top.initialize(to: try importFrom(module, names[argument].strObject!))
                        top += 1

                    case .importStar:
                        top -= 1
                        let module = top.pointee.unsafelyUnwrapped
                        defer { module.release() }
                        try importStar(module, frame)

                    case .matchMapping:
                        let subject = top[-1].unsafelyUnwrapped
                        top.initialize(to: .bool(typeOf(subject).flags.contains(.mapping)))
                        top += 1

                    case .matchSequence:
                        let subject = top[-1].unsafelyUnwrapped
                        top.initialize(to: .bool(typeOf(subject).flags.contains(.sequence)))
                        top += 1

                    case .matchKeys:
                        let keys = top[-1].unsafelyUnwrapped
                        let subject = top[-2].unsafelyUnwrapped
                        top.initialize(to: try matchKeys(subject, keys))
                        top += 1

                    case .matchClass:
                        let attributeNames = top[-1].unsafelyUnwrapped
                        let cls = top[-2].unsafelyUnwrapped
                        let subject = top[-3].unsafelyUnwrapped
                        let result = try matchClass(subject, cls, positionalCount: argument, names: attributeNames)
                        top -= 2
                        top[1].unsafelyUnwrapped.release()
                        top[0].unsafelyUnwrapped.release()
                        top[-1] = result
                        subject.release()

                    case .asyncGenWrap:
                        let value = top[-1].unsafelyUnwrapped
                        top[-1] = .object(ObjectRef.allocate(PyAsyncGeneratorValue(value: value, type: interpreter.types.other("async_generator_wrapped_value"))))

                    case .printExpr:
                        top -= 1
                        let value = top.pointee.unsafelyUnwrapped
                        defer { value.release() }
                        try displayHook(value)
                    }
                }
            } catch {
                // The instruction at pc - 1 raised, or a callee frame (whose
                // error came back through Swift) did.
                let exception = normalize(error, newlyRaised: !reraising)
                var raisingFrame = frame
                var failedAt = pc - 1
                var depthNow = top - stackBottom
                while true {
                    if !reraising {
                        addTracebackEntry(exception, raisingFrame, instructionIndex: failedAt)
                        if traceHooksActive { traceException(raisingFrame, failedAt, exception) }
                    }
                    reraising = false
                    let raisingCode = raisingFrame.pointee.code.takeUnretainedValue()
                    if let handler = raisingCode.handler(at: failedAt) {
                        let base = raisingFrame.localsPlus + raisingCode.localCount
                        while depthNow > handler.depth {
                            depthNow -= 1
                            (base + depthNow).move()?.release()
                        }
                        if handler.pushesLastInstruction {
                            (base + depthNow).initialize(to: .int(failedAt))
                            depthNow += 1
                        }
                        (base + depthNow).initialize(to: .object(exception))
                        depthNow += 1
                        raisingFrame.pointee.stackDepth = depthNow
                        raisingFrame.pointee.instructionIndex = handler.target
                        frame = raisingFrame
                        currentFrame = frame
                        continue frameLoop
                    }
                    // No handler here: the frame ends with the exception.
                    if traceHooksActive { traceUnwind(raisingFrame, failedAt) }
                    if raisingFrame.pointee.isEntry {
                        raisingFrame.pointee.stackDepth = depthNow
                        finishEntryFrame(raisingFrame, stackDepth: depthNow, raised: true)
                        depth -= 1
                        throw .exception(exception)
                    }
                    let caller = raisingFrame.pointee.previous!
                    raisingFrame.release(stackDepth: depthNow)
                    frameStack.pop(raisingFrame)
                    depth -= 1
                    raisingFrame = caller
                    currentFrame = caller
                    failedAt = caller.pointee.instructionIndex - 1
                    depthNow = caller.pointee.stackDepth
                }
            }
        }
    }

    /// Releases a frame that never ran (a recursion error before entering it).
    func discardFrame(_ frame: UnsafeMutablePointer<Frame>) {
        frame.release(stackDepth: 0)
        if !frame.pointee.isGenerator { frameStack.pop(frame) }
    }

    /// The entry frame is done (returned, raised, or a generator finished):
    /// release it unless a generator owns it (the generator does then).
    func finishEntryFrame(_ frame: UnsafeMutablePointer<Frame>, stackDepth: Int? = nil, raised: Bool = false) {
        if frame.pointee.isGenerator {
            frame.pointee.hasYielded = false
            return
        }
        frame.release(stackDepth: stackDepth ?? frame.pointee.stackDepth)
        frameStack.pop(frame)
    }

    /// The error for reading an empty cell or free variable.
    /// BEFORE_WITH's TypeError, naming `__exit__` when only that is missing (as CPython 3.11).
    func contextManagerError(_ manager: Value) -> EvalError {
        let type = typeOf(manager)
        let missedExit = type.lookup(interpreter.names.__enter__) != nil ? " (missed __exit__ method)" : ""
        return .typeError("'\(type.name)' object does not support the context manager protocol\(missedExit)")
    }

    func unboundCell(_ code: LoadedCode, _ index: Int) -> EvalError {
        let name = code.localNames[index].stringValue ?? "?"
        if index >= code.code.variableNames.count + code.code.cellVariables.count {
            return .pythonException("NameError", "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        }
        return .unboundLocal(name)
    }

    /// Requests from other threads: a GIL drop request hands the GIL over
    /// and waits to get it back (signals, pending calls and asynchronous
    /// exceptions come with the modules that raise them).
    @inline(never)
    func handleEvalBreaker() throws(EvalError) {
        if evalBreaker.contains(.gilDropRequest) {
            interpreter.gil.yieldForDropRequest(gilThread)
        }
        if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
        if evalBreaker.contains(.collectionRequested) {
            evalBreaker.clear(.collectionRequested)
            interpreter.collector.collectAutomatically(self)
        }
    }
}

