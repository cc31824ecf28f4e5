import CZlib

// The `binascii` module: hex, base64, quoted-printable and uuencode
// conversions (the codecs are in this folder, one per file), `crc32`
// (zlib's) and `crc_hqx`, and the `Error`/`Incomplete` exceptions, so that
// base64.py, quopri.py, uu.py, gzip.py and zipfile.py run over it.

extension Interpreter {
    func makeBinasciiModule() throws(EvalError) -> Value {
        try makeNativeModule("binascii", doc: "Conversion between binary data and ASCII") { module, define throws(EvalError) in
            for name in ["hexlify", "b2a_hex"] {
                define(name) { thread, arguments throws(EvalError) in
                    let bound = try arguments.bind(name, ["data", "sep", "bytes_per_sep"], required: 1)
                    let data = try thread.requireBytesLike(bound[0]!)
                    let separator = try bound[1].map { value throws(EvalError) in try thread.hexSeparator(value) }
                    let group = try bound[2].map { value throws(EvalError) in try thread.indexInt(value) } ?? 1
                    return thread.interpreter.newBytes(BinasciiHex.encode(data, separator: separator, bytesPerSeparator: group))
                }
            }
            for name in ["unhexlify", "a2b_hex"] {
                define(name) { thread, arguments throws(EvalError) in
                    let bound = try arguments.bind(name, ["hexstr"], required: 1)
                    let text = try thread.asciiData(bound[0]!)
                    do throws(BinasciiFailure) {
                        return thread.interpreter.newBytes(try BinasciiHex.decode(text))
                    } catch { throw thread.binasciiError(error) }
                }
            }
            define("b2a_base64") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("b2a_base64", ["", "newline"], required: 1, positionalOnly: 1, keywordOnlyFrom: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                let newline = try bound[1].map { value throws(EvalError) in try thread.truth(value) } ?? true
                return thread.interpreter.newBytes(Base64Codec.encode(data, newline: newline))
            }
            define("a2b_base64") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("a2b_base64", ["", "strict_mode"], required: 1, positionalOnly: 1, keywordOnlyFrom: 1)
                let text = try thread.asciiData(bound[0]!)
                let strict = try bound[1].map { value throws(EvalError) in try thread.truth(value) } ?? false
                do throws(BinasciiFailure) {
                    return thread.interpreter.newBytes(try Base64Codec.decode(text, strict: strict))
                } catch { throw thread.binasciiError(error) }
            }
            define("b2a_qp") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("b2a_qp", ["data", "quotetabs", "istext", "header"], required: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                func flag(_ index: Int, _ fallback: Bool) throws(EvalError) -> Bool {
                    try bound[index].map { value throws(EvalError) in try thread.truth(value) } ?? fallback
                }
                return thread.interpreter.newBytes(QuotedPrintable.encode(
                    data, quoteTabs: try flag(1, false), isText: try flag(2, true), header: try flag(3, false)))
            }
            define("a2b_qp") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("a2b_qp", ["data", "header"], required: 1)
                let text = try thread.asciiData(bound[0]!)
                let header = try bound[1].map { value throws(EvalError) in try thread.truth(value) } ?? false
                return thread.interpreter.newBytes(QuotedPrintable.decode(text, header: header))
            }
            define("b2a_uu") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("b2a_uu", ["", "backtick"], required: 1, positionalOnly: 1, keywordOnlyFrom: 1)
                let data = try thread.requireBytesLike(bound[0]!)
                let backtick = try bound[1].map { value throws(EvalError) in try thread.truth(value) } ?? false
                do throws(BinasciiFailure) {
                    return thread.interpreter.newBytes(try UUCodec.encode(data, backtick: backtick))
                } catch { throw thread.binasciiError(error) }
            }
            define("a2b_uu") { thread, arguments throws(EvalError) in
                try arguments.expect("a2b_uu", 1...1)
                let text = try thread.asciiData(arguments[0])
                do throws(BinasciiFailure) {
                    return thread.interpreter.newBytes(try UUCodec.decode(text))
                } catch { throw thread.binasciiError(error) }
            }
            define("crc32") { thread, arguments throws(EvalError) in
                try arguments.expect("crc32", 1...2)
                let data = try thread.requireBytesLike(arguments[0])
                let start = arguments.positionalCount == 2 ? try thread.bitwiseUInt32(arguments[1]) : 0
                let result = thread.checksum(data) { buffer in
                    var running = UInt(start)
                    var offset = 0
                    repeat {
                        let count = min(buffer.count - offset, Int(UInt32.max))
                        running = crc32(running, buffer.baseAddress.map { $0 + offset }, UInt32(count))
                        offset += count
                    } while offset < buffer.count
                    return running
                }
                return .int(Int(result))
            }
            define("crc_hqx") { thread, arguments throws(EvalError) in
                try arguments.expect("crc_hqx", 2...2)
                let data = try thread.requireBytesLike(arguments[0])
                let start = UInt16(truncatingIfNeeded: try thread.bitwiseUInt32(arguments[1]))
                return .int(Int(CRCHQX.checksum(data, start: start)))
            }
            export(binasciiErrorType(), in: module)
            export(binasciiIncompleteType(), in: module)
        }
    }

    /// `binascii.Error`, a ValueError.
    func binasciiErrorType() -> PyType {
        nativeType("Error", module: "binascii", base: types.exceptions["ValueError"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }

    /// `binascii.Incomplete`, an Exception.
    func binasciiIncompleteType() -> PyType {
        nativeType("Incomplete", module: "binascii", base: types.exceptions["Exception"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }
}

/// A conversion that failed: the text of its `binascii.Error`.
struct BinasciiFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension ThreadState {
    func binasciiError(_ failure: BinasciiFailure) -> EvalError {
        moduleError(interpreter.binasciiErrorType(), failure.message)
    }

    /// What the `a2b_*` functions accept: a bytes-like object or an ASCII str.
    func asciiData(_ value: Value) throws(EvalError) -> [UInt8] {
        if let string = value.strObject {
            guard string.codePoints.allSatisfy({ $0 < 128 }) else {
                throw .valueError("string argument should contain only ASCII characters")
            }
            return string.codePoints.map { UInt8($0) }
        }
        guard let bytes = try bytesLike(value) else {
            throw .typeError("argument should be bytes, buffer or ASCII string, not '\(typeOf(value).name)'")
        }
        return bytes
    }

    /// `hexlify`'s separator: one character, as str or bytes (CPython checks
    /// the length of any object first, and lets str characters up to U+00FF
    /// through as one byte).
    func hexSeparator(_ value: Value) throws(EvalError) -> UInt8 {
        guard try length(value) == 1 else { throw .valueError("sep must be length 1.") }
        if let string = value.strObject {
            guard string.codePoints[0] < 256 else { throw .valueError("sep must be ASCII.") }
            return UInt8(string.codePoints[0])
        }
        guard let bytes = value.as(PyBytes.self) else { throw .typeError("sep must be str or bytes.") }
        return bytes.bytes[0]
    }
}
