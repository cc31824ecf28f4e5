#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads: a script, a trace, a line of source for a traceback.
public enum FileContents {
    /// The bytes of the file at `path`, or nil if it cannot be opened or read
    /// (a folder cannot: `read` fails with EISDIR).
    public static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(fileDescriptor: descriptor)
    }

    /// Everything left to read on `descriptor` (standard input for `garter -`),
    /// or nil on a read error.
    public static func read(fileDescriptor descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The file's text decoded as UTF-8 (invalid bytes become U+FFFD), or nil.
    public static func text(atPath path: String) -> String? {
        read(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Creates or truncates the file at `path` and writes `bytes` to it;
    /// false if it could not be opened or fully written.
    @discardableResult
    public static func write(_ bytes: [UInt8], toPath path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = StandardStreams.writeAll(bytes, to: descriptor)
        return close(descriptor) == 0 && written
    }

    /// `write(_:toPath:)` of the text's UTF-8.
    @discardableResult
    public static func write(_ text: String, toPath path: String) -> Bool {
        write(Array(text.utf8), toPath: path)
    }
}
