#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_io.FileIO`: CPython 3.11's Modules/_io/fileio.c behaviour (modes,
// closefd, opener, messages), over `PyFileIO`.

extension ThreadState {
    /// A path argument as the bytes passed to open(2) (CPython's
    /// PyUnicode_FSConverter: str encoded UTF-8 with surrogateescape,
    /// bytes as they are, os.PathLike through `__fspath__`).
    func ioPathBytes(_ path: Value) throws(EvalError) -> [UInt8] {
        var bytes: [UInt8]
        if let text = path.as(PyStr.self) {
            do {
                bytes = try text.codePoints.withUnsafeBufferPointer { buffer in
                    try PyCodecs.encode(buffer, codec: .utf8, errors: .surrogateEscape)
                }
            } catch let error as TextError {
                throw streamError(from: error)
            } catch {
                throw .valueError("\(error)")
            }
        } else if let data = path.as(PyBytes.self) {
            bytes = data.bytes
        } else if let method = typeOf(path).lookup(interpreter.internedString("__fspath__")) {
            _ = method
            let converted = try ioCall(path, "__fspath__")
            defer { converted.release() }
            guard converted.as(PyStr.self) != nil || converted.as(PyBytes.self) != nil else {
                throw .typeError("expected \(typeOf(path).name).__fspath__() to return str or bytes, not \(typeOf(converted).name)")
            }
            return try ioPathBytes(converted)
        } else {
            throw .typeError("expected str, bytes or os.PathLike object, not \(typeOf(path).name)")
        }
        if bytes.contains(0) { throw .valueError("embedded null byte") }
        return bytes
    }
}

extension Interpreter {
    func fileIOType() -> PyType {
        nativeType("FileIO", module: "_io", base: rawIOBaseType(), flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            func get(_ value: Value) -> PyFileIO { value.as(PyFileIO.self)! }
            func open(_ value: Value) throws(EvalError) -> PyFileIO {
                let file = get(value)
                try file.checkOpen()
                return file
            }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyFileIO(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("FileIO", ["file", "mode", "closefd", "opener"], required: 1)
                try thread.initializeFileIO(get(value), value, file: bound[0]!, mode: bound[1],
                                            closefd: bound[2], opener: bound[3])
            }
            slots.repr = { thread, value throws(EvalError) in
                let file = get(value)
                let typeName = thread.typeOf(value).displayName
                if file.isClosed { return thread.interpreter.newString("<\(typeName) [closed]>") }
                let closefd = file.closesDescriptor ? "True" : "False"
                if let name = try thread.lookupAttribute(value, thread.interpreter.internedString("name")) {
                    defer { name.release() }
                    return thread.interpreter.newString(
                        "<\(typeName) name=\(try thread.reprText(name)) mode='\(file.modeString)' closefd=\(closefd)>")
                }
                return thread.interpreter.newString("<\(typeName) fd=\(file.descriptor) mode='\(file.modeString)' closefd=\(closefd)>")
            }
            slots.finalize = { thread, value throws(EvalError) in
                if get(value).isClosed { return }
                thread.ioIgnoringErrors("Exception ignored in: ", value) { () throws(EvalError) in
                    try thread.ioCallDiscarding(value, "close")
                }
            }
            type.installSlots(slots, self)

            type.define("read", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read")
                let file = try open(value)
                if !file.isReadable { throw thread.ioUnsupported("File not open for reading") }
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                let bytes = size < 0 ? try file.readAll(thread) : try file.readChunk(size, thread)
                guard let bytes else { return .none }
                return thread.interpreter.newBytes(bytes)
            }
            type.define("readall", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "readall")
                let file = try open(value)
                if !file.isReadable { throw thread.ioUnsupported("File not open for reading") }
                guard let bytes = try file.readAll(thread) else { return .none }
                return thread.interpreter.newBytes(bytes)
            }
            type.define("readinto", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "readinto")
                let file = try open(value)
                if !file.isReadable { throw thread.ioUnsupported("File not open for reading") }
                let length = try thread.ioWritableLength(arguments[0])
                guard let bytes = try file.readChunk(length, thread) else { return .none }
                return .int(try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                    try thread.ioWriteIntoBuffer(arguments[0], buffer)
                })
            }
            type.define("write", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "write")
                let file = try open(value)
                if !file.isWritable { throw thread.ioUnsupported("File not open for writing") }
                let bytes = try thread.requireBytesLike(arguments[0])
                let written: Int? = try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                    try file.writeBytes(UnsafeRawBufferPointer(buffer), thread)
                }
                guard let written else { return .none }
                return .int(written)
            }
            type.define("seek", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...2, "seek")
                let file = try open(value)
                if case .float = arguments[0] { throw .typeError("'float' object cannot be interpreted as an integer") }
                let offset = try thread.indexInt(arguments[0])
                let whence = arguments.positionalCount > 1 ? try thread.indexInt(arguments[1]) : 0
                return .int(try file.seek(offset, Int32(truncatingIfNeeded: whence), thread))
            }
            type.define("tell", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "tell")
                return .int(try open(value).seek(0, SEEK_CUR, thread))
            }
            type.define("truncate", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "truncate")
                let file = try open(value)
                if !file.isWritable { throw thread.ioUnsupported("File not open for writing") }
                let size: Int
                if arguments.positionalCount > 0 && !arguments[0].isNone {
                    size = try thread.indexInt(arguments[0])
                } else {
                    size = try file.seek(0, SEEK_CUR, thread)
                }
                if ftruncate(file.descriptor, off_t(size)) != 0 { throw thread.ioSystemError(errno) }
                return .int(size)
            }
            type.define("close", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "close")
                let file = get(value)
                // The base class's close flushes and marks the object closed.
                var failure: EvalError?
                do throws(EvalError) { try thread.ioBaseClose(value) } catch { failure = error }
                if let code = file.closeDescriptor(thread) {
                    failure?.discard()
                    throw thread.ioSystemError(code)
                }
                if let failure { throw failure }
                return .none
            }
            type.define("fileno", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "fileno")
                return .int(Int(try open(value).descriptor))
            }
            type.define("isatty", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "isatty")
                return .bool(isatty(try open(value).descriptor) != 0)
            }
            type.define("readable", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "readable")
                return .bool(try open(value).isReadable)
            }
            type.define("writable", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "writable")
                return .bool(try open(value).isWritable)
            }
            type.define("seekable", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "seekable")
                return .bool(try open(value).isSeekable())
            }
            type.define("_dealloc_warn", self) { _, _, _ throws(EvalError) in .none }
            type.define("__getstate__", self) { thread, value, _ throws(EvalError) in
                throw .typeError("cannot pickle '\(thread.typeOf(value).name)' object")
            }
            type.defineAttribute("closed", self, get: { _, value throws(EvalError) in .bool(get(value).isClosed) })
            type.defineAttribute("closefd", self, get: { _, value throws(EvalError) in .bool(get(value).closesDescriptor) })
            type.defineAttribute("mode", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newString(get(value).modeString)
            })
            type.defineAttribute("_blksize", self, get: { _, value throws(EvalError) in .int(get(value).blockSize) })
            type.defineAttribute("_finalizing", self, get: { _, value throws(EvalError) in .bool(get(value).finalizing) },
                                 set: { thread, value, newValue throws(EvalError) in
                get(value).finalizing = try newValue.map { v throws(EvalError) in try thread.truth(v) } ?? false
            })
        }
    }
}

