import BigInt

// The `_struct` module: packing values into bytes and back by a format
// (StructFormat.swift), the `Struct` type, `iter_unpack`'s iterator and
// `struct.error`. Range errors follow CPython's per-table pack functions,
// whose messages differ by code and byte order.

/// A `_struct.Struct` object: a parsed format.
final class PyStruct: PyObject {
    var format: StructFormat?
    /// `Struct.format` (owned): the format as a str.
    var formatText: Value = .none

    override func releaseContents() { formatText.release() }
}

/// `_struct.unpack_iterator`: unpacks consecutive records of a buffer.
final class PyStructIterator: PyObject {
    let format: StructFormat
    let bytes: [UInt8]
    var offset = 0

    init(format: StructFormat, bytes: [UInt8], type: PyType) {
        self.format = format
        self.bytes = bytes
        super.init(type: type)
    }
}

extension Interpreter {
    func makeStructModule() throws(EvalError) -> Value {
        try makeNativeModule("_struct", doc: StructModule.doc) { module, define throws(EvalError) in
            let error = structErrorType()
            error.incref()
            setItem(module.dict, "error", error.value)
            export(structType(), in: module)
            define("calcsize") { thread, arguments throws(EvalError) in
                try arguments.expect("calcsize", 1...1)
                return .int(try thread.structFormat(arguments[0]).size)
            }
            define("pack") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("pack")
                guard arguments.positionalCount >= 1 else { throw .typeError("missing format argument") }
                let format = try thread.structFormat(arguments[0])
                return thread.interpreter.newBytes(try thread.structPack(format, arguments.droppingFirst, function: "pack"))
            }
            define("pack_into") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("pack_into")
                guard arguments.positionalCount >= 1 else { throw .typeError("missing format argument") }
                let format = try thread.structFormat(arguments[0])
                try thread.structPackInto(format, arguments.droppingFirst)
                return .none
            }
            define("unpack") { thread, arguments throws(EvalError) in
                try arguments.expect("unpack", 2...2)
                let format = try thread.structFormat(arguments[0])
                return try thread.structUnpack(format, arguments[1])
            }
            define("unpack_from") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("unpack_from", ["format", "buffer", "offset"], required: 2, positionalOnly: 1)
                let format = try thread.structFormat(bound[0]!)
                return try thread.structUnpackFrom(format, bound[1]!, offset: bound[2])
            }
            define("iter_unpack") { thread, arguments throws(EvalError) in
                try arguments.expect("iter_unpack", 2...2)
                let format = try thread.structFormat(arguments[0])
                return try thread.structIterUnpack(format, arguments[1])
            }
            define("_clearcache") { _, _ throws(EvalError) in .none }
        }
    }

    /// `struct.error`, an Exception subclass.
    func structErrorType() -> PyType {
        nativeType("error", module: "struct", base: types.exceptions["Exception"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }

    func structType() -> PyType {
        nativeType("Struct", module: "_struct") { type in
            func get(_ value: Value) throws(EvalError) -> (PyStruct, StructFormat) {
                let object = value.as(PyStruct.self)!
                guard let format = object.format else { throw .valueError("Struct.__init__() was not called") }
                return (object, format)
            }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyStruct(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("Struct", ["format"], required: 1)
                let object = value.as(PyStruct.self)!
                object.format = try thread.structFormat(bound[0]!)
                let text = bound[0]!.strObject != nil ? bound[0]! : thread.interpreter.newString(
                    String(decoding: bound[0]!.as(PyBytes.self)!.bytes, as: UTF8.self))
                if bound[0]!.strObject != nil { text.retain() }
                let old = object.formatText
                object.formatText = text
                old.release()
            }
            type.installSlots(slots, self)
            type.defineAttribute("format", self, get: { _, value throws(EvalError) in
                let text = value.as(PyStruct.self)!.formatText
                text.retain()
                return text
            })
            type.defineAttribute("size", self, get: { _, value throws(EvalError) in .int(try get(value).1.size) })
            type.define("pack", self) { thread, value, arguments throws(EvalError) in
                try arguments.rejectKeywords("pack")
                return thread.interpreter.newBytes(try thread.structPack(try get(value).1, arguments, function: "pack"))
            }
            type.define("pack_into", self) { thread, value, arguments throws(EvalError) in
                try arguments.rejectKeywords("pack_into")
                try thread.structPackInto(try get(value).1, arguments)
                return .none
            }
            type.define("unpack", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("unpack", 1...1)
                return try thread.structUnpack(try get(value).1, arguments[0])
            }
            type.define("unpack_from", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("unpack_from", ["buffer", "offset"], required: 1)
                return try thread.structUnpackFrom(try get(value).1, bound[0]!, offset: bound[1])
            }
            type.define("iter_unpack", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("iter_unpack", 1...1)
                return try thread.structIterUnpack(try get(value).1, arguments[0])
            }
            type.define("__sizeof__", self) { _, value, _ throws(EvalError) in
                .int(80 + (value.as(PyStruct.self)!.format?.items.count ?? 0) * 32)
            }
        }
    }

    func structIteratorType() -> PyType {
        nativeType("unpack_iterator", module: "_struct", flags: []) { type in
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let iterator = value.as(PyStructIterator.self)!
                guard iterator.offset + iterator.format.size <= iterator.bytes.count else { return nil }
                let result = try thread.structValues(iterator.format, iterator.bytes, at: iterator.offset)
                iterator.offset += iterator.format.size
                return result
            }
            type.installSlots(slots, self)
            type.define("__length_hint__", self) { _, value, _ throws(EvalError) in
                let iterator = value.as(PyStructIterator.self)!
                return .int((iterator.bytes.count - iterator.offset) / iterator.format.size)
            }
        }
    }
}

