import CZlib

// `zlib.Compress` and `zlib.Decompress`: streaming compression objects.
// Each holds a `ZlibStream`; its mutex keeps two threads from running the
// one stream at once while either works without the GIL.

/// A `zlib.Compress` object (made by `compressobj`).
final class PyZlibCompress: PyObject {
    let stream: ZlibStream

    init(stream: ZlibStream, type: PyType) {
        self.stream = stream
        super.init(type: type)
    }
}

/// A `zlib.Decompress` object (made by `decompressobj`).
final class PyZlibDecompress: PyObject {
    let stream: ZlibStream
    let dictionary: [UInt8]?
    var unusedData: [UInt8] = []
    var unconsumedTail: [UInt8] = []
    var isAtEnd = false

    init(stream: ZlibStream, dictionary: [UInt8]?, type: PyType) {
        self.stream = stream
        self.dictionary = dictionary
        super.init(type: type)
    }

    /// Keeps the input an inflate call left (CPython's save_unconsumed_input):
    /// past the end of the stream it is unused data; before, the unconsumed
    /// tail (emptied once everything was read).
    func saveUnread(_ input: [UInt8], unread: Int, code: Int32) {
        var stillUnread = unread
        if code == Z_STREAM_END && unread > 0 {
            unusedData += input.suffix(unread)
            stillUnread = 0
        }
        // As CPython: a non-empty tail is replaced by what is left even at the end.
        if stillUnread > 0 || !unconsumedTail.isEmpty { unconsumedTail = Array(input.suffix(unread)) }
    }
}

extension Interpreter {
    func zlibCompressType() -> PyType {
        nativeType("Compress", module: "zlib", flags: []) { type in
            func get(_ value: Value) -> PyZlibCompress { value.as(PyZlibCompress.self)! }
            var slots = TypeSlots()
            slots.new = TypeSlots.notInstantiable
            type.installSlots(slots, self)
            type.define("compress", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("compress", 1...1)
                let data = try thread.requireBytesLike(arguments[0])
                let stream = get(value).stream
                let (output, code) = try thread.withZlibStream(stream, inputSize: data.count) {
                    stream.isInitialised ? stream.deflate(data, flush: Z_NO_FLUSH) : ([], Z_STREAM_ERROR)
                }
                if code != Z_OK && code != Z_BUF_ERROR { throw thread.zlibError(stream.failure(code), "while compressing data") }
                return thread.interpreter.newBytes(output)
            }
            type.define("flush", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("flush", ["mode"], required: 0)
                let mode = try thread.zlibInt(bound[0], Z_FINISH)
                if mode == Z_NO_FLUSH { return thread.interpreter.newBytes([]) }
                let stream = get(value).stream
                let (output, code) = try thread.withZlibStream(stream, inputSize: Int.max) {
                    stream.isInitialised ? stream.deflate([], flush: mode) : ([], Z_STREAM_ERROR)
                }
                if code == Z_STREAM_END && mode == Z_FINISH {
                    let end = try thread.withObjectLock(stream.mutex) { stream.end() }
                    if end != Z_OK { throw thread.zlibError(stream.failure(end), "while finishing compression") }
                } else if code != Z_OK && code != Z_BUF_ERROR {
                    throw thread.zlibError(stream.failure(code), "while flushing")
                }
                return thread.interpreter.newBytes(output)
            }
            let copy: PyMethodDescriptor.Body = { thread, value, arguments throws(EvalError) in
                let stream = get(value).stream
                let (copied, code) = try thread.withObjectLock(stream.mutex) {
                    stream.isInitialised ? stream.copy() : (nil, Z_STREAM_ERROR)
                }
                guard let copied else { throw thread.zlibCopyError(stream, code) }
                return .object(ObjectRef.allocate(PyZlibCompress(stream: copied, type: thread.typeOf(value))))
            }
            type.define("copy", self, copy)
            type.define("__copy__", self, copy)
            type.define("__deepcopy__", self, copy)
        }
    }

