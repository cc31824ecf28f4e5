#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Byte-order and text/binary address conversions of `_socket`: htons,
// ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop, with
// CPython 3.11's messages.

extension ThreadState {
    /// `htons`/`ntohs`: a 16-bit value with its bytes swapped.
    func swapped16(_ value: Value, _ name: String) throws(EvalError) -> Value {
        guard let number = try indexIntOrOverflow(value) else {
            throw .overflowError("\(name): Python int too large to convert to C 16-bit unsigned integer")
        }
        if number < 0 { throw .overflowError("\(name): can't convert negative Python int to C 16-bit unsigned integer") }
        guard let short = UInt16(exactly: number) else {
            throw .overflowError("\(name): Python int too large to convert to C 16-bit unsigned integer")
        }
        return .int(Int(short.byteSwapped))
    }

    /// `htonl`/`ntohl`: a 32-bit value with its bytes swapped.
    func swapped32(_ value: Value) throws(EvalError) -> Value {
        if case .float = value { throw .typeError("expected int, float found") }
        guard typeOf(value).isSubtype(of: interpreter.types.int) else {
            throw .typeError("expected int, \(typeOf(value).name) found")
        }
        guard let number = try indexIntOrOverflow(value) else {
            if Arithmetic.pyInteger(value)?.isNegative == true { throw .overflowError("can't convert negative value to unsigned int") }
            throw .overflowError("Python int too large to convert to C unsigned long")
        }
        if number < 0 { throw .overflowError("can't convert negative value to unsigned int") }
        guard let word = UInt32(exactly: number) else { throw .overflowError("int larger than 32 bits") }
        return .int(Int(word.byteSwapped))
    }

    func inetAton(_ value: Value) throws(EvalError) -> Value {
        guard let text = value.stringValue else {
            throw .typeError("inet_aton() argument 1 must be str, not \(typeOf(value).name)")
        }
        var address = in_addr()
        guard inet_aton(text, &address) != 0 else {
            throw .pythonException("OSError", "illegal IP address string passed to inet_aton")
        }
        return interpreter.newBytes(withUnsafeBytes(of: address) { Array($0) })
    }

    func inetNtoa(_ value: Value) throws(EvalError) -> Value {
        let bytes = try requireBytesLike(value)
        guard bytes.count == 4 else { throw .pythonException("OSError", "packed IP wrong length for inet_ntoa") }
        return interpreter.newString(bytes.map { String($0) }.joined(separator: "."))
    }

    func inetPton(_ familyValue: Value, _ value: Value) throws(EvalError) -> Value {
        let family = Int32(truncatingIfNeeded: try cLong(familyValue))
        guard let text = value.stringValue else {
            throw .typeError("inet_pton() argument 2 must be str, not \(typeOf(value).name)")
        }
        var buffer = [UInt8](repeating: 0, count: 16)
        let status = inet_pton(family, text, &buffer)
        if status < 0 { throw interpreter.errnoError(errno) }
        if status == 0 { throw .pythonException("OSError", "illegal IP address string passed to inet_pton") }
        return interpreter.newBytes(Array(buffer.prefix(family == AF_INET ? 4 : 16)))
    }

    func inetNtop(_ familyValue: Value, _ value: Value) throws(EvalError) -> Value {
        let family = Int32(truncatingIfNeeded: try cLong(familyValue))
        let bytes = try requireBytesLike(value)
        switch family {
        case AF_INET: guard bytes.count == 4 else { throw .valueError("invalid length of packed IP address string") }
        case AF_INET6: guard bytes.count == 16 else { throw .valueError("invalid length of packed IP address string") }
        default: throw .valueError("unknown address family \(family)")
        }
        return interpreter.newString(bytes.withUnsafeBytes { numericHost(family, $0.baseAddress!) })
    }
}
