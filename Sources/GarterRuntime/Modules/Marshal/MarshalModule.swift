extension Interpreter {
    /// The `marshal` module: `dumps`, `loads`, `dump`, `load`, `version`.
    func makeMarshalModule() throws(EvalError) -> Value {
        try makeNativeModule("marshal", doc: "This module contains functions that can read and write Python values in\na binary format.") { module, define throws(EvalError) in
            setItem(module.dict, "version", .int(MarshalTypeCode.currentVersion))
            define("dumps") { thread, arguments throws(EvalError) in
                try arguments.expect("dumps", 1...2)
                let version = arguments.positionalCount > 1 ? try thread.exactInteger(arguments[1]) : MarshalTypeCode.currentVersion
                return thread.interpreter.newBytes(try thread.marshalDumps(arguments[0], version: version))
            }
            define("dump") { thread, arguments throws(EvalError) in
                try arguments.expect("dump", 2...3)
                let version = arguments.positionalCount > 2 ? try thread.exactInteger(arguments[2]) : MarshalTypeCode.currentVersion
                let data = thread.interpreter.newBytes(try thread.marshalDumps(arguments[0], version: version))
                defer { data.release() }
                return try thread.callMethod(arguments[1], thread.interpreter.internedString("write"), [data])
            }
            define("loads") { thread, arguments throws(EvalError) in
                try arguments.expect("loads", 1...1)
                guard let bytes = try thread.bytesLike(arguments[0]) else {
                    throw .typeError("a bytes-like object is required, not '\(thread.typeOf(arguments[0]).name)'")
                }
                return try thread.marshalLoads(bytes)
            }
            define("load") { thread, arguments throws(EvalError) in
                try arguments.expect("load", 1...1)
                // As CPython: read(0) first, to check that the file reads bytes.
                let probe = try thread.callMethod(arguments[0], thread.interpreter.internedString("read"), [.int(0)])
                defer { probe.release() }
                guard probe.as(PyBytes.self) != nil else {
                    throw .typeError("file.read() returned not bytes but \(thread.typeOf(probe).name)")
                }
                var reader = MarshalReader(thread: thread, file: arguments[0])
                defer { reader.releaseReferences() }
                guard let value = try reader.readObject() else { throw .typeError("NULL object in marshal data for object") }
                return value
            }
        }
    }
}

extension ThreadState {
    /// `marshal.dumps(value, version)`.
    public func marshalDumps(_ value: Value, version: Int) throws(EvalError) -> [UInt8] {
        var writer = MarshalWriter(thread: self, version: version)
        try writer.write(value)
        return writer.bytes
    }

    /// `marshal.loads(bytes)` (a new reference).
    /// `filename` replaces every code object's `co_filename` (a cached
    /// module loaded from another path, as importlib's `_fix_co_filename`).
    public func marshalLoads(_ bytes: [UInt8], filename: String? = nil) throws(EvalError) -> Value {
        var reader = MarshalReader(thread: self, bytes: bytes)
        reader.filenameOverride = filename
        defer { reader.releaseReferences() }
        guard let value = try reader.readObject() else { throw .typeError("NULL object in marshal data for object") }
        return value
    }
}
