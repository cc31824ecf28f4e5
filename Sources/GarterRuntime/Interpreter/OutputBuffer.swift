#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink for `print`: standard output, or memory in tests.
public final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
    }

    /// Standard output, written in blocks.
    public static func standardOutput() -> OutputBuffer {
        OutputBuffer { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }

    public func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
