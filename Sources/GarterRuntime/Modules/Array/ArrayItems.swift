import BigInt

// Converting Python values to array items and back, with the checks and
// messages of CPython 3.11's per-typecode setters (each C type reaches its
// range check through a different C API function, hence the different
// wordings).

extension ThreadState {
    /// `value` as the raw bits of an item of type `code`.
    func arrayItemBits(_ code: ArrayTypecode, _ value: Value) throws(EvalError) -> UInt64 {
        switch code {
        case .double:
            if case .float(let number) = value { return number.bitPattern }
            return try floatArgument(value).bitPattern
        case .float:
            if case .float(let number) = value { return UInt64(Float(number).bitPattern) }
            return UInt64(Float(try floatArgument(value)).bitPattern)
        case .unicode:
            guard let text = value.as(PyStr.self), text.count == 1 else {
                throw .typeError("array item must be unicode character")
            }
            return UInt64(text.codePoints[0])
        default:
            if case .int(let number) = value { return try arrayIntegerBits(code, .small(number)) }
            return try arrayIntegerBits(code, try integerArgument(value))
        }
    }

    private func arrayIntegerBits(_ code: ArrayTypecode, _ integer: PyInteger) throws(EvalError) -> UInt64 {
        func signed(_ number: Int, _ name: String, _ range: ClosedRange<Int>) throws(EvalError) -> UInt64 {
            if number < range.lowerBound { throw .overflowError("\(name) is less than minimum") }
            if number > range.upperBound { throw .overflowError("\(name) is greater than maximum") }
            return UInt64(bitPattern: Int64(number))
        }
        switch code {
        case .signedChar, .unsignedChar, .signedShort, .unsignedShort, .signedInt, .signedLong:
            guard let number = integer.smallValue else { throw .overflowError("Python int too large to convert to C long") }
            switch code {
            case .signedChar: return try signed(number, "signed char", -128...127)
            case .unsignedChar: return try signed(number, "unsigned byte integer", 0...255)
            case .signedShort: return try signed(number, "signed short integer", -32768...32767)
            case .unsignedShort: return try signed(number, "unsigned short", 0...65535)
            case .signedInt: return try signed(number, "signed integer", Int(Int32.min)...Int(Int32.max))
            default: return UInt64(bitPattern: Int64(number))
            }
        case .unsignedInt, .unsignedLong:
            if integer.isNegative { throw .overflowError("can't convert negative value to unsigned int") }
            guard let number = UInt64(exactly: integer.bigValue) else {
                throw .overflowError("Python int too large to convert to C unsigned long")
            }
            if code == .unsignedInt && number > UInt64(UInt32.max) {
                throw .overflowError("unsigned int is greater than maximum")
            }
            return number
        case .signedLongLong:
            guard let number = integer.smallValue else { throw .overflowError("int too big to convert") }
            return UInt64(bitPattern: Int64(number))
        case .unsignedLongLong:
            if integer.isNegative { throw .overflowError("can't convert negative int to unsigned") }
            guard let number = UInt64(exactly: integer.bigValue) else { throw .overflowError("int too big to convert") }
            return number
        default:
            return 0
        }
    }

    /// Appends every item of a list or tuple, item by item as CPython does:
    /// the items before a bad one stay appended.
    func arrayAppendItems(_ array: PyArray, _ items: [Value]) throws(EvalError) {
        if items.isEmpty { return }
        try array.checkResizable()
        array.storage.reserveCapacity(array.storage.count + items.count * array.itemSize)
        for item in items { array.append(bits: try arrayItemBits(array.code, item)) }
    }

    /// Appends the items of any iterable (CPython's array_iter_extend).
    func arrayExtend(_ array: PyArray, iterable: Value) throws(EvalError) {
        try forEach(iterable) { item throws(EvalError) in
            let bits = try arrayItemBits(array.code, item)
            try array.checkResizable()
            array.append(bits: bits)
        }
    }

    /// `a.extend(b)` and `a += b`: arrays must be of the same kind; other
    /// iterables are appended item by item.
    func arrayExtendFrom(_ array: PyArray, _ other: Value) throws(EvalError) {
        if let source = other.as(PyArray.self) {
            guard source.code == array.code else { throw .typeError("can only extend with array of same kind") }
            if !source.storage.isEmpty { try array.checkResizable() }
            let bytes = source.storage
            array.storage.append(contentsOf: bytes)
            return
        }
        try arrayExtend(array, iterable: other)
    }

    /// `a.frombytes(b)`.
    func arrayFromBytes(_ array: PyArray, _ bytes: [UInt8]) throws(EvalError) {
        guard bytes.count % array.itemSize == 0 else { throw .valueError("bytes length not a multiple of item size") }
        if !bytes.isEmpty { try array.checkResizable() }
        array.storage.append(contentsOf: bytes)
    }

    /// `a.fromunicode(s)` (only for 'u' arrays).
    func arrayFromUnicode(_ array: PyArray, _ codePoints: [UInt32]) throws(EvalError) {
        if !codePoints.isEmpty { try array.checkResizable() }
        array.storage.reserveCapacity(array.storage.count + codePoints.count * 4)
        for point in codePoints { array.append(bits: UInt64(point)) }
    }

    /// The items as a list of values (new references).
    func arrayItems(_ array: PyArray) -> [Value] {
        (0..<array.count).map { array.item(at: $0, interpreter) }
    }

    /// The position of the first item equal to `value` in `range`, nil if none.
    func arrayFind(_ array: PyArray, _ value: Value, in range: Range<Int>) throws(EvalError) -> Int? {
        var index = range.lowerBound
        while index < min(range.upperBound, array.count) {
            let item = array.item(at: index, interpreter)
            defer { item.release() }
            if try equal(item, value) { return index }
            index += 1
        }
        return nil
    }
}

extension Interpreter {
    /// A new array of type `type` (array.array or a subclass).
    func newArray(_ code: ArrayTypecode, _ storage: [UInt8] = [], type: PyType? = nil) -> Value {
        .object(ObjectRef.allocate(PyArray(code: code, storage: storage, type: type ?? arrayType())))
    }
}
