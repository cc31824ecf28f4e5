#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's printf formatting of one number (`%.4f`, `%.17g`), for timings and
/// marshal's text floats: the C library's exact digits.
public enum CFormat {
    public static func format(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = withVaList([value]) { arguments in
            vsnprintf(&buffer, buffer.count, format, arguments)
        }
        guard count >= 0 else { return "" }
        if Int(count) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
            _ = withVaList([value]) { arguments in vsnprintf(&buffer, buffer.count, format, arguments) }
        }
        return String(cString: buffer)
    }
}
