import BigInt
import GarterSystem
import GarterCompiler

/// `marshal.dumps`: CPython's format, byte for byte, for the values it
/// defines, and code objects in CPython 3.11's field order (`CodeFields`).
///
/// CPython puts an object in the reference table (and sets FLAG_REF) when
/// its reference count is above one; Garter does the same with its exact
/// counts. Inline values (ints, floats) have no count or identity: they are
/// treated as shared and keyed by value, as CPython's small ints and merged
/// constants are.
struct MarshalWriter {
    let thread: ThreadState
    let version: Int
    var bytes: [UInt8] = []
    private var references: [ReferenceKey: Int] = [:]
    private var depth = 0

    enum ReferenceKey: Hashable {
        case object(Int)
        case int(Int)
        case float(UInt64)
        /// Strings written from a code object's Swift fields (not interned).
        case text(String)
    }

    init(thread: ThreadState, version: Int) {
        self.thread = thread
        self.version = version
    }

    mutating func writeLong(_ value: Int) {
        let word = UInt32(truncatingIfNeeded: value)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }

    private mutating func writeDouble(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    private mutating func writeSizedBytes(_ data: [UInt8]) {
        writeLong(data.count)
        bytes.append(contentsOf: data)
    }

    /// Writes the type code, consulting the reference table: false when a
    /// back-reference was written instead of the object.
    private mutating func begin(_ code: UInt8, key: ReferenceKey?, shared: Bool) -> Bool {
        guard version >= 3, let key else {
            bytes.append(code)
            return true
        }
        if let index = references[key] {
            bytes.append(MarshalTypeCode.reference)
            writeLong(index)
            return false
        }
        if shared {
            references[key] = references.count
            bytes.append(code | MarshalTypeCode.flagReference)
        } else {
            bytes.append(code)
        }
        return true
    }

    mutating func write(_ value: Value) throws(EvalError) {
        depth += 1
        defer { depth -= 1 }
        if depth > MarshalTypeCode.maximumDepth { throw .valueError("object too deeply nested to marshal") }
        switch value {
        case .none:
            bytes.append(MarshalTypeCode.none)
        case .bool(let flag):
            bytes.append(flag ? MarshalTypeCode.trueValue : MarshalTypeCode.falseValue)
        case .int(let number):
            if begin(number >= Int(Int32.min) && number <= Int(Int32.max) ? MarshalTypeCode.int : MarshalTypeCode.long,
                     key: .int(number), shared: true) {
                writeIntegerBody(BigInt(number))
            }
        case .float(let number):
            writeFloat(number, key: .float(number.bitPattern), shared: true)
        case .object(let reference):
            try writeObject(value, reference)
        }
    }

    private mutating func writeIntegerBody(_ number: BigInt) {
        if number >= BigInt(Int32.min) && number <= BigInt(Int32.max) {
            writeLong(Int(number))
            return
        }
        // 15-bit digits, least significant first; the count carries the sign.
        var magnitude = number.magnitude
        var digits: [UInt16] = []
        while magnitude > 0 {
            digits.append(UInt16(magnitude & 0x7FFF))
            magnitude >>= 15
        }
        writeLong(number < 0 ? -digits.count : digits.count)
        for digit in digits {
            bytes.append(UInt8(digit & 0xFF))
            bytes.append(UInt8(digit >> 8))
        }
    }

    private mutating func writeFloat(_ number: Double, key: ReferenceKey, shared: Bool) {
        if version > 1 {
            if begin(MarshalTypeCode.binaryFloat, key: key, shared: shared) { writeDouble(number) }
        } else if begin(MarshalTypeCode.float, key: key, shared: shared) {
            writeShortText(MarshalWriter.floatText(number))
        }
    }

    /// `repr`-like text of marshal versions 0 and 1 (C's "%.17g").
    static func floatText(_ number: Double) -> [UInt8] {
        if number.isNaN { return Array("nan".utf8) }
        if number.isInfinite { return Array((number < 0 ? "-inf" : "inf").utf8) }
        return Array(CFormat.format("%.17g", number).utf8)
    }

    private mutating func writeShortText(_ text: [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: text.count))
        bytes.append(contentsOf: text)
    }

