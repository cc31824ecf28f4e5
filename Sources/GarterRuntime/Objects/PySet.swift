/// A `set` or `frozenset`: distinct hashable values.
///
/// The elements are the keys of an internal dict (values unused). This
/// keeps insertion order, which CPython's sets do not: CPython's own table
/// algorithm (and so its iteration order) replaces it when the hash-table
/// storage lands.
public final class PySet: PyObject {
    let table: PyDict
    var cachedHash: Int = -1

    public init(type: PyType, tableType: PyType) {
        table = PyDict(type: tableType)
        super.init(type: type)
        _ = ObjectRef.allocate(table)
    }

    public var count: Int { table.count }

    /// The elements, borrowed, in iteration order.
    public var elements: [Value] { table.pairs.map(\.key) }

    override public func releaseContents() { table.decref() }
}
