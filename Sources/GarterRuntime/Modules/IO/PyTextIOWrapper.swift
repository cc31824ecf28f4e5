/// The state of an `_io.TextIOWrapper`: a binary buffer, the codec between
/// bytes and code points, and the newline rules.
///
/// Reading keeps `decoded`, the code points decoded from the buffer but not
/// yet returned, *before* newline translation: lines are cut and translated
/// as they are handed out, so the byte position of the reader is always
/// the buffer's position less the bytes the unread code points came from
/// (that is `tell()`; the cookie is a plain byte offset). UTF-8, Latin-1 and
/// ASCII are decoded here; other encodings through the codec registry's
/// incremental decoder and encoder objects.
final class PyTextIOWrapper: PyObject {
    enum Newline {
        /// `newline=None`: any of \r, \n, \r\n ends a line and reads as \n.
        case translate
        /// `newline=''`: any of them ends a line, kept as it is.
        case universal
        /// `'\n'`, `'\r'` or `'\r\n'`: only that ends a line.
        case only([UInt32])
    }

    @exclusivity(unchecked) var buffer: Value?
    /// `buffer` when it is one of the native buffered types (borrowed).
    @exclusivity(unchecked) var fastBuffer: PyBuffered?
    @exclusivity(unchecked) var encodingName = "utf-8"
    @exclusivity(unchecked) var errorsName = "strict"
    @exclusivity(unchecked) var codec: PyCodecs.Codec?
    @exclusivity(unchecked) var errorHandler: CodecErrorHandler = .strict
    /// The registry's incremental decoder/encoder when `codec` is nil (owned).
    @exclusivity(unchecked) var decoderObject: Value?
    @exclusivity(unchecked) var encoderObject: Value?
    @exclusivity(unchecked) var newline: Newline = .translate
    /// What the `newline` argument was (for `reconfigure`), nil for None.
    @exclusivity(unchecked) var newlineArgument: [UInt32]?
    /// What "\n" becomes when written; nil: left alone.
    @exclusivity(unchecked) var writeNewline: [UInt32]?
    @exclusivity(unchecked) var lineBuffering = false
    @exclusivity(unchecked) var writeThrough = false
    @exclusivity(unchecked) var isSeekable = false
    /// False while iterating with `next()` (CPython forbids `tell()` then).
    @exclusivity(unchecked) var telling = false
    @exclusivity(unchecked) var hasRead1 = false
    @exclusivity(unchecked) var chunkSize = 8192
    @exclusivity(unchecked) var wasDetached = false

    @exclusivity(unchecked) var decoded: [UInt32] = []
    @exclusivity(unchecked) var decodedPosition = 0
    /// Bytes read but not decoded yet (an incomplete UTF-8 sequence).
    @exclusivity(unchecked) var undecoded: [UInt8] = []
    @exclusivity(unchecked) var atEnd = false
    /// Newline kinds seen (`newlines`): LF 1, CR 2, CRLF 4.
    @exclusivity(unchecked) var seenNewlines = 0
    /// Encoded text not yet given to the buffer.
    @exclusivity(unchecked) var pendingWrite: [UInt8] = []

    override func releaseContents() {
        buffer?.release()
        buffer = nil
        fastBuffer = nil
        decoderObject?.release()
        decoderObject = nil
        encoderObject?.release()
        encoderObject = nil
    }

    func requireBuffer() throws(EvalError) -> Value {
        if let buffer { return buffer }
        if wasDetached { throw .valueError("underlying buffer has been detached") }
        throw .valueError("I/O operation on uninitialized object")
    }

    var translatesOnRead: Bool { if case .translate = newline { return true } else { return false } }
    var isUniversal: Bool {
        switch newline {
        case .translate, .universal: return true
        case .only: return false
        }
    }

    /// Forgets everything read ahead (after a seek or a write).
    func resetReading(_ thread: ThreadState) throws(EvalError) {
        decoded = []
        decodedPosition = 0
        undecoded = []
        atEnd = false
        if let decoderObject { try thread.ioCallDiscarding(decoderObject, "reset") }
    }

    // MARK: Decoding

