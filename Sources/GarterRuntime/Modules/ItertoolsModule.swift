import GarterCompiler

// The `itertools` module: each iterator is a native type whose instances
// are `PyModuleIterator`s (their state in owned slots), following the
// step rules of CPython's itertoolsmodule.c so that side effects (how far
// the source iterators are advanced, when functions are called) match.
// The combinatoric iterators are in ItertoolsCombinatorics.swift, `tee`
// and `groupby` in ItertoolsSharing.swift.

extension Interpreter {
    func makeItertoolsModule() throws(EvalError) -> Value {
        try makeNativeModule("itertools", doc: "Functional tools for creating and using iterators.") { module, _ throws(EvalError) in
            for type in [countType(), cycleType(), repeatType(), accumulateType(), chainType(), compressType(),
                         dropwhileType(), takewhileType(), filterfalseType(), isliceType(), pairwiseType(),
                         starmapType(), zipLongestType(), productType(), permutationsType(), combinationsType(),
                         combinationsWithReplacementType(), groupbyType(), grouperType(), teeType()] {
                export(type, in: module)
            }
            let teeType = teeType()
            setItem(module.dict, "tee", .object(ObjectRef.allocate(
                PyBuiltinFunction(name: "tee", type: types.builtinFunction, moduleName: "itertools") { thread, arguments throws(EvalError) in
                    try thread.teeFunction(arguments, teeType: teeType)
                })))
        }
    }

    func iteratorValue(_ type: PyType, values: [Value?] = [], lists: [[Value]] = [], numbers: [Int] = [],
                               _ step: @escaping PyModuleIterator.Step) -> Value {
        .object(ObjectRef.allocate(PyModuleIterator(type: type, values: values, lists: lists, numbers: numbers, step: step)))
    }

    // MARK: Infinite iterators

