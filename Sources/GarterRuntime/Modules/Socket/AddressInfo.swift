#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Name resolution: `getaddrinfo`, `gethostbyname`, `gethostname`, and
// the `socket.gaierror`/`socket.herror` exceptions it raises. Lookups may
// wait on the network, so they run without the GIL.

extension Interpreter {
    /// `socket.gaierror` or `socket.herror`, subclasses of OSError.
    func socketExceptionType(_ name: String) -> PyType {
        if let made = types.others["socket.\(name)"] { return made }
        let type = types.other("socket.\(name)", base: types.exceptions["OSError"]!,
                               flags: [.baseType, .hasInstanceDict, .exceptionSubclass])
        type.name = name
        type.qualifiedName = name
        type.setAttribute("__module__", intern("socket"), self)
        type.inheritBuiltinSlots()
        return type
    }
}

extension ThreadState {
    /// An instance of `type` made with `arguments` (owned), as a raised error.
    func raisedInstance(_ type: PyType, _ arguments: [Value]) -> EvalError {
        defer { for argument in arguments { argument.release() } }
        do throws(EvalError) {
            let exception = try call(type.value, arguments)
            guard case .object(let reference) = exception else { return .runtimeError("bad exception") }
            return .exception(reference)
        } catch {
            return error
        }
    }

    /// gaierror(status, gai_strerror(status)), or the errno error for EAI_SYSTEM.
    func addressInfoError(_ status: Int32) -> EvalError {
        if status == EAI_SYSTEM { return interpreter.errnoError(errno) }
        return raisedInstance(interpreter.socketExceptionType("gaierror"),
                              [.int(Int(status)), interpreter.newString(String(cString: gai_strerror(status)))])
    }

    /// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
    func addressInfo(_ arguments: Arguments) throws(EvalError) -> Value {
        let bound = try arguments.bindClassic("getaddrinfo", ["host", "port", "family", "type", "proto", "flags"], required: 2)
        var host: String? = nil
        if let value = bound[0], !value.isNone { host = try hostName(value) }
        var port: String? = nil
        if let value = bound[1], !value.isNone {
            if case .int(let number) = value {
                port = String(number)
            } else if let text = value.stringValue {
                port = text
            } else if let bytes = value.as(PyBytes.self) {
                port = String(decoding: bytes.bytes, as: UTF8.self)
            } else {
                throw .pythonException("OSError", "Int or String expected")
            }
        }
        var hints = addrinfo()
        hints.ai_family = Int32(truncatingIfNeeded: try bound[2].map { v throws(EvalError) in try cLong(v) } ?? 0)
        hints.ai_socktype = Int32(truncatingIfNeeded: try bound[3].map { v throws(EvalError) in try cLong(v) } ?? 0)
        hints.ai_protocol = Int32(truncatingIfNeeded: try bound[4].map { v throws(EvalError) in try cLong(v) } ?? 0)
        hints.ai_flags = Int32(truncatingIfNeeded: try bound[5].map { v throws(EvalError) in try cLong(v) } ?? 0)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = interpreter.gil.blocking(gilThread, reason: .other) { getaddrinfo(host, port, &hints, &list) }
        guard status == 0 else { throw addressInfoError(status) }
        defer { freeaddrinfo(list) }
        var results: [Value] = []
        var entry = list
        while let current = entry {
            var address = SocketAddress()
            let length = Int(current.pointee.ai_addrlen)
            withUnsafeMutableBytes(of: &address.storage) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: current.pointee.ai_addr, count: length))
            }
            address.length = socklen_t(length)
            let canonical = current.pointee.ai_canonname.map { String(cString: $0) } ?? ""
            results.append(interpreter.newTuple([.int(Int(current.pointee.ai_family)), .int(Int(current.pointee.ai_socktype)),
                                                 .int(Int(current.pointee.ai_protocol)), interpreter.newString(canonical),
                                                 pythonAddress(address)]))
            entry = current.pointee.ai_next
        }
        return interpreter.newList(results)
    }

    /// `gethostbyname(name)`: the first IPv4 address of `name`.
    func hostByName(_ value: Value) throws(EvalError) -> Value {
        let host = try hostName(value)
        let address = try resolveHost(host, family: AF_INET)
        var inet = address.load(sockaddr_in.self).sin_addr
        return interpreter.newString(numericHost(AF_INET, &inet))
    }

    /// `gethostname()`.
    func hostNameOfMachine() throws(EvalError) -> Value {
        var buffer = [CChar](repeating: 0, count: 1025)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { throw interpreter.errnoError(errno) }
        return interpreter.newString(String(cString: buffer))
    }
}
