/// A `tuple`: a fixed sequence of values it holds a reference to each of.
public final class PyTuple: PyObject {
    public let items: [Value]
    var cachedHash: Int = -1

    /// Takes over one reference to each item.
    public init(_ items: [Value], type: PyType) {
        self.items = items
        super.init(type: type)
    }

    public var count: Int { items.count }

    override public func releaseContents() {
        for item in items { item.release() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for item in items.reversed() { visit(item) }
    }
}

/// A `list`: a mutable sequence holding a reference to each item.
public final class PyList: PyObject {
    @exclusivity(unchecked)
    public var items: [Value]

    /// Takes over one reference to each item.
    public init(_ items: [Value], type: PyType) {
        self.items = items
        super.init(type: type)
    }

    public var count: Int { items.count }

    override public func releaseContents() {
        let old = items
        items = []
        for item in old { item.release() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for item in items.reversed() { visit(item) }
    }

    override public func clearReferences() {
        super.clearReferences()
        releaseContents()
    }
}

/// A cell: one variable shared between a function and the functions nested
/// in it (`co_cellvars`/`co_freevars`). Empty until assigned.
public final class PyCell: PyObject {
    @exclusivity(unchecked)
    public var contents: Value?

    public init(_ contents: Value?, type: PyType) {
        self.contents = contents
        super.init(type: type)
    }

    override public func releaseContents() {
        let old = contents
        contents = nil
        old?.release()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let contents { visit(contents) }
    }

    override public func clearReferences() {
        super.clearReferences()
        releaseContents()
    }
}

/// A module: a namespace (`__dict__`) with a name.
public final class PyModule: PyObject {
    public let dict: PyDict

    /// Takes over a reference to `dict`.
    public init(dict: PyDict, type: PyType) {
        self.dict = dict
        super.init(type: type)
    }

    public var name: String { dict.lookup(name: "__name__")?.stringValue ?? "?" }

    override public func releaseContents() { dict.decref() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(dict.referenceValue)
    }
}

/// An instance of a class defined in Python (or of `object` itself), with
/// its `__dict__` and the values of its `__slots__`.
public final class PyInstance: PyObject {
    @exclusivity(unchecked)
    public var slotValues: [Value?]

    public init(type: PyType, slotCount: Int) {
        self.slotValues = Array(repeating: nil, count: slotCount)
        super.init(type: type)
    }

    override public func releaseContents() {
        let oldSlots = slotValues
        slotValues = []
        for value in oldSlots { value?.release() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        for value in slotValues { if let value { visit(value) } }
        super.traverse(visit)
    }

    /// Empties the slots (keeping their number: descriptors index them).
    override public func clearReferences() {
        let oldSlots = slotValues
        slotValues = Array(repeating: nil, count: oldSlots.count)
        for value in oldSlots { value?.release() }
        super.clearReferences()
    }
}

/// The singletons that are objects: `NotImplemented`, `Ellipsis` (immortal).
public final class PySingleton: PyObject {
    public let name: String

    public init(name: String, type: PyType) {
        self.name = name
        super.init(type: type)
        makeImmortal()
    }
}
