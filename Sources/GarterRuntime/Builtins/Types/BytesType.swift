import GarterCompiler
import GarterSyntax

extension Interpreter {
    /// `bytes`: the object side; the shared methods are in BytesMethods.swift.
    func installBytesType() {
        let bytesType = types.bytes
        func get(_ value: Value) -> PyBytes { value.as(PyBytes.self)! }
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in thread.interpreter.newString(Repr.bytes(get(value).bytes)) }
        slots.str = slots.repr
        slots.hash = { _, value throws(EvalError) in
            let bytes = get(value)
            if bytes.cachedHash == -1 { bytes.cachedHash = BytesHashing.hash(bytes.bytes) }
            return bytes.cachedHash
        }
        slots.length = { _, value throws(EvalError) in get(value).count }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PyBytes.self), let b = right.as(PyBytes.self) else { return thread.notImplemented() }
            return .bool(ByteSequenceComparison.compare(a.bytes, b.bytes, operation))
        }
        slots.getItem = { thread, value, key throws(EvalError) in
            let bytes = get(value).bytes
            if let slice = key.as(PySlice.self) {
                return thread.interpreter.newBytes(try thread.sliceBytes(bytes, slice))
            }
            return .int(Int(bytes[try thread.byteIndex(key, count: bytes.count, what: "byte", rangeMessage: "index out of range")]))
        }
        slots.contains = { thread, value, item throws(EvalError) in
            try thread.byteSequenceContains(get(value).bytes, item)
        }
        slots.iterate = { thread, value throws(EvalError) in
            value.retain()
            return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: thread.interpreter.types.other("bytes_iterator"))))
        }
        slots.binary[0] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyBytes.self) else { return thread.notImplemented() }
            guard let b = try thread.bytesLike(right) else {
                throw .typeError("can't concat \(thread.typeOf(right).name) to bytes")
            }
            return thread.interpreter.newBytes(a.bytes + b)
        }
        slots.binary[5] = { thread, left, right throws(EvalError) in
            let (sequence, times) = left.as(PyBytes.self) != nil ? (left, right) : (right, left)
            guard let bytes = sequence.as(PyBytes.self) else { return thread.notImplemented() }
            let (count, result) = try thread.repeatCount(left, right, times: times, sequenceType: thread.interpreter.types.bytes)
            if let result { return result }
            return thread.interpreter.newBytes(try thread.repeatBytes(bytes.bytes, .int(count)))
        }
        slots.binary[6] = { thread, left, right throws(EvalError) in
            guard let format = left.as(PyBytes.self) else { return thread.notImplemented() }
            return thread.interpreter.newBytes(try thread.percentFormatBytes(format.bytes, right))
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("bytes", ["source", "encoding", "errors"])
            if let source = bound[0], bound[1] == nil, bound[2] == nil, type === thread.interpreter.types.bytes,
               thread.typeOf(source) === thread.interpreter.types.bytes {
                source.retain()
                return source
            }
            let bytes = try thread.bytesFromSource(bound[0], encoding: bound[1], errors: bound[2], typeName: "bytes")
            return .object(ObjectRef.allocate(PyBytes(bytes, type: type)))
        }
        bytesType.installSlots(slots, self)
        removeTypeAttribute(bytesType, "__radd__")
        bytesType.define("__bytes__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytes.__bytes__", 0...0)
            if thread.typeOf(value) === thread.interpreter.types.bytes {
                value.retain()
                return value
            }
            return thread.interpreter.newBytes(get(value).bytes)
        }
        installByteSequenceMethods(bytesType, mutable: false)
        installByteIterator("bytes_iterator")
    }

    /// The iterator of `bytes` and `bytearray`: yields ints.
    func installByteIterator(_ name: String) {
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { _, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source else { return nil }
            let bytes = source.as(PyBytes.self)?.bytes ?? source.as(PyByteArray.self)?.bytes ?? []
            if iterator.position < bytes.count {
                iterator.position += 1
                return .int(Int(bytes[iterator.position - 1]))
            }
            iterator.source = nil
            source.release()
            return nil
        }
        let type = types.other(name)
        type.installSlots(slots, self)
        type.define("__length_hint__", self) { thread, value, _ throws(EvalError) in
            guard let iterator = value.as(PySequenceIterator.self), let source = iterator.source else { return .int(0) }
            return .int(max(0, (try thread.length(source)) - iterator.position))
        }
    }
}

/// Lexicographic comparison of byte strings (memcmp, then the lengths).
enum ByteSequenceComparison {
    static func compare(_ a: [UInt8], _ b: [UInt8], _ operation: ComparisonOperation) -> Bool {
        if operation == .equal { return a == b }
        if operation == .notEqual { return a != b }
        let order: Int
        if a == b {
            order = 0
        } else {
            order = a.lexicographicallyPrecedes(b) ? -1 : 1
        }
        return Arithmetic.compare(operation, order, 0)
    }
}

