// The methods and attributes of `array.array`, with CPython 3.11's
// argument conventions and messages.

extension Interpreter {
    func installArrayMethods(_ type: PyType) {
        func get(_ value: Value) -> PyArray { value.as(PyArray.self)! }

        type.defineAttribute("typecode", self) { thread, value throws(EvalError) in
            thread.interpreter.newString(String(get(value).code.character))
        }
        type.defineAttribute("itemsize", self) { _, value throws(EvalError) in .int(get(value).itemSize) }

        type.define("append", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.append", 1...1)
            let array = get(value)
            let bits = try thread.arrayItemBits(array.code, arguments[0])
            try array.checkResizable()
            array.append(bits: bits)
            return .none
        }
        type.define("extend", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.extend", 1...1)
            try thread.arrayExtendFrom(get(value), arguments[0])
            return .none
        }
        type.define("insert", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("insert")
            try arguments.expectPositional("insert", 2)
            let array = get(value)
            var index = try thread.clampedIndex(arguments[0])
            let bits = try thread.arrayItemBits(array.code, arguments[1])
            try array.checkResizable()
            let count = array.count
            if index < 0 { index = max(index + count, 0) }
            index = min(index, count)
            array.append(bits: 0)
            let size = array.itemSize
            array.storage.withUnsafeMutableBytes { raw in
                let base: UnsafeMutableRawPointer = raw.baseAddress!
                let source: UnsafeMutableRawPointer = base + index * size
                let target: UnsafeMutableRawPointer = source + size
                target.copyMemory(from: source, byteCount: (count - index) * size)
            }
            array.store(bits, at: index)
            return .none
        }
        type.define("pop", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("pop")
            if arguments.positionalCount > 1 { throw .typeError("pop expected at most 1 argument, got \(arguments.positionalCount)") }
            let array = get(value)
            var index = arguments.positionalCount == 1 ? try thread.clampedIndex(arguments[0]) : -1
            if array.count == 0 { throw .indexError("pop from empty array") }
            if index < 0 { index += array.count }
            guard index >= 0 && index < array.count else { throw .indexError("pop index out of range") }
            try array.checkResizable()
            let item = array.item(at: index, thread.interpreter)
            array.replace(index..<(index + 1), with: EmptyCollection())
            return item
        }
        type.define("remove", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.remove", 1...1)
            let array = get(value)
            guard let index = try thread.arrayFind(array, arguments[0], in: 0..<array.count) else {
                throw .valueError("array.remove(x): x not in array")
            }
            try array.checkResizable()
            array.replace(index..<(index + 1), with: EmptyCollection())
            return .none
        }
        type.define("index", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("index")
            if arguments.positionalCount < 1 { throw .typeError("index expected at least 1 argument, got 0") }
            if arguments.positionalCount > 3 { throw .typeError("index expected at most 3 arguments, got \(arguments.positionalCount)") }
            let array = get(value)
            func bound(_ position: Int, _ missing: Int) throws(EvalError) -> Int {
                guard position < arguments.positionalCount else { return missing }
                let value = arguments[position]
                guard thread.typeOf(value).slots.index != nil || Arithmetic.pyInteger(value) != nil else {
                    throw .typeError("slice indices must be integers or have an __index__ method")
                }
                var number = try thread.clampedIndex(value)
                if number < 0 { number = max(number + array.count, 0) }
                return number
            }
            let start = try bound(1, 0)
            let stop = try bound(2, Int.max)
            guard start < stop, let index = try thread.arrayFind(array, arguments[0], in: start..<stop) else {
                throw .valueError("array.index(x): x not in array")
            }
            return .int(index)
        }
        type.define("count", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.count", 1...1)
            let array = get(value)
            var found = 0
            var index = 0
            while index < array.count {
                let item = array.item(at: index, thread.interpreter)
                defer { item.release() }
                if try thread.equal(item, arguments[0]) { found += 1 }
                index += 1
            }
            return .int(found)
        }
        type.define("reverse", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("array.reverse", 0...0)
            let array = get(value)
            var low = 0
            var high = array.count - 1
            while low < high {
                let bits = array.bits(at: low)
                array.store(array.bits(at: high), at: low)
                array.store(bits, at: high)
                low += 1
                high -= 1
            }
            return .none
        }
        type.define("byteswap", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("array.byteswap", 0...0)
            let array = get(value)
            let size = array.itemSize
            for item in 0..<array.count {
                let bits = array.bits(at: item).byteSwapped >> UInt64(64 - 8 * size)
                array.store(bits, at: item)
            }
            return .none
        }
        type.define("buffer_info", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.buffer_info", 0...0)
            let array = get(value)
            let address = array.storage.withUnsafeBytes { Int(bitPattern: $0.baseAddress) }
            return thread.interpreter.newTuple([.int(array.count == 0 ? 0 : address), .int(array.count)])
        }
        type.define("tobytes", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.tobytes", 0...0)
            return thread.interpreter.newBytes(get(value).storage)
        }
        type.define("frombytes", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.frombytes", 1...1)
            try thread.arrayFromBytes(get(value), try thread.requireBytesLike(arguments[0]))
            return .none
        }
        type.define("tolist", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.tolist", 0...0)
            return thread.interpreter.newList(thread.arrayItems(get(value)))
        }
        type.define("fromlist", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.fromlist", 1...1)
            guard let list = arguments[0].as(PyList.self) else { throw .typeError("arg must be list") }
            let array = get(value)
            let items = list.items
            for item in items { item.retain() }
            defer { for item in items { item.release() } }
            // All or nothing, as CPython: a bad item removes the ones added.
            let before = array.storage.count
            if !items.isEmpty { try array.checkResizable() }
            do throws(EvalError) { try thread.arrayAppendItems(array, items) } catch {
                array.storage.removeSubrange(before...)
                throw error
            }
            return .none
        }
        type.define("tounicode", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.tounicode", 0...0)
            let array = get(value)
            guard array.code == .unicode else { throw .valueError("tounicode() may only be called on unicode type arrays") }
            return thread.interpreter.newString(codePoints: try array.validCodePoints())
        }
        type.define("fromunicode", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.fromunicode", 1...1)
            guard let text = arguments[0].as(PyStr.self) else {
                throw .typeError("fromunicode() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            let array = get(value)
            guard array.code == .unicode else { throw .valueError("fromunicode() may only be called on unicode type arrays") }
            try thread.arrayFromUnicode(array, text.codePoints)
            return .none
        }
        type.define("fromfile", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("fromfile")
            try arguments.expectPositional("fromfile", 2)
            try thread.arrayFromFile(get(value), arguments[0], arguments[1])
            return .none
        }
        type.define("tofile", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.tofile", 1...1)
            try thread.arrayToFile(get(value), arguments[0])
            return .none
        }
        type.define("__copy__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.__copy__", 0...0)
            let array = get(value)
            return thread.interpreter.newArray(array.code, array.storage)
        }
        type.define("__deepcopy__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("array.__deepcopy__", 1...1)
            let array = get(value)
            return thread.interpreter.newArray(array.code, array.storage)
        }
        type.define("__sizeof__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("array.__sizeof__", 0...0)
            return .int(64 + get(value).storage.capacity)
        }
        type.define("__reduce_ex__", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("__reduce_ex__")
            if arguments.positionalCount != 1 {
                throw .typeError("__reduce_ex__() takes exactly 1 positional argument (\(arguments.positionalCount) given)")
            }
            return try thread.arrayReduce(value, protocolNumber: try thread.indexInt(arguments[0]))
        }
    }
}

extension ThreadState {
    /// An index argument clamped to a word (CPython's `n` format with
    /// PyNumber_AsSsize_t clamping is not used here: the converter raises
    /// OverflowError for huge values, as `Py_ssize_t` parameters do).
    func clampedIndex(_ value: Value) throws(EvalError) -> Int {
        if case .int(let number) = value { return number }
        guard let number = try indexIntOrOverflow(value) else {
            throw .overflowError("Python int too large to convert to C ssize_t")
        }
        return number
    }

