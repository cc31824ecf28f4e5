import GarterSyntax

extension Interpreter {
    /// `bytearray`: the mutable byte sequence; shared methods in BytesMethods.swift.
    func installByteArrayType() {
        let arrayType = types.bytearray
        func get(_ value: Value) -> PyByteArray { value.as(PyByteArray.self)! }
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            thread.interpreter.newString("\(thread.typeOf(value).name)(\(Repr.bytes(get(value).bytes)))")
        }
        slots.str = slots.repr
        slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
        slots.length = { _, value throws(EvalError) in get(value).count }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard left.isBytesLike && right.isBytesLike, let a = try thread.bytesLike(left),
                  let b = try thread.bytesLike(right) else { return thread.notImplemented() }
            return .bool(ByteSequenceComparison.compare(a, b, operation))
        }
        slots.getItem = { thread, value, key throws(EvalError) in
            let bytes = get(value).bytes
            if let slice = key.as(PySlice.self) {
                return thread.interpreter.newByteArray(try thread.sliceBytes(bytes, slice))
            }
            return .int(Int(bytes[try thread.byteIndex(key, count: bytes.count, what: "bytearray",
                                                       rangeMessage: "bytearray index out of range")]))
        }
        slots.setItem = { thread, value, key, newValue throws(EvalError) in
            let array = get(value)
            if let slice = key.as(PySlice.self) {
                try thread.assignByteSlice(array, slice, newValue)
                return
            }
            let index = try thread.byteIndex(key, count: array.count, what: "bytearray", rangeMessage: "bytearray index out of range")
            if let newValue {
                // The value's __index__ may resize the array: check again after it (as CPython).
                let byte = try thread.byteValue(newValue)
                guard index < array.count else { throw .indexError("bytearray index out of range") }
                array.bytes[index] = byte
            } else {
                try array.checkResizable()
                array.bytes.remove(at: index)
            }
        }
        slots.contains = { thread, value, item throws(EvalError) in
            try thread.byteSequenceContains(get(value).bytes, item)
        }
        slots.iterate = { thread, value throws(EvalError) in
            value.retain()
            return .object(ObjectRef.allocate(PySequenceIterator(source: value, type: thread.interpreter.types.other("bytearray_iterator"))))
        }
        slots.binary[0] = { thread, left, right throws(EvalError) in
            guard let a = left.as(PyByteArray.self) else { return thread.notImplemented() }
            guard let b = try thread.bytesLike(right) else {
                throw .typeError("can't concat \(thread.typeOf(right).name) to bytearray")
            }
            return thread.interpreter.newByteArray(a.bytes + b)
        }
        slots.inPlace[0] = { thread, left, right throws(EvalError) in
            let array = get(left)
            guard let extra = try thread.bytesLike(right) else {
                throw .typeError("can't concat \(thread.typeOf(right).name) to bytearray")
            }
            if !extra.isEmpty { try array.checkResizable() }
            array.bytes.append(contentsOf: extra)
            left.retain()
            return left
        }
        slots.binary[5] = { thread, left, right throws(EvalError) in
            let (sequence, times) = left.as(PyByteArray.self) != nil ? (left, right) : (right, left)
            guard let array = sequence.as(PyByteArray.self) else { return thread.notImplemented() }
            let (count, result) = try thread.repeatCount(left, right, times: times, sequenceType: thread.interpreter.types.bytearray)
            if let result { return result }
            return thread.interpreter.newByteArray(try thread.repeatBytes(array.bytes, .int(count)))
        }
        slots.inPlace[5] = { thread, left, right throws(EvalError) in
            let array = get(left)
            let repeated = try thread.repeatBytes(array.bytes, right)
            if repeated.count != array.count { try array.checkResizable() }
            array.bytes = repeated
            left.retain()
            return left
        }
        slots.binary[6] = { thread, left, right throws(EvalError) in
            guard let format = left.as(PyByteArray.self) else { return thread.notImplemented() }
            return thread.interpreter.newByteArray(try thread.percentFormatBytes(format.bytes, right))
        }
        slots.new = { _, type, _ throws(EvalError) in
            .object(ObjectRef.allocate(PyByteArray([], type: type)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("bytearray", ["source", "encoding", "errors"])
            let bytes = try thread.bytesFromSource(bound[0], encoding: bound[1], errors: bound[2], typeName: "bytearray")
            let array = get(value)
            if bytes.count != array.count { try array.checkResizable() }
            array.bytes = bytes
        }
        arrayType.installSlots(slots, self)
        removeTypeAttribute(arrayType, "__radd__")
        arrayType.setAttribute("__hash__", .none, self)
        installByteSequenceMethods(arrayType, mutable: true)
        installByteIterator("bytearray_iterator")

        arrayType.define("append", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.append", 1...1)
            let byte = try thread.byteValue(arguments[0])
            let array = get(value)
            try array.checkResizable()
            array.bytes.append(byte)
            return .none
        }
        arrayType.define("extend", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.extend", 1...1)
            let source = arguments[0]
            let extra: [UInt8]
            if let bytes = try thread.bytesLike(source) {
                extra = bytes
            } else {
                guard thread.typeOf(source).slots.iterate != nil || thread.typeOf(source).slots.getItem != nil else {
                    throw .typeError("can't extend bytearray with \(thread.typeOf(source).name)")
                }
                extra = try thread.bytesFromIterable(source, rangeMessage: "byte must be in range(0, 256)")
            }
            let array = get(value)
            if !extra.isEmpty { try array.checkResizable() }
            array.bytes.append(contentsOf: extra)
            return .none
        }
        arrayType.define("insert", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("insert", 2...2)
            let array = get(value)
            var index = try thread.indexInt(arguments[0])
            let byte = try thread.byteValue(arguments[1])
            if index < 0 { index = max(0, index + array.count) }
            index = min(index, array.count)
            try array.checkResizable()
            array.bytes.insert(byte, at: index)
            return .none
        }
        arrayType.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("pop", 0...1)
            let array = get(value)
            var index = arguments.positionalCount > 0 ? try thread.indexInt(arguments[0]) : -1
            if array.bytes.isEmpty { throw .indexError("pop from empty bytearray") }
            if index < 0 { index += array.count }
            guard index >= 0 && index < array.count else { throw .indexError("pop index out of range") }
            try array.checkResizable()
            return .int(Int(array.bytes.remove(at: index)))
        }
        arrayType.define("remove", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.remove", 1...1)
            let byte = try thread.byteValue(arguments[0])
            let array = get(value)
            guard let index = array.bytes.firstIndex(of: byte) else { throw .valueError("value not found in bytearray") }
            try array.checkResizable()
            array.bytes.remove(at: index)
            return .none
        }
        arrayType.define("clear", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.clear", 0...0)
            let array = get(value)
            if !array.bytes.isEmpty { try array.checkResizable() }
            array.bytes.removeAll()
            return .none
        }
        arrayType.define("copy", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.copy", 0...0)
            return thread.interpreter.newByteArray(get(value).bytes)
        }
        arrayType.define("reverse", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.reverse", 0...0)
            get(value).bytes.reverse()
            return .none
        }
        arrayType.define("__alloc__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.__alloc__", 0...0)
            let count = get(value).count
            return .int(count == 0 ? 0 : count + 1)
        }
        arrayType.define("__sizeof__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.__sizeof__", 0...0)
            let count = get(value).count
            return .int(56 + (count == 0 ? 0 : count + 1))
        }
        func reduce(_ thread: ThreadState, _ value: Value, version: Int) throws(EvalError) -> Value {
            let type = thread.typeOf(value)
            type.incref()
            let bytes = get(value).bytes
            let state: Value
            if let dict = thread.instanceDict(of: value), dict.count > 0 {
                dict.incref()
                state = .object(ObjectRef(Unmanaged.passUnretained(dict)))
            } else {
                state = .none
            }
            let arguments: Value
            if version < 3 && !bytes.isEmpty {
                arguments = thread.interpreter.newTuple([thread.interpreter.newString(codePoints: bytes.map(UInt32.init)),
                                                         thread.interpreter.newString("latin-1")])
            } else {
                arguments = thread.interpreter.newTuple(bytes.isEmpty ? [] : [thread.interpreter.newBytes(bytes)])
            }
            return thread.interpreter.newTuple([type.value, arguments, state])
        }
        arrayType.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("bytearray.__reduce__", 0...0)
            return try reduce(thread, value, version: 2)
        }
        arrayType.define("__reduce_ex__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reduce_ex__", 1...1)
            return try reduce(thread, value, version: try thread.indexInt(arguments[0]))
        }
    }
}

