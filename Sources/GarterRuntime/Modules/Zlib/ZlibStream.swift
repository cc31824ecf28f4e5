import CZlib

// A zlib stream (deflate or inflate) in memory that never moves (zlib
// keeps a pointer back to it), and the loops that run it over Swift byte
// arrays. Those loops touch no Python object, so callers run them without
// the GIL (DESIGN.md S5); the failures come back as `ZlibFailure`s that the
// caller turns into `zlib.error` with the GIL held again.

/// A zlib result code and the stream's message, if any.
struct ZlibFailure: Error {
    let code: Int32
    let message: String?
    /// MemoryError rather than zlib.error (Z_MEM_ERROR).
    var isMemory: Bool { code == Z_MEM_ERROR }
}

final class ZlibStream {
    enum Kind { case deflate, inflate }

    let stream: UnsafeMutablePointer<z_stream>
    let kind: Kind
    /// Whether `deflateEnd`/`inflateEnd` is still due.
    var isInitialised = false
    /// Guards the stream while it works without the GIL.
    let mutex = SystemMutex()

    init(_ kind: Kind) {
        self.kind = kind
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    deinit {
        end()
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Frees zlib's state (once).
    @discardableResult
    func end() -> Int32 {
        guard isInitialised else { return Z_OK }
        isInitialised = false
        return kind == .deflate ? deflateEnd(stream) : inflateEnd(stream)
    }

    func failure(_ code: Int32) -> ZlibFailure {
        ZlibFailure(code: code, message: stream.pointee.msg.map { String(cString: $0) })
    }

    static func deflater(level: Int32, method: Int32 = Z_DEFLATED, windowBits: Int32,
                         memoryLevel: Int32 = 8, strategy: Int32 = Z_DEFAULT_STRATEGY) -> (ZlibStream?, Int32) {
        let stream = ZlibStream(.deflate)
        let code = garter_deflateInit2(stream.stream, level, method, windowBits, memoryLevel, strategy)
        guard code == Z_OK else { return (nil, code) }
        stream.isInitialised = true
        return (stream, code)
    }

    static func inflater(windowBits: Int32) -> (ZlibStream?, ZlibFailure?) {
        let stream = ZlibStream(.inflate)
        let code = garter_inflateInit2(stream.stream, windowBits)
        guard code == Z_OK else { return (nil, stream.failure(code)) }
        stream.isInitialised = true
        return (stream, nil)
    }

    /// A copy of this stream's state (`deflateCopy`/`inflateCopy`).
    func copy() -> (ZlibStream?, Int32) {
        let copy = ZlibStream(kind)
        let code = kind == .deflate ? deflateCopy(copy.stream, stream) : inflateCopy(copy.stream, stream)
        guard code == Z_OK else { return (nil, code) }
        copy.isInitialised = true
        return (copy, code)
    }

    func setDictionary(_ dictionary: [UInt8]) -> Int32 {
        dictionary.withUnsafeBufferPointer { bytes in
            kind == .deflate
                ? deflateSetDictionary(stream, bytes.baseAddress, UInt32(bytes.count))
                : inflateSetDictionary(stream, bytes.baseAddress, UInt32(bytes.count))
        }
    }

    /// Deflates all of `input` with `flush`, appending to the result until
    /// zlib leaves output space unused. Returns the output and zlib's code.
    func deflate(_ input: [UInt8], flush: Int32) -> ([UInt8], Int32) {
        var output: [UInt8] = []
        var code = Z_OK
        input.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = UInt32(input.count)
            var chunk = max(input.count / 4, 1 << 14)
            repeat {
                code = run(into: &output, chunk: chunk) { CZlib.deflate($0, flush) }
                chunk = min(chunk * 2, 1 << 22)
            } while stream.pointee.avail_out == 0 && code != Z_STREAM_ERROR
            stream.pointee.next_in = nil
        }
        return (output, code)
    }

    /// Gives zlib `chunk` bytes of output space, runs `step`, and appends
    /// what it wrote to `output` (the space is uninitialised scratch memory:
    /// filling it first would cost as much as the work for small inputs).
    private func run(into output: inout [UInt8], chunk: Int, _ step: (UnsafeMutablePointer<z_stream>) -> Int32) -> Int32 {
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { scratch.deallocate() }
        stream.pointee.next_out = scratch
        stream.pointee.avail_out = UInt32(chunk)
        let code = step(stream)
        output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: chunk - Int(stream.pointee.avail_out)))
        stream.pointee.next_out = nil
        return code
    }

    /// What an inflate call did: the output, zlib's last code, and how many
    /// input bytes it left unread.
    struct Inflated {
        var output: [UInt8]
        var code: Int32
        var unread: Int
    }

    /// Inflates `input` with `flush` until the stream ends, the input runs
    /// out, or the output reaches `maxLength` (0: no limit). A stream that
    /// asks for a dictionary is given `dictionary` when there is one.
    func inflate(_ input: [UInt8], flush: Int32, maxLength: Int = 0, chunk firstChunk: Int = 1 << 14,
                 dictionary: [UInt8]? = nil) -> Result<Inflated, ZlibFailure> {
        var output: [UInt8] = []
        var code = Z_OK
        var chunk = max(firstChunk, 1)
        let problem: ZlibFailure? = input.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = UInt32(input.count)
            defer { stream.pointee.next_in = nil }
            repeat {
                if maxLength > 0 && output.count >= maxLength { break }
                let room = maxLength > 0 ? min(chunk, maxLength - output.count) : chunk
                code = run(into: &output, chunk: room) { CZlib.inflate($0, flush) }
                chunk = min(chunk * 2, 1 << 22)
                if code == Z_NEED_DICT, let dictionary {
                    let set = setDictionary(dictionary)
                    if set != Z_OK { return failure(set) }
                    continue
                }
                switch code {
                case Z_OK, Z_BUF_ERROR, Z_STREAM_END: break
                default: return failure(code)
                }
            } while code != Z_STREAM_END && (stream.pointee.avail_out == 0 || code == Z_NEED_DICT
                                             || (stream.pointee.avail_in > 0 && code == Z_OK))
            return nil
        }
        if let problem { return .failure(problem) }
        return .success(Inflated(output: output, code: code, unread: Int(stream.pointee.avail_in)))
    }
}