    /// No Python code runs while writing, so items are read without
    /// taking references (which would also change the counts FLAG_REF reads).
    private mutating func writeObject(_ value: Value, _ reference: ObjectRef) throws(EvalError) {
        let interpreter = thread.interpreter
        let types = interpreter.types
        let type = thread.typeOf(value)
        let key = ReferenceKey.object(reference.address)
        let shared = reference.with { $0.refcount } > 1
        if value.isIdentical(to: interpreter.ellipsis) {
            bytes.append(MarshalTypeCode.ellipsis)
        } else if type === types.type, value.as(PyType.self) === types.exceptions["StopIteration"] {
            bytes.append(MarshalTypeCode.stopIteration)
        } else if type === types.int, let long = value.as(PyLong.self) {
            if begin(MarshalTypeCode.long, key: key, shared: shared) { writeIntegerBody(long.value) }
        } else if type === types.float, let float = value.as(PyFloat.self) {
            writeFloat(float.value, key: key, shared: shared)
        } else if type === types.complex, let complex = value.as(PyComplex.self) {
            if version > 1 {
                if begin(MarshalTypeCode.binaryComplex, key: key, shared: shared) {
                    writeDouble(complex.real)
                    writeDouble(complex.imag)
                }
            } else if begin(MarshalTypeCode.complex, key: key, shared: shared) {
                writeShortText(MarshalWriter.floatText(complex.real))
                writeShortText(MarshalWriter.floatText(complex.imag))
            }
        } else if type === types.str, let text = value.as(PyStr.self) {
            writeString(text.codePoints, interned: text.isInterned, key: key, shared: shared)
        } else if type === types.bytes, let data = value.as(PyBytes.self) {
            if begin(MarshalTypeCode.string, key: key, shared: shared) { writeSizedBytes(data.bytes) }
        } else if type === types.tuple, let tuple = value.as(PyTuple.self) {
            let small = version >= 4 && tuple.items.count < 256
            guard begin(small ? MarshalTypeCode.smallTuple : MarshalTypeCode.tuple, key: key, shared: shared) else { return }
            if small { bytes.append(UInt8(tuple.items.count)) } else { writeLong(tuple.items.count) }
            for item in tuple.items { try write(item) }
        } else if type === types.list, let list = value.as(PyList.self) {
            guard begin(MarshalTypeCode.list, key: key, shared: shared) else { return }
            let items = list.items
            writeLong(items.count)
            for item in items { try write(item) }
        } else if type === types.dict, let dict = value.as(PyDict.self) {
            guard begin(MarshalTypeCode.dict, key: key, shared: shared) else { return }
            let pairs = dict.pairs
            for pair in pairs {
                try write(pair.key)
                try write(pair.value)
            }
            bytes.append(MarshalTypeCode.null)
        } else if (type === types.set || type === types.frozenset), let set = value.as(PySet.self) {
            guard begin(type === types.set ? MarshalTypeCode.set : MarshalTypeCode.frozenset, key: key, shared: shared) else { return }
            let items = set.elements
            writeLong(items.count)
            for item in items { try write(item) }
        } else if let code = value.as(LoadedCode.self) {
            guard begin(MarshalTypeCode.code, key: key, shared: shared) else { return }
            try writeCode(code)
        } else if let data = try thread.bytesLike(value) {
            if begin(MarshalTypeCode.string, key: key, shared: shared) { writeSizedBytes(data) }
        } else {
            throw .valueError("unmarshallable object")
        }
    }

