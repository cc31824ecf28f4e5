// The methods `BufferedReader`, `BufferedWriter` and `BufferedRandom`
// share (CPython's Modules/_io/bufferedio.c); each type file picks which
// ones it exposes.

/// Which side(s) of a buffered stream a type offers.
struct BufferedSides: OptionSet {
    let rawValue: Int
    static let read = BufferedSides(rawValue: 1)
    static let write = BufferedSides(rawValue: 2)
}

extension Interpreter {
    func defineBufferedMethods(_ type: PyType, name typeName: String, sides: BufferedSides) {
        func get(_ value: Value) -> PyBuffered { value.as(PyBuffered.self)! }
        /// The object, checked open (and initialised).
        func open(_ value: Value, _ thread: ThreadState,
                  _ message: String = "I/O operation on closed file.") throws(EvalError) -> PyBuffered {
            let buffered = get(value)
            try buffered.checkOpen(thread, message)
            return buffered
        }
        var slots = TypeSlots()
        slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyBuffered(type: type))) }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind(typeName, ["raw", "buffer_size"], required: 1)
            let raw = bound[0]!
            if sides.contains(.read) { try thread.ioCallDiscarding(raw, "_checkReadable") }
            if sides.contains(.write) { try thread.ioCallDiscarding(raw, "_checkWritable") }
            if sides == [.read, .write] { try thread.ioCallDiscarding(raw, "_checkSeekable") }
            var size = IOConstants.defaultBufferSize
            if let given = bound[1] {
                size = try thread.indexInt(given)
                if size <= 0 { throw .valueError("buffer size must be strictly positive") }
            }
            let buffered = get(value)
            raw.retain()
            buffered.raw?.release()
            buffered.raw = raw
            buffered.rawFile = thread.typeOf(raw) === thread.interpreter.fileIOType() ? raw.as(PyFileIO.self) : nil
            buffered.bufferSize = size
            buffered.canRead = sides.contains(.read)
            buffered.canWrite = sides.contains(.write)
            buffered.readBuffer = []
            buffered.readPosition = 0
            buffered.writeBuffer = []
            buffered.wasDetached = false
        }
        slots.repr = { thread, value throws(EvalError) in
            let typeName = thread.typeOf(value).displayName
            var name: Value?
            do throws(EvalError) {
                name = try thread.lookupAttribute(value, thread.interpreter.internedString("name"))
            } catch {
                guard thread.isInstance(error, of: "Exception") else { throw error }
                error.discard()
            }
            guard let name else { return thread.interpreter.newString("<\(typeName)>") }
            defer { name.release() }
            return thread.interpreter.newString("<\(typeName) name=\(try thread.reprText(name))>")
        }
        slots.next = { thread, value throws(EvalError) in
            let buffered = try open(value, thread)
            let line = try buffered.readLine(-1, thread)
            return line.isEmpty ? nil : thread.interpreter.newBytes(line)
        }
        type.installSlots(slots, self)

        if sides.contains(.read) {
            type.define("read", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read")
                let count = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                if count < -1 { throw .valueError("read length must be non-negative or -1") }
                let buffered = try open(value, thread)
                guard let bytes = try buffered.read(count, thread) else { return .none }
                return thread.interpreter.newBytes(bytes)
            }
            type.define("read1", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read1")
                let count = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                let buffered = try open(value, thread)
                return thread.interpreter.newBytes(try buffered.read1(count, thread))
            }
            type.define("peek", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "peek")
                return thread.interpreter.newBytes(try open(value, thread).peek(thread))
            }
            type.define("readline", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readline")
                let limit = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                return thread.interpreter.newBytes(try open(value, thread).readLine(limit, thread))
            }
            for (name, once) in [("readinto", false), ("readinto1", true)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.check(1...1, name)
                    let buffered = try open(value, thread)
                    let length = try thread.ioWritableLength(arguments[0])
                    let bytes = once ? try buffered.read1(length, thread) : try buffered.read(length, thread)
                    guard let bytes else { return .none }
                    return .int(try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                        try thread.ioWriteIntoBuffer(arguments[0], buffer)
                    })
                }
            }
        }
        if sides.contains(.write) {
            type.define("write", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "write")
                let buffered = get(value)
                if try buffered.isClosed(thread) { throw .valueError("write to closed file") }
                let bytes = try thread.requireBytesLike(arguments[0])
                return .int(try buffered.write(bytes, thread))
            }
        }
        type.define("flush", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(0...0, "flush")
            let buffered = get(value)
            if try buffered.isClosed(thread) {
                throw .valueError(sides.contains(.write) ? "flush of closed file" : "I/O operation on closed file.")
            }
            try buffered.flushWrites(thread)
            return .none
        }
        type.define("tell", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(0...0, "tell")
            let buffered = get(value)
            _ = try buffered.requireRaw()
            return .int(try buffered.tell(thread))
        }
        type.define("seek", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(1...2, "seek")
            let whence = arguments.positionalCount > 1 ? try thread.indexInt(arguments[1]) : 0
            if !(0...4).contains(whence) { throw .valueError("whence value \(whence) unsupported") }
            let buffered = try open(value, thread, "seek of closed file")
            if case .float = arguments[0] { throw .typeError("'float' object cannot be interpreted as an integer") }
            let offset = try thread.indexInt(arguments[0])
            try thread.ioCallDiscarding(buffered.raw!, "_checkSeekable")
            return .int(try buffered.seek(offset, whence, thread))
        }
        type.define("truncate", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(0...1, "truncate")
            let buffered = try open(value, thread, "truncate of closed file")
            if !sides.contains(.write) { throw thread.ioUnsupported("truncate") }
            let position: Value
            if arguments.positionalCount > 0 && !arguments[0].isNone {
                position = arguments[0]
                position.retain()
            } else {
                position = .int(try buffered.tell(thread))
            }
            defer { position.release() }
            try buffered.flushWrites(thread)
            if buffered.available > 0 || !buffered.readBuffer.isEmpty {
                _ = try buffered.rawSeek(try buffered.tell(thread), 0, thread)
                buffered.readBuffer = []
                buffered.readPosition = 0
            }
            return try thread.ioCall(buffered.raw!, "truncate", [position])
        }
        type.define("close", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(0...0, "close")
            let buffered = get(value)
            let raw = try buffered.requireRaw()
            if try buffered.isClosed(thread) { return .none }
            var failure: EvalError?
            do throws(EvalError) { try thread.ioCallDiscarding(value, "flush") } catch { failure = error }
            do throws(EvalError) { try thread.ioCallDiscarding(raw, "close") } catch {
                failure?.discard()
                failure = error
            }
            buffered.readBuffer = []
            buffered.readPosition = 0
            if let failure { throw failure }
            return .none
        }
        type.define("detach", self) { thread, value, arguments throws(EvalError) in
            try arguments.check(0...0, "detach")
            let buffered = get(value)
            let raw = try buffered.requireRaw()
            try thread.ioCallDiscarding(value, "flush")
            buffered.raw = nil
            buffered.rawFile = nil
            buffered.wasDetached = true
            return raw
        }
        for name in ["fileno", "isatty", "readable", "writable", "seekable"] {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, name)
                return try thread.ioCall(try get(value).requireRaw(), name)
            }
        }
        type.define("_dealloc_warn", self) { _, _, _ throws(EvalError) in .none }
        type.define("__getstate__", self) { thread, value, _ throws(EvalError) in
            throw .typeError("cannot pickle '\(thread.typeOf(value).name)' object")
        }
        type.define("__sizeof__", self) { _, value, _ throws(EvalError) in
            .int(64 + get(value).bufferSize)
        }
        type.defineAttribute("raw", self, get: { _, value throws(EvalError) in
            let raw = try get(value).requireRaw()
            raw.retain()
            return raw
        })
        type.defineAttribute("closed", self, get: { thread, value throws(EvalError) in
            .bool(try get(value).isClosed(thread))
        })
        for name in ["name", "mode"] {
            type.defineAttribute(name, self, get: { thread, value throws(EvalError) in
                try thread.getAttribute(try get(value).requireRaw(), name)
            })
        }
        type.defineAttribute("_finalizing", self, get: { thread, value throws(EvalError) in
            guard let raw = get(value).raw else { return .bool(false) }
            return try thread.getAttribute(raw, "_finalizing")
        })
    }
}
