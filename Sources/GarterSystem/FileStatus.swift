#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, following symbolic links (as `stat`).
public enum FileStatus {
    /// True if something (a file, a folder, ...) exists at `path`.
    public static func exists(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    public static func isDirectory(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
