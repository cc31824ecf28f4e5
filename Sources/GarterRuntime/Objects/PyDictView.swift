/// `d.keys()`, `d.values()`, `d.items()`: a live view of a dict (which
/// kind is the view's type). It holds a reference to the dict.
public final class PyDictView: PyObject {
    public enum Kind {
        case keys, values, items
    }

    public let kind: Kind
    /// The dict viewed (owned).
    public let dictValue: Value

    /// Retains `dict`.
    public init(dict: Value, kind: Kind, type: PyType) {
        dict.retain()
        dictValue = dict
        self.kind = kind
        super.init(type: type)
    }

    /// The dict, borrowed.
    public var dict: PyDict { dictValue.as(PyDict.self).unsafelyUnwrapped }

    override public func releaseContents() { dictValue.release() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(dictValue)
    }
}
