#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink for `print`: standard output, or memory in tests.
public final class OutputBuffer {
    private var buffer: [UInt8] = []
    private var sink: ([UInt8]) -> Void = { _ in }
    /// The errno of the first failed write to standard output, if any
    /// (reported at exit: CPython's status 120).
    public private(set) var writeError: Int32?
    /// Flush after every write (`-u`, PYTHONUNBUFFERED).
    public var flushesEachWrite = false
    /// Flush at every newline (standard output on a terminal).
    public var flushesEachLine = false

    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
    }

    /// Standard output, written in blocks.
    public static func standardOutput() -> OutputBuffer {
        let output = OutputBuffer { _ in }
        output.sink = { [unowned output] bytes in
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 {
                        if output.writeError == nil { output.writeError = written < 0 ? errno : EIO }
                        return
                    }
                    offset += written
                }
            }
        }
        return output
    }

    public func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 || flushesEachWrite || (flushesEachLine && bytes.contains(10)) { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
