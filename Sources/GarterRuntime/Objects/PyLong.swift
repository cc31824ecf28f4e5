import BigInt

/// An `int` too large for a machine word. Smaller ones are `Value.int` and
/// never live on the heap (see `Value`), so every `PyLong` holds a value
/// outside `Int`'s range.
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