    private func countType() -> PyType {
        moduleIteratorType("count", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClassic("count", ["start", "step"], required: 0)
            var start = bound[0] ?? .int(0)
            let step = bound[1] ?? .int(1)
            for value in [start, step] where !thread.isNumber(value) { throw .typeError("a number is required") }
            // CPython keeps a start that fits a word, with a step of int 1, as a
            // C integer: `count(True)` prints as `count(1)`.
            if case .bool(let flag) = start, thread.isIntegerOne(step) { start = .int(flag ? 1 : 0) }
            start.retain()
            step.retain()
            return thread.interpreter.iteratorValue(type, values: [start, step]) { thread, iterator throws(EvalError) in
                let current = iterator[0]!
                let next: Value
                if case .int(let a) = current, case .int(let b) = iterator[1]!, case (let sum, false) = a.addingReportingOverflow(b) {
                    next = .int(sum)
                } else {
                    next = try thread.binaryOperation(Int(BinaryOperation.add.rawValue), current, iterator[1]!)
                }
                iterator.values[0] = next
                return current
            }
        }) { _, slots in
            slots.repr = { thread, value throws(EvalError) in
                let iterator = value.as(PyModuleIterator.self)!
                let name = thread.typeOf(value).shortName
                let start = try thread.reprText(iterator[0]!)
                if thread.isIntegerOne(iterator[1]!) { return thread.interpreter.newString("\(name)(\(start))") }
                return thread.interpreter.newString("\(name)(\(start), \(try thread.reprText(iterator[1]!)))")
            }
        }
    }

    private func cycleType() -> PyType {
        moduleIteratorType("cycle", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "cycle", arguments)
            try arguments.expectPositional("cycle", 1)
            let iterator = try thread.iterate(arguments[0])
            // values: the source (until exhausted); lists[0]: the items seen; numbers[0]: replay position.
            return thread.interpreter.iteratorValue(type, values: [iterator], lists: [[]], numbers: [0]) { thread, cycle throws(EvalError) in
                if let source = cycle[0] {
                    if let item = try thread.next(source) {
                        item.retain()
                        cycle.lists[0].append(item)
                        return item
                    }
                    cycle.replace(0, with: nil)
                }
                let saved = cycle.lists[0]
                if saved.isEmpty { return nil }
                let item = saved[cycle.numbers[0]]
                cycle.numbers[0] = (cycle.numbers[0] + 1) % saved.count
                item.retain()
                return item
            }
        })
    }

    private func repeatType() -> PyType {
        moduleIteratorType("repeat", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClassic("repeat", ["object", "times"], required: 1)
            var times = -1
            if let count = bound[1] {
                times = max(0, try thread.sizeArgument(count))
            }
            let object = bound[0]!
            object.retain()
            // numbers[0]: how many are left, -1 for ever.
            return thread.interpreter.iteratorValue(type, values: [object], numbers: [times]) { _, iterator throws(EvalError) in
                let remaining = iterator.numbers[0]
                if remaining == 0 { return nil }
                if remaining > 0 { iterator.numbers[0] = remaining - 1 }
                let object = iterator[0]!
                object.retain()
                return object
            }
        }) { type, slots in
            slots.repr = { thread, value throws(EvalError) in
                let iterator = value.as(PyModuleIterator.self)!
                let name = thread.typeOf(value).shortName
                let object = try thread.reprText(iterator[0] ?? .none)
                if iterator.numbers[0] < 0 { return thread.interpreter.newString("\(name)(\(object))") }
                return thread.interpreter.newString("\(name)(\(object), \(iterator.numbers[0]))")
            }
            type.define("__length_hint__", self) { _, value, _ throws(EvalError) in
                let iterator = value.as(PyModuleIterator.self)!
                if iterator.numbers[0] < 0 { throw .typeError("len() of unsized object") }
                return .int(iterator.numbers[0])
            }
        }
    }

    // MARK: Iterators over one input

    private func accumulateType() -> PyType {
        moduleIteratorType("accumulate", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClassic("accumulate", ["iterable", "func", "initial"], required: 1, keywordOnlyFrom: 2)
            let iterator = try thread.iterate(bound[0]!)
            let function = bound[1] ?? .none
            let initial = bound[2] ?? .none
            function.retain()
            initial.retain()
            // values: source, function, running total (nil before the first), initial (None once given).
            return thread.interpreter.iteratorValue(type, values: [iterator, function, nil, initial]) { thread, state throws(EvalError) in
                if let initial = state[3], !initial.isNone {
                    // The slot's reference goes to the caller; the total gets its own.
                    initial.retain()
                    state.replace(2, with: initial)
                    state.values[3] = .none
                    return initial
                }
                guard let item = try thread.next(state[0]!) else { return nil }
                let total: Value
                if let running = state[2] {
                    defer { item.release() }
                    if state[1]!.isNone {
                        total = try thread.binaryOperation(Int(BinaryOperation.add.rawValue), running, item)
                    } else {
                        total = try thread.call(state[1]!, [running, item])
                    }
                } else {
                    total = item
                }
                state.replace(2, with: total)
                total.retain()
                return total
            }
        })
    }

    private func chainType() -> PyType {
        let step: PyModuleIterator.Step = { thread, chain throws(EvalError) in
            // values: the iterator over the iterables, the current one's iterator.
            while let source = chain[0] {
                if chain[1] == nil {
                    guard let iterable = try thread.next(source) else {
                        chain.replace(0, with: nil)
                        return nil
                    }
                    defer { iterable.release() }
                    do throws(EvalError) {
                        chain.replace(1, with: try thread.iterate(iterable))
                    } catch {
                        chain.replace(0, with: nil)
                        throw error
                    }
                }
                if let item = try thread.next(chain[1]!) { return item }
                chain.replace(1, with: nil)
            }
            return nil
        }
        return moduleIteratorType("chain", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "chain", arguments)
            let all = thread.interpreter.newTuple(arguments.positional.map { $0.retain(); return $0 })
            defer { all.release() }
            let source = try thread.iterate(all)
            return thread.interpreter.iteratorValue(type, values: [source, nil], step)
        }) { type, _ in
            type.defineClassMethod("from_iterable", self) { thread, arguments throws(EvalError) in
                guard arguments.positionalCount == 2, !arguments.hasKeywords else {
                    throw .typeError("chain.from_iterable() takes exactly one argument (\(arguments.totalCount - 1) given)")
                }
                let type = arguments[0].as(PyType.self)!
                let source = try thread.iterate(arguments[1])
                return thread.interpreter.iteratorValue(type, values: [source, nil], step)
            }
        }
    }

    private func compressType() -> PyType {
        moduleIteratorType("compress", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClassic("compress", ["data", "selectors"], required: 2)
            let data = try thread.iterate(bound[0]!)
            let selectors: Value
            do throws(EvalError) { selectors = try thread.iterate(bound[1]!) } catch {
                data.release()
                throw error
            }
            return thread.interpreter.iteratorValue(type, values: [data, selectors]) { thread, state throws(EvalError) in
                while true {
                    guard let datum = try thread.next(state[0]!) else { return nil }
                    guard let selector = try thread.next(state[1]!) else {
                        datum.release()
                        return nil
                    }
                    let keep: Bool
                    do throws(EvalError) { keep = try thread.truth(selector) } catch {
                        selector.release()
                        datum.release()
                        throw error
                    }
                    selector.release()
                    if keep { return datum }
                    datum.release()
                }
            }
        })
    }

    /// dropwhile, takewhile and filterfalse: a function and an iterable.
    private func predicateType(_ name: String, _ step: @escaping PyModuleIterator.Step) -> PyType {
        moduleIteratorType(name, module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, name, arguments)
            try arguments.expect(name, 2...2)
            let iterator = try thread.iterate(arguments[1])
            let function = arguments[0]
            function.retain()
            // values: the function, the source; numbers[0]: dropping/taking is over.
            return thread.interpreter.iteratorValue(type, values: [function, iterator], numbers: [0], step)
        })
    }

    private func dropwhileType() -> PyType {
        predicateType("dropwhile") { thread, state throws(EvalError) in
            while true {
                guard let item = try thread.next(state[1]!) else { return nil }
                if state.numbers[0] != 0 { return item }
                let keep: Bool
                do throws(EvalError) { keep = try thread.callTruth(state[0]!, item) } catch {
                    item.release()
                    throw error
                }
                if !keep {
                    state.numbers[0] = 1
                    return item
                }
                item.release()
            }
        }
    }

    private func takewhileType() -> PyType {
        predicateType("takewhile") { thread, state throws(EvalError) in
            if state.numbers[0] != 0 { return nil }
            guard let item = try thread.next(state[1]!) else { return nil }
            let keep: Bool
            do throws(EvalError) { keep = try thread.callTruth(state[0]!, item) } catch {
                item.release()
                throw error
            }
            if keep { return item }
            item.release()
            state.numbers[0] = 1
            return nil
        }
    }

    private func filterfalseType() -> PyType {
        predicateType("filterfalse") { thread, state throws(EvalError) in
            while true {
                guard let item = try thread.next(state[1]!) else { return nil }
                let keep: Bool
                do throws(EvalError) {
                    keep = state[0]!.isNone ? try thread.truth(item) : try thread.callTruth(state[0]!, item)
                } catch {
                    item.release()
                    throw error
                }
                if !keep { return item }
                item.release()
            }
        }
    }

    private func isliceType() -> PyType {
        moduleIteratorType("islice", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "islice", arguments)
            try arguments.expect("islice", 2...4)
            func bound(_ value: Value, _ message: String) throws(EvalError) -> Int? {
                if value.isNone { return nil }
                guard let number = try? thread.sizeArgument(value), number >= 0 else { throw .valueError(message) }
                return number
            }
            let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            var start = 0
            var stop: Int?
            var step = 1
            if arguments.positionalCount == 2 {
                stop = try bound(arguments[1], stopMessage)
            } else {
                start = try bound(arguments[1], indexMessage) ?? 0
                stop = try bound(arguments[2], stopMessage)
                if arguments.positionalCount == 4 {
                    if !arguments[3].isNone {
                        guard let number = try? thread.sizeArgument(arguments[3]), number >= 1 else {
                            throw .valueError("Step for islice() must be a positive integer or None.")
                        }
                        step = number
                    }
                }
            }
            let iterator = try thread.iterate(arguments[0])
            // numbers: items consumed, index of the next to give, stop (-1: none), step.
            return thread.interpreter.iteratorValue(type, values: [iterator], numbers: [0, start, stop ?? -1, step]) { thread, state throws(EvalError) in
                guard let source = state[0] else { return nil }
                let stop = state.numbers[2]
                while state.numbers[0] < state.numbers[1] {
                    guard let item = try thread.next(source) else {
                        state.finish()
                        return nil
                    }
                    item.release()
                    state.numbers[0] += 1
                }
                if stop != -1 && state.numbers[0] >= stop {
                    state.finish()
                    return nil
                }
                guard let item = try thread.next(source) else {
                    state.finish()
                    return nil
                }
                state.numbers[0] += 1
                let previous = state.numbers[1]
                let (next, overflow) = previous.addingReportingOverflow(state.numbers[3])
                state.numbers[1] = overflow || (stop != -1 && next > stop) ? stop : next
                return item
            }
        })
    }

    private func pairwiseType() -> PyType {
        moduleIteratorType("pairwise", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "pairwise", arguments)
            try arguments.expectPositional("pairwise", 1)
            let iterator = try thread.iterate(arguments[0])
            // values: the source, the previous item.
            return thread.interpreter.iteratorValue(type, values: [iterator, nil]) { thread, state throws(EvalError) in
                guard let source = state[0] else { return nil }
                if state[1] == nil {
                    guard let first = try thread.next(source) else {
                        state.finish()
                        return nil
                    }
                    state.replace(1, with: first)
                }
                guard let item = try thread.next(source) else {
                    state.finish()
                    return nil
                }
                let old = state[1]!
                old.retain()
                item.retain()
                state.replace(1, with: item)
                return thread.interpreter.newTuple([old, item])
            }
        })
    }

    private func starmapType() -> PyType {
        moduleIteratorType("starmap", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            try thread.rejectKeywordsForType(type, "starmap", arguments)
            try arguments.expect("starmap", 2...2)
            let iterator = try thread.iterate(arguments[1])
            let function = arguments[0]
            function.retain()
            return thread.interpreter.iteratorValue(type, values: [function, iterator]) { thread, state throws(EvalError) in
                guard let item = try thread.next(state[1]!) else { return nil }
                defer { item.release() }
                let values = try thread.collect(item)
                defer { for value in values { value.release() } }
                return try thread.call(state[0]!, values)
            }
        })
    }

    private func zipLongestType() -> PyType {
        moduleIteratorType("zip_longest", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            var fill = Value.none
            for index in 0..<arguments.keywordCount {
                guard arguments.keywordName(index) == "fillvalue" else {
                    throw .typeError("zip_longest() got an unexpected keyword argument")
                }
                fill = arguments.keywordValue(index)
            }
            var iterators: [Value?] = []
            for index in 0..<arguments.positionalCount {
                do throws(EvalError) {
                    iterators.append(try thread.iterate(arguments[index]))
                } catch {
                    for iterator in iterators { iterator?.release() }
                    throw error
                }
            }
            fill.retain()
            let count = iterators.count
            // values: the sources (nil once exhausted), then the fill value; numbers[0]: sources still active.
            return thread.interpreter.iteratorValue(type, values: iterators + [fill], numbers: [count]) { thread, state throws(EvalError) in
                if count == 0 || state.numbers[0] == 0 { return nil }
                var items: [Value] = []
                for index in 0..<count {
                    var item: Value
                    if let source = state[index] {
                        let next: Value?
                        do throws(EvalError) { next = try thread.next(source) } catch {
                            state.numbers[0] = 0
                            for item in items { item.release() }
                            throw error
                        }
                        if let next {
                            item = next
                        } else {
                            state.numbers[0] -= 1
                            if state.numbers[0] == 0 {
                                for item in items { item.release() }
                                return nil
                            }
                            state.replace(index, with: nil)
                            item = state[count]!
                            item.retain()
                        }
                    } else {
                        item = state[count]!
                        item.retain()
                    }
                    items.append(item)
                }
                return thread.interpreter.newTuple(items)
            }
        })
    }
}

