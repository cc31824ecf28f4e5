/// An iterator over a set or frozenset (CPython's `setiterobject`): the
/// slot to resume from, the set's size when iteration started (a change is
/// an error) and how many members are left (`__length_hint__`).
public final class PySetIterator: PyObject {
    /// The set (owned); nil once exhausted.
    @exclusivity(unchecked)
    public var set: Value?
    @exclusivity(unchecked)
    public var slot = 0
    /// `len(s)` when the iterator was made; -1 once a change was reported.
    @exclusivity(unchecked)
    public var expectedCount: Int
    @exclusivity(unchecked)
    public var remaining: Int

    /// Retains `set`.
    public init(set: Value, type: PyType) {
        set.retain()
        self.set = set
        let count = set.as(PySet.self).unsafelyUnwrapped.count
        expectedCount = count
        remaining = count
        super.init(type: type)
    }

    public func finish() {
        let old = set
        set = nil
        old?.release()
    }

    override public func releaseContents() { finish() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let set { visit(set) }
    }

    override public func clearReferences() {
        super.clearReferences()
        finish()
    }
}
