/// A `bytes` object: an immutable sequence of bytes.
public final class PyBytes: PyObject {
    public let bytes: [UInt8]
    /// `hash(self)`, computed on first use (-1: not yet).
    @exclusivity(unchecked)
    var cachedHash: Int = -1

    public init(_ bytes: [UInt8], type: PyType) {
        self.bytes = bytes
        super.init(type: type)
    }

    public var count: Int { bytes.count }
}

/// A `bytearray`: a mutable sequence of bytes.
public final class PyByteArray: PyObject {
    @exclusivity(unchecked)
    public var bytes: [UInt8]
    /// How many live `memoryview`s export this buffer. While any does, the
    /// size may not change (CPython's `ob_exports`), so views never see
    /// their memory move under them.
    @exclusivity(unchecked)
    var exports = 0

    public init(_ bytes: [UInt8], type: PyType) {
        self.bytes = bytes
        super.init(type: type)
    }

    public var count: Int { bytes.count }

    /// Raises CPython's BufferError when a view pins the size.
    func checkResizable() throws(EvalError) {
        if exports > 0 {
            throw .pythonException("BufferError", "Existing exports of data: object cannot be re-sized")
        }
    }
}

/// A `memoryview`: a one-dimensional window onto the bytes of a `bytes` or
/// `bytearray`, read as items of one struct format.
///
/// The view holds a reference to the exporting object (`obj`) and reads its
/// storage on every access, so writes through a view of a bytearray land
/// in the bytearray. Items are `itemSize` bytes at `offset + i * stride`
/// (the stride may be negative after a reversed slice).
public final class PyMemoryView: PyObject {
    /// The exporting object (owned): a `PyBytes`, `PyByteArray` or `PyArray`.
    public let exporter: Value
    public let offset: Int
    public let length: Int
    public let stride: Int
    public let format: String
    public let itemSize: Int
    public let isReadOnly: Bool
    /// `shape` as given to `cast(format, shape)` (one-dimensional otherwise).
    public let shape: [Int]
    @exclusivity(unchecked)
    public var isReleased = false

    /// Takes over a reference to `exporter` and registers as an export of a bytearray.
    init(exporter: Value, offset: Int, length: Int, stride: Int, format: String, itemSize: Int,
         readOnly: Bool, shape: [Int]? = nil, type: PyType) {
        self.exporter = exporter
        self.offset = offset
        self.length = length
        self.stride = stride
        self.format = format
        self.itemSize = itemSize
        self.isReadOnly = readOnly
        self.shape = shape ?? [length]
        super.init(type: type)
        exporter.as(PyByteArray.self)?.exports += 1
        exporter.as(PyArray.self)?.exports += 1
    }

    /// Ends the export (`release()`, `with`, or the view's death).
    func release() {
        guard !isReleased else { return }
        isReleased = true
        exporter.as(PyByteArray.self)?.exports -= 1
        exporter.as(PyArray.self)?.exports -= 1
    }

    override public func releaseContents() {
        release()
        exporter.release()
    }

    /// Whether the items are adjacent and in order (`c_contiguous`).
    var isContiguous: Bool { stride == itemSize || length <= 1 }

    /// The exporter's current storage.
    @inline(__always)
    func withStorage<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws(EvalError) -> Result) throws(EvalError) -> Result {
        if let bytes = exporter.as(PyBytes.self) {
            return try bytes.bytes.withUnsafeBufferPointer { buffer throws(EvalError) in try body(buffer) }
        }
        if let array = exporter.as(PyArray.self) {
            return try array.storage.withUnsafeBufferPointer { buffer throws(EvalError) in try body(buffer) }
        }
        let array = exporter.as(PyByteArray.self)!
        return try array.bytes.withUnsafeBufferPointer { buffer throws(EvalError) in try body(buffer) }
    }

    /// Writes one byte of a writable exporter's storage (a bytearray or an
    /// `array.array`).
    func storeByte(_ byte: UInt8, at position: Int) {
        if let array = exporter.as(PyByteArray.self) {
            array.bytes[position] = byte
        } else if let array = exporter.as(PyArray.self) {
            array.storage[position] = byte
        }
    }

    /// The bytes of the items in order (`tobytes()`).
    func contents() throws(EvalError) -> [UInt8] {
        try withStorage { storage throws(EvalError) in
            if stride == itemSize { return Array(storage[offset..<(offset + length * itemSize)]) }
            var result: [UInt8] = []
            result.reserveCapacity(length * itemSize)
            for index in 0..<length {
                let start = offset + index * stride
                result.append(contentsOf: storage[start..<(start + itemSize)])
            }
            return result
        }
    }
}