    /// Decodes `bytes` (after any undecoded tail) and appends the code
    /// points to `decoded`; `final` at end of file.
    func decodeMore(_ bytes: [UInt8], final: Bool, _ thread: ThreadState) throws(EvalError) {
        if decodedPosition > 0 && decodedPosition == decoded.count {
            decoded.removeAll(keepingCapacity: true)
            decodedPosition = 0
        } else if decodedPosition > 0 && decodedPosition * 2 >= decoded.count {
            // Drop what was handed out (the unread rest is usually a part line).
            decoded.removeSubrange(0..<decodedPosition)
            decodedPosition = 0
        }
        guard let codec else {
            let decoder = decoderObject!
            let input = thread.interpreter.newBytes(bytes)
            defer { input.release() }
            let text = try thread.ioCall(decoder, "decode", [input, .bool(final)])
            defer { text.release() }
            guard let string = text.as(PyStr.self) else {
                throw .typeError("decoder should return a string result, not '\(thread.typeOf(text).name)'")
            }
            decoded.append(contentsOf: string.codePoints)
            return
        }
        var input = bytes
        if !undecoded.isEmpty {
            input = undecoded + bytes
            undecoded = []
        }
        var complete = input.count
        if codec == .utf8 && !final {
            // Keep an incomplete sequence at the end for the next chunk.
            var back = 1
            while back <= min(3, input.count) {
                let byte = input[input.count - back]
                if byte & 0xC0 == 0x80 { back += 1; continue }
                if byte >= 0xC0 {
                    let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    if needed > back { complete = input.count - back }
                }
                break
            }
        }
        if complete < input.count { undecoded = Array(input[complete...]) }
        if complete == 0 { return }
        if codec == .latin1 || (codec == .ascii && !input.prefix(complete).contains { $0 >= 0x80 }) {
            decoded.reserveCapacity(decoded.count + complete)
            for byte in input.prefix(complete) { decoded.append(UInt32(byte)) }
            return
        }
        if codec == .utf8 {
            let decodedFast = input.withUnsafeBufferPointer { buffer in
                UTF8FastDecoder.decode(UnsafeBufferPointer(rebasing: buffer[0..<complete]), into: &decoded)
            }
            if decodedFast { return }
        }
        let points: [UInt32]
        do {
            points = try input.withUnsafeBufferPointer { buffer in
                try PyCodecs.decode(UnsafeBufferPointer(rebasing: buffer[0..<complete]), codec: codec, errors: errorHandler)
            }
        } catch let error as TextError {
            throw thread.ioCodecError(error)
        } catch {
            throw .valueError("\(error)")
        }
        if decoded.isEmpty { decoded = points } else { decoded.append(contentsOf: points) }
    }

    /// Reads one chunk from the buffer and decodes it: false at end of file.
    func readChunk(_ thread: ThreadState) throws(EvalError) -> Bool {
        if atEnd { return false }
        let bytes: [UInt8]
        if let fastBuffer {
            try fastBuffer.checkOpen(thread)
            bytes = try fastBuffer.read1(chunkSize, thread)
        } else {
            let buffer = try requireBuffer()
            let chunk = try thread.ioCall(buffer, hasRead1 ? "read1" : "read", [.int(chunkSize)])
            defer { chunk.release() }
            if chunk.isNone { return true }
            guard let data = try thread.bytesLike(chunk) else {
                throw .typeError("underlying \(hasRead1 ? "read1" : "read")() should have returned a bytes-like object, not '\(thread.typeOf(chunk).name)'")
            }
            bytes = data
        }
        if bytes.isEmpty {
            atEnd = true
            try decodeMore([], final: true, thread)
            return false
        }
        try decodeMore(bytes, final: false, thread)
        return true
    }

    /// Everything left, decoded (read() with no size).
    func readRest(_ thread: ThreadState) throws(EvalError) {
        let bytes: [UInt8]
        if let fastBuffer {
            try fastBuffer.checkOpen(thread)
            bytes = try fastBuffer.read(-1, thread) ?? []
        } else {
            let buffer = try requireBuffer()
            let data = try thread.ioCall(buffer, "read")
            defer { data.release() }
            bytes = data.isNone ? [] : try thread.requireBytesLike(data)
        }
        try decodeMore(bytes, final: true, thread)
        atEnd = true
    }

