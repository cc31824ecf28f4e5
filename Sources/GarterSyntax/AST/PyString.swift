/// Python text: a sequence of code points. Unlike Swift's `String` it can hold
/// lone surrogates (`"\ud800"` is a valid Python literal), which is why string
/// constants in the AST use it.
public struct PyString: Hashable, Sendable {
    public var codePoints: [UInt32]

    public init(codePoints: [UInt32]) {
        self.codePoints = codePoints
    }

    public init(_ string: String) {
        self.codePoints = string.unicodeScalars.map(\.value)
    }

    /// The text as a Swift string; lone surrogates become U+FFFD.
    public var string: String {
        var result = String.UnicodeScalarView()
        for value in codePoints {
            result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(result)
    }
}
