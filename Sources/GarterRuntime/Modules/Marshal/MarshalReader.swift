import BigInt
import GarterCompiler

/// `marshal.loads`/`load`: reads CPython's marshal format (any version),
/// with CPython's errors. Containers are entered in the reference table
/// before their items are read, as CPython does (so a list may contain
/// itself); tuples, frozensets and code objects are reserved a slot and
/// filled in when complete.
struct MarshalReader {
    let thread: ThreadState
    private let source: Source
    private var data: [UInt8]
    private var position = 0
    /// The reference table (owned values; nil: reserved, not yet complete).
    private var references: [Value?] = []
    private var depth = 0
    /// Replaces `co_filename` in every code object read.
    var filenameOverride: String?

    enum Source {
        case buffer
        /// A binary file read with `read(n)` as the data is needed.
        case file(Value)
    }

    init(thread: ThreadState, bytes: [UInt8]) {
        self.thread = thread
        source = .buffer
        data = bytes
    }

    init(thread: ThreadState, file: Value) {
        self.thread = thread
        source = .file(file)
        data = []
    }

    func releaseReferences() {
        for value in references { value?.release() }
    }

    private mutating func readBytes(_ count: Int, objectExpected: Bool = false) throws(EvalError) -> ArraySlice<UInt8> {
        switch source {
        case .buffer:
            guard count >= 0, data.count - position >= count else {
                throw .pythonException("EOFError", objectExpected ? "EOF read where object expected" : "marshal data too short")
            }
        case .file(let file):
            // CPython reads exactly what it needs with readinto().
            let buffer = try thread.call(.object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.types.bytearray))),
                                         [.int(count)])
            defer { buffer.release() }
            let result = try thread.callMethod(file, thread.interpreter.internedString("readinto"), [buffer])
            defer { result.release() }
            let got: Int
            if case .int(let number) = result { got = number } else { got = -1 }
            guard got == count else {
                if got > count {
                    throw .valueError("read() returned too much data: \(count) bytes requested, \(got) returned")
                }
                throw .pythonException("EOFError", objectExpected ? "EOF read where object expected" : "EOF read where not expected")
            }
            data = buffer.as(PyByteArray.self)!.bytes
            position = 0
        }
        position += count
        return data[(position - count)..<position]
    }

    private mutating func readByte() throws(EvalError) -> UInt8 {
        try readBytes(1).first!
    }

    private mutating func readLong() throws(EvalError) -> Int {
        let bytes = try readBytes(4)
        var word: UInt32 = 0
        for (shift, byte) in bytes.enumerated() { word |= UInt32(byte) << UInt32(shift * 8) }
        return Int(Int32(bitPattern: word))
    }

    private mutating func readDouble() throws(EvalError) -> Double {
        let bytes = try readBytes(8)
        var bits: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { bits |= UInt64(byte) << UInt64(shift * 8) }
        return Double(bitPattern: bits)
    }

    private mutating func readFloatText() throws(EvalError) -> Double {
        let count = Int(try readByte())
        let text = String(decoding: try readBytes(count), as: UTF8.self)
        guard let number = Double(text) else { throw .valueError("bad marshal data (invalid float)") }
        return number
    }

    /// Registers a finished object when its type code had FLAG_REF.
    private mutating func register(_ value: Value, _ flagged: Bool) -> Value {
        if flagged {
            value.retain()
            references.append(value)
        }
        return value
    }

    private mutating func reserve(_ flagged: Bool) -> Int? {
        guard flagged else { return nil }
        references.append(nil)
        return references.count - 1
    }

    private mutating func fill(_ slot: Int?, _ value: Value) {
        guard let slot else { return }
        value.retain()
        references[slot] = value
    }

    /// The next object (a new reference); nil for the NULL code.
    mutating func readObject() throws(EvalError) -> Value? {
        depth += 1
        defer { depth -= 1 }
        if depth > MarshalTypeCode.maximumDepth { throw .valueError("recursion limit exceeded") }
        let code = try readBytes(1, objectExpected: true).first!
        let flagged = code & MarshalTypeCode.flagReference != 0
        let interpreter = thread.interpreter
        switch code & ~MarshalTypeCode.flagReference {
        case MarshalTypeCode.null: return nil
        case MarshalTypeCode.none: return Value.none
        case MarshalTypeCode.trueValue: return .bool(true)
        case MarshalTypeCode.falseValue: return .bool(false)
        case MarshalTypeCode.ellipsis:
            interpreter.ellipsis.retain()
            return interpreter.ellipsis
        case MarshalTypeCode.stopIteration:
            let type = interpreter.types.exceptions["StopIteration"]!
            type.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(type)))
        case MarshalTypeCode.int:
            return register(.int(try readLong()), flagged)
        case MarshalTypeCode.int64:
            let low = UInt64(UInt32(bitPattern: Int32(try readLong())))
            let high = UInt64(UInt32(bitPattern: Int32(try readLong())))
            return register(.int(Int(bitPattern: UInt(high << 32 | low))), flagged)
        case MarshalTypeCode.long:
            return register(interpreter.integerValue(try readLongDigits()), flagged)
        case MarshalTypeCode.binaryFloat:
            return register(.float(try readDouble()), flagged)
        case MarshalTypeCode.float:
            return register(.float(try readFloatText()), flagged)
        case MarshalTypeCode.binaryComplex:
            let real = try readDouble()
            return register(interpreter.newComplex(ComplexNumber(real: real, imag: try readDouble())), flagged)
        case MarshalTypeCode.complex:
            let real = try readFloatText()
            return register(interpreter.newComplex(ComplexNumber(real: real, imag: try readFloatText())), flagged)
        case MarshalTypeCode.string:
            let count = try readLong()
            if count < 0 { throw .valueError("bad marshal data (bytes object size out of range)") }
            return register(interpreter.newBytes(Array(try readBytes(count))), flagged)
        case MarshalTypeCode.unicode, MarshalTypeCode.interned:
            let count = try readLong()
            if count < 0 { throw .valueError("bad marshal data (string size out of range)") }
            guard let codePoints = MarshalReader.decodeUTF8(try readBytes(count)) else {
                throw .pythonException("UnicodeDecodeError", "'utf-8' codec can't decode bytes in marshal data")
            }
            return register(makeString(codePoints, interned: code & ~MarshalTypeCode.flagReference == MarshalTypeCode.interned), flagged)
        case MarshalTypeCode.ascii, MarshalTypeCode.asciiInterned, MarshalTypeCode.shortAscii, MarshalTypeCode.shortAsciiInterned:
            let type = code & ~MarshalTypeCode.flagReference
            let short = type == MarshalTypeCode.shortAscii || type == MarshalTypeCode.shortAsciiInterned
            let count = short ? Int(try readByte()) : try readLong()
            if count < 0 { throw .valueError("bad marshal data (string size out of range)") }
            let codePoints = try readBytes(count).map { UInt32($0) }
            let interned = type == MarshalTypeCode.asciiInterned || type == MarshalTypeCode.shortAsciiInterned
            return register(makeString(codePoints, interned: interned), flagged)
        case MarshalTypeCode.smallTuple, MarshalTypeCode.tuple:
            let count = code & ~MarshalTypeCode.flagReference == MarshalTypeCode.smallTuple ? Int(try readByte()) : try readLong()
            if count < 0 { throw .valueError("bad marshal data (tuple size out of range)") }
            let slot = reserve(flagged)
            let items = try readItems(count, container: "tuple")
            let tuple = interpreter.newTuple(items)
            fill(slot, tuple)
            return tuple
        case MarshalTypeCode.list:
            let count = try readLong()
            if count < 0 { throw .valueError("bad marshal data (list size out of range)") }
            let list = register(interpreter.newList([]), flagged)
            do throws(EvalError) {
                for _ in 0..<count {
                    guard let item = try readObject() else { throw .typeError("NULL object in marshal data for list") }
                    list.as(PyList.self)!.items.append(item)
                }
            } catch {
                list.release()
                throw error
            }
            return list
        case MarshalTypeCode.dict:
            let dict = register(.object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict()))), flagged)
            do throws(EvalError) {
                while true {
                    guard let key = try readObject() else { break }
                    defer { key.release() }
                    guard let value = try readObject() else { break }
                    defer { value.release() }
                    try thread.setItem(dict, key, value)
                }
            } catch {
                dict.release()
                throw error
            }
            return dict
        case MarshalTypeCode.set, MarshalTypeCode.frozenset:
            let isSet = code & ~MarshalTypeCode.flagReference == MarshalTypeCode.set
            let count = try readLong()
            if count < 0 { throw .valueError("bad marshal data (set size out of range)") }
            if isSet {
                let set = register(try thread.newSet(interpreter.types.set, from: nil), flagged)
                do throws(EvalError) {
                    for _ in 0..<count {
                        guard let item = try readObject() else { throw .typeError("NULL object in marshal data for set") }
                        defer { item.release() }
                        try thread.callMethod(set, interpreter.internedString("add"), [item]).release()
                    }
                } catch {
                    set.release()
                    throw error
                }
                return set
            }
            let slot = reserve(flagged)
            let items = try readItems(count, container: "set")
            let list = interpreter.newList(items)
            defer { list.release() }
            let frozen = try thread.newSet(interpreter.types.frozenset, from: list)
            fill(slot, frozen)
            return frozen
        case MarshalTypeCode.reference:
            let index = try readLong()
            guard index >= 0, index < references.count, let value = references[index] else {
                throw .valueError("bad marshal data (invalid reference)")
            }
            value.retain()
            return value
        case MarshalTypeCode.code:
            let slot = reserve(flagged)
            let code = try readCode()
            fill(slot, code)
            return code
        default:
            throw .valueError("bad marshal data (unknown type code)")
        }
    }

    private mutating func readItems(_ count: Int, container: String) throws(EvalError) -> [Value] {
        var items: [Value] = []
        items.reserveCapacity(min(count, 1 << 16))
        do throws(EvalError) {
            for _ in 0..<count {
                guard let item = try readObject() else { throw .typeError("NULL object in marshal data for \(container)") }
                items.append(item)
            }
        } catch {
            for item in items { item.release() }
            throw error
        }
        return items
    }

    private mutating func readLongDigits() throws(EvalError) -> BigInt {
        let count = try readLong()
        if count == 0 { return 0 }
        var magnitude = BigInt(0)
        var digits: [Int] = []
        for _ in 0..<abs(count) {
            let low = Int(try readByte()), high = Int(try readByte())
            let digit = high << 8 | low
            if digit > 0x7FFF { throw .valueError("bad marshal data (digit out of range in long)") }
            digits.append(digit)
        }
        if digits.last == 0 { throw .valueError("bad marshal data (unnormalized long data)") }
        for digit in digits.reversed() { magnitude = magnitude << 15 | BigInt(digit) }
        return count < 0 ? -magnitude : magnitude
    }

    private func makeString(_ codePoints: [UInt32], interned: Bool) -> Value {
        if interned, codePoints.allSatisfy({ Unicode.Scalar($0) != nil }) {
            var text = String.UnicodeScalarView()
            for point in codePoints { text.append(Unicode.Scalar(point)!) }
            return thread.interpreter.intern(String(text))
        }
        return thread.interpreter.newString(codePoints: codePoints)
    }

    /// UTF-8 accepting encoded surrogates ("surrogatepass"); nil when invalid.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt32]? {
        var result: [UInt32] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = UInt32(bytes[index])
            var count = 0
            var point: UInt32
            switch lead {
            case 0..<0x80: point = lead
            case 0xC2..<0xE0: point = lead & 0x1F; count = 1
            case 0xE0..<0xF0: point = lead & 0x0F; count = 2
            case 0xF0..<0xF5: point = lead & 0x07; count = 3
            default: return nil
            }
            guard bytes.endIndex - index > count else { return nil }
            for offset in 0..<count {
                let byte = UInt32(bytes[index + 1 + offset])
                guard byte & 0xC0 == 0x80 else { return nil }
                point = point << 6 | byte & 0x3F
            }
            if (count == 2 && point < 0x800) || (count == 3 && (point < 0x10000 || point > 0x10FFFF)) { return nil }
            result.append(point)
            index += count + 1
        }
        return result
    }

    private mutating func readCode() throws(EvalError) -> Value {
        var fields = CodeFields()
        fields.argumentCount = try readLong()
        fields.positionalOnlyArgumentCount = try readLong()
        fields.keywordOnlyArgumentCount = try readLong()
        fields.stackSize = try readLong()
        fields.flags = UInt32(truncatingIfNeeded: try readLong())
        fields.code = try readBytesObject()
        let constants = try readRequired()
        defer { constants.release() }
        guard let constantTuple = constants.as(PyTuple.self) else { throw .typeError("bad marshal data (code constants)") }
        var codeConstants: [CodeConstant] = []
        codeConstants.reserveCapacity(constantTuple.items.count)
        for item in constantTuple.items { codeConstants.append(try thread.codeConstant(item)) }
        fields.constants = codeConstants
        fields.names = try readStrings()
        let localNames = try readStrings()
        let kinds = try readBytesObject()
        fields.setLocalsPlus(names: localNames, kinds: kinds)
        fields.filename = try readText()
        if let filenameOverride { fields.filename = filenameOverride }
        fields.name = try readText()
        fields.qualifiedName = try readText()
        fields.firstLineNumber = try readLong()
        fields.lineTable = try readBytesObject()
        fields.exceptionTable = try readBytesObject()
        let code = try LoadedCode(try fields.makeCodeObject(), interpreter: thread.interpreter)
        return .object(ObjectRef.allocate(code))
    }

    private mutating func readRequired() throws(EvalError) -> Value {
        guard let value = try readObject() else { throw .typeError("NULL object in marshal data for object") }
        return value
    }

    private mutating func readBytesObject() throws(EvalError) -> [UInt8] {
        let value = try readRequired()
        defer { value.release() }
        guard let bytes = value.as(PyBytes.self) else { throw .valueError("bad marshal data (code field is not bytes)") }
        return bytes.bytes
    }

    private mutating func readText() throws(EvalError) -> String {
        let value = try readRequired()
        defer { value.release() }
        guard let text = value.as(PyStr.self) else { throw .valueError("bad marshal data (code field is not str)") }
        return text.string
    }

    private mutating func readStrings() throws(EvalError) -> [String] {
        let value = try readRequired()
        defer { value.release() }
        guard let tuple = value.as(PyTuple.self) else { throw .valueError("bad marshal data (code names are not a tuple)") }
        var names: [String] = []
        for item in tuple.items {
            guard let text = item.as(PyStr.self) else { throw .valueError("bad marshal data (code name is not str)") }
            names.append(text.string)
        }
        return names
    }
}
