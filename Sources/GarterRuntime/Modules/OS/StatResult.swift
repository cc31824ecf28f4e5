import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `os.stat_result`: C's `struct stat` as CPython's struct sequence. Its
// ten tuple items end with the three times as whole seconds (ints); the
// attributes `st_atime`... are the float times, `st_atime_ns`... the exact
// nanoseconds, and `st_blksize`, `st_blocks`, `st_rdev` follow.

extension Interpreter {
    static let statResult = StructSequenceDescription(
        fullName: "os.stat_result",
        fields: ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                 "st_atime", "st_mtime", "st_ctime",
                 "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
                 "st_blksize", "st_blocks", "st_rdev"],
        visibleCount: 10)

    /// The `os.stat_result` type, made on first use.
    var statResultType: PyType {
        if let made = types.others[Interpreter.statResult.fullName] { return made }
        let type = structSequenceType(Interpreter.statResult)
        // The tuple's items 7-9 have no attribute of their own (CPython
        // counts them as unnamed): the time attributes are the float ones.
        type.setAttribute("n_unnamed_fields", .int(3), self)
        // A stat_result made from a 10-tuple has no float times: they are
        // the int ones then, as in CPython.
        for (offset, name) in ["st_atime", "st_mtime", "st_ctime"].enumerated() {
            type.defineAttribute(name, self, get: { thread, value throws(EvalError) in
                // The float times are hidden fields of the struct sequence (StructSequence.swift).
                let hidden = value.objectReference?.with { $0.instanceDictReference }?.takeUnretainedValue()
                var found = hidden?.lookup(name: name) ?? .none
                if found.isNone, let tuple = value.as(PyTuple.self), tuple.count > 7 + offset { found = tuple.items[7 + offset] }
                found.retain()
                return found
            })
        }
        return type
    }

    /// A new `os.stat_result` for `info`.
    func newStatResult(_ info: stat) -> Value {
        func seconds(_ time: timespec) -> Int { Int(time.tv_sec) }
        func float(_ time: timespec) -> Value { .float(Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9) }
        func nanoseconds(_ time: timespec) -> Value {
            // Word-sized until the year 2262; BigInt only past that.
            let (scaled, overflow) = Int(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
            if !overflow, case (let sum, false) = scaled.addingReportingOverflow(Int(time.tv_nsec)) { return .int(sum) }
            return integerValue(BigInt(time.tv_sec) * 1_000_000_000 + BigInt(time.tv_nsec))
        }
        func unsigned(_ value: UInt64) -> Value {
            value <= UInt64(Int.max) ? .int(Int(value)) : integerValue(BigInt(value))
        }
        #if canImport(Darwin)
        let (access, modify, change) = (info.st_atimespec, info.st_mtimespec, info.st_ctimespec)
        #else
        let (access, modify, change) = (info.st_atim, info.st_mtim, info.st_ctim)
        #endif
        let values: [Value] = [
            .int(Int(info.st_mode)), unsigned(UInt64(info.st_ino)), unsigned(UInt64(info.st_dev)),
            .int(Int(info.st_nlink)), .int(Int(info.st_uid)), .int(Int(info.st_gid)), .int(Int(info.st_size)),
            .int(seconds(access)), .int(seconds(modify)), .int(seconds(change)),
            float(access), float(modify), float(change),
            nanoseconds(access), nanoseconds(modify), nanoseconds(change),
            .int(Int(info.st_blksize)), .int(Int(info.st_blocks)), unsigned(UInt64(info.st_rdev)),
        ]
        return newStructSequence(statResultType, Interpreter.statResult, values)
    }
}

extension ThreadState {
    /// `stat`/`lstat` of a path, or `fstat` of a descriptor; `dirFD` for
    /// relative paths (`dir_fd=`).
    func statPath(_ path: PathArgument, dirFD: Int32 = AT_FDCWD, followSymlinks: Bool = true) throws(EvalError) -> stat {
        var info = stat()
        if let fd = path.fd {
            guard fstat(fd, &info) == 0 else { throw lastPosixError(path) }
            return info
        }
        let status = try path.withCString { name in
            fstatat(dirFD, name, &info, followSymlinks ? 0 : AT_SYMLINK_NOFOLLOW)
        }
        guard status == 0 else { throw lastPosixError(path) }
        return info
    }
}
