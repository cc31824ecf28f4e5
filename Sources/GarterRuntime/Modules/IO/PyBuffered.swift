#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of `BufferedReader`, `BufferedWriter` and `BufferedRandom`: a
/// raw stream, a read buffer (bytes not yet handed out) and a write buffer
/// (bytes not yet written). When the raw stream is exactly `FileIO`, reads
/// and writes go straight to its descriptor; any other raw stream is used
/// through its Python methods (`readinto`, `write`, `seek`, `tell`).
final class PyBuffered: PyObject {
    /// The raw stream (owned); nil before `__init__` and after `detach()`.
    @exclusivity(unchecked) var raw: Value?
    /// `raw` when it is an exact `FileIO` (borrowed from `raw`).
    @exclusivity(unchecked) var rawFile: PyFileIO?
    @exclusivity(unchecked) var readBuffer: [UInt8] = []
    @exclusivity(unchecked) var readPosition = 0
    @exclusivity(unchecked) var writeBuffer: [UInt8] = []
    @exclusivity(unchecked) var bufferSize = IOConstants.defaultBufferSize
    @exclusivity(unchecked) var canRead = false
    @exclusivity(unchecked) var canWrite = false
    @exclusivity(unchecked) var wasDetached = false

    var available: Int { readBuffer.count - readPosition }

    override func releaseContents() {
        raw?.release()
        raw = nil
        rawFile = nil
    }

    /// The raw stream, or the errors CPython gives before `__init__` and
    /// after `detach()`.
    func requireRaw() throws(EvalError) -> Value {
        if let raw { return raw }
        if wasDetached { throw .valueError("raw stream has been detached") }
        throw .valueError("I/O operation on uninitialized object")
    }

    func isClosed(_ thread: ThreadState) throws(EvalError) -> Bool {
        let raw = try requireRaw()
        if let rawFile { return rawFile.isClosed }
        return try thread.ioAttributeTruth(raw, "closed")
    }

    func checkOpen(_ thread: ThreadState, _ message: String = "I/O operation on closed file.") throws(EvalError) {
        if try isClosed(thread) { throw .valueError(message) }
    }

    // MARK: The raw stream

    /// One raw read of up to `count` bytes: nil when it would block, empty
    /// at end of file.
    func rawRead(_ count: Int, _ thread: ThreadState) throws(EvalError) -> [UInt8]? {
        let raw = try requireRaw()
        if let rawFile {
            try rawFile.checkOpen()
            return try rawFile.readChunk(count, thread)
        }
        let buffer = thread.interpreter.newByteArray([UInt8](repeating: 0, count: count))
        defer { buffer.release() }
        let result = try thread.ioCall(raw, "readinto", [buffer])
        defer { result.release() }
        if result.isNone { return nil }
        let received = try thread.indexInt(result)
        if received < 0 || received > count {
            throw .pythonException("OSError", "raw readinto() returned invalid length \(received) (should have been between 0 and \(count))")
        }
        return Array(buffer.as(PyByteArray.self)!.bytes[0..<received])
    }

