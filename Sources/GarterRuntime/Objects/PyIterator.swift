/// The iterators of built-in sequences and the helper iterators
/// (`iter(seq)` over `__getitem__`, `iter(callable, sentinel)`): a source
/// and a position.
public final class PySequenceIterator: PyObject {
    /// The sequence iterated (owned); nil once exhausted.
    @exclusivity(unchecked)
    public var source: Value?
    @exclusivity(unchecked)
    public var position: Int = 0
    /// For dict iterators: the dict's size when iteration started.
    public var expectedCount: Int = 0
    /// For `iter(callable, sentinel)`.
    public var sentinel: Value?

    /// Takes over a reference to `source`.
    public init(source: Value, type: PyType) {
        self.source = source
        super.init(type: type)
    }

    override public func releaseContents() {
        let old = source
        source = nil
        old?.release()
        sentinel?.release()
        sentinel = nil
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let source { visit(source) }
        if let sentinel { visit(sentinel) }
    }

    override public func clearReferences() {
        super.clearReferences()
        releaseContents()
    }
}

/// `range(start, stop, step)` (word-sized bounds; big ones are not supported yet).
public final class PyRange: PyObject {
    public let start: Int
    public let stop: Int
    public let step: Int

    public init(start: Int, stop: Int, step: Int, type: PyType) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }

    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

/// A range iterator: the next value and how many are left.
public final class PyRangeIterator: PyObject {
    @exclusivity(unchecked)
    public var next: Int
    public let step: Int
    @exclusivity(unchecked)
    public var remaining: Int

    public init(next: Int, step: Int, remaining: Int, type: PyType) {
        self.next = next
        self.step = step
        self.remaining = remaining
        super.init(type: type)
    }
}

/// `slice(start, stop, step)`.
public final class PySlice: PyObject {
    public let start: Value
    public let stop: Value
    public let step: Value

    /// Takes over the references.
    public init(start: Value, stop: Value, step: Value, type: PyType) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }

    override public func releaseContents() {
        start.release()
        stop.release()
        step.release()
    }
}
