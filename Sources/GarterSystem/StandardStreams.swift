#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to a file descriptor, for the messages Garter prints
/// outside Python's `sys.stdout`/`sys.stderr` (usage errors, fatal errors,
/// developer commands).
public enum StandardStreams {
    /// Writes all of `bytes`, retrying after signals and short writes; false
    /// on an error (such as a closed pipe).
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }

    public static func writeOutput(_ text: String) {
        writeAll(Array(text.utf8), to: 1)
    }

    public static func writeError(_ text: String) {
        writeAll(Array(text.utf8), to: 2)
    }
}