extension ThreadState {
    /// `array[slice] = value` and `del array[slice]`, with CPython's rules:
    /// a simple slice may change the size, an extended one must match.
    func assignByteSlice(_ array: PyByteArray, _ slice: PySlice, _ newValue: Value?) throws(EvalError) {
        var replacement: [UInt8] = []
        if let newValue {
            if let bytes = try bytesLike(newValue) {
                replacement = bytes
            } else if newValue.as(PyStr.self) != nil || typeOf(newValue).slots.index != nil || Arithmetic.pyInteger(newValue) != nil
                        || (typeOf(newValue).slots.iterate == nil && typeOf(newValue).slots.getItem == nil) {
                throw .typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
            } else {
                replacement = try bytesFromIterable(newValue, rangeMessage: "byte must be in range(0, 256)")
            }
        }
        let (start, stop, step, length) = try sliceIndices(slice, count: array.count)
        if step == 1 {
            let upper = max(start, stop)
            if replacement.count != upper - start { try array.checkResizable() }
            array.bytes.replaceSubrange(start..<upper, with: replacement)
            return
        }
        if newValue == nil {
            if length == 0 { return }
            try array.checkResizable()
            var remove = [Bool](repeating: false, count: array.count)
            var index = start
            for _ in 0..<length {
                remove[index] = true
                index &+= step   // past the last item it may wrap: never used then
            }
            var kept: [UInt8] = []
            kept.reserveCapacity(array.count - length)
            for (position, byte) in array.bytes.enumerated() where !remove[position] { kept.append(byte) }
            array.bytes = kept
            return
        }
        guard replacement.count == length else {
            throw .valueError("attempt to assign bytes of size \(replacement.count) to extended slice of size \(length)")
        }
        var index = start
        for byte in replacement {
            array.bytes[index] = byte
            index &+= step   // past the last item it may wrap: never used then
        }
    }
}
