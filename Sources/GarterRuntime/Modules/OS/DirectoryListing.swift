import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `listdir` and `scandir`: reading directories with opendir/readdir (or
// fdopendir for a descriptor). `scandir` yields `posix.DirEntry` objects
// that keep the file type readdir reported and cache the stat results
// they had to fetch, as CPython's do; its iterator is a context manager.

/// An open directory stream being read.
final class DirectoryStream {
    private var handle: OpaquePointer?

    init(handle: OpaquePointer) { self.handle = handle }

    var isClosed: Bool { handle == nil }

    /// The next entry other than `.` and `..`: its name, d_type and inode;
    /// nil at the end. Throws the errno of a failed readdir.
    func next() -> Result<(name: [UInt8], type: UInt8, inode: UInt64)?, PosixErrno> {
        guard let handle else { return .success(nil) }
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                return errno == 0 ? .success(nil) : .failure(PosixErrno(code: errno))
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            return .success((name, entry.pointee.d_type, UInt64(entry.pointee.d_ino)))
        }
    }

    func close() {
        if let handle { closedir(handle) }
        handle = nil
    }

    deinit { close() }
}

struct PosixErrno: Error {
    let code: Int32
}

extension ThreadState {
    /// Opens the directory `path` names (a copy of the descriptor for an
    /// fd, rewound, so the caller's descriptor stays usable).
    func openDirectory(_ path: PathArgument) throws(EvalError) -> DirectoryStream {
        if let fd = path.fd {
            let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
            guard copy >= 0 else { throw lastPosixError() }
            guard let handle = fdopendir(copy) else {
                let code = errno
                close(copy)
                throw posixError(code)
            }
            rewinddir(handle)
            return DirectoryStream(handle: handle)
        }
        let handle = try path.withCString { name in
            interpreter.gil.blocking(gilThread, reason: .other) { opendir(name) }
        }
        guard let handle else { throw lastPosixError(path) }
        return DirectoryStream(handle: handle)
    }
}

extension Interpreter {
    func definePosixDirectoryFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        define("listdir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("listdir", ["path"], required: 0)
            let path = try thread.pathArgument(bound[0] ?? .none, function: "listdir", allowFD: true, allowNone: true)
            let stream = try thread.openDirectory(path)
            defer { stream.close() }
            var names: [Value] = []
            while true {
                switch stream.next() {
                case .success(nil):
                    return thread.interpreter.newList(names)
                case .success(let entry?):
                    names.append(thread.pathResult(entry.name, asBytes: path.isBytes))
                case .failure(let error):
                    for name in names { name.release() }
                    throw path.fd == nil ? thread.posixError(error.code, path.object) : thread.posixError(error.code)
                }
            }
        }
        define("scandir") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("scandir", ["path"], required: 0)
            let path = try thread.pathArgument(bound[0] ?? .none, function: "scandir", allowFD: true, allowNone: true)
            let stream = try thread.openDirectory(path)
            var prefix: [UInt8]? = nil
            if path.fd == nil {
                prefix = path.bytes
                if prefix!.last != 0x2F { prefix!.append(0x2F) }
            }
            let iterator = PyScandirIterator(type: thread.interpreter.scandirIteratorType, stream: stream,
                                             prefix: prefix, isBytes: path.isBytes, directoryFD: path.fd)
            return .object(ObjectRef.allocate(iterator))
        }
    }
}

/// `posix.ScandirIterator`.
final class PyScandirIterator: PyObject {
    let stream: DirectoryStream
    /// The directory's path with a trailing slash, nil when entries' paths
    /// are their names (scandir() of the current directory or of an fd).
    let prefix: [UInt8]?
    let isBytes: Bool
    let directoryFD: Int32?

    init(type: PyType, stream: DirectoryStream, prefix: [UInt8]?, isBytes: Bool, directoryFD: Int32?) {
        self.stream = stream
        self.prefix = prefix
        self.isBytes = isBytes
        self.directoryFD = directoryFD
        super.init(type: type)
    }

    override func releaseContents() { stream.close() }
}

/// `posix.DirEntry`.
final class PyDirEntry: PyObject {
    let nameBytes: [UInt8]
    let pathBytes: [UInt8]
    let isBytes: Bool
    let fileType: UInt8
    let inode: UInt64
    let directoryFD: Int32?
    /// Cached `stat_result`s (owned), fetched on first use.
    @exclusivity(unchecked) var statResult: Value?
    @exclusivity(unchecked) var lstatResult: Value?

    init(type: PyType, name: [UInt8], path: [UInt8], isBytes: Bool, fileType: UInt8, inode: UInt64, directoryFD: Int32?) {
        self.nameBytes = name
        self.pathBytes = path
        self.isBytes = isBytes
        self.fileType = fileType
        self.inode = inode
        self.directoryFD = directoryFD
        super.init(type: type)
    }

    override func releaseContents() {
        statResult?.release()
        lstatResult?.release()
        statResult = nil
        lstatResult = nil
    }
}

