import BigInt

// `memoryview` over the built-in exporters (bytes, bytearray), one
// dimension, with the native struct formats of `cast`.

/// A native single-item struct format of `memoryview.cast`.
struct MemoryFormat {
    let code: UInt8
    let size: Int

    /// The format for a cast destination or a view's format string
    /// (`@` prefix allowed), nil when unsupported.
    init?(_ text: String) {
        var scalars = Array(text.utf8)
        if scalars.count == 2 && scalars[0] == UInt8(ascii: "@") { scalars.removeFirst() }
        guard scalars.count == 1 else { return nil }
        switch scalars[0] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "?"): size = 1
        case UInt8(ascii: "H"), UInt8(ascii: "h"), UInt8(ascii: "e"): size = 2
        case UInt8(ascii: "I"), UInt8(ascii: "i"), UInt8(ascii: "f"): size = 4
        case UInt8(ascii: "L"), UInt8(ascii: "l"), UInt8(ascii: "Q"), UInt8(ascii: "q"), UInt8(ascii: "N"),
             UInt8(ascii: "n"), UInt8(ascii: "P"), UInt8(ascii: "d"): size = 8
        default: return nil
        }
        code = scalars[0]
    }

    var isByteFormat: Bool { code == UInt8(ascii: "B") || code == UInt8(ascii: "b") || code == UInt8(ascii: "c") }
    var isSigned: Bool { [UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "l"),
                          UInt8(ascii: "q"), UInt8(ascii: "n")].contains(code) }

    /// The item at `bytes` (little-endian, as on the platforms Garter runs on).
    func unpack(_ bytes: ArraySlice<UInt8>, _ interpreter: Interpreter) -> Value {
        var raw: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { raw |= UInt64(byte) << UInt64(8 * shift) }
        switch code {
        case UInt8(ascii: "c"): return interpreter.newBytes(Array(bytes))
        case UInt8(ascii: "?"): return .bool(raw != 0)
        case UInt8(ascii: "f"): return .float(Double(Float(bitPattern: UInt32(raw))))
        case UInt8(ascii: "e"): return .float(Double(Float16(bitPattern: UInt16(raw))))
        case UInt8(ascii: "d"): return .float(Double(bitPattern: raw))
        default:
            if isSigned {
                let shift = UInt64(64 - 8 * size)
                return .int(Int(Int64(bitPattern: raw << shift) >> Int64(shift)))
            }
            if raw > UInt64(Int.max) { return .integer(BigInt(raw), longType: interpreter.types.int) }
            return .int(Int(raw))
        }
    }

    /// The bytes of `value` as an item, with memoryview's messages.
    func pack(_ value: Value, _ thread: ThreadState) throws(EvalError) -> [UInt8] {
        let name = String(UnicodeScalar(code))
        func invalidType() -> EvalError { .typeError("memoryview: invalid type for format '\(name)'") }
        func invalidValue() -> EvalError { .valueError("memoryview: invalid value for format '\(name)'") }
        var raw: UInt64
        switch code {
        case UInt8(ascii: "c"):
            guard let bytes = value.as(PyBytes.self) else { throw invalidType() }
            guard bytes.count == 1 else { throw invalidValue() }
            return bytes.bytes
        case UInt8(ascii: "?"):
            raw = try thread.truth(value) ? 1 : 0
        case UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "d"):
            let number: Double
            if case .float(let x) = value { number = x } else if let integer = Arithmetic.pyInteger(value),
                let x = try? integer.toDouble() { number = x } else { throw invalidType() }
            raw = code == UInt8(ascii: "d") ? number.bitPattern
                : code == UInt8(ascii: "f") ? UInt64(Float(number).bitPattern) : UInt64(Float16(number).bitPattern)
        default:
            guard let integer = Arithmetic.pyInteger(value) else { throw invalidType() }
            guard let small = integer.smallValue else { throw invalidValue() }
            let bits = 8 * size
            if isSigned {
                if bits < 64 && (small < -(1 << (bits - 1)) || small >= 1 << (bits - 1)) { throw invalidValue() }
            } else if small < 0 || (bits < 64 && small >= 1 << bits) {
                throw invalidValue()
            }
            raw = UInt64(bitPattern: Int64(small))
        }
        return (0..<size).map { UInt8(truncatingIfNeeded: raw >> UInt64(8 * $0)) }
    }
}


extension PyMemoryView {
    func checkReleased() throws(EvalError) {
        if isReleased { throw .valueError("operation forbidden on released memoryview object") }
    }

    var memoryFormat: MemoryFormat { MemoryFormat(format)! }

    /// The items as Python values (`tolist()`, iteration, comparison).
    func items(_ interpreter: Interpreter) throws(EvalError) -> [Value] {
        let bytes = try contents()
        let format = memoryFormat
        return (0..<length).map { format.unpack(bytes[($0 * itemSize)..<(($0 + 1) * itemSize)], interpreter) }
    }
}