    func zlibDecompressType() -> PyType {
        nativeType("Decompress", module: "zlib", flags: []) { type in
            func get(_ value: Value) -> PyZlibDecompress { value.as(PyZlibDecompress.self)! }
            var slots = TypeSlots()
            slots.new = TypeSlots.notInstantiable
            type.installSlots(slots, self)
            type.define("decompress", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("decompress", ["", "max_length"], required: 1, positionalOnly: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                let maxLength = try bound[1].map { value throws(EvalError) in try thread.indexInt(value) } ?? 0
                if maxLength < 0 { throw .valueError("max_length must be non-negative") }
                let object = get(value)
                let stream = object.stream
                let dictionary = object.dictionary
                let result = try thread.withZlibStream(stream, inputSize: data.count) {
                    stream.inflate(data, flush: Z_SYNC_FLUSH, maxLength: maxLength, dictionary: dictionary)
                }
                switch result {
                case .failure(let failure): throw thread.zlibError(failure, "while decompressing data")
                case .success(let inflated):
                    object.saveUnread(data, unread: inflated.unread, code: inflated.code)
                    if inflated.code == Z_STREAM_END { object.isAtEnd = true }
                    return thread.interpreter.newBytes(inflated.output)
                }
            }
            type.define("flush", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("flush", ["length"], required: 0)
                let length = try bound[0].map { value throws(EvalError) in try thread.indexInt(value) } ?? 16384
                if length <= 0 { throw .valueError("length must be greater than zero") }
                let object = get(value)
                let stream = object.stream
                let dictionary = object.dictionary
                let input = object.unconsumedTail
                let result = try thread.withZlibStream(stream, inputSize: Int.max) {
                    stream.inflate(input, flush: Z_FINISH, chunk: length, dictionary: dictionary)
                }
                switch result {
                case .failure(let failure): throw thread.zlibError(failure, "while flushing")
                case .success(let inflated):
                    object.saveUnread(input, unread: inflated.unread, code: inflated.code)
                    if inflated.code == Z_STREAM_END {
                        object.isAtEnd = true
                        let end = try thread.withObjectLock(stream.mutex) { stream.end() }
                        if end != Z_OK { throw thread.zlibError(stream.failure(end), "while finishing decompression") }
                    }
                    return thread.interpreter.newBytes(inflated.output)
                }
            }
            let copy: PyMethodDescriptor.Body = { thread, value, arguments throws(EvalError) in
                let object = get(value)
                let stream = object.stream
                let (copied, code) = try thread.withObjectLock(stream.mutex) {
                    stream.isInitialised ? stream.copy() : (nil, Z_STREAM_ERROR)
                }
                guard let copied else { throw thread.zlibCopyError(stream, code) }
                let copy = PyZlibDecompress(stream: copied, dictionary: object.dictionary, type: thread.typeOf(value))
                copy.unusedData = object.unusedData
                copy.unconsumedTail = object.unconsumedTail
                copy.isAtEnd = object.isAtEnd
                return .object(ObjectRef.allocate(copy))
            }
            type.define("copy", self, copy)
            type.define("__copy__", self, copy)
            type.define("__deepcopy__", self, copy)
            type.defineAttribute("unused_data", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newBytes(get(value).unusedData)
            })
            type.defineAttribute("unconsumed_tail", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newBytes(get(value).unconsumedTail)
            })
            type.defineAttribute("eof", self, get: { _, value throws(EvalError) in .bool(get(value).isAtEnd) })
        }
    }
}

extension ThreadState {
    /// Runs `work` on `stream` holding its mutex, without the GIL when the
    /// input is large (`Int.max` for flushes, whose work is unknown).
    func withZlibStream<Result>(_ stream: ZlibStream, inputSize: Int, _ work: () -> Result) throws(EvalError) -> Result {
        if inputSize < hashGILReleaseThreshold { return try withObjectLock(stream.mutex) { work() } }
        return interpreter.gil.blocking(gilThread, reason: .nativeCompute) {
            stream.mutex.lock()
            defer { stream.mutex.unlock() }
            return work()
        }
    }

    func zlibCopyError(_ stream: ZlibStream, _ code: Int32) -> EvalError {
        switch code {
        case Z_STREAM_ERROR: return .valueError("Inconsistent stream state")
        case Z_MEM_ERROR: return .pythonException("MemoryError", "Can't allocate memory for compression object")
        default: return zlibError(stream.failure(code), "while copying compression object")
        }
    }

    /// `compressobj(level, method, wbits, memLevel, strategy, zdict)`.
    func newZlibCompressor(_ bound: [Value?]) throws(EvalError) -> Value {
        let level = try zlibInt(bound[0], Z_DEFAULT_COMPRESSION)
        let method = try zlibInt(bound[1], Z_DEFLATED)
        let windowBits = try zlibInt(bound[2], MAX_WBITS)
        let memoryLevel = try zlibInt(bound[3], 8)
        let strategy = try zlibInt(bound[4], Z_DEFAULT_STRATEGY)
        let dictionary = try bound[5].flatMap { value throws(EvalError) in value.isNone ? nil : try requireBytesLike(value) }
        let (created, code) = ZlibStream.deflater(level: level, method: method, windowBits: windowBits,
                                                  memoryLevel: memoryLevel, strategy: strategy)
        guard let stream = created else {
            switch code {
            case Z_MEM_ERROR: throw .pythonException("MemoryError", "Can't allocate memory for compression object")
            case Z_STREAM_ERROR: throw .valueError("Invalid initialization option")
            default: throw zlibError(ZlibFailure(code: code, message: nil), "while creating compression object")
            }
        }
        if let dictionary {
            let set = stream.setDictionary(dictionary)
            if set == Z_STREAM_ERROR { throw .valueError("Invalid dictionary") }
            if set != Z_OK { throw .valueError("deflateSetDictionary()") }
        }
        return .object(ObjectRef.allocate(PyZlibCompress(stream: stream, type: interpreter.zlibCompressType())))
    }

    /// `decompressobj(wbits, zdict)`.
    func newZlibDecompressor(_ bound: [Value?]) throws(EvalError) -> Value {
        let windowBits = try zlibInt(bound[0], MAX_WBITS)
        var dictionary: [UInt8]?
        if let value = bound[1] {
            guard let bytes = try bytesLike(value) else { throw .typeError("zdict argument must support the buffer protocol") }
            dictionary = bytes
        }
        let (created, failure) = ZlibStream.inflater(windowBits: windowBits)
        guard let stream = created else {
            if failure!.code == Z_STREAM_ERROR { throw .valueError("Invalid initialization option") }
            throw zlibError(failure!, "while creating decompression object")
        }
        // A raw stream never asks for its dictionary: it is set at once.
        if windowBits < 0, let dictionary {
            let set = stream.setDictionary(dictionary)
            if set != Z_OK { throw zlibError(stream.failure(set), "while setting zdict") }
        }
        return .object(ObjectRef.allocate(PyZlibDecompress(stream: stream, dictionary: dictionary,
                                                            type: interpreter.zlibDecompressType())))
    }
}
