// The `_heapq` module: heapq.py's sift loops over a list, in Swift, with
// the same comparisons in the same order (so ties end up where CPython
// puts them), and the check that comparisons did not resize the list.

extension Interpreter {
    func makeHeapqModule() throws(EvalError) -> Value {
        try makeNativeModule("_heapq", doc: "Heap queue algorithm (a.k.a. priority queue).") { module, define throws(EvalError) in
            func heap(_ function: String, _ value: Value, argument: String = "argument 1") throws(EvalError) -> PyList {
                guard let list = value.as(PyList.self) else {
                    throw .typeError("\(function)() \(argument) must be list, not \(value.typeName)")
                }
                return list
            }
            define("heappush") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("heappush")
                try arguments.expectPositional("heappush", 2)
                let list = try heap("heappush", arguments[0])
                arguments[1].retain()
                list.items.append(arguments[1])
                try Heap.siftDown(list, 0, list.count - 1, max: false, thread)
                return .none
            }
            for (name, isMax) in [("heappop", false), ("_heappop_max", true)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.expect(name, 1...1)
                    let list = try heap(name, arguments[0], argument: "argument")
                    guard let last = list.items.popLast() else { throw .indexError("index out of range") }
                    if list.count == 0 { return last }
                    let top = list.items[0]
                    list.items[0] = last
                    try Heap.siftUp(list, 0, max: isMax, thread)
                    return top
                }
            }
            for (name, isMax) in [("heapreplace", false), ("_heapreplace_max", true)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.rejectKeywords(name)
                    try arguments.expectPositional(name, 2)
                    let list = try heap(name, arguments[0])
                    guard list.count > 0 else { throw .indexError("index out of range") }
                    let top = list.items[0]
                    arguments[1].retain()
                    list.items[0] = arguments[1]
                    try Heap.siftUp(list, 0, max: isMax, thread)
                    return top
                }
            }
            define("heappushpop") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("heappushpop")
                try arguments.expectPositional("heappushpop", 2)
                let list = try heap("heappushpop", arguments[0])
                let item = arguments[1]
                item.retain()
                guard list.count > 0 else { return item }
                let top = list.items[0]
                top.retain()
                let smaller: Bool
                do throws(EvalError) { smaller = try thread.compareBool(top, item, .less) } catch {
                    top.release()
                    item.release()
                    throw error
                }
                top.release()
                if !smaller { return item }
                guard list.count > 0 else {
                    item.release()
                    throw .indexError("index out of range")
                }
                let returned = list.items[0]
                list.items[0] = item
                try Heap.siftUp(list, 0, max: false, thread)
                return returned
            }
            for (name, isMax) in [("heapify", false), ("_heapify_max", true)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.expect(name, 1...1)
                    let list = try heap(name, arguments[0], argument: "argument")
                    var index = list.count / 2 - 1
                    while index >= 0 {
                        try Heap.siftUp(list, index, max: isMax, thread)
                        index -= 1
                    }
                    return .none
                }
            }
        }
    }
}

/// Sifting items of a list used as a binary heap.
enum Heap {
    /// Whether `a` comes before `b` (`a < b`, or `b < a` for max-heaps);
    /// the list must keep its size while the comparison runs.
    private static func before(_ list: PyList, _ a: Int, _ b: Int, max: Bool, _ thread: ThreadState) throws(EvalError) -> Bool {
        let x = list.items[a]
        let y = list.items[b]
        // Word-sized ints compare without the rich-comparison machinery.
        if case .int(let p) = x, case .int(let q) = y { return max ? q < p : p < q }
        let size = list.count
        x.retain()
        y.retain()
        defer { x.release(); y.release() }
        let result = max ? try thread.compareBool(y, x, .less) : try thread.compareBool(x, y, .less)
        if list.count != size { throw .runtimeError("list changed size during iteration") }
        return result
    }

    /// Moves the item at `position` up towards `start` while it comes
    /// before its parent.
    static func siftDown(_ list: PyList, _ start: Int, _ position: Int, max: Bool, _ thread: ThreadState) throws(EvalError) {
        var position = position
        while position > start {
            let parent = (position - 1) >> 1
            if !(try before(list, position, parent, max: max, thread)) { break }
            list.items.swapAt(position, parent)
            position = parent
        }
    }

    /// Moves the smaller child up until a leaf is reached, then sifts the
    /// original item down from there (heapq.py's bottom-up variant).
    static func siftUp(_ list: PyList, _ position: Int, max: Bool, _ thread: ThreadState) throws(EvalError) {
        let end = list.count
        let start = position
        var position = position
        var child = 2 * position + 1
        while child < end {
            if child + 1 < end {
                if !(try before(list, child, child + 1, max: max, thread)) { child += 1 }
            }
            if list.count != end { throw .runtimeError("list changed size during iteration") }
            list.items.swapAt(position, child)
            position = child
            child = 2 * position + 1
        }
        try siftDown(list, start, position, max: max, thread)
    }
}
