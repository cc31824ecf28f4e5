import GarterSyntax

/// A `str`: a sequence of code points (lone surrogates allowed).
public final class PyStr: PyObject {
    public let codePoints: [UInt32]

    public init(_ codePoints: [UInt32], type: PyType) {
        self.codePoints = codePoints
        super.init(type: type)
    }

    /// The text as UTF-8, or nil when it holds a lone surrogate (which UTF-8
    /// cannot encode without an error handler).
    public var utf8: [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(codePoints.count)
        for codePoint in codePoints {
            guard let scalar = Unicode.Scalar(codePoint) else { return nil }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return bytes
    }
}
