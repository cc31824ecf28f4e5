// itertools.product, permutations, combinations and
// combinations_with_replacement. Each reads its input into a pool when
// made, then walks an array of indexes into the pool, in CPython's order.
// State layout: lists[0] is the pool (or pools, concatenated for product),
// numbers holds the indexes, the cycles (permutations) and a "started" flag.

extension Interpreter {
    /// A tuple of pool items at `indexes` (new reference).
    private static func tuple(_ pool: [Value], _ indexes: ArraySlice<Int>, _ interpreter: Interpreter) -> Value {
        interpreter.newTuple(indexes.map { index in
            let item = pool[index]
            item.retain()
            return item
        })
    }

    func productType() -> PyType {
        moduleIteratorType("product", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            var repeatCount = 1
            for index in 0..<arguments.keywordCount {
                let name = arguments.keywordName(index)
                guard name == "repeat" else { throw .typeError("'\(name)' is an invalid keyword argument for product()") }
                repeatCount = try thread.sizeArgument(arguments.keywordValue(index))
            }
            if repeatCount < 0 { throw .valueError("repeat argument cannot be negative") }
            var pools: [[Value]] = []
            for index in 0..<arguments.positionalCount {
                do throws(EvalError) {
                    pools.append(try thread.collect(arguments[index]))
                } catch {
                    for pool in pools { for item in pool { item.release() } }
                    throw error
                }
            }
            var all: [[Value]] = []
            for _ in 0..<(pools.isEmpty ? 0 : repeatCount) {
                for pool in pools {
                    for item in pool { item.retain() }
                    all.append(pool)
                }
            }
            for pool in pools { for item in pool { item.release() } }
            let count = all.count
            // lists: the pools; numbers: one index per pool, then the "started" flag.
            return thread.interpreter.iteratorValue(type, lists: all, numbers: [Int](repeating: 0, count: count) + [0]) { thread, state throws(EvalError) in
                if state.numbers[count] == 0 {
                    state.numbers[count] = 1
                    if state.lists.contains(where: { $0.isEmpty }) {
                        state.finish()
                        return nil
                    }
                } else {
                    var position = count - 1
                    while position >= 0 {
                        state.numbers[position] += 1
                        if state.numbers[position] < state.lists[position].count { break }
                        state.numbers[position] = 0
                        position -= 1
                    }
                    if position < 0 {
                        state.finish()
                        return nil
                    }
                }
                var items: [Value] = []
                items.reserveCapacity(count)
                for position in 0..<count {
                    let item = state.lists[position][state.numbers[position]]
                    item.retain()
                    items.append(item)
                }
                return thread.interpreter.newTuple(items)
            }
        })
    }

    /// The pool and `r` of permutations, combinations and
    /// combinations_with_replacement.
    private func poolAndLength(_ thread: ThreadState, _ name: String, _ arguments: Arguments,
                               optional: Bool) throws(EvalError) -> ([Value], Int) {
        let bound = try arguments.bindClassic(name, ["iterable", "r"], required: optional ? 1 : 2)
        let pool = try thread.collect(bound[0]!)
        var length = pool.count
        if let r = bound[1], !(optional && r.isNone) {
            do throws(EvalError) { length = try thread.sizeArgument(r) } catch {
                for item in pool { item.release() }
                throw error
            }
            if length < 0 {
                for item in pool { item.release() }
                throw .valueError("r must be non-negative")
            }
        }
        return (pool, length)
    }

    func permutationsType() -> PyType {
        moduleIteratorType("permutations", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let (pool, r) = try thread.interpreter.poolAndLength(thread, "permutations", arguments, optional: true)
            let n = pool.count
            // numbers: n indexes, r cycles, the "started" flag.
            let cycles = (0..<min(r, n)).map { n - $0 }
            let numbers = Array(0..<n) + cycles + [Int](repeating: 0, count: max(0, r - cycles.count)) + [0]
            return thread.interpreter.iteratorValue(type, lists: [pool], numbers: numbers) { thread, state throws(EvalError) in
                let started = n + r
                if state.numbers[started] == 0 {
                    state.numbers[started] = 1
                    if r > n {
                        state.finish()
                        return nil
                    }
                } else {
                    if n == 0 {
                        state.finish()
                        return nil
                    }
                    var position = r - 1
                    while position >= 0 {
                        state.numbers[n + position] -= 1
                        if state.numbers[n + position] == 0 {
                            // Rotate indexes[position...] left by one.
                            let first = state.numbers[position]
                            for j in position..<(n - 1) { state.numbers[j] = state.numbers[j + 1] }
                            state.numbers[n - 1] = first
                            state.numbers[n + position] = n - position
                        } else {
                            let j = state.numbers[n + position]
                            state.numbers.swapAt(position, n - j)
                            break
                        }
                        position -= 1
                    }
                    if position < 0 {
                        state.finish()
                        return nil
                    }
                }
                return Interpreter.tuple(state.lists[0], state.numbers[0..<r], thread.interpreter)
            }
        })
    }

    func combinationsType() -> PyType {
        moduleIteratorType("combinations", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let (pool, r) = try thread.interpreter.poolAndLength(thread, "combinations", arguments, optional: false)
            let n = pool.count
            // numbers: r indexes, the "started" flag.
            return thread.interpreter.iteratorValue(type, lists: [pool], numbers: Array(0..<r) + [0]) { thread, state throws(EvalError) in
                if state.numbers[r] == 0 {
                    state.numbers[r] = 1
                    if r > n {
                        state.finish()
                        return nil
                    }
                } else {
                    var position = r - 1
                    while position >= 0 && state.numbers[position] == position + n - r { position -= 1 }
                    if position < 0 {
                        state.finish()
                        return nil
                    }
                    state.numbers[position] += 1
                    for j in (position + 1)..<max(r, position + 1) { state.numbers[j] = state.numbers[j - 1] + 1 }
                }
                return Interpreter.tuple(state.lists[0], state.numbers[0..<r], thread.interpreter)
            }
        })
    }

    func combinationsWithReplacementType() -> PyType {
        moduleIteratorType("combinations_with_replacement", module: "itertools", new: { thread, type, arguments throws(EvalError) in
            let (pool, r) = try thread.interpreter.poolAndLength(thread, "combinations_with_replacement", arguments, optional: false)
            let n = pool.count
            return thread.interpreter.iteratorValue(type, lists: [pool], numbers: [Int](repeating: 0, count: r) + [0]) { thread, state throws(EvalError) in
                if state.numbers[r] == 0 {
                    state.numbers[r] = 1
                    if n == 0 && r > 0 {
                        state.finish()
                        return nil
                    }
                } else {
                    var position = r - 1
                    while position >= 0 && state.numbers[position] == n - 1 { position -= 1 }
                    if position < 0 {
                        state.finish()
                        return nil
                    }
                    let index = state.numbers[position] + 1
                    for j in position..<r { state.numbers[j] = index }
                }
                return Interpreter.tuple(state.lists[0], state.numbers[0..<r], thread.interpreter)
            }
        })
    }
}