    /// Takes code points from `decoded`, translating newlines: at most
    /// `limit` (all when negative), stopping after a line end when
    /// `stopAtLineEnd`. Reads more chunks as needed.
    func take(limit: Int, stopAtLineEnd: Bool, _ thread: ThreadState) throws(EvalError) -> [UInt32] {
        var output: [UInt32] = []
        let cr: UInt32 = 13, lf: UInt32 = 10
        let universal = isUniversal
        let translate = translatesOnRead
        var terminator: [UInt32] = []
        if case .only(let ending) = newline { terminator = ending }
        // read(n) cuts nothing and translates nothing unless newline=None.
        let scans = stopAtLineEnd || translate
        let lookForCR = scans && (universal || terminator.first == cr)
        let lookForLF = scans && (universal || terminator == [lf])
        let tracksKinds = universal && !scans
        while true {
            let count = decoded.count
            var position = decodedPosition
            var finished = false
            var needMore = false
            decoded.withUnsafeBufferPointer { points in
                while position < count {
                    if limit >= 0 && output.count >= limit { finished = true; return }
                    // The run up to the next character that may end a line.
                    var end = position
                    let stop = limit >= 0 ? min(count, position + (limit - output.count)) : count
                    while end < stop {
                        let point = points[end]
                        if (point == lf && lookForLF) || (point == cr && lookForCR) { break }
                        end += 1
                    }
                    if end > position {
                        if output.isEmpty { output.reserveCapacity(end - position + 2) }
                        if tracksKinds { noteNewlineKinds(points[position..<end], followedByMore: end < count || !atEnd) }
                        output.append(contentsOf: points[position..<end])
                        position = end
                        continue
                    }
                    let point = points[position]
                    if point == lf {
                        // Only here when \n ends lines (universal or '\n').
                        if universal { seenNewlines |= 1 }
                        output.append(lf)
                        position += 1
                        if stopAtLineEnd { finished = true; return }
                        continue
                    }
                    // A carriage return: look at what follows.
                    if position + 1 >= count && !atEnd { needMore = true; return }
                    let followedByLF = position + 1 < count && points[position + 1] == lf
                    if universal {
                        if followedByLF {
                            seenNewlines |= 4
                            if translate { output.append(lf) } else { output.append(cr); output.append(lf) }
                            position += 2
                        } else {
                            seenNewlines |= 2
                            output.append(translate ? lf : cr)
                            position += 1
                        }
                        if stopAtLineEnd { finished = true; return }
                    } else if terminator == [cr] {
                        output.append(cr)
                        position += 1
                        if stopAtLineEnd { finished = true; return }
                    } else if followedByLF {
                        // '\r\n' terminator.
                        if limit >= 0 && output.count + 2 > limit {
                            output.append(cr)
                            position += 1
                            finished = true
                            return
                        }
                        output.append(cr)
                        output.append(lf)
                        position += 2
                        if stopAtLineEnd { finished = true; return }
                    } else {
                        output.append(cr)
                        position += 1
                    }
                }
            }
            decodedPosition = position
            if finished { return output }
            if limit >= 0 && output.count >= limit { return output }
            if !needMore && atEnd && decodedPosition >= decoded.count { return output }
            if try !readChunk(thread) && decodedPosition >= decoded.count { return output }
        }
    }

    /// Records the newline kinds in text handed out without cutting lines.
    func noteNewlineKinds(_ points: Slice<UnsafeBufferPointer<UInt32>>, followedByMore: Bool) {
        var index = points.startIndex
        while index < points.endIndex {
            let point = points[index]
            if point == 10 {
                seenNewlines |= 1
            } else if point == 13 {
                if index + 1 < points.endIndex {
                    if points[index + 1] == 10 {
                        seenNewlines |= 4
                        index += 1
                    } else {
                        seenNewlines |= 2
                    }
                } else if !followedByMore || index + 1 >= points.base.count || points.base[index + 1] != 10 {
                    seenNewlines |= 2
                } else {
                    seenNewlines |= 4
                }
            }
            index += 1
        }
    }