enum StructModule {
    static let doc = "Conversions between Python values and C structs represented as bytes objects."
}

extension ThreadState {
    /// A new `struct.error` with `message`.
    func structError(_ message: String) -> EvalError {
        let text = interpreter.newString(message)
        defer { text.release() }
        do throws(EvalError) {
            let instance = try call(interpreter.structErrorType().value, [text])
            return .exception(instance.objectReference!)
        } catch {
            return error
        }
    }

    /// The parsed format of a str or bytes argument.
    func structFormat(_ value: Value) throws(EvalError) -> StructFormat {
        let text: [UInt8]
        if let string = value.strObject {
            guard let utf8 = string.utf8 else { throw .unsupported("struct formats that are not UTF-8") }
            text = utf8
        } else if let bytes = value.as(PyBytes.self) {
            text = bytes.bytes
        } else {
            throw .typeError("Struct() argument 1 must be a str or bytes object, not \(typeOf(value).name)")
        }
        do throws(StructFormat.Failure) {
            return try StructFormat(text)
        } catch {
            switch error {
            case .badCharacter: throw structError("bad char in struct format")
            case .repeatWithoutCode: throw structError("repeat count given without format specifier")
            case .tooLong: throw structError("total struct size too long")
            }
        }
    }

    /// The bytes of `arguments` packed by `format`.
    func structPack(_ format: StructFormat, _ arguments: Arguments, function: String) throws(EvalError) -> [UInt8] {
        if arguments.positionalCount != format.valueCount {
            throw structError("\(function) expected \(format.valueCount) items for packing (got \(arguments.positionalCount))")
        }
        var bytes = [UInt8](repeating: 0, count: format.size)
        var index = 0
        for item in format.items {
            if item.code == UInt8(ascii: "s") || item.code == UInt8(ascii: "p") {
                try packString(item, arguments[index], into: &bytes)
                index += 1
                continue
            }
            for repeatIndex in 0..<item.count {
                let offset = item.offset + repeatIndex * item.size
                try packValue(item.code, item.size, format.byteOrder, arguments[index], into: &bytes, at: offset)
                index += 1
            }
        }
        return bytes
    }

