import BigInt
import CZlib

// The `zlib` module over the system zlib: one-shot `compress`/`decompress`,
// streaming `compressobj`/`decompressobj`, `crc32`/`adler32`, the
// constants, and `zlib.error`. Compression and decompression of inputs of
// 2048 bytes or more run without the GIL (reason `native compute`).

extension Interpreter {
    func makeZlibModule() throws(EvalError) -> Value {
        try makeNativeModule("zlib", doc: ZlibModule.doc) { module, define throws(EvalError) in
            define("compress") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("compress", ["", "level", "wbits"], required: 1, positionalOnly: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                let level = try thread.zlibInt(bound[1], Z_DEFAULT_COMPRESSION)
                let windowBits = try thread.zlibInt(bound[2], MAX_WBITS)
                return try thread.zlibCompress(data, level: level, windowBits: windowBits)
            }
            define("decompress") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("decompress", ["", "wbits", "bufsize"], required: 1, positionalOnly: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                let windowBits = try thread.zlibInt(bound[1], MAX_WBITS)
                let bufferSize = try bound[2].map { value throws(EvalError) in try thread.indexInt(value) } ?? 16384
                if bufferSize < 0 { throw .valueError("bufsize must be non-negative") }
                return try thread.zlibDecompress(data, windowBits: windowBits, bufferSize: max(bufferSize, 1))
            }
            define("compressobj") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("compressobj", ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
                                               required: 0)
                return try thread.newZlibCompressor(bound)
            }
            define("decompressobj") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("decompressobj", ["wbits", "zdict"], required: 0)
                return try thread.newZlibDecompressor(bound)
            }
            for (name, isCRC) in [("crc32", true), ("adler32", false)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.expect(name, 1...2)
                    let data = try thread.requireBytesLike(arguments[0])
                    var value = isCRC ? 0 : 1
                    if arguments.positionalCount == 2 { value = Int(try thread.bitwiseUInt32(arguments[1])) }
                    let result = thread.checksum(data) { buffer in
                        var running = UInt(value)
                        // zlib takes at most 4 GiB a call.
                        var offset = 0
                        repeat {
                            let count = min(buffer.count - offset, Int(UInt32.max))
                            let start = buffer.baseAddress.map { $0 + offset }
                            running = isCRC ? crc32(running, start, UInt32(count)) : adler32(running, start, UInt32(count))
                            offset += count
                        } while offset < buffer.count
                        return running
                    }
                    return .int(Int(result))
                }
            }
            for (name, value) in ZlibModule.constants { setItem(module.dict, name, .int(Int(value))) }
            setItem(module.dict, "ZLIB_VERSION", newString(ZLIB_VERSION))
            setItem(module.dict, "ZLIB_RUNTIME_VERSION", newString(String(cString: zlibVersion())))
            setItem(module.dict, "__version__", newString("1.0"))
            let error = zlibErrorType()
            error.incref()
            setItem(module.dict, "error", error.value)
            // `Compress` and `Decompress` are not in the module (as in CPython):
            // only `compressobj()`/`decompressobj()` make them.
        }
    }

    /// `zlib.error`, an Exception subclass.
    func zlibErrorType() -> PyType {
        nativeType("error", module: "zlib", base: types.exceptions["Exception"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }
}

enum ZlibModule {
    static let doc = """
        The functions in this module allow compression and decompression using the
        zlib library, which is based on GNU zip.
        """

    static let constants: [(String, Int32)] = [
        ("MAX_WBITS", MAX_WBITS), ("DEFLATED", Z_DEFLATED), ("DEF_MEM_LEVEL", 8), ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", Z_NO_COMPRESSION), ("Z_BEST_SPEED", Z_BEST_SPEED),
        ("Z_BEST_COMPRESSION", Z_BEST_COMPRESSION), ("Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION),
        ("Z_FILTERED", Z_FILTERED), ("Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY), ("Z_RLE", Z_RLE), ("Z_FIXED", Z_FIXED),
        ("Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY), ("Z_NO_FLUSH", Z_NO_FLUSH), ("Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH),
        ("Z_SYNC_FLUSH", Z_SYNC_FLUSH), ("Z_FULL_FLUSH", Z_FULL_FLUSH), ("Z_FINISH", Z_FINISH),
        ("Z_BLOCK", Z_BLOCK), ("Z_TREES", Z_TREES),
    ]
}

extension ThreadState {
    /// A new `zlib.error`: CPython's "Error <code> <while ...>: <reason>".
    func zlibError(_ failure: ZlibFailure, _ context: String) -> EvalError {
        if failure.isMemory { return .pythonException("MemoryError", "Out of memory \(context)") }
        var reason = failure.code == Z_VERSION_ERROR ? "library version mismatch" : failure.message
        if reason == nil {
            switch failure.code {
            case Z_BUF_ERROR: reason = "incomplete or truncated stream"
            case Z_STREAM_ERROR: reason = "inconsistent stream state"
            case Z_DATA_ERROR: reason = "invalid input data"
            default: break
            }
        }
        let text = reason.map { "Error \(failure.code) \(context): \($0)" } ?? "Error \(failure.code) \(context)"
        return moduleError(interpreter.zlibErrorType(), text)
    }

    /// A C int argument (OverflowError past its range).
    func zlibInt(_ value: Value?, _ fallback: Int32) throws(EvalError) -> Int32 {
        guard let value else { return fallback }
        guard let number = try indexIntOrOverflow(value), let result = Int32(exactly: number) else {
            throw .overflowError("Python int too large to convert to C int")
        }
        return result
    }

    /// An unsigned int taken modulo 2**32 (clinic's `unsigned_int(bitwise=True)`).
    func bitwiseUInt32(_ value: Value) throws(EvalError) -> UInt32 {
        switch try integerArgument(value) {
        case .small(let number): return UInt32(truncatingIfNeeded: number)
        case .big(let number):
            let low = number.magnitude.words.first ?? 0
            return UInt32(truncatingIfNeeded: number.sign == .minus ? 0 &- low : low)
        }
    }

    /// Runs `body` over `bytes`, without the GIL when they are many.
    func checksum(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> UInt) -> UInt {
        bytes.withUnsafeBufferPointer { buffer in
            if buffer.count < hashGILReleaseThreshold { return body(buffer) }
            return interpreter.gil.blocking(gilThread, reason: .nativeCompute) { body(buffer) }
        }
    }

    /// Runs native work without the GIL when its input is large.
    func zlibWork<Result>(inputSize: Int, _ work: () -> Result) -> Result {
        if inputSize < hashGILReleaseThreshold { return work() }
        return interpreter.gil.blocking(gilThread, reason: .nativeCompute) { work() }
    }

    func zlibCompress(_ data: [UInt8], level: Int32, windowBits: Int32) throws(EvalError) -> Value {
        let (created, code) = ZlibStream.deflater(level: level, windowBits: windowBits)
        guard let stream = created else {
            if code == Z_MEM_ERROR { throw .pythonException("MemoryError", "Out of memory while compressing data") }
            if code == Z_STREAM_ERROR { throw moduleError(interpreter.zlibErrorType(), "Bad compression level") }
            throw zlibError(ZlibFailure(code: code, message: nil), "while compressing data")
        }
        let (output, result) = zlibWork(inputSize: data.count) { stream.deflate(data, flush: Z_FINISH) }
        guard result == Z_STREAM_END else { throw zlibError(stream.failure(result), "while compressing data") }
        let end = stream.end()
        if end != Z_OK { throw zlibError(stream.failure(end), "while finishing compression") }
        return interpreter.newBytes(output)
    }

    func zlibDecompress(_ data: [UInt8], windowBits: Int32, bufferSize: Int) throws(EvalError) -> Value {
        let (created, failure) = ZlibStream.inflater(windowBits: windowBits)
        guard let stream = created else { throw zlibError(failure!, "while preparing to decompress data") }
        let result = zlibWork(inputSize: data.count) { stream.inflate(data, flush: Z_FINISH, chunk: bufferSize) }
        switch result {
        case .failure(let failure): throw zlibError(failure, "while decompressing data")
        case .success(let inflated):
            guard inflated.code == Z_STREAM_END else {
                throw zlibError(stream.failure(inflated.code), "while decompressing data")
            }
            let end = stream.end()
            if end != Z_OK { throw zlibError(stream.failure(end), "while finishing decompression") }
            return interpreter.newBytes(inflated.output)
        }
    }
}
