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