extension Interpreter {
    var scandirIteratorType: PyType {
        nativeType("ScandirIterator", module: "posix") { type in
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create 'posix.ScandirIterator' instances") }
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let iterator = value.as(PyScandirIterator.self)!
                switch iterator.stream.next() {
                case .success(nil):
                    iterator.stream.close()
                    return nil
                case .success(let entry?):
                    let path = iterator.prefix.map { $0 + entry.name } ?? entry.name
                    let object = PyDirEntry(type: thread.interpreter.dirEntryType, name: entry.name, path: path,
                                            isBytes: iterator.isBytes, fileType: entry.type, inode: entry.inode,
                                            directoryFD: iterator.directoryFD)
                    return .object(ObjectRef.allocate(object))
                case .failure(let error):
                    iterator.stream.close()
                    throw thread.posixError(error.code)
                }
            }
            type.installSlots(slots, self)
            type.define("close", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("close", 0...0)
                receiver.as(PyScandirIterator.self)!.stream.close()
                return .none
            }
            type.define("__enter__", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("__enter__", 0...0)
                receiver.retain()
                return receiver
            }
            type.define("__exit__", self) { _, receiver, arguments throws(EvalError) in
                receiver.as(PyScandirIterator.self)!.stream.close()
                return .bool(false)
            }
        }
    }

    var dirEntryType: PyType {
        nativeType("DirEntry", module: "posix") { type in
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create 'posix.DirEntry' instances") }
            slots.repr = { thread, value throws(EvalError) in
                let entry = value.as(PyDirEntry.self)!
                let name = thread.pathResult(entry.nameBytes, asBytes: entry.isBytes)
                defer { name.release() }
                return thread.interpreter.newString("<DirEntry \(try thread.reprText(name))>")
            }
            type.installSlots(slots, self)
            func entry(_ value: Value) -> PyDirEntry { value.as(PyDirEntry.self)! }
            type.defineAttribute("name", self, get: { thread, value throws(EvalError) in
                thread.pathResult(entry(value).nameBytes, asBytes: entry(value).isBytes)
            })
            type.defineAttribute("path", self, get: { thread, value throws(EvalError) in
                thread.pathResult(entry(value).pathBytes, asBytes: entry(value).isBytes)
            })
            type.define("__fspath__", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__fspath__", 0...0)
                return thread.pathResult(entry(receiver).pathBytes, asBytes: entry(receiver).isBytes)
            }
            type.define("inode", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("inode", 0...0)
                return thread.interpreter.integerValue(BigInt(entry(receiver).inode))
            }
            type.define("is_symlink", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("is_symlink", 0...0)
                return .bool(try thread.dirEntryIsSymlink(entry(receiver)))
            }
            for (name, kind) in [("is_dir", S_IFDIR), ("is_file", S_IFREG)] {
                type.define(name, self) { thread, receiver, arguments throws(EvalError) in
                    let bound = try arguments.bind(name, ["follow_symlinks"], required: 0, keywordOnlyFrom: 0)
                    let follow = try thread.flag(bound[0], default: true)
                    return .bool(try thread.dirEntryIs(entry(receiver), kind: kind, followSymlinks: follow))
                }
            }
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.makeGenericAlias(arguments)
            }
            type.define("stat", self) { thread, receiver, arguments throws(EvalError) in
                let bound = try arguments.bind("stat", ["follow_symlinks"], required: 0, keywordOnlyFrom: 0)
                let follow = try thread.flag(bound[0], default: true)
                let result = try thread.dirEntryStat(entry(receiver), followSymlinks: follow)
                result.retain()
                return result
            }
        }
    }
}

extension ThreadState {
    /// The entry's stat result (borrowed), fetched once per kind.
    func dirEntryStat(_ entry: PyDirEntry, followSymlinks: Bool) throws(EvalError) -> Value {
        if followSymlinks, !(try dirEntryIsSymlink(entry)) { return try dirEntryStat(entry, followSymlinks: false) }
        if followSymlinks, let cached = entry.statResult { return cached }
        if !followSymlinks, let cached = entry.lstatResult { return cached }
        var path = PathArgument()
        path.bytes = entry.directoryFD == nil ? entry.pathBytes : entry.nameBytes
        path.object = pathResult(entry.pathBytes, asBytes: entry.isBytes)
        defer { path.object.release() }
        let info = try statPath(path, dirFD: entry.directoryFD ?? AT_FDCWD, followSymlinks: followSymlinks)
        let result = interpreter.newStatResult(info)
        if followSymlinks { entry.statResult = result } else { entry.lstatResult = result }
        return result
    }

    func dirEntryIsSymlink(_ entry: PyDirEntry) throws(EvalError) -> Bool {
        if entry.fileType != UInt8(DT_UNKNOWN) { return entry.fileType == UInt8(DT_LNK) }
        return try dirEntryIs(entry, kind: S_IFLNK, followSymlinks: false)
    }

    /// is_dir/is_file: from readdir's type when it says enough, else from
    /// stat; a file that vanished is neither.
    func dirEntryIs(_ entry: PyDirEntry, kind: mode_t, followSymlinks: Bool) throws(EvalError) -> Bool {
        let needsStat = entry.fileType == UInt8(DT_UNKNOWN) || (followSymlinks && entry.fileType == UInt8(DT_LNK))
        if !needsStat {
            switch kind {
            case S_IFDIR: return entry.fileType == UInt8(DT_DIR)
            case S_IFREG: return entry.fileType == UInt8(DT_REG)
            default: return entry.fileType == UInt8(DT_LNK)
            }
        }
        let result: Value
        do {
            result = try dirEntryStat(entry, followSymlinks: followSymlinks)
        } catch {
            if isInstance(error, of: "FileNotFoundError") {
                error.discard()
                return false
            }
            throw error
        }
        guard case .int(let mode) = result.as(PyTuple.self)!.items[0] else { return false }
        return mode_t(mode) & S_IFMT == kind
    }
}
