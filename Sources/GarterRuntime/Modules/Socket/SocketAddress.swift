#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket address as the kernel takes it: the bytes of a
/// `sockaddr_storage` and the length that counts.
struct SocketAddress {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)

    func withPointer<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    mutating func withMutablePointer<Result>(_ body: (UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Result) -> Result {
        var size = length
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, &size) }
        }
        length = size
        return result
    }
}

extension ThreadState {
    /// CPython's getsockaddrarg: the Python address of a socket of
    /// `family` (a `(host, port)` pair, `(host, port, flowinfo, scope_id)`,
    /// or a path) as a kernel address. `caller` prefixes some messages.
    func socketAddress(_ value: Value, family: Int32, caller: String) throws(EvalError) -> SocketAddress {
        var address = SocketAddress()
        switch family {
        case AF_UNIX:
            var path: [UInt8]
            if let text = value.stringValue {
                path = Array(text.utf8)
            } else if let bytes = try bytesLike(value) {
                path = bytes
            } else {
                throw .typeError("a bytes-like object is required, not '\(typeOf(value).name)'")
            }
            let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
            if path.count >= capacity && !(path.first == 0 && path.count <= capacity) {
                throw .pythonException("OSError", "AF_UNIX path too long")
            }
            var unix = sockaddr_un()
            unix.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &unix.sun_path) { buffer in
                for (index, byte) in path.enumerated() { buffer[index] = byte }
            }
            let length = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + path.count + (path.first == 0 ? 0 : 1)
            withUnsafeMutableBytes(of: &address.storage) { target in
                withUnsafeBytes(of: unix) { source in target.copyMemory(from: source) }
            }
            address.length = socklen_t(min(length, MemoryLayout<sockaddr_un>.size))
        case AF_INET, AF_INET6:
            guard let tuple = value.as(PyTuple.self) else {
                throw .typeError("\(caller)(): \(family == AF_INET ? "AF_INET" : "AF_INET6") address must be tuple, not \(typeOf(value).name)")
            }
            if family == AF_INET && tuple.count != 2 { throw .typeError("AF_INET address must be a pair (host, port)") }
            if family == AF_INET6 && !(2...4).contains(tuple.count) {
                throw .typeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
            }
            let host = try hostName(tuple.items[0])
            let port = try cLong(tuple.items[1])
            guard (0...65535).contains(port) else { throw .overflowError("\(caller)(): port must be 0-65535.") }
            var flowInfo = 0, scope = 0
            if tuple.count > 2 {
                flowInfo = try cLong(tuple.items[2])
                guard (0...0xFFFFF).contains(flowInfo) else { throw .overflowError("\(caller)(): flowinfo must be 0-1048575.") }
            }
            if tuple.count > 3 { scope = try cLong(tuple.items[3]) }
            address = try resolveHost(host, family: family)
            address.withMutablePointer { pointer, _ in
                if family == AF_INET {
                    pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port = in_port_t(port).bigEndian }
                } else {
                    pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        $0.pointee.sin6_port = in_port_t(port).bigEndian
                        $0.pointee.sin6_flowinfo = UInt32(flowInfo).bigEndian
                        $0.pointee.sin6_scope_id = UInt32(truncatingIfNeeded: scope)
                    }
                }
            }
        default:
            throw .pythonException("OSError", "\(caller)(): bad family")
        }
        return address
    }

    /// A host argument: str (IDNA for non-ASCII is not done: UTF-8), bytes or bytearray.
    func hostName(_ value: Value) throws(EvalError) -> String {
        if let text = value.stringValue { return text }
        if let bytes = value.as(PyBytes.self) { return String(decoding: bytes.bytes, as: UTF8.self) }
        if let array = value.as(PyByteArray.self) { return String(decoding: array.bytes, as: UTF8.self) }
        throw .typeError("str, bytes or bytearray expected, not \(typeOf(value).name)")
    }

    /// CPython's setipaddr: "" is the wildcard address, "<broadcast>" the
    /// broadcast one, a numeric address is parsed, anything else resolved.
    func resolveHost(_ host: String, family: Int32) throws(EvalError) -> SocketAddress {
        var address = SocketAddress()
        if host.isEmpty || host == "<broadcast>" {
            if family == AF_INET6 && host.isEmpty {
                var inet6 = sockaddr_in6()
                inet6.sin6_family = sa_family_t(AF_INET6)
                address.store(inet6)
                return address
            }
            if family == AF_INET6 { throw .pythonException("OSError", "address family mismatched") }
            var inet = sockaddr_in()
            inet.sin_family = sa_family_t(AF_INET)
            inet.sin_addr.s_addr = host.isEmpty ? INADDR_ANY : INADDR_BROADCAST
            address.store(inet)
            return address
        }
        if family == AF_INET {
            var inet = sockaddr_in()
            inet.sin_family = sa_family_t(AF_INET)
            if inet_pton(AF_INET, host, &inet.sin_addr) == 1 {
                address.store(inet)
                return address
            }
        } else {
            var inet6 = sockaddr_in6()
            inet6.sin6_family = sa_family_t(AF_INET6)
            if inet_pton(AF_INET6, host, &inet6.sin6_addr) == 1 {
                address.store(inet6)
                return address
            }
        }
        var hints = addrinfo()
        hints.ai_family = family
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = interpreter.gil.blocking(gilThread, reason: .other) { getaddrinfo(host, nil, &hints, &list) }
        guard status == 0, let first = list else { throw addressInfoError(status) }
        defer { freeaddrinfo(list) }
        let length = Int(first.pointee.ai_addrlen)
        withUnsafeMutableBytes(of: &address.storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: length))
        }
        address.length = socklen_t(length)
        return address
    }

    /// CPython's makesockaddr: a kernel address as Python sees it.
    func pythonAddress(_ address: SocketAddress) -> Value {
        let family = Int32(address.storage.ss_family)
        switch family {
        case AF_INET:
            let inet = address.load(sockaddr_in.self)
            var addr = inet.sin_addr
            return interpreter.newTuple([interpreter.newString(numericHost(AF_INET, &addr)),
                                         .int(Int(UInt16(bigEndian: inet.sin_port)))])
        case AF_INET6:
            let inet6 = address.load(sockaddr_in6.self)
            var addr = inet6.sin6_addr
            return interpreter.newTuple([interpreter.newString(numericHost(AF_INET6, &addr)),
                                         .int(Int(UInt16(bigEndian: inet6.sin6_port))),
                                         .int(Int(UInt32(bigEndian: inet6.sin6_flowinfo))),
                                         .int(Int(inet6.sin6_scope_id))])
        case AF_UNIX:
            let unix = address.load(sockaddr_un.self)
            let offset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
            let length = max(0, Int(address.length) - offset)
            var path = withUnsafeBytes(of: unix.sun_path) { Array($0.prefix(length)) }
            if path.first == 0 { return interpreter.newBytes(path) }
            if let end = path.firstIndex(of: 0) { path = Array(path[..<end]) }
            return interpreter.newString(String(decoding: path, as: UTF8.self))
        default:
            return interpreter.newTuple([.int(Int(family)), interpreter.newBytes([])])
        }
    }

    func numericHost(_ family: Int32, _ address: UnsafeRawPointer) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        guard inet_ntop(family, address, &text, socklen_t(text.count)) != nil else { return "" }
        return String(cString: text)
    }
}

extension SocketAddress {
    mutating func store<Address>(_ value: Address) {
        withUnsafeMutableBytes(of: &storage) { target in
            withUnsafeBytes(of: value) { source in target.copyMemory(from: source) }
        }
        length = socklen_t(MemoryLayout<Address>.size)
    }

    func load<Address>(_ type: Address.Type) -> Address {
        withUnsafeBytes(of: storage) { $0.loadUnaligned(as: Address.self) }
    }
}
