#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Compiled modules cached in `__pycache__/NAME.garter-311.pyc`, in the
// layout importlib uses (PEP 552, unchecked-hash flags 0): a 4-byte magic
// number, 4 bytes of flags, the source's mtime and size (little-endian,
// modulo 2**32), then the module's code object in marshal format.
//
// The magic number is Garter's own (`Ga\r\n`): Garter's code objects keep
// a parameter that is also a cell in two local slots (Opcode.swift), so
// CPython must never load them, and `sys.implementation.cache_tag`
// (`garter-311`) already keeps the two apart on disk.

enum BytecodeCache {
    /// Bump the second byte when the marshalled code layout changes.
    static let magic: [UInt8] = [UInt8(ascii: "G"), UInt8(ascii: "a"), 0x0D, 0x0A]
    static let cacheTag = "garter-311"

    /// `importlib.util.cache_from_source(path)` (no optimization level).
    static func cachePath(forSource path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let head = slash.map { String(path[..<$0]) } ?? ""
        let tail = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var base = tail
        if let dot = tail.lastIndex(of: ".") {
            let stem = String(tail[..<dot])
            base = (stem.isEmpty ? String(tail[tail.index(after: dot)...]) : stem)
        }
        let file = "\(base).\(cacheTag).pyc"
        return head.isEmpty ? "__pycache__/\(file)" : "\(head)/__pycache__/\(file)"
    }

    /// The header for a source file with this stat.
    static func header(mtime: Int, size: Int) -> [UInt8] {
        var bytes = magic + [0, 0, 0, 0]
        for value in [mtime, size] {
            let word = UInt32(truncatingIfNeeded: value)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return bytes
    }

    static func sourceStat(_ path: String) -> (mtime: Int, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return (Int(info.st_mtimespec.tv_sec), Int(info.st_size))
        #else
        return (Int(info.st_mtim.tv_sec), Int(info.st_size))
        #endif
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, so a
    /// reader never sees half a file; false when the folder is not writable.
    @discardableResult
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { return false }
        let temporary = "\(path).\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count <= 0 {
                close(descriptor)
                unlink(temporary)
                return false
            }
            written += count
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        return true
    }
}

extension ThreadState {
    /// The code of a source module: from its `__pycache__` file when that
    /// matches the source's mtime and size, else compiled (and cached unless
    /// `-B`, PYTHONDONTWRITEBYTECODE or `sys.dont_write_bytecode` say not to).
    func compileFileUsingCache(_ path: String) throws(EvalError) -> LoadedCode {
        guard let stat = BytecodeCache.sourceStat(path) else { return try compileFile(path) }
        let cachePath = BytecodeCache.cachePath(forSource: path)
        let header = BytecodeCache.header(mtime: stat.mtime, size: stat.size)
        if let cached = BytecodeCache.readFile(cachePath), cached.count > header.count,
           Array(cached[0..<header.count]) == header {
            do throws(EvalError) {
                let value = try marshalLoads(Array(cached[header.count...]), filename: path)
                if let code = value.as(LoadedCode.self) { return code }
                value.release()
            } catch {
                // A damaged or foreign cache file: compile from source instead.
                error.discard()
            }
        }
        let code = try compileFile(path)
        if try mayWriteBytecode() {
            do throws(EvalError) {
                let body = try marshalDumps(.object(ObjectRef(Unmanaged.passUnretained(code))), version: MarshalTypeCode.currentVersion)
                BytecodeCache.writeAtomically(header + body, to: cachePath)
            } catch {
                error.discard()
            }
        }
        return code
    }

    private func mayWriteBytecode() throws(EvalError) -> Bool {
        guard let sys = interpreter.sys else { return false }
        if let flag = sys.attribute("dont_write_bytecode") { return !(try truth(flag)) }
        return sys.configuration.flags.dontWriteBytecode == 0
    }
}