extension Interpreter {
    func installMemoryViewType() {
        let viewType = types.memoryview
        func get(_ value: Value) -> PyMemoryView { value.as(PyMemoryView.self)! }
        func live(_ value: Value) throws(EvalError) -> PyMemoryView {
            let view = get(value)
            try view.checkReleased()
            return view
        }
        /// A view of the same exporter.
        func derived(_ thread: ThreadState, _ view: PyMemoryView, offset: Int, length: Int, stride: Int,
                     format: String? = nil, itemSize: Int? = nil, readOnly: Bool? = nil) -> Value {
            view.exporter.retain()
            return .object(ObjectRef.allocate(PyMemoryView(
                exporter: view.exporter, offset: offset, length: length, stride: stride, format: format ?? view.format,
                itemSize: itemSize ?? view.itemSize, readOnly: readOnly ?? view.isReadOnly, type: thread.interpreter.types.memoryview)))
        }

        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("memoryview", ["object"], required: 1)
            let object = bound[0]!
            if let view = object.as(PyMemoryView.self) {
                try view.checkReleased()
                return derived(thread, view, offset: view.offset, length: view.length, stride: view.stride)
            }
            if let array = object.as(PyArray.self) {
                // An array exports its items with their typecode as format
                // ('u' would be 'w', a format memoryview cannot read yet).
                if array.code == .unicode { throw .pythonException("NotImplementedError", "memoryview: format w not supported") }
                object.retain()
                return .object(ObjectRef.allocate(PyMemoryView(
                    exporter: object, offset: 0, length: array.count, stride: array.itemSize, format: String(array.code.character),
                    itemSize: array.itemSize, readOnly: false, type: type)))
            }
            guard object.as(PyBytes.self) != nil || object.as(PyByteArray.self) != nil else {
                throw .typeError("memoryview: a bytes-like object is required, not '\(thread.typeOf(object).name)'")
            }
            object.retain()
            let count = try thread.length(object)
            return .object(ObjectRef.allocate(PyMemoryView(
                exporter: object, offset: 0, length: count, stride: 1, format: "B", itemSize: 1,
                readOnly: object.as(PyBytes.self) != nil, type: type)))
        }
        slots.repr = { thread, value throws(EvalError) in
            let address = String(value.objectReference!.address, radix: 16)
            return thread.interpreter.newString("<\(get(value).isReleased ? "released " : "")memory at 0x\(address)>")
        }
        slots.length = { _, value throws(EvalError) in try live(value).length }
        slots.getItem = { thread, value, key throws(EvalError) in
            let view = try live(value)
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try thread.sliceIndices(slice, count: view.length)
                return derived(thread, view, offset: view.offset + start * view.stride, length: length, stride: view.stride * step)
            }
            guard thread.typeOf(key).slots.index != nil || Arithmetic.pyInteger(key) != nil else {
                throw .typeError("memoryview: invalid slice key")
            }
            let index = try thread.memoryIndex(key, view)
            let start = view.offset + index * view.stride
            return try view.withStorage { storage throws(EvalError) in
                view.memoryFormat.unpack(ArraySlice(storage[start..<(start + view.itemSize)]), thread.interpreter)
            }
        }
        slots.setItem = { thread, value, key, newValue throws(EvalError) in
            let view = try live(value)
            if view.isReadOnly { throw .typeError("cannot modify read-only memory") }
            guard let newValue else { throw .typeError("cannot delete memory") }
            if let slice = key.as(PySlice.self) {
                let (start, _, step, length) = try thread.sliceIndices(slice, count: view.length)
                let source = try thread.requireBytesLike(newValue)
                guard source.count == length * view.itemSize else {
                    throw .valueError("memoryview assignment: lvalue and rvalue have different structures")
                }
                for item in 0..<length {
                    let target = view.offset + (start + item * step) * view.stride
                    for byte in 0..<view.itemSize { view.storeByte(source[item * view.itemSize + byte], at: target + byte) }
                }
                return
            }
            guard thread.typeOf(key).slots.index != nil || Arithmetic.pyInteger(key) != nil else {
                throw .typeError("memoryview: invalid slice key")
            }
            let index = try thread.memoryIndex(key, view)
            let packed = try view.memoryFormat.pack(newValue, thread)
            let target = view.offset + index * view.stride
            for (position, byte) in packed.enumerated() { view.storeByte(byte, at: target + position) }
        }
        slots.hash = { thread, value throws(EvalError) in
            let view = try live(value)
            if !view.isReadOnly { throw .valueError("cannot hash writable memoryview object") }
            if !view.memoryFormat.isByteFormat {
                throw .valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
            }
            return BytesHashing.hash(try view.contents())
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual else { return thread.notImplemented() }
            let (view, other) = left.as(PyMemoryView.self) != nil ? (get(left), right) : (get(right), left)
            if view.isReleased || other.as(PyMemoryView.self)?.isReleased == true {
                return .bool((left.isIdentical(to: right)) == (operation == .equal))
            }
            guard other.isBytesLike else { return thread.notImplemented() }
            let mine = try view.items(thread.interpreter)
            defer { for item in mine { item.release() } }
            let theirs: [Value]
            if let otherView = other.as(PyMemoryView.self) {
                theirs = try otherView.items(thread.interpreter)
            } else {
                theirs = (try thread.bytesLike(other) ?? []).map { .int(Int($0)) }
            }
            defer { for item in theirs { item.release() } }
            var equal = mine.count == theirs.count
            if equal {
                // Items are unpacked afresh (CPython compares new objects): no
                // identity shortcut, so a NaN item is unequal to itself.
                for (a, b) in zip(mine, theirs) where !(try thread.compareBool(a, b, .equal)) {
                    equal = false
                    break
                }
            }
            return .bool(equal == (operation == .equal))
        }
        slots.iterate = { thread, value throws(EvalError) in
            let view = try live(value)
            let list = thread.interpreter.newList(try view.items(thread.interpreter))
            defer { list.release() }
            return try thread.iterate(list)
        }
        viewType.installSlots(slots, self)

        viewType.define("tobytes", self) { thread, value, arguments throws(EvalError) in
            _ = try arguments.bindClinic("tobytes", ["order"])
            return thread.interpreter.newBytes(try live(value).contents())
        }
        viewType.define("tolist", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("memoryview.tolist", 0...0)
            return thread.interpreter.newList(try live(value).items(thread.interpreter))
        }
        viewType.define("toreadonly", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("memoryview.toreadonly", 0...0)
            let view = try live(value)
            return derived(thread, view, offset: view.offset, length: view.length, stride: view.stride, readOnly: true)
        }
        viewType.define("release", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("memoryview.release", 0...0)
            get(value).release()
            return .none
        }
        viewType.define("__enter__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("memoryview.__enter__", 0...0)
            _ = try live(value)
            value.retain()
            return value
        }
        viewType.define("__exit__", self) { _, value, _ throws(EvalError) in
            get(value).release()
            return .none
        }
        viewType.define("hex", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("hex", ["sep", "bytes_per_sep"])
            let (separator, group) = try thread.hexSeparator(bound[0], bound[1])
            let text = try live(value).contents().withUnsafeBufferPointer {
                ByteText.hex($0, separator: separator, bytesPerSeparator: group)
            }
            return thread.interpreter.newString(codePoints: text.map(UInt32.init))
        }
        viewType.define("cast", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("cast", ["format", "shape"], required: 1)
            let view = try live(value)
            guard let formatText = bound[0]!.as(PyStr.self) else {
                throw .typeError("cast() argument 'format' must be str, not \(thread.typeOf(bound[0]!).name)")
            }
            guard let format = MemoryFormat(formatText.string) else {
                throw .valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'")
            }
            if !view.isContiguous { throw .typeError("memoryview: casts are restricted to C-contiguous views") }
            if !format.isByteFormat && !view.memoryFormat.isByteFormat {
                throw .typeError("memoryview: cannot cast between two non-byte formats")
            }
            let total = view.length * view.itemSize
            if total % format.size != 0 { throw .typeError("memoryview: length is not a multiple of itemsize") }
            if let shape = bound[1], !shape.isNone {
                let dimensions = try thread.collect(shape)
                defer { for item in dimensions { item.release() } }
                guard dimensions.count == 1, case .int(let count) = dimensions[0], count * format.size == total else {
                    throw .unsupported("memoryview.cast with a multi-dimensional shape")
                }
            }
            return derived(thread, view, offset: view.offset, length: total / format.size, stride: format.size,
                           format: formatText.string, itemSize: format.size)
        }
        func attribute(_ name: String, _ body: @escaping (ThreadState, PyMemoryView) throws(EvalError) -> Value) {
            viewType.defineAttribute(name, self, get: { thread, value throws(EvalError) in try body(thread, try live(value)) })
        }
        attribute("obj") { _, view in
            view.exporter.retain()
            return view.exporter
        }
        attribute("nbytes") { _, view in .int(view.length * view.itemSize) }
        attribute("readonly") { _, view in .bool(view.isReadOnly) }
        attribute("itemsize") { _, view in .int(view.itemSize) }
        attribute("format") { thread, view in thread.interpreter.newString(view.format) }
        attribute("ndim") { _, _ in .int(1) }
        attribute("shape") { thread, view in thread.interpreter.newTuple([.int(view.length)]) }
        attribute("strides") { thread, view in thread.interpreter.newTuple([.int(view.stride)]) }
        attribute("suboffsets") { thread, _ in thread.interpreter.newTuple([]) }
        attribute("c_contiguous") { _, view in .bool(view.isContiguous) }
        attribute("f_contiguous") { _, view in .bool(view.isContiguous) }
        attribute("contiguous") { _, view in .bool(view.isContiguous) }
        for type in [types.bytes, types.bytearray, types.memoryview] { setItem(builtins, type.name, type.value) }
    }
}

extension ThreadState {
    /// An int subscript of a one-dimensional view.
    func memoryIndex(_ key: Value, _ view: PyMemoryView) throws(EvalError) -> Int {
        guard var index = try indexIntOrOverflow(key) else { throw .indexError("index out of bounds on dimension 1") }
        if index < 0 { index += view.length }
        guard index >= 0 && index < view.length else { throw .indexError("index out of bounds on dimension 1") }
        return index
    }
}
