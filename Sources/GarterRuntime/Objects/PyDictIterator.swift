/// An iterator over a dict's keys, values or items, forwards or reversed
/// (CPython's `dictiterobject`): the entry number to resume from, the
/// dict's size when iteration started (a change is an error) and how many
/// items are still expected (more than that means the keys changed).
public final class PyDictIterator: PyObject {
    /// The dict (owned); nil once exhausted.
    @exclusivity(unchecked)
    public var dict: Value?
    public let kind: PyDictView.Kind
    public let isReversed: Bool
    /// Forwards, the next entry number to look at; reversed, the last.
    @exclusivity(unchecked)
    public var position: Int
    /// `len(d)` when the iterator was made; -1 once a change was reported,
    /// so that every later call reports it too.
    @exclusivity(unchecked)
    public var expectedCount: Int
    /// Items not yet produced (`__length_hint__`).
    @exclusivity(unchecked)
    public var remaining: Int

    /// Retains `dict`.
    public init(dict: Value, kind: PyDictView.Kind, reversed: Bool, type: PyType) {
        dict.retain()
        self.dict = dict
        self.kind = kind
        self.isReversed = reversed
        let table = dict.as(PyDict.self).unsafelyUnwrapped.storage
        position = reversed ? table.entryCount - 1 : 0
        expectedCount = table.count
        remaining = table.count
        super.init(type: type)
    }

    /// Marks the iterator exhausted and drops the dict.
    public func finish() {
        let old = dict
        dict = nil
        old?.release()
    }

    override public func releaseContents() { finish() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let dict { visit(dict) }
    }

    override public func clearReferences() {
        super.clearReferences()
        finish()
    }
}
