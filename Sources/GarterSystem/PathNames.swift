#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Path strings: the current directory, components, symbolic links.
public enum PathNames {
    /// The current working directory (`getcwd`), or "" if it is unavailable
    /// (removed, or not readable).
    public static func currentDirectory() -> String {
        var size = 1024
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            if getcwd(&buffer, size) != nil { return String(cString: buffer) }
            if errno != ERANGE { return "" }
            size *= 2
        }
    }

    /// `path` made absolute by prefixing the current directory, without
    /// normalising (`./x.py` becomes `/cwd/./x.py`, as CPython names scripts).
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = currentDirectory()
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The last component: the text after the last slash, ignoring trailing
    /// slashes ("/a/b/" → "b"; "/" → "/").
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" || trimmed.isEmpty { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The path without its last component ("/a/b" → "/a"; "/a" → "/";
    /// "a" → "").
    public static func deletingLastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return trimmingTrailingSlashes(String(trimmed[..<slash]))
    }

    /// The canonical absolute path (`realpath`: symbolic links, `.` and `..`
    /// resolved), or nil if some component does not exist.
    public static func resolvingSymbolicLinks(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The target of the symbolic link at `path` (`readlink`), or nil.
    public static func symbolicLinkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
