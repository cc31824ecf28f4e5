import BigInt

// The `array` module: the `array` type (ArrayType.swift), `ArrayType` (its
// alias), `typecodes`, the iterator type, and `_array_reconstructor`, which
// unpickles arrays written by machines of any byte order and word size.

extension Interpreter {
    func makeArrayModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("array", doc: "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n") { module, define throws(EvalError) in
            let type = arrayType()
            export(type, in: module)
            type.incref()
            setItem(module.dict, "ArrayType", type.value)
            setItem(module.dict, "typecodes", newString(ArrayTypecode.allCodes))
            // As CPython's module: arrays are registered MutableSequences.
            let abc = try thread.importModule("collections.abc", globals: nil, fromList: intern("MutableSequence"), level: 0)
            defer { abc.release() }
            let sequence = try thread.getAttribute(abc, "MutableSequence")
            defer { sequence.release() }
            try thread.callMethod(sequence, internedString("register"), [type.value]).release()
            define("_array_reconstructor") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("_array_reconstructor")
                try arguments.expectPositional("_array_reconstructor", 4)
                return try thread.reconstructArray(arguments[0], arguments[1], arguments[2], arguments[3])
            }
        }
    }

    func arrayIteratorType() -> PyType {
        nativeType("arrayiterator", module: "array", flags: []) { type in
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let iterator = value.as(PyArrayIterator.self)!
                guard let array = iterator.array else { return nil }
                if iterator.index >= array.count {
                    iterator.finish()
                    return nil
                }
                let item = array.item(at: iterator.index, thread.interpreter)
                iterator.index += 1
                return item
            }
            type.installSlots(slots, self)
            type.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("arrayiterator.__reduce__", 0...0)
                let iterator = value.as(PyArrayIterator.self)!
                let iter = thread.interpreter.builtins.lookup(name: "iter")!
                iter.retain()
                guard let array = iterator.array else {
                    return thread.interpreter.newTuple([iter, thread.interpreter.newTuple([thread.interpreter.newTuple([])])])
                }
                array.incref()
                return thread.interpreter.newTuple([iter, thread.interpreter.newTuple([array.referenceValue]),
                                                    .int(iterator.index)])
            }
            type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("arrayiterator.__setstate__", 1...1)
                let iterator = value.as(PyArrayIterator.self)!
                var index = try thread.clampedIndex(arguments[0])
                if let array = iterator.array {
                    index = min(max(index, 0), array.count)
                    iterator.index = index
                }
                return .none
            }
        }
    }
}

extension ThreadState {
    /// `array._array_reconstructor(type, typecode, mformat_code, items)`.
    func reconstructArray(_ typeValue: Value, _ typecodeValue: Value, _ formatValue: Value, _ items: Value) throws(EvalError) -> Value {
        guard let type = typeValue.as(PyType.self) else {
            throw .typeError("first argument must be a type object, not \(typeOf(typeValue).name)")
        }
        guard type.isSubtype(of: interpreter.arrayType()) else {
            throw .typeError("\(type.name) is not a subtype of array.array")
        }
        guard let text = typecodeValue.as(PyStr.self), text.count == 1 else {
            let what = typecodeValue.as(PyStr.self) != nil ? "a string of length \(typecodeValue.as(PyStr.self)!.count)" : typeOf(typecodeValue).name
            throw .typeError("_array_reconstructor() argument 2 must be a unicode character, not \(what)")
        }
        guard let code = ArrayTypecode(text.string) else { throw .valueError("second argument must be a valid type code") }
        let formatNumber = try clampedIndex(formatValue)
        guard let format = ArrayMachineFormat(rawValue: formatNumber) else {
            throw .valueError("third argument must be a valid machine format code.")
        }
        guard let bytes = items.as(PyBytes.self) else {
            throw .typeError("fourth argument should be bytes, not \(typeOf(items).name)")
        }
        let typecode = interpreter.newString(String(code.character))
        defer { typecode.release() }
        if format == code.machineFormat {
            let contents = interpreter.newBytes(bytes.bytes)
            defer { contents.release() }
            return try makeArray(type, typecode: typecode, initializer: contents)
        }
        let size = format.itemSize
        guard bytes.count % format.checkedSize == 0 else { throw .valueError("string length not a multiple of item size") }
        let count = bytes.count / size
        func pattern(_ item: Int) -> UInt64 {
            var bits: UInt64 = 0
            for byte in 0..<size {
                let shift = UInt64(format.isBigEndian ? size - 1 - byte : byte) * 8
                bits |= UInt64(bytes.bytes[item * size + byte]) << shift
            }
            return bits
        }
        if format.isUnicode {
            var points: [UInt32] = []
            if size == 4 {
                points = (0..<count).map { UInt32(truncatingIfNeeded: pattern($0)) }
            } else {
                let units = (0..<count).map { UInt16(truncatingIfNeeded: pattern($0)) }
                points = String(decoding: units, as: UTF16.self).unicodeScalars.map(\.value)
            }
            let text = interpreter.newString(codePoints: points)
            defer { text.release() }
            return try makeArray(type, typecode: typecode, initializer: text)
        }
        var values: [Value] = []
        var chosen = code
        if format.isFloat {
            values = (0..<count).map { item in
                let bits = pattern(item)
                return .float(size == 4 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : Double(bitPattern: bits))
            }
        } else {
            // The integer typecode of the same size and signedness (the last
            // in `typecodes` order, as CPython picks it).
            for candidate in ArrayTypecode.allCodes.unicodeScalars.compactMap({ ArrayTypecode(rawValue: UInt8($0.value)) })
            where candidate.isInteger && candidate.itemSize == size && candidate.isSigned == format.isSigned {
                chosen = candidate
            }
            values = (0..<count).map { item in
                let bits = pattern(item)
                if format.isSigned {
                    let shift = UInt64(64 - 8 * size)
                    return .int(Int(Int64(bitPattern: bits << shift) >> Int64(shift)))
                }
                return bits <= UInt64(Int.max) ? .int(Int(bits)) : interpreter.integerValue(BigInt(bits))
            }
        }
        let list = interpreter.newList(values)
        defer { list.release() }
        let chosenCode = interpreter.newString(String(chosen.character))
        defer { chosenCode.release() }
        return try makeArray(type, typecode: chosenCode, initializer: list)
    }
}