extension ThreadState {
    /// Whether `value` is a number for `count()` (CPython's PyNumber_Check).
    func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool: return true
        case .none: return false
        case .object:
            let slots = typeOf(value).slots
            return slots.index != nil || slots.int != nil || slots.float != nil
        }
    }

    /// Whether `value` is the int 1 (or True), the step `count` leaves out of its repr.
    func isIntegerOne(_ value: Value) -> Bool {
        switch value {
        case .int(let number): return number == 1
        case .bool(let flag): return flag
        default: return false
        }
    }

    /// A size argument (CPython's PyNumber_AsSsize_t with OverflowError).
    func sizeArgument(_ value: Value) throws(EvalError) -> Int {
        let integer = try integerArgument(value)
        guard case .small(let number) = integer else {
            throw .overflowError("Python int too large to convert to C ssize_t")
        }
        return number
    }

    /// `bool(function(item))`.
    func callTruth(_ function: Value, _ item: Value) throws(EvalError) -> Bool {
        let result = try call(function, [item])
        defer { result.release() }
        return try truth(result)
    }

    /// CPython's `_PyArg_NoKeywords` check, which only the exact type makes
    /// (subclasses may take keywords in their own `__init__`).
    func rejectKeywordsForType(_ type: PyType, _ name: String, _ arguments: Arguments) throws(EvalError) {
        if arguments.hasKeywords && !type.isHeapType { throw .typeError("\(name)() takes no keyword arguments") }
    }
}
