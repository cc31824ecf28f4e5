import GarterSyntax

/// A `str`: a sequence of code points (lone surrogates allowed).
public final class PyStr: PyObject {
    public let codePoints: [UInt32]
    /// `hash(self)`, computed on first use (-1: not yet).
    @exclusivity(unchecked)
    var cachedHash: Int = -1
    /// Whether this object is the interpreter's interned copy of its text.
    var isInterned = false

    public init(_ codePoints: [UInt32], type: PyType) {
        self.codePoints = codePoints
        super.init(type: type)
    }

    public convenience init(_ text: String, type: PyType) {
        self.init(text.unicodeScalars.map(\.value), type: type)
    }

    public var count: Int { codePoints.count }

    /// The text as a Swift string (lone surrogates become U+FFFD).
    public var string: String {
        var result = String.UnicodeScalarView()
        for codePoint in codePoints { result.append(Unicode.Scalar(codePoint) ?? "\u{FFFD}") }
        return String(result)
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

    /// `hash(self)`: CPython's SipHash-1-3 of the text with the
    /// interpreter's secret (reached through the type), computed once.
    @inline(__always)
    public var hashValue: Int {
        if cachedHash != -1 { return cachedHash }
        return computeHash()
    }

    @inline(never)
    private func computeHash() -> Int {
        let hash = codePoints.withUnsafeBufferPointer { points in
            withType { $0.hashSecret.hash(codePoints: points) }
        }
        cachedHash = hash
        return hash
    }

    public func equals(_ other: PyStr) -> Bool {
        self === other || (count == other.count && hashValue == other.hashValue && codePoints == other.codePoints)
    }

    public func equals(_ text: String) -> Bool {
        var iterator = codePoints.makeIterator()
        for scalar in text.unicodeScalars {
            guard iterator.next() == scalar.value else { return false }
        }
        return iterator.next() == nil
    }
}

extension Value {
    /// The Swift text of a `str` value.
    public var stringValue: String? {
        guard case .object(let reference) = self else { return nil }
        return reference.with { ($0 as? PyStr)?.string }
    }

    /// The `PyStr` of a `str` value (borrowed).
    public var strObject: PyStr? {
        guard case .object(let reference) = self else { return nil }
        return reference.with { $0 as? PyStr }
    }

    /// The `str` object of a value known to be one (a code object's names,
    /// interned by the loader): no dynamic type check.
    @inline(__always)
    var unsafeStrObject: PyStr {
        guard case .object(let reference) = self else { preconditionFailure("not a str: \(self)") }
        return reference.with { unsafeDowncast($0, to: PyStr.self) }
    }
}