extension ThreadState {
    /// A subscript of a byte sequence, with the type's messages.
    func byteIndex(_ key: Value, count: Int, what: String, rangeMessage: String) throws(EvalError) -> Int {
        guard typeOf(key).slots.index != nil || Arithmetic.pyInteger(key) != nil else {
            throw .typeError("\(what) indices must be integers or slices, not \(typeOf(key).name)")
        }
        guard var index = try indexIntOrOverflow(key) else {
            throw .indexError("cannot fit 'int' into an index-sized integer")
        }
        if index < 0 { index += count }
        guard index >= 0 && index < count else { throw .indexError(rangeMessage) }
        return index
    }

    /// The bytes a slice selects.
    func sliceBytes(_ bytes: [UInt8], _ slice: PySlice) throws(EvalError) -> [UInt8] {
        let (start, _, step, length) = try sliceIndices(slice, count: bytes.count)
        if step == 1 { return Array(bytes[start..<(start + length)]) }
        var result: [UInt8] = []
        result.reserveCapacity(length)
        var index = start
        for _ in 0..<length {
            result.append(bytes[index])
            index &+= step   // past the last item it may wrap: never used then
        }
        return result
    }

    /// `item in sequence` for bytes and bytearray: an int byte value or a
    /// bytes-like substring.
    func byteSequenceContains(_ bytes: [UInt8], _ item: Value) throws(EvalError) -> Bool {
        if let needle = try bytesLike(item) {
            return bytes.withUnsafeBufferPointer { text in needle.withUnsafeBufferPointer { ByteText.contains(text, $0) } }
        }
        guard typeOf(item).slots.index != nil || Arithmetic.pyInteger(item) != nil else {
            throw .typeError("a bytes-like object is required, not '\(typeOf(item).name)'")
        }
        return bytes.contains(try byteValue(item))
    }

    /// The count of `sequence * times` (or `times * sequence`) as CPython's
    /// sq_repeat sees it: a non-int operand gets its own `*` first (it may
    /// define `__rmul__`), then "can't multiply sequence by non-int".
    /// Returns the other operand's result instead when it had one.
    func repeatCount(_ left: Value, _ right: Value, times: Value, sequenceType: PyType) throws(EvalError) -> (count: Int, result: Value?) {
        let timesType = typeOf(times)
        if timesType.slots.index == nil && Arithmetic.pyInteger(times) == nil {
            // Reflected, with a sequence on the left: that sequence's own
            // repeat raises (CPython tries only the left sq_repeat).
            if times.isIdentical(to: left) && !times.isIdentical(to: right)
                && (times.as(PyStr.self) != nil || times.as(PyBytes.self) != nil || times.as(PyByteArray.self) != nil
                    || times.as(PyList.self) != nil || times.as(PyTuple.self) != nil) {
                return (0, notImplemented())
            }
            // A list or tuple on the left repeats first in CPython (its
            // sq_repeat), so the error names the right operand's type.
            if times.isIdentical(to: left) && !times.isIdentical(to: right)
                && (left.as(PyList.self) != nil || left.as(PyTuple.self) != nil) {
                throw .typeError("can't multiply sequence by non-int of type '\(typeOf(right).name)'")
            }
            if times.isIdentical(to: right), !timesType.isSubtype(of: sequenceType), let slot = timesType.slots.binary[5] {
                let result = try slot(self, left, right)
                if !isNotImplemented(result) { return (0, result) }
            }
            throw .typeError("can't multiply sequence by non-int of type '\(timesType.name)'")
        }
        guard let count = try indexIntOrOverflow(times) else {
            throw .overflowError("cannot fit 'int' into an index-sized integer")
        }
        return (max(0, count), nil)
    }

    /// `bytes * n`, CPython's checks included.
    func repeatBytes(_ bytes: [UInt8], _ times: Value) throws(EvalError) -> [UInt8] {
        guard typeOf(times).slots.index != nil || Arithmetic.pyInteger(times) != nil else {
            throw .typeError("can't multiply sequence by non-int of type '\(typeOf(times).name)'")
        }
        guard let count = try indexIntOrOverflow(times) else {
            throw .overflowError("cannot fit 'int' into an index-sized integer")
        }
        if count <= 0 || bytes.isEmpty { return [] }
        let (total, overflow) = bytes.count.multipliedReportingOverflow(by: count)
        if overflow || total > PyText.maximumLength { throw .pythonException("MemoryError", "") }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for _ in 0..<count { result.append(contentsOf: bytes) }
        return result
    }
}