    private mutating func writeString(_ codePoints: [UInt32], interned: Bool, key: ReferenceKey?, shared: Bool) {
        if version >= 4 && codePoints.allSatisfy({ $0 < 0x80 }) {
            let short = codePoints.count < 256
            let code = short ? (interned ? MarshalTypeCode.shortAsciiInterned : MarshalTypeCode.shortAscii)
                : (interned ? MarshalTypeCode.asciiInterned : MarshalTypeCode.ascii)
            guard begin(code, key: key, shared: shared) else { return }
            if short { bytes.append(UInt8(codePoints.count)) } else { writeLong(codePoints.count) }
            for point in codePoints { bytes.append(UInt8(point)) }
            return
        }
        let code = version >= 3 && interned ? MarshalTypeCode.interned : MarshalTypeCode.unicode
        guard begin(code, key: key, shared: shared) else { return }
        writeSizedBytes(MarshalWriter.utf8SurrogatePass(codePoints))
    }

    /// UTF-8 with lone surrogates encoded as three bytes ("surrogatepass").
    static func utf8SurrogatePass(_ codePoints: [UInt32]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(codePoints.count)
        for point in codePoints {
            switch point {
            case 0..<0x80:
                result.append(UInt8(point))
            case 0x80..<0x800:
                result.append(UInt8(0xC0 | point >> 6))
                result.append(UInt8(0x80 | point & 0x3F))
            case 0x800..<0x10000:
                result.append(UInt8(0xE0 | point >> 12))
                result.append(UInt8(0x80 | (point >> 6) & 0x3F))
                result.append(UInt8(0x80 | point & 0x3F))
            default:
                result.append(UInt8(0xF0 | point >> 18))
                result.append(UInt8(0x80 | (point >> 12) & 0x3F))
                result.append(UInt8(0x80 | (point >> 6) & 0x3F))
                result.append(UInt8(0x80 | point & 0x3F))
            }
        }
        return result
    }

    /// A str field of a code object: names are interned (the same objects
    /// as equal constants), other text is shared by content.
    private mutating func writeName(_ text: String, interned: Bool) {
        if interned {
            let value = thread.interpreter.intern(text)
            defer { value.release() }
            writeString(value.strObject!.codePoints, interned: true, key: .object(value.objectReference!.address), shared: true)
        } else {
            writeString(text.unicodeScalars.map(\.value), interned: false, key: .text(text), shared: true)
        }
    }

    private mutating func writeNameTuple(_ names: [String]) {
        let small = version >= 4 && names.count < 256
        bytes.append(small ? MarshalTypeCode.smallTuple : MarshalTypeCode.tuple)
        if small { bytes.append(UInt8(names.count)) } else { writeLong(names.count) }
        for name in names { writeName(name, interned: true) }
    }

    private mutating func writeCode(_ loaded: LoadedCode) throws(EvalError) {
        let fields = CodeFields(loaded)
        writeLong(fields.argumentCount)
        writeLong(fields.positionalOnlyArgumentCount)
        writeLong(fields.keywordOnlyArgumentCount)
        writeLong(fields.stackSize)
        writeLong(Int(fields.flags))
        bytes.append(MarshalTypeCode.string)
        writeSizedBytes(fields.code)
        let constants = Array(loaded.constants.prefix(loaded.code.constants.count))
        let small = version >= 4 && constants.count < 256
        bytes.append(small ? MarshalTypeCode.smallTuple : MarshalTypeCode.tuple)
        if small { bytes.append(UInt8(constants.count)) } else { writeLong(constants.count) }
        for constant in constants { try write(constant) }
        writeNameTuple(fields.names)
        writeNameTuple(fields.variableNames + fields.cellVariables + fields.freeVariables)
        bytes.append(MarshalTypeCode.string)
        writeSizedBytes(fields.localsPlusKinds)
        writeName(fields.filename, interned: false)
        writeName(fields.name, interned: true)
        writeName(fields.qualifiedName, interned: false)
        writeLong(fields.firstLineNumber)
        bytes.append(MarshalTypeCode.string)
        writeSizedBytes(fields.lineTable)
        bytes.append(MarshalTypeCode.string)
        writeSizedBytes(fields.exceptionTable)
    }
}