    /// `a.fromfile(f, n)`: reads `n` items with `f.read` (EOFError when short,
    /// after keeping what was read).
    func arrayFromFile(_ array: PyArray, _ file: Value, _ countValue: Value) throws(EvalError) {
        let count = try clampedIndex(countValue)
        if count < 0 { throw .valueError("negative count") }
        let (wanted, overflow) = count.multipliedReportingOverflow(by: array.itemSize)
        if overflow { throw .pythonException("MemoryError", "") }
        let data = try callMethod(file, interpreter.internedString("read"), [.int(wanted)])
        defer { data.release() }
        guard let bytes = data.as(PyBytes.self) else { throw .typeError("read() didn't return bytes") }
        let usable = bytes.count - bytes.count % array.itemSize
        try arrayFromBytes(array, Array(bytes.bytes[0..<usable]))
        if bytes.count != wanted { throw .pythonException("EOFError", "read() didn't return enough bytes") }
    }

    /// `a.tofile(f)`: writes the bytes with `f.write` in blocks of 64 KiB.
    func arrayToFile(_ array: PyArray, _ file: Value) throws(EvalError) {
        let block = 64 * 1024
        let storage = array.storage
        var start = 0
        let write = interpreter.internedString("write")
        repeat {
            let end = min(start + block, storage.count)
            let chunk = interpreter.newBytes(Array(storage[start..<end]))
            defer { chunk.release() }
            let result = try callMethod(file, write, [chunk])
            result.release()
            start = end
        } while start < storage.count
    }

    /// `a.__reduce_ex__(protocol)`: below protocol 3 `(type, (typecode,
    /// list), dict)`; from 3 on `(array._array_reconstructor, (type,
    /// typecode, machine format, bytes), dict)`.
    func arrayReduce(_ value: Value, protocolNumber: Int) throws(EvalError) -> Value {
        let array = value.as(PyArray.self)!
        let type = typeOf(value)
        let dict = try lookupAttribute(value, interpreter.internedString("__dict__")) ?? .none
        let typecode = interpreter.newString(String(array.code.character))
        type.incref()
        if protocolNumber < 3 {
            let list = interpreter.newList(arrayItems(array))
            return interpreter.newTuple([type.value, interpreter.newTuple([typecode, list]), dict])
        }
        let module = try importModule("array", globals: nil, fromList: .none, level: 0)
        defer { module.release() }
        let reconstructor = try getAttribute(module, "_array_reconstructor")
        let arguments = interpreter.newTuple([type.value, typecode, .int(array.code.machineFormat.rawValue),
                                              interpreter.newBytes(array.storage)])
        return interpreter.newTuple([reconstructor, arguments, dict])
    }
}
