import BigInt

/// `sys.getsizeof`: Garter's objects are Swift objects whose sizes Python
/// code cannot see, so the answer is an estimate in CPython 3.11's terms
/// (the same numbers for the common built-in types on a 64-bit build), which
/// is what code using `getsizeof` for rough accounting expects.
extension ThreadState {
    func approximateSize(_ value: Value) throws(EvalError) -> Int {
        let type = typeOf(value)
        let types = interpreter.types
        // What CPython adds for objects tracked by the cycle collector.
        let gcHeader = 16
        if type.isHeapType, let method = type.lookup(name: "__sizeof__"), method.as(PyMethodDescriptor.self) == nil {
            let result = try callMethod(value, interpreter.internedString("__sizeof__"), [])
            defer { result.release() }
            guard case .int(let size) = result else {
                if result.as(PyLong.self) != nil { throw .overflowError("Python int too large to convert to C ssize_t") }
                throw .typeError("'\(typeOf(result).name)' object cannot be interpreted as an integer")
            }
            guard size >= 0 else { throw .valueError("__sizeof__() should return >= 0") }
            return size + gcHeader + (type.flags.contains(.hasInstanceDict) ? 16 : 0)
        }
        switch value {
        case .none: return 16
        case .bool: return 28
        case .int(let number): return Self.integerSize(bitWidth: Int.bitWidth - number.magnitude.leadingZeroBitCount)
        case .float: return 24
        case .object(let reference):
            return reference.with { object -> Int in
                switch object {
                case let long as PyLong: return Self.integerSize(bitWidth: long.value.magnitude.bitWidth)
                case let string as PyStr:
                    let widest = string.codePoints.max() ?? 0
                    if widest < 0x80 { return 49 + string.count }
                    if widest < 0x100 { return 73 + string.count }
                    if widest < 0x10000 { return 74 + 2 * string.count }
                    return 76 + 4 * string.count
                case let tuple as PyTuple where tuple.count == 0: return 40
                case let tuple as PyTuple: return 40 + 8 * tuple.count + gcHeader - 16
                case let list as PyList: return 56 + 8 * list.count
                case let dict as PyDict:
                    if dict.count == 0 { return 64 }
                    var slots = 8
                    while slots * 2 / 3 < dict.count { slots *= 2 }
                    let indexBytes = slots <= 128 ? 1 : slots <= 0x8000 ? 2 : 4
                    return 64 + 32 + slots * indexBytes + (slots * 2 / 3) * 24
                case let set as PySet:
                    var slots = 8
                    while slots * 3 / 5 < set.count { slots *= 2 }
                    return 216 + (slots > 8 ? slots * 16 : 0)
                case is PyType: return 920
                case is PyBuiltinFunction: return 72
                case is PyFunction: return 152
                case is PyModule: return 72
                default:
                    if type.isHeapType {
                        // object header + __weakref__ (+ slots), the GC header and
                        // the pre-header holding the instance dict.
                        let slotCount = (object as? PyInstance)?.slotValues.count ?? 0
                        let hasDict = type.flags.contains(.hasInstanceDict)
                        return 16 + 8 * slotCount + (hasDict ? 8 + 16 : 0) + gcHeader
                    }
                    return type === types.object ? 16 : 16 + gcHeader
                }
            }
        }
    }

    /// CPython's int size: a 24-byte header and 30-bit digits (at least one).
    static func integerSize(bitWidth: Int) -> Int {
        24 + 4 * max(1, (bitWidth + 29) / 30)
    }
}