    /// `pack_into(buffer, offset, *values)` (after the format).
    func structPackInto(_ format: StructFormat, _ arguments: Arguments) throws(EvalError) {
        guard arguments.positionalCount >= 1 else { throw .typeError("pack_into expected buffer argument") }
        guard arguments.positionalCount >= 2 else { throw .typeError("pack_into expected offset argument") }
        let buffer = arguments[0]
        // The writable bytes: a bytearray, or a contiguous writable view of one.
        let array: PyByteArray
        var base = 0
        var length: Int
        if let object = buffer.as(PyByteArray.self) {
            array = object
            length = object.count
        } else if let view = buffer.as(PyMemoryView.self), !view.isReadOnly, let object = view.exporter.as(PyByteArray.self) {
            try view.checkReleased()
            guard view.stride == view.itemSize else { throw .typeError("memoryview: underlying buffer is not C-contiguous") }
            array = object
            base = view.offset
            length = view.length * view.itemSize
        } else {
            throw .typeError("argument must be read-write bytes-like object, not \(typeOf(buffer).name)")
        }
        var offset = try sizeArgument(arguments[1])
        if arguments.positionalCount - 2 != format.valueCount {
            throw structError("pack_into expected \(format.valueCount) items for packing (got \(arguments.positionalCount - 2))")
        }
        if offset < 0 {
            if offset + format.size > 0 { throw structError("no space to pack \(format.size) bytes at offset \(offset)") }
            if offset + length < 0 { throw structError("offset \(offset) out of range for \(length)-byte buffer") }
            offset += length
        }
        if length - offset < format.size {
            throw structError("pack_into requires a buffer of at least \(format.size + offset) bytes for packing \(format.size) bytes at offset \(offset) (actual buffer size is \(length))")
        }
        let values = Arguments(base: arguments.base + 2, positionalCount: arguments.positionalCount - 2)
        let packed = try structPack(format, values, function: "pack_into")
        // Same size: allowed even while views export the bytearray.
        array.bytes.replaceSubrange((base + offset)..<(base + offset + packed.count), with: packed)
    }

    func structUnpack(_ format: StructFormat, _ buffer: Value) throws(EvalError) -> Value {
        let bytes = try requireBytesLike(buffer)
        if bytes.count != format.size { throw structError("unpack requires a buffer of \(format.size) bytes") }
        return try structValues(format, bytes, at: 0)
    }

    func structUnpackFrom(_ format: StructFormat, _ buffer: Value, offset offsetValue: Value?) throws(EvalError) -> Value {
        let bytes = try requireBytesLike(buffer)
        var offset = try offsetValue.map { (value) throws(EvalError) in try sizeArgument(value) } ?? 0
        if offset < 0 {
            if offset + bytes.count < 0 { throw structError("offset \(offset) out of range for \(bytes.count)-byte buffer") }
            offset += bytes.count
        }
        if bytes.count - offset < format.size {
            throw structError("unpack_from requires a buffer of at least \(format.size + offset) bytes for unpacking \(format.size) bytes at offset \(offset) (actual buffer size is \(bytes.count))")
        }
        return try structValues(format, bytes, at: offset)
    }

    func structIterUnpack(_ format: StructFormat, _ buffer: Value) throws(EvalError) -> Value {
        if format.size == 0 { throw structError("cannot iteratively unpack with a struct of length 0") }
        let bytes = try requireBytesLike(buffer)
        if bytes.count % format.size != 0 {
            throw structError("iterative unpacking requires a buffer of a multiple of \(format.size) bytes")
        }
        return .object(ObjectRef.allocate(PyStructIterator(format: format, bytes: bytes, type: interpreter.structIteratorType())))
    }

    /// The tuple of values of one record at `offset`.
    func structValues(_ format: StructFormat, _ bytes: [UInt8], at start: Int) throws(EvalError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(format.valueCount)
        for item in format.items {
            let offset = start + item.offset
            switch item.code {
            case UInt8(ascii: "s"):
                values.append(interpreter.newBytes(Array(bytes[offset..<(offset + item.size)])))
            case UInt8(ascii: "p"):
                guard item.size > 0 else {
                    values.append(interpreter.newBytes([]))
                    continue
                }
                let length = min(Int(bytes[offset]), item.size - 1)
                values.append(interpreter.newBytes(Array(bytes[(offset + 1)..<(offset + 1 + length)])))
            default:
                for repeatIndex in 0..<item.count {
                    values.append(unpackValue(item.code, item.size, format.byteOrder, bytes, at: offset + repeatIndex * item.size))
                }
            }
        }
        return interpreter.newTuple(values)
    }

