/// The characters a Pattern method works on: a str's code points or a
/// bytes-like object's bytes, copied out of the object only when it is
/// mutable (bytearray, memoryview) so a callback that changes the object
/// cannot change the subject under a running match. A str's or bytes'
/// storage is shared (Swift arrays are copy-on-write), not copied.
struct SRESubject {
    enum Storage {
        case text([UInt32])
        case bytes([UInt8])
    }

    let storage: Storage

    var isBytes: Bool {
        if case .bytes = storage { return true }
        return false
    }

    var count: Int {
        switch storage {
        case .text(let points): return points.count
        case .bytes(let bytes): return bytes.count
        }
    }

    /// Runs `body` on the engine's view of the characters.
    func withText<Result>(_ body: (RegexText) throws(RegexError) -> Result) throws(RegexError) -> Result {
        switch storage {
        case .text(let points):
            return try points.withUnsafeBufferPointer { buffer throws(RegexError) in try body(.ucs4(buffer)) }
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer { buffer throws(RegexError) in try body(.bytes(buffer)) }
        }
    }

    /// CPython's `getslice`: a str for a str subject, bytes for any
    /// bytes-like one (a new reference).
    func slice(_ range: Range<Int>, _ interpreter: Interpreter) -> Value {
        switch storage {
        case .text(let points): return interpreter.newString(codePoints: Array(points[range]))
        case .bytes(let bytes): return interpreter.newBytes(Array(bytes[range]))
        }
    }
}

extension ThreadState {
    /// The subject of a Pattern method (CPython's `getstring` and the
    /// pattern/subject kind check of `state_init`).
    func sreSubject(_ value: Value, for pattern: PyPattern) throws(EvalError) -> SRESubject {
        let subject = try sreSubject(value)
        if pattern.kind == .text && subject.isBytes {
            throw .typeError("cannot use a string pattern on a bytes-like object")
        }
        if pattern.kind == .bytes && !subject.isBytes {
            throw .typeError("cannot use a bytes pattern on a string-like object")
        }
        return subject
    }

    /// A str or bytes-like object's characters, or CPython's TypeError.
    func sreSubject(_ value: Value) throws(EvalError) -> SRESubject {
        if let string = value.strObject { return SRESubject(storage: .text(string.codePoints)) }
        if let bytes = try bytesLike(value) { return SRESubject(storage: .bytes(bytes)) }
        throw .typeError("expected string or bytes-like object, got '\(typeOf(value).name)'")
    }
}
