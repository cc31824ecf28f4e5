/// `list[int]`, CPython's `types.GenericAlias`: a class (`origin`) with its
/// type arguments, made by `__class_getitem__` for annotations and
/// `typing`. It forwards most attribute reads to the origin and, called,
/// makes an instance of the origin.
public final class PyGenericAlias: PyObject {
    public let origin: Value
    /// Always a tuple.
    public let arguments: Value
    /// `*tuple[int, str]`: an unpacked alias, printed with a star.
    public let isStarred: Bool
    /// `__parameters__`, collected from the arguments on first use.
    var parameters: Value?

    /// Takes over `origin` and `arguments`.
    init(origin: Value, arguments: Value, isStarred: Bool = false, type: PyType) {
        self.origin = origin
        self.arguments = arguments
        self.isStarred = isStarred
        super.init(type: type)
    }

    var argumentItems: [Value] { arguments.as(PyTuple.self)!.items }

    override public func releaseContents() {
        origin.release()
        arguments.release()
        parameters?.release()
    }
}

/// `int | str`, CPython's `types.UnionType`: the flattened, de-duplicated
/// members of a `|` of classes and aliases (`None` stands for `NoneType`).
public final class PyUnion: PyObject {
    /// Always a tuple of two or more members.
    public let arguments: Value
    /// `__parameters__`, collected from the members on first use.
    var parameters: Value?

    /// Takes over `arguments`.
    init(arguments: Value, type: PyType) {
        self.arguments = arguments
        super.init(type: type)
    }

    var argumentItems: [Value] { arguments.as(PyTuple.self)!.items }

    override public func releaseContents() {
        arguments.release()
        parameters?.release()
    }
}