    // MARK: One value

    private func packString(_ item: StructFormat.Item, _ value: Value, into bytes: inout [UInt8]) throws(EvalError) {
        let data: [UInt8]
        if let object = value.as(PyBytes.self) {
            data = object.bytes
        } else if let array = value.as(PyByteArray.self) {
            data = array.bytes
        } else {
            throw structError("argument for '\(Character(Unicode.Scalar(item.code)))' must be a bytes object")
        }
        if item.code == UInt8(ascii: "s") {
            let count = min(data.count, item.size)
            bytes.replaceSubrange(item.offset..<(item.offset + count), with: data[0..<count])
            return
        }
        guard item.size > 0 else { return }
        let count = min(data.count, item.size - 1)
        bytes.replaceSubrange((item.offset + 1)..<(item.offset + 1 + count), with: data[0..<count])
        bytes[item.offset] = UInt8(min(count, 255))
    }

    private func packValue(_ code: UInt8, _ size: Int, _ order: StructFormat.ByteOrder, _ value: Value,
                           into bytes: inout [UInt8], at offset: Int) throws(EvalError) {
        let bigEndian = order == .big
        func store(_ pattern: UInt64) {
            for index in 0..<size {
                let shift = UInt64(bigEndian ? size - 1 - index : index) * 8
                bytes[offset + index] = UInt8(truncatingIfNeeded: pattern >> shift)
            }
        }
        switch code {
        case UInt8(ascii: "c"):
            if let object = value.as(PyBytes.self), object.count == 1 {
                bytes[offset] = object.bytes[0]
            } else if let array = value.as(PyByteArray.self), array.count == 1 {
                bytes[offset] = array.bytes[0]
            } else {
                throw structError("char format requires a bytes object of length 1")
            }
        case UInt8(ascii: "?"):
            bytes[offset] = try truth(value) ? 1 : 0
        case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "d"):
            let number: Double
            do throws(EvalError) { number = try floatArgument(value) } catch {
                if isInstance(error, of: "TypeError") {
                    error.discard()
                    throw structError("required argument is not a float")
                }
                throw error
            }
            switch code {
            case UInt8(ascii: "d"):
                store(number.bitPattern)
            case UInt8(ascii: "f"):
                let single = Float(number)
                // Native 'f' is a C cast; the standard sizes refuse to overflow.
                if order != .native && single.isInfinite && number.isFinite {
                    throw .overflowError("float too large to pack with f format")
                }
                store(UInt64(single.bitPattern))
            default:
                let half = Float16(number)
                if half.isInfinite && number.isFinite { throw .overflowError("float too large to pack with e format") }
                store(UInt64(half.bitPattern))
            }
        default:
            let integer = try structInteger(value)
            store(try StructIntegerRange.check(integer, code: code, size: size, order: order, thread: self))
        }
    }

    /// An integer argument: ints, or objects with `__index__`.
    private func structInteger(_ value: Value) throws(EvalError) -> PyInteger {
        if let integer = Arithmetic.pyInteger(value) { return integer }
        guard typeOf(value).slots.index != nil else { throw structError("required argument is not an integer") }
        return try integerArgument(value)
    }

    private func unpackValue(_ code: UInt8, _ size: Int, _ order: StructFormat.ByteOrder, _ bytes: [UInt8], at offset: Int) -> Value {
        var pattern: UInt64 = 0
        for index in 0..<size {
            let shift = UInt64(order == .big ? size - 1 - index : index) * 8
            pattern |= UInt64(bytes[offset + index]) << shift
        }
        switch code {
        case UInt8(ascii: "c"): return interpreter.newBytes([bytes[offset]])
        case UInt8(ascii: "?"): return .bool(bytes[offset] != 0)
        case UInt8(ascii: "d"): return .float(Double(bitPattern: pattern))
        case UInt8(ascii: "f"): return .float(Double(Float(bitPattern: UInt32(pattern))))
        case UInt8(ascii: "e"): return .float(Double(Float16(bitPattern: UInt16(pattern))))
        case UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "q"), UInt8(ascii: "n"):
            let shift = UInt64(64 - size * 8)
            return .int(Int(bitPattern: UInt(pattern << shift)) >> Int(shift))
        default:
            if pattern <= UInt64(Int.max) { return .int(Int(pattern)) }
            return interpreter.integerValue(BigInt(pattern))
        }
    }
}

