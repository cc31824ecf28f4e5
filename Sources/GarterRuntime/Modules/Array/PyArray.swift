import BigInt

/// An `array.array`: items of one C type packed in a contiguous byte
/// buffer (`storage`, `itemSize` bytes per item, native byte order), so an
/// array of a million doubles is 8 MB of doubles, not a million `Value`s.
/// The bytes are what the buffer protocol exports (`bytes(a)`, `f.write(a)`).
final class PyArray: PyObject {
    let code: ArrayTypecode
    let itemSize: Int
    @exclusivity(unchecked)
    var storage: [UInt8]
    /// How many live exports pin the size (CPython's `ob_exports`).
    @exclusivity(unchecked)
    var exports = 0

    init(code: ArrayTypecode, storage: [UInt8] = [], type: PyType) {
        self.code = code
        self.itemSize = code.itemSize
        self.storage = storage
        super.init(type: type)
    }

    var count: Int { storage.count / itemSize }

    /// Raises CPython's BufferError when an export pins the size.
    func checkResizable() throws(EvalError) {
        if exports > 0 {
            throw .pythonException("BufferError", "cannot resize an array that is exporting buffers")
        }
    }

    /// The raw bits of item `index` (zero-extended; floats as their IEEE bits).
    @inline(__always)
    func bits(at index: Int) -> UInt64 {
        storage.withUnsafeBytes { raw in
            let offset = index &* itemSize
            switch itemSize {
            case 1: return UInt64(raw.load(fromByteOffset: offset, as: UInt8.self))
            case 2: return UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
            case 4: return UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            default: return raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            }
        }
    }

    /// Stores the low `itemSize` bytes of `bits` as item `index`.
    @inline(__always)
    func store(_ bits: UInt64, at index: Int) {
        let size = itemSize
        storage.withUnsafeMutableBytes { raw in
            let offset = index &* size
            switch size {
            case 1: raw.storeBytes(of: UInt8(truncatingIfNeeded: bits), toByteOffset: offset, as: UInt8.self)
            case 2: raw.storeBytes(of: UInt16(truncatingIfNeeded: bits), toByteOffset: offset, as: UInt16.self)
            case 4: raw.storeBytes(of: UInt32(truncatingIfNeeded: bits), toByteOffset: offset, as: UInt32.self)
            default: raw.storeBytes(of: bits, toByteOffset: offset, as: UInt64.self)
            }
        }
    }

    /// Appends an item given as raw bits.
    @inline(__always)
    func append(bits: UInt64) {
        let index = count
        storage.append(contentsOf: repeatElement(0, count: itemSize))
        store(bits, at: index)
    }

    /// Item `index` as a Python value (a new reference).
    func item(at index: Int, _ interpreter: Interpreter) -> Value {
        let raw = bits(at: index)
        switch code {
        case .signedChar: return .int(Int(Int8(truncatingIfNeeded: raw)))
        case .signedShort: return .int(Int(Int16(truncatingIfNeeded: raw)))
        case .signedInt: return .int(Int(Int32(truncatingIfNeeded: raw)))
        case .signedLong, .signedLongLong: return .int(Int(Int64(bitPattern: raw)))
        case .unsignedChar, .unsignedShort, .unsignedInt: return .int(Int(raw))
        case .unsignedLong, .unsignedLongLong:
            if raw <= UInt64(Int.max) { return .int(Int(raw)) }
            return interpreter.integerValue(BigInt(raw))
        case .float: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
        case .double: return .float(Double(bitPattern: raw))
        case .unicode: return interpreter.newString(codePoints: [UInt32(truncatingIfNeeded: raw)])
        }
    }

    /// The items' code points of a 'u' array.
    var codePoints: [UInt32] {
        (0..<count).map { UInt32(truncatingIfNeeded: bits(at: $0)) }
    }

    /// The code points of a 'u' array, ValueError for a wchar_t that is
    /// not one (CPython's message).
    func validCodePoints() throws(EvalError) -> [UInt32] {
        let points = codePoints
        if let bad = points.first(where: { $0 > 0x10FFFF }) {
            throw .valueError("character U+\(String(bad, radix: 16)) is not in range [U+0000; U+10ffff]")
        }
        return points
    }

    /// The bytes of items `range`.
    func bytes(of range: Range<Int>) -> ArraySlice<UInt8> {
        storage[(range.lowerBound * itemSize)..<(range.upperBound * itemSize)]
    }

    /// Replaces items `range` by the items held in `bytes`.
    func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
        storage.replaceSubrange((range.lowerBound * itemSize)..<(range.upperBound * itemSize), with: bytes)
    }

    /// The byte image of the items a slice selects.
    func sliceBytes(start: Int, step: Int, length: Int) -> [UInt8] {
        if step == 1 { return Array(bytes(of: start..<(start + length))) }
        var result: [UInt8] = []
        result.reserveCapacity(length * itemSize)
        var index = start
        for _ in 0..<length {
            result.append(contentsOf: bytes(of: index..<(index + 1)))
            index &+= step
        }
        return result
    }
}

/// The iterator of an `array.array` (`array.arrayiterator`).
final class PyArrayIterator: PyObject {
    /// The array (owned), nil once exhausted.
    @exclusivity(unchecked)
    var array: PyArray?
    @exclusivity(unchecked)
    var index = 0

    init(array: PyArray, type: PyType) {
        self.array = array
        super.init(type: type)
        array.incref()
    }

    func finish() {
        if let array {
            self.array = nil
            array.decref()
        }
    }

    override func releaseContents() { finish() }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let array { visit(array.referenceValue) }
    }
}
