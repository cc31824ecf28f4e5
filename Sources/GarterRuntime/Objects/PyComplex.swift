/// A `complex` number (or an instance of a subclass of `complex`): two
/// doubles, immutable once made.
public final class PyComplex: PyObject {
    public let real: Double
    public let imag: Double

    public init(real: Double, imag: Double, type: PyType) {
        self.real = real
        self.imag = imag
        super.init(type: type)
    }

    public var number: ComplexNumber { ComplexNumber(real: real, imag: imag) }
}