/// Which values an integer code accepts, and CPython's message when one
/// is out of range. CPython packs with a different function per table:
/// native codes (and standard little-endian ones whose size matches the
/// native one, which CPython swaps for the native functions) check ranges
/// their own way; standard big-endian and 4-byte 'l'/'L' ones another.
enum StructIntegerRange {
    static func check(_ value: PyInteger, code: UInt8, size: Int, order: StructFormat.ByteOrder,
                      thread: ThreadState) throws(EvalError) -> UInt64 {
        var name: Character { Character(Unicode.Scalar(code)) }
        func isOne(of codes: StaticString) -> Bool {
            codes.withUTF8Buffer { $0.contains(code) }
        }
        let signed = isOne(of: "bhilqn")
        var outOfRange: EvalError { thread.structError("argument out of range") }
        if case .small(let number) = value, number >= 0, size < 8, number < (1 << (size * 8 - 1)) {
            // Fits every code of this size, signed or not, in every byte order.
            return UInt64(number)
        }
        let asSigned: Int? = value.smallValue
        let asUnsigned: UInt64? = {
            switch value {
            case .small(let number): return number >= 0 ? UInt64(number) : nil
            case .big(let number): return number.sign == .plus && number.magnitude.bitWidth <= 64 ? UInt64(number.magnitude) : nil
            }
        }()
        func pattern(_ number: Int) -> UInt64 { UInt64(bitPattern: Int64(number)) }
        let usesNativeRules = order == .native
            || (order == .little && isOne(of: "bBhHiIqQ"))
            || (order == .big && isOne(of: "bB"))
        if usesNativeRules {
            switch name {
            case "b", "B", "h", "H", "i":
                guard let number = asSigned else { throw outOfRange }
                let ranges: [Character: (Int, Int, String)] = [
                    "b": (-128, 127, "byte format requires -128 <= number <= 127"),
                    "B": (0, 255, "ubyte format requires 0 <= number <= 255"),
                    "h": (-32768, 32767, "short format requires -32768 <= number <= 32767"),
                    "H": (0, 65535, "ushort format requires 0 <= number <= 65535"),
                    "i": (-2_147_483_648, 2_147_483_647, "'i' format requires -2147483648 <= number <= 2147483647"),
                ]
                let (low, high, message) = ranges[name]!
                guard number >= low && number <= high else { throw thread.structError(message) }
                return pattern(number)
            case "I":
                guard let number = asUnsigned else { throw outOfRange }
                guard number <= UInt64(UInt32.max) else { throw thread.structError("'I' format requires 0 <= number <= 4294967295") }
                return number
            case "P":
                if let number = asSigned { return pattern(number) }
                if let number = asUnsigned { return number }
                throw thread.structError("int too large to convert")
            default:
                if signed {
                    guard let number = asSigned else { throw outOfRange }
                    return pattern(number)
                }
                guard let number = asUnsigned else { throw outOfRange }
                return number
            }
        }
        if size == 8 {
            // Big-endian 'q'/'Q' convert through a byte array.
            if signed, let number = asSigned { return pattern(number) }
            if !signed, let number = asUnsigned { return number }
            throw thread.structError("int too large to convert")
        }
        let bits = size * 8
        if signed {
            guard let number = asSigned else { throw outOfRange }
            let low = -(1 << (bits - 1))
            let high = (1 << (bits - 1)) - 1
            guard number >= low && number <= high else {
                throw thread.structError("'\(name)' format requires \(low) <= number <= \(high)")
            }
            return pattern(number)
        }
        guard let number = asUnsigned else { throw outOfRange }
        let high = (UInt64(1) << UInt64(bits)) - 1
        guard number <= high else { throw thread.structError("'\(name)' format requires 0 <= number <= \(high)") }
        return number
    }
}
