import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `posix` functions about file systems and terminals rather than single
// files: statvfs/fstatvfs (`os.statvfs_result`, for shutil.disk_usage),
// sync, ttyname, getloadavg.

extension Interpreter {
    static let statvfsResult = StructSequenceDescription(
        fullName: "os.statvfs_result",
        fields: ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
                 "f_flag", "f_namemax", "f_fsid"],
        visibleCount: 10)

    func newStatvfsResult(_ info: statvfs) -> Value {
        let fields: [UInt64] = [
            UInt64(info.f_bsize), UInt64(info.f_frsize), UInt64(info.f_blocks), UInt64(info.f_bfree),
            UInt64(info.f_bavail), UInt64(info.f_files), UInt64(info.f_ffree), UInt64(info.f_favail),
            UInt64(info.f_flag), UInt64(info.f_namemax), UInt64(info.f_fsid),
        ]
        return newStructSequence(structSequenceType(Interpreter.statvfsResult), Interpreter.statvfsResult,
                                 fields.map { integerValue(BigInt($0)) })
    }

    func definePosixFileSystemFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        define("statvfs") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("statvfs", ["path"], required: 1)
            let path = try thread.pathArgument(bound[0]!, function: "statvfs", allowFD: true)
            var info = statvfs()
            let status: Int32
            if let fd = path.fd {
                status = fstatvfs(fd, &info)
            } else {
                status = try path.withCString { name in
                    thread.interpreter.gil.blocking(thread.gilThread, reason: .other) { statvfs(name, &info) }
                }
            }
            guard status == 0 else { throw thread.lastPosixError(path) }
            return thread.interpreter.newStatvfsResult(info)
        }
        define("fstatvfs") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.fstatvfs", 1...1)
            var info = statvfs()
            guard fstatvfs(try thread.fileDescriptor(arguments[0]), &info) == 0 else { throw thread.lastPosixError() }
            return thread.interpreter.newStatvfsResult(info)
        }
        define("sync") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.sync", 0...0)
            thread.interpreter.gil.blocking(thread.gilThread, reason: .other) { sync() }
            return .none
        }
        define("ttyname") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.ttyname", 1...1)
            var buffer = [CChar](repeating: 0, count: 4096)
            let status = ttyname_r(try thread.fileDescriptor(arguments[0]), &buffer, buffer.count)
            guard status == 0 else { throw thread.posixError(status) }
            return thread.interpreter.fileSystemDecode(Array(String(cString: buffer).utf8))
        }
        define("getloadavg") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.getloadavg", 0...0)
            var loads = [Double](repeating: 0, count: 3)
            guard getloadavg(&loads, 3) == 3 else { throw .pythonException("OSError", "Load averages are unobtainable") }
            return thread.interpreter.newTuple(loads.map { .float($0) })
        }
        define("fchown") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("fchown", ["fd", "uid", "gid"], required: 3)
            let user = uid_t(bitPattern: Int32(truncatingIfNeeded: try thread.cLong(bound[1]!)))
            let group = gid_t(bitPattern: Int32(truncatingIfNeeded: try thread.cLong(bound[2]!)))
            guard fchown(try thread.fileDescriptor(bound[0]!), user, group) == 0 else { throw thread.lastPosixError() }
            return .none
        }
    }
}