    /// One raw write of `bytes[offset...]`: how many bytes it took.
    func rawWriteOnce(_ bytes: [UInt8], from offset: Int, _ thread: ThreadState) throws(EvalError) -> Int {
        let raw = try requireRaw()
        let written: Int?
        if let rawFile {
            try rawFile.checkOpen()
            written = try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                try rawFile.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[offset...])), thread)
            }
        } else {
            let chunk = thread.interpreter.newBytes(Array(bytes[offset...]))
            defer { chunk.release() }
            let result = try thread.ioCall(raw, "write", [chunk])
            defer { result.release() }
            written = result.isNone ? nil : try thread.indexInt(result)
        }
        guard let written else {
            writeBuffer = Array(bytes[offset...]) + writeBuffer
            throw .withArguments("BlockingIOError", [.int(Int(EAGAIN)),
                thread.interpreter.newString("write could not complete without blocking"), .int(0)])
        }
        if written < 0 || written > bytes.count - offset {
            throw .pythonException("OSError", "raw write() returned invalid length \(written) (should have been between 0 and \(bytes.count - offset))")
        }
        return written
    }

    /// Writes all of `bytes` to the raw stream.
    func rawWriteAll(_ bytes: [UInt8], _ thread: ThreadState) throws(EvalError) {
        var offset = 0
        while offset < bytes.count { offset += try rawWriteOnce(bytes, from: offset, thread) }
    }

    func rawTell(_ thread: ThreadState) throws(EvalError) -> Int {
        let raw = try requireRaw()
        if let rawFile {
            try rawFile.checkOpen()
            return try rawFile.seek(0, SEEK_CUR, thread)
        }
        let result = try thread.ioCall(raw, "tell")
        defer { result.release() }
        let position = try thread.indexInt(result)
        if position < 0 { throw .pythonException("OSError", "Raw stream returned invalid position \(position)") }
        return position
    }

    func rawSeek(_ offset: Int, _ whence: Int, _ thread: ThreadState) throws(EvalError) -> Int {
        let raw = try requireRaw()
        if let rawFile {
            try rawFile.checkOpen()
            return try rawFile.seek(offset, Int32(whence), thread)
        }
        let result = try thread.ioCall(raw, "seek", [.int(offset), .int(whence)])
        defer { result.release() }
        let position = try thread.indexInt(result)
        if position < 0 { throw .pythonException("OSError", "Raw stream returned invalid position \(position)") }
        return position
    }

    // MARK: Buffered operations

    /// Writes out the write buffer.
    func flushWrites(_ thread: ThreadState) throws(EvalError) {
        guard !writeBuffer.isEmpty else { return }
        let pending = writeBuffer
        writeBuffer = []
        try rawWriteAll(pending, thread)
    }

    /// Before reading: written bytes go out first (BufferedRandom).
    func prepareRead(_ thread: ThreadState) throws(EvalError) {
        if !writeBuffer.isEmpty { try flushWrites(thread) }
    }

    /// Before writing: unread buffered bytes are given back to the raw
    /// stream's position, so the write lands where the reader stood.
    func prepareWrite(_ thread: ThreadState) throws(EvalError) {
        if available > 0 {
            _ = try rawSeek(-available, 1, thread)
        }
        readBuffer = []
        readPosition = 0
    }

    /// Takes `count` buffered bytes.
    func take(_ count: Int) -> ArraySlice<UInt8> {
        let slice = readBuffer[readPosition..<(readPosition + count)]
        readPosition += count
        return slice
    }

    /// Refills an exhausted read buffer with one raw read: false at end of
    /// file, nil when it would block.
    func fill(_ thread: ThreadState) throws(EvalError) -> Bool? {
        guard let chunk = try rawRead(bufferSize, thread) else { return nil }
        readBuffer = chunk
        readPosition = 0
        return !chunk.isEmpty
    }

    /// `read(count)`: buffered bytes, then raw reads until `count` bytes or
    /// end of file; count < 0 reads everything. nil when nothing could be
    /// read without blocking.
    func read(_ count: Int, _ thread: ThreadState) throws(EvalError) -> [UInt8]? {
        try prepareRead(thread)
        if count >= 0 && count <= available { return Array(take(count)) }
        var result = Array(take(available))
        readBuffer = []
        readPosition = 0
        if count < 0 {
            if let rawFile, let rest = try { () throws(EvalError) -> [UInt8]? in
                try rawFile.checkOpen()
                return try rawFile.readAll(thread)
            }() {
                if result.isEmpty { return rest }
                result.append(contentsOf: rest)
                return result
            }
            while true {
                guard let chunk = try rawRead(max(bufferSize, 65536), thread) else {
                    return result.isEmpty ? nil : result
                }
                if chunk.isEmpty { return result }
                result.append(contentsOf: chunk)
            }
        }
        while result.count < count {
            let wanted = count - result.count
            if wanted >= bufferSize {
                guard let chunk = try rawRead(wanted, thread) else { return result.isEmpty ? nil : result }
                if chunk.isEmpty { break }
                result.append(contentsOf: chunk)
            } else {
                guard let more = try fill(thread) else { return result.isEmpty ? nil : result }
                if !more { break }
                result.append(contentsOf: take(min(wanted, available)))
            }
        }
        return result
    }

    /// `read1(count)`: buffered bytes if any, else at most one raw read.
    func read1(_ count: Int, _ thread: ThreadState) throws(EvalError) -> [UInt8] {
        try prepareRead(thread)
        let limit = count < 0 ? bufferSize : count
        if limit == 0 { return [] }
        if available > 0 { return Array(take(min(limit, available))) }
        if limit > bufferSize { return try rawRead(limit, thread) ?? [] }
        guard try fill(thread) == true else { return [] }
        return Array(take(min(limit, available)))
    }

    /// `peek()`: the buffered bytes, filling the buffer once if empty.
    func peek(_ thread: ThreadState) throws(EvalError) -> [UInt8] {
        try prepareRead(thread)
        if available == 0 { _ = try fill(thread) }
        return Array(readBuffer[readPosition...])
    }

    /// `readline(limit)`.
    func readLine(_ limit: Int, _ thread: ThreadState) throws(EvalError) -> [UInt8] {
        try prepareRead(thread)
        var line: [UInt8] = []
        while limit < 0 || line.count < limit {
            if available == 0 {
                guard try fill(thread) == true else { break }
            }
            let room = limit < 0 ? available : min(available, limit - line.count)
            let found: Int? = readBuffer.withUnsafeBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return nil }
                let from = start + readPosition
                guard let hit = memchr(from, 10, room) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(from)
            }
            if let found {
                line.append(contentsOf: take(found + 1))
                break
            }
            line.append(contentsOf: take(room))
        }
        return line
    }

    /// `write(bytes)`: buffered, written out whenever a buffer's worth waits.
    func write(_ bytes: [UInt8], _ thread: ThreadState) throws(EvalError) -> Int {
        if canRead && !readBuffer.isEmpty { try prepareWrite(thread) }
        if writeBuffer.count + bytes.count <= bufferSize {
            writeBuffer.append(contentsOf: bytes)
            return bytes.count
        }
        // As CPython: what was buffered goes first, then the new bytes go
        // straight to the raw stream until what is left fits the buffer.
        try flushWrites(thread)
        var offset = 0
        while bytes.count - offset > bufferSize { offset += try rawWriteOnce(bytes, from: offset, thread) }
        writeBuffer = Array(bytes[offset...])
        return bytes.count
    }

    /// The logical position: the raw position less what is buffered for
    /// reading, plus what waits to be written.
    func tell(_ thread: ThreadState) throws(EvalError) -> Int {
        let position = try rawTell(thread) - available + writeBuffer.count
        return max(position, 0)
    }

    func seek(_ offset: Int, _ whence: Int, _ thread: ThreadState) throws(EvalError) -> Int {
        try flushWrites(thread)
        if whence != 2 && available > 0 || (whence != 2 && readBuffer.count > 0) {
            // A target inside the read buffer only moves the read position.
            let rawPosition = try rawTell(thread)
            let bufferStart = rawPosition - readBuffer.count
            let target = whence == 0 ? offset : rawPosition - available + offset
            if target >= bufferStart && target <= rawPosition {
                readPosition = target - bufferStart
                return target
            }
            let result = try rawSeek(target, 0, thread)
            readBuffer = []
            readPosition = 0
            return result
        }
        let result = try rawSeek(offset, whence, thread)
        readBuffer = []
        readPosition = 0
        return result
    }
}
