import GarterCompiler

// The `array.array` type: construction and the sequence protocol (items,
// slices with steps, `+`, `*`, in-place forms, comparisons, `in`,
// iteration), with CPython 3.11's messages. The methods are in
// ArrayMethods.swift.

extension Interpreter {
    func arrayType() -> PyType {
        nativeType("array", module: "array", flags: [.baseType, .sequence]) { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                if type === thread.interpreter.arrayType() && arguments.hasKeywords {
                    throw .typeError("array.array() takes no keyword arguments")
                }
                let count = arguments.positionalCount
                if count < 1 { throw .typeError("array() takes at least 1 argument (\(count) given)") }
                if count > 2 { throw .typeError("array() takes at most 2 arguments (\(count) given)") }
                return try thread.makeArray(type, typecode: arguments[0], initializer: count == 2 ? arguments[1] : nil)
            }
            slots.length = { _, value throws(EvalError) in value.as(PyArray.self)!.count }
            slots.iterate = { thread, value throws(EvalError) in
                .object(ObjectRef.allocate(PyArrayIterator(array: value.as(PyArray.self)!,
                                                           type: thread.interpreter.arrayIteratorType())))
            }
            slots.contains = { thread, value, item throws(EvalError) in
                let array = value.as(PyArray.self)!
                return try thread.arrayFind(array, item, in: 0..<array.count) != nil
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                let array = value.as(PyArray.self)!
                if let slice = key.as(PySlice.self) {
                    let (start, _, step, length) = try thread.sliceIndices(slice, count: array.count)
                    return thread.interpreter.newArray(array.code, array.sliceBytes(start: start, step: step, length: length))
                }
                let index = try thread.arrayIndex(key, count: array.count, message: "array index out of range")
                return array.item(at: index, thread.interpreter)
            }
            slots.setItem = { thread, value, key, newValue throws(EvalError) in
                let array = value.as(PyArray.self)!
                if let slice = key.as(PySlice.self) {
                    try thread.arrayAssignSlice(array, slice, newValue)
                    return
                }
                let index = try thread.arrayIndex(key, count: array.count, message: "array assignment index out of range")
                if let newValue {
                    array.store(try thread.arrayItemBits(array.code, newValue), at: index)
                } else {
                    try array.checkResizable()
                    array.replace(index..<(index + 1), with: EmptyCollection())
                }
            }
            slots.hash = { thread, value throws(EvalError) in throw .typeError("unhashable type: '\(thread.typeOf(value).name)'") }
            slots.repr = { thread, value throws(EvalError) in
                let array = value.as(PyArray.self)!
                let name = thread.typeOf(value).shortName
                let code = array.code.character
                if array.count == 0 { return thread.interpreter.newString("\(name)('\(code)')") }
                let contents: Value
                if array.code == .unicode {
                    contents = thread.interpreter.newString(codePoints: try array.validCodePoints())
                } else {
                    contents = thread.interpreter.newList(thread.arrayItems(array))
                }
                defer { contents.release() }
                return thread.interpreter.newString("\(name)('\(code)', \(try thread.reprText(contents)))")
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard let a = left.as(PyArray.self), let b = right.as(PyArray.self) else { return thread.notImplemented() }
                if (operation == .equal || operation == .notEqual) && a.count != b.count {
                    return .bool(operation == .notEqual)
                }
                let first = thread.arrayItems(a)
                let second = thread.arrayItems(b)
                defer { for item in first + second { item.release() } }
                return try thread.compareSequences(first, second, operation, identityFirst: false)
            }
            slots.binary[Int(BinaryOperation.add.rawValue)] = { thread, left, right throws(EvalError) in
                guard let a = left.as(PyArray.self) else { return thread.notImplemented() }
                guard let b = right.as(PyArray.self) else {
                    throw .typeError("can only append array (not \"\(thread.typeOf(right).name)\") to array")
                }
                guard a.code == b.code else { throw .typeError("bad argument type for built-in operation") }
                return thread.interpreter.newArray(a.code, a.storage + b.storage)
            }
            slots.inPlace[Int(BinaryOperation.add.rawValue)] = { thread, left, right throws(EvalError) in
                guard let array = left.as(PyArray.self) else { return thread.notImplemented() }
                guard right.as(PyArray.self) != nil else {
                    throw .typeError("can only extend array with array (not \"\(thread.typeOf(right).name)\")")
                }
                try thread.arrayExtendFrom(array, right)
                left.retain()
                return left
            }
            slots.binary[Int(BinaryOperation.multiply.rawValue)] = { thread, left, right throws(EvalError) in
                let (sequence, times) = left.as(PyArray.self) != nil ? (left, right) : (right, left)
                guard let array = sequence.as(PyArray.self) else { return thread.notImplemented() }
                guard thread.typeOf(times).slots.index != nil || Arithmetic.pyInteger(times) != nil else {
                    throw .typeError("can't multiply sequence by non-int of type '\(thread.typeOf(times).name)'")
                }
                let count = try thread.repeatCount(times)
                return thread.interpreter.newArray(array.code, try thread.repeatedBytes(array.storage, count))
            }
            slots.inPlace[Int(BinaryOperation.multiply.rawValue)] = { thread, left, right throws(EvalError) in
                guard let array = left.as(PyArray.self) else { return thread.notImplemented() }
                guard thread.typeOf(right).slots.index != nil || Arithmetic.pyInteger(right) != nil else {
                    throw .typeError("can't multiply sequence by non-int of type '\(thread.typeOf(right).name)'")
                }
                let count = try thread.repeatCount(right)
                if count != 1 && !array.storage.isEmpty { try array.checkResizable() }
                array.storage = try thread.repeatedBytes(array.storage, count)
                left.retain()
                return left
            }
            type.installSlots(slots, self)
            setItem(type.dict, "__hash__", .none)
            removeTypeAttribute(type, "__radd__")
            installArrayMethods(type)
        }
    }
}

