/// An iterator of a native module (`itertools.chain`, `itertools.product`,
/// ...): its step is Swift code and its state a few owned values, owned
/// lists of values and plain integers, all kept in the object so that
/// they are released with it (a closure capturing Python values would
/// leak them, since `Value` is not reference counted by Swift).
final class PyModuleIterator: PyObject {
    typealias Step = (ThreadState, PyModuleIterator) throws(EvalError) -> Value?

    let step: Step
    /// Owned values; nil is an empty slot.
    @exclusivity(unchecked)
    var values: [Value?]
    /// Owned lists of values (pools, saved items, the current result).
    @exclusivity(unchecked)
    var lists: [[Value]]
    @exclusivity(unchecked)
    var numbers: [Int]
    /// Set once the iterator has nothing more to give.
    @exclusivity(unchecked)
    var isFinished = false

    /// Takes over the references in `values` and `lists`.
    init(type: PyType, values: [Value?] = [], lists: [[Value]] = [], numbers: [Int] = [], step: @escaping Step) {
        self.step = step
        self.values = values
        self.lists = lists
        self.numbers = numbers
        super.init(type: type)
    }

    /// Stores `value` (taking over its reference) in slot `index`,
    /// releasing what was there.
    func replace(_ index: Int, with value: Value?) {
        let old = values[index]
        values[index] = value
        old?.release()
    }

    /// The value in slot `index`, borrowed.
    subscript(_ index: Int) -> Value? { values[index] }

    /// Drops everything the iterator holds; later steps give nothing.
    func finish() {
        isFinished = true
        releaseState()
    }

    private func releaseState() {
        let oldValues = values
        let oldLists = lists
        values = values.map { _ in nil }
        lists = lists.map { _ in [] }
        for value in oldValues { value?.release() }
        for list in oldLists { for value in list { value.release() } }
    }

    override func releaseContents() { releaseState() }
}

extension Interpreter {
    /// A native iterator type: `iter()` returns the object itself, `next()`
    /// runs its step.
    func moduleIteratorType(_ name: String, module: String, new: @escaping TypeSlots.New,
                            _ extra: (PyType, inout TypeSlots) -> Void = { _, _ in }) -> PyType {
        nativeType(name, module: module) { type in
            var slots = TypeSlots()
            slots.new = new
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let iterator = value.as(PyModuleIterator.self)!
                if iterator.isFinished { return nil }
                return try iterator.step(thread, iterator)
            }
            extra(type, &slots)
            type.installSlots(slots, self)
        }
    }
}
