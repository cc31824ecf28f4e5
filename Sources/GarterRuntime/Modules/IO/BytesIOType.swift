// `_io.BytesIO`: an in-memory binary stream. The contents live in a
// bytearray object, so `getbuffer()` is a memoryview of it, and while such a
// view exists the size is pinned (CPython's BufferError).

final class PyBytesIO: PyObject {
    /// The contents (owned bytearray); nil once closed.
    @exclusivity(unchecked) var storage: PyByteArray?
    @exclusivity(unchecked) var position = 0

    override func releaseContents() {
        storage?.decref()
        storage = nil
    }

    func open() throws(EvalError) -> PyByteArray {
        guard let storage else { throw .valueError("I/O operation on closed file.") }
        return storage
    }

    /// Up to `count` bytes from the position (all when negative).
    func read(_ count: Int) throws(EvalError) -> [UInt8] {
        let bytes = try open().bytes
        let start = min(position, bytes.count)
        let end = count < 0 ? bytes.count : min(bytes.count, start + count)
        position = max(position, end)
        return Array(bytes[start..<end])
    }

    func readLine(_ limit: Int) throws(EvalError) -> [UInt8] {
        let bytes = try open().bytes
        guard position < bytes.count else { return [] }
        var end = bytes[position...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
        if limit >= 0 { end = min(end, position + limit) }
        let line = Array(bytes[position..<end])
        position = end
        return line
    }

    func write(_ data: [UInt8]) throws(EvalError) -> Int {
        let array = try open()
        if data.isEmpty { return 0 }
        let end = position + data.count
        if end > array.bytes.count {
            try array.checkResizable()
            array.bytes.append(contentsOf: repeatElement(0, count: end - array.bytes.count))
        }
        array.bytes.replaceSubrange(position..<end, with: data)
        position = end
        return data.count
    }
}

extension Interpreter {
    func bytesIOType() -> PyType {
        nativeType("BytesIO", module: "_io", base: bufferedIOBaseType(), flags: [.baseType, .hasInstanceDict]) { type in
            func get(_ value: Value) -> PyBytesIO { value.as(PyBytesIO.self)! }
            var slots = TypeSlots()
            slots.new = { thread, type, _ throws(EvalError) in
                let object = PyBytesIO(type: type)
                let array = PyByteArray([], type: thread.interpreter.types.bytearray)
                _ = ObjectRef.allocate(array)
                object.storage = array
                return .object(ObjectRef.allocate(object))
            }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("BytesIO", ["initial_bytes"], required: 0)
                let object = get(value)
                let array = try object.open()
                try array.checkResizable()
                var initial: [UInt8] = []
                if let given = bound[0], !given.isNone { initial = try thread.requireBytesLike(given) }
                array.bytes = initial
                object.position = 0
            }
            slots.next = { thread, value throws(EvalError) in
                let line = try get(value).readLine(-1)
                return line.isEmpty ? nil : thread.interpreter.newBytes(line)
            }
            slots.iterate = { thread, value throws(EvalError) in
                _ = try get(value).open()
                value.retain()
                return value
            }
            type.installSlots(slots, self)

            type.define("getvalue", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "getvalue")
                return thread.interpreter.newBytes(try get(value).open().bytes)
            }
            type.define("getbuffer", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "getbuffer")
                let array = try get(value).open()
                array.incref()
                let arrayValue = Value.object(ObjectRef(Unmanaged.passUnretained(array)))
                defer { arrayValue.release() }
                return try thread.call(thread.interpreter.types.memoryview.value, [arrayValue])
            }
            for name in ["read", "read1"] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.check(0...1, name)
                    let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                    return thread.interpreter.newBytes(try get(value).read(size))
                }
            }
            type.define("readline", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readline")
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                return thread.interpreter.newBytes(try get(value).readLine(size))
            }
            type.define("readlines", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readlines")
                let hint = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                let object = get(value)
                var lines: [Value] = []
                var total = 0
                while true {
                    let line = try object.readLine(-1)
                    if line.isEmpty { break }
                    lines.append(thread.interpreter.newBytes(line))
                    total += line.count
                    if hint > 0 && total >= hint { break }
                }
                return thread.interpreter.newList(lines)
            }
            for name in ["readinto", "readinto1"] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.check(1...1, name)
                    let object = get(value)
                    _ = try object.open()
                    let bytes = try object.read(try thread.ioWritableLength(arguments[0]))
                    return .int(try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                        try thread.ioWriteIntoBuffer(arguments[0], buffer)
                    })
                }
            }
            type.define("write", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "write")
                let object = get(value)
                _ = try object.open()
                return .int(try object.write(try thread.requireBytesLike(arguments[0])))
            }
            type.define("writelines", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "writelines")
                let object = get(value)
                _ = try object.open()
                try thread.forEach(arguments[0]) { line throws(EvalError) in
                    _ = try object.write(try thread.requireBytesLike(line))
                }
                return .none
            }
            type.define("seek", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...2, "seek")
                let object = get(value)
                let offset = try thread.indexInt(arguments[0])
                let whence = arguments.positionalCount > 1 ? try thread.indexInt(arguments[1]) : 0
                let size = try object.open().bytes.count
                switch whence {
                case 0:
                    if offset < 0 { throw .valueError("negative seek value \(offset)") }
                    object.position = offset
                case 1: object.position = max(0, object.position + offset)
                case 2: object.position = max(0, size + offset)
                default: throw .valueError("invalid whence (\(whence), should be 0, 1 or 2)")
                }
                return .int(object.position)
            }
            type.define("tell", self) { _, value, arguments throws(EvalError) in
                try arguments.check(0...0, "tell")
                let object = get(value)
                _ = try object.open()
                return .int(object.position)
            }
            type.define("truncate", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "truncate")
                let object = get(value)
                let array = try object.open()
                var size = object.position
                if arguments.positionalCount > 0 && !arguments[0].isNone {
                    size = try thread.indexInt(arguments[0])
                    if size < 0 { throw .valueError("negative size value \(size)") }
                }
                if size < array.bytes.count {
                    try array.checkResizable()
                    array.bytes.removeSubrange(size...)
                }
                return .int(size)
            }
            type.define("close", self) { _, value, arguments throws(EvalError) in
                try arguments.check(0...0, "close")
                let object = get(value)
                if let array = object.storage {
                    try array.checkResizable()
                    object.storage = nil
                    array.decref()
                }
                return .none
            }
            for name in ["readable", "writable", "seekable"] {
                type.define(name, self) { _, value, arguments throws(EvalError) in
                    try arguments.check(0...0, name)
                    _ = try get(value).open()
                    return .bool(true)
                }
            }
            type.define("isatty", self) { _, value, _ throws(EvalError) in
                _ = try get(value).open()
                return .bool(false)
            }
            type.define("flush", self) { _, value, _ throws(EvalError) in
                _ = try get(value).open()
                return .none
            }
            type.defineAttribute("closed", self, get: { _, value throws(EvalError) in .bool(get(value).storage == nil) })
            type.define("__getstate__", self) { thread, value, _ throws(EvalError) in
                let object = get(value)
                let contents = thread.interpreter.newBytes(try object.open().bytes)
                let dict: Value
                if let instance = thread.instanceDict(of: value), instance.count > 0 {
                    dict = try thread.call(thread.interpreter.types.dict.value, [.object(ObjectRef(Unmanaged.passUnretained(instance)))])
                } else {
                    dict = .none
                }
                return thread.interpreter.newTuple([contents, .int(object.position), dict])
            }
            type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "__setstate__")
                let items = try thread.collect(arguments[0])
                defer { for item in items { item.release() } }
                guard items.count >= 3 else {
                    throw .typeError("\(thread.typeOf(value).shortName).__setstate__ argument should be 3-tuple, got \(thread.typeOf(arguments[0]).name)")
                }
                let object = get(value)
                let array = try object.open()
                try array.checkResizable()
                array.bytes = try thread.requireBytesLike(items[0])
                object.position = try thread.indexInt(items[1])
                if !items[2].isNone {
                    try thread.forEach(items[2]) { key throws(EvalError) in
                        let item = try thread.getItem(items[2], key)
                        defer { item.release() }
                        guard let name = key.as(PyStr.self) else { return }
                        try thread.setAttribute(value, name, item)
                    }
                }
                return .none
            }
        }
    }
}
