import BigInt

/// An `int` object on the heap: an exact `int` too large for a machine word,
/// or an instance of a subclass of `int` (whatever its value).
///
/// Exact ints that fit a word are `Value.int` and never live here (see
/// `Value`), so a `PyLong` whose type is `int` itself always holds a value
/// outside `Int`'s range; a subclass instance (`class MyInt(int)`) is a
/// `PyLong` of its own type, so it can carry an instance dict.
public final class PyLong: PyObject {
    public let value: BigInt

    public init(_ value: BigInt, type: PyType) {
        self.value = value
        super.init(type: type)
    }
}

extension Value {
    /// The `Value` for an arbitrary-precision integer: inline when it fits.
    public static func integer(_ value: BigInt, longType: PyType) -> Value {
        if let small = Int(exactly: value) { return .int(small) }
        return .object(ObjectRef.allocate(PyLong(value, type: longType)))
    }
}