    /// How many bytes the unread code points came from (for `tell()`).
    func unreadByteCount() -> Int? {
        guard let codec else { return decodedPosition >= decoded.count ? 0 : nil }
        var total = undecoded.count
        switch codec {
        case .utf8:
            for index in decodedPosition..<decoded.count {
                let point = decoded[index]
                total += point < 0x80 ? 1 : point < 0x800 ? 2 : (point >= 0xDC80 && point <= 0xDCFF) ? 1 : point < 0x10000 ? 3 : 4
            }
        case .latin1, .ascii:
            total += decoded.count - decodedPosition
        default:
            return nil
        }
        return total
    }

    // MARK: Encoding

    /// Encodes `text` (after newline translation) onto `pendingWrite`.
    func appendEncoded(_ text: [UInt32], _ thread: ThreadState) throws(EvalError) {
        if codec == .utf8 {
            let encoded = text.withUnsafeBufferPointer { UTF8FastEncoder.encode($0, into: &pendingWrite) }
            if encoded { return }
        } else if codec == .latin1 || codec == .ascii {
            let limit: UInt32 = codec == .latin1 ? 0x100 : 0x80
            if !text.contains(where: { $0 >= limit }) {
                pendingWrite.reserveCapacity(pendingWrite.count + text.count)
                for point in text { pendingWrite.append(UInt8(truncatingIfNeeded: point)) }
                return
            }
        }
        let bytes = try encode(text, thread)
        if pendingWrite.isEmpty { pendingWrite = bytes } else { pendingWrite.append(contentsOf: bytes) }
    }

    /// Encodes `text` (after newline translation) for the buffer.
    func encode(_ text: [UInt32], _ thread: ThreadState) throws(EvalError) -> [UInt8] {
        guard let codec else {
            let string = thread.interpreter.newString(codePoints: text)
            defer { string.release() }
            let result = try thread.ioCall(encoderObject!, "encode", [string])
            defer { result.release() }
            guard let bytes = result.as(PyBytes.self) else {
                throw .typeError("encoder should return a bytes object, not '\(thread.typeOf(result).name)'")
            }
            return bytes.bytes
        }
        if codec == .utf8 || codec == .ascii || codec == .latin1 {
            let limit: UInt32 = codec == .latin1 ? 0x100 : 0x80
            if !text.contains(where: { $0 >= limit }) { return text.map { UInt8(truncatingIfNeeded: $0) } }
        }
        do {
            return try text.withUnsafeBufferPointer { buffer in
                try PyCodecs.encode(buffer, codec: codec, errors: errorHandler)
            }
        } catch let error as TextError {
            throw thread.ioCodecError(error)
        } catch {
            throw .valueError("\(error)")
        }
    }

    /// Gives the encoded text waiting here to the buffer.
    func flushPending(_ thread: ThreadState) throws(EvalError) {
        guard !pendingWrite.isEmpty else { return }
        let bytes = pendingWrite
        pendingWrite = []
        if let fastBuffer {
            if try fastBuffer.isClosed(thread) { throw .valueError("write to closed file") }
            _ = try fastBuffer.write(bytes, thread)
            return
        }
        let data = thread.interpreter.newBytes(bytes)
        defer { data.release() }
        try thread.ioCallDiscarding(try requireBuffer(), "write", [data])
    }
}

extension ThreadState {
    /// A codec failure as the Python exception CPython raises.
    func ioCodecError(_ error: TextError) -> EvalError {
        switch error {
        case .unicodeEncodeError(let failure):
            return .withArguments("UnicodeEncodeError", [
                interpreter.newString(failure.encoding), interpreter.newString(codePoints: failure.object),
                .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
        case .unicodeDecodeError(let failure):
            return .withArguments("UnicodeDecodeError", [
                interpreter.newString(failure.encoding), interpreter.newBytes(failure.object),
                .int(failure.start), .int(failure.end), interpreter.newString(failure.reason)])
        default:
            return error.evalError
        }
    }
}
