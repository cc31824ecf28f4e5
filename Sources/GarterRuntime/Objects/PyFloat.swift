/// An instance of a subclass of `float` (`class Celsius(float)`). Exact
/// floats are always the inline `Value.float`; a subclass instance needs an
/// object of its own type, which can also carry an instance dict.
public final class PyFloat: PyObject {
    public let value: Double

    public init(_ value: Double, type: PyType) {
        self.value = value
        super.init(type: type)
    }
}