extension ThreadState {
    /// Makes `array(typecode, initializer)` of `type` (CPython's array_new).
    func makeArray(_ type: PyType, typecode: Value, initializer: Value?) throws(EvalError) -> Value {
        guard let text = typecode.as(PyStr.self), text.count == 1 else {
            let what = typecode.as(PyStr.self) != nil ? "str" : typeOf(typecode).name
            throw .typeError("array() argument 1 must be a unicode character, not \(what)")
        }
        guard let code = ArrayTypecode(text.string) else {
            throw .valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        }
        let initial = initializer
        if let initial, code != .unicode {
            if initial.as(PyStr.self) != nil {
                throw .typeError("cannot use a str to initialize an array with typecode '\(code.character)'")
            }
            if initial.as(PyArray.self)?.code == .unicode {
                throw .typeError("cannot use a unicode array to initialize an array with typecode '\(code.character)'")
            }
        }
        let result = interpreter.newArray(code, type: type)
        let array = result.as(PyArray.self)!
        guard let initial else { return result }
        do throws(EvalError) {
            if let list = initial.as(PyList.self) {
                let items = list.items
                for item in items { item.retain() }
                defer { for item in items { item.release() } }
                try arrayAppendItems(array, items)
            } else if let tuple = initial.as(PyTuple.self) {
                try arrayAppendItems(array, tuple.items)
            } else if initial.as(PyBytes.self) != nil || initial.as(PyByteArray.self) != nil {
                try arrayFromBytes(array, try requireBytesLike(initial))
            } else if let text = initial.as(PyStr.self), code == .unicode {
                try arrayFromUnicode(array, text.codePoints)
            } else if let other = initial.as(PyArray.self), other.code == code {
                array.storage = other.storage
            } else {
                try arrayExtend(array, iterable: initial)
            }
        } catch {
            result.release()
            throw error
        }
        return result
    }

    /// An item subscript (CPython's messages: "array indices must be integers").
    func arrayIndex(_ key: Value, count: Int, message: String) throws(EvalError) -> Int {
        var index: Int
        if case .int(let number) = key {
            index = number
        } else {
            guard typeOf(key).slots.index != nil || Arithmetic.pyInteger(key) != nil else {
                throw .typeError("array indices must be integers")
            }
            guard let number = try indexIntOrOverflow(key) else {
                throw .indexError("cannot fit 'int' into an index-sized integer")
            }
            index = number
        }
        if index < 0 { index += count }
        guard index >= 0 && index < count else { throw .indexError(message) }
        return index
    }

    /// `a[slice] = b` and `del a[slice]` (CPython's array_ass_subscr).
    func arrayAssignSlice(_ array: PyArray, _ slice: PySlice, _ newValue: Value?) throws(EvalError) {
        var source: [UInt8] = []
        if let newValue {
            guard let other = newValue.as(PyArray.self) else {
                throw .typeError("can only assign array (not \"\(typeOf(newValue).name)\") to array slice")
            }
            guard other.code == array.code else { throw .typeError("bad argument type for built-in operation") }
            source = other.storage
        }
        let newCount = source.count / array.itemSize
        let (start, stop, step, length) = try sliceIndices(slice, count: array.count)
        if step == 1 {
            let end = max(start, stop)
            if newCount != length { try array.checkResizable() }
            array.replace(start..<end, with: source)
            return
        }
        if newValue == nil {
            if length == 0 { return }
            try array.checkResizable()
            // Keep the items the slice does not select, in order.
            var selected = [Bool](repeating: false, count: array.count)
            var index = start
            for _ in 0..<length {
                selected[index] = true
                index &+= step
            }
            var kept: [UInt8] = []
            kept.reserveCapacity(array.storage.count - length * array.itemSize)
            for item in 0..<array.count where !selected[item] { kept.append(contentsOf: array.bytes(of: item..<(item + 1))) }
            array.storage = kept
            return
        }
        guard newCount == length else {
            throw .valueError("attempt to assign array of size \(newCount) to extended slice of size \(length)")
        }
        var index = start
        let size = array.itemSize
        for item in 0..<length {
            array.storage.replaceSubrange((index * size)..<((index + 1) * size), with: source[(item * size)..<((item + 1) * size)])
            index &+= step
        }
    }

    /// The count of `a * n` (negative counts make an empty array).
    func repeatCount(_ times: Value) throws(EvalError) -> Int {
        guard let count = try indexIntOrOverflow(times) else {
            if Arithmetic.pyInteger(times)?.isNegative == true { return 0 }
            throw .overflowError("cannot fit 'int' into an index-sized integer")
        }
        return max(count, 0)
    }

    /// `bytes` repeated `count` times (MemoryError when the size overflows).
    func repeatedBytes(_ bytes: [UInt8], _ count: Int) throws(EvalError) -> [UInt8] {
        if bytes.isEmpty || count == 0 { return [] }
        let (total, overflow) = bytes.count.multipliedReportingOverflow(by: count)
        if overflow || total > Int(Int32.max) * 64 { throw .pythonException("MemoryError", "") }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for _ in 0..<count { result.append(contentsOf: bytes) }
        return result
    }
}