extension ThreadState {
    /// `FileIO.__init__`.
    func initializeFileIO(_ file: PyFileIO, _ value: Value, file path: Value, mode modeValue: Value?,
                          closefd closefdValue: Value?, opener: Value?) throws(EvalError) {
        if !file.isClosed {
            if file.closesDescriptor { _ = file.closeDescriptor(self) } else { file.descriptor = -1 }
        }
        var descriptor: Int32 = -1
        if case .int(let number) = path {
            if number < 0 { throw .valueError("negative file descriptor") }
            descriptor = Int32(truncatingIfNeeded: number)
        } else if case .bool(let flag) = path {
            descriptor = flag ? 1 : 0
        }
        var mode = "r"
        if let modeValue {
            guard let text = modeValue.as(PyStr.self)?.string else {
                throw .typeError("FileIO() argument 'mode' must be str, not \(typeOf(modeValue).name)")
            }
            mode = text
        }
        let closefd = try closefdValue.map { v throws(EvalError) in try truth(v) } ?? true
        var readable = false, writable = false, appending = false, created = false, plus = false
        var flags: Int32 = 0
        var sawMode = false
        let badMode = EvalError.valueError("Must have exactly one of create/read/write/append mode and at most one plus")
        for character in mode {
            switch character {
            case "x", "r", "w", "a":
                if sawMode { throw badMode }
                sawMode = true
                switch character {
                case "x": created = true; writable = true; flags |= O_EXCL | O_CREAT
                case "r": readable = true
                case "w": writable = true; flags |= O_CREAT | O_TRUNC
                default: writable = true; appending = true; flags |= O_APPEND | O_CREAT
                }
            case "+":
                if plus { throw badMode }
                readable = true; writable = true; plus = true
            case "b": break
            default: throw .valueError("invalid mode: \(mode)")
            }
        }
        if !sawMode { throw badMode }
        flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY
        flags |= O_CLOEXEC
        file.isReadable = readable
        file.isWritable = writable
        file.isAppending = appending
        file.isCreated = created
        file.seekableCache = nil
        let isPath = descriptor < 0
        if !isPath {
            file.closesDescriptor = closefd
        } else {
            file.closesDescriptor = true
            if !closefd { throw .valueError("Cannot use closefd=False with file name") }
            if let opener, !opener.isNone {
                let flagsValue = Value.int(Int(flags))
                let result = try call(opener, [path, flagsValue])
                defer { result.release() }
                guard Arithmetic.pyInteger(result) != nil else {
                    throw .typeError("expected integer from opener")
                }
                let number = try indexInt(result)
                if number < 0 { throw .valueError("opener returned \(number)") }
                descriptor = Int32(truncatingIfNeeded: number)
            } else {
                let bytes = try ioPathBytes(path)
                let (result, code) = interpreter.gil.blocking(gilThread, reason: .other) {
                    bytes.withUnsafeBufferPointer { buffer -> (Int32, Int32) in
                        var terminated = Array(buffer)
                        terminated.append(0)
                        let result = terminated.withUnsafeBufferPointer { pointer in
                            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { name in
                                var opened: Int32
                                repeat { opened = Glibc.open(name, flags, 0o666) } while opened < 0 && errno == EINTR
                                return opened
                            }
                        }
                        return (result, result < 0 ? errno : 0)
                    }
                }
                if result < 0 { throw ioSystemError(code, filename: path) }
                descriptor = result
            }
        }
        file.descriptor = descriptor
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                if isPath { _ = file.closeDescriptor(self) } else { file.descriptor = -1 }
                throw ioSystemError(EISDIR, filename: path)
            }
            if status.st_blksize > 1 { file.blockSize = Int(status.st_blksize) }
        } else if errno == EBADF {
            let code = errno
            file.descriptor = -1
            throw ioSystemError(code)
        }
        try setAttribute(value, interpreter.internedString("name"), path)
        if appending {
            // As CPython: start at the end so that tell() is right at once.
            _ = lseek(descriptor, 0, SEEK_END)
        }
    }
}
