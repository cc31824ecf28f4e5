#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `_socket` keeps per interpreter: `setdefaulttimeout`'s value
/// (nil: new sockets block), touched only with the GIL.
public final class SocketDefaults {
    var timeout: Int64? = nil
    init() {}
}

extension Interpreter {
    /// `_socket.socket`, which `socket.socket` subclasses.
    var socketType: PyType {
        nativeType("socket", module: "_socket", flags: [.baseType]) { type in
            func socket(_ value: Value) -> PySocket { value.as(PySocket.self)! }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in
                .object(ObjectRef.allocate(PySocket(type: type)))
            }
            slots.initialize = { thread, receiver, arguments throws(EvalError) in
                try thread.initializeSocket(socket(receiver), arguments)
            }
            slots.repr = { thread, receiver throws(EvalError) in
                let object = socket(receiver)
                return thread.interpreter.newString("<socket object, fd=\(object.descriptor), family=\(object.family), type=\(object.kind), proto=\(object.proto)>")
            }
            type.installSlots(slots, self)
            type.defineAttribute("family", self, get: { _, receiver throws(EvalError) in .int(Int(socket(receiver).family)) })
            type.defineAttribute("type", self, get: { _, receiver throws(EvalError) in .int(Int(socket(receiver).kind)) })
            type.defineAttribute("proto", self, get: { _, receiver throws(EvalError) in .int(Int(socket(receiver).proto)) })
            type.defineAttribute("timeout", self, get: { _, receiver throws(EvalError) in
                socket(receiver).timeout.map { .float(Double($0) / 1e9) } ?? .none
            })
            type.define("gettimeout", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("gettimeout", 0...0)
                return socket(receiver).timeout.map { .float(Double($0) / 1e9) } ?? .none
            }
            type.define("settimeout", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("settimeout", 1...1)
                let object = socket(receiver)
                object.timeout = try thread.socketTimeout(arguments[0])
                if object.descriptor >= 0 { try thread.applyBlocking(object) }
                return .none
            }
            type.define("setblocking", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("setblocking", 1...1)
                let object = socket(receiver)
                object.timeout = try thread.truth(arguments[0]) ? nil : 0
                if object.descriptor >= 0 { try thread.applyBlocking(object) }
                return .none
            }
            type.define("getblocking", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("getblocking", 0...0)
                return .bool(socket(receiver).timeout != 0)
            }
            type.define("fileno", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("fileno", 0...0)
                return .int(Int(socket(receiver).descriptor))
            }
            type.define("detach", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("detach", 0...0)
                let object = socket(receiver)
                let descriptor = object.descriptor
                object.descriptor = -1
                return .int(Int(descriptor))
            }
            type.define("close", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("close", 0...0)
                let object = socket(receiver)
                let descriptor = object.descriptor
                if descriptor >= 0 {
                    object.descriptor = -1
                    if Glibc.close(descriptor) < 0 && errno != ECONNRESET { throw thread.interpreter.errnoError(errno) }
                }
                return .none
            }
            type.define("bind", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("bind", 1...1)
                let object = socket(receiver)
                let address = try thread.socketAddress(arguments[0], family: object.family, caller: "bind")
                let status = address.withPointer { pointer, length in Glibc.bind(object.descriptor, pointer, length) }
                if status < 0 { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            type.define("listen", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("listen", 0...1)
                var backlog = arguments.positionalCount == 1 ? try thread.cLong(arguments[0]) : min(Int(SOMAXCONN), 128)
                if backlog < 0 { backlog = 0 }
                if Glibc.listen(socket(receiver).descriptor, Int32(clamping: backlog)) < 0 { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            type.define("_accept", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("_accept", 0...0)
                var address = SocketAddress()
                let descriptor = try thread.socketCall(socket(receiver), events: Int16(POLLIN), reason: .read) { fd in
                    address.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                    return Int(address.withMutablePointer { pointer, length in accept(fd, pointer, length) })
                }
                // Glibc's module map hides accept4: close-on-exec is set after the fact.
                _ = fcntl(Int32(descriptor), F_SETFD, FD_CLOEXEC)
                return thread.interpreter.newTuple([.int(descriptor), thread.pythonAddress(address)])
            }
            type.define("connect", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("connect", 1...1)
                let result = try thread.connect(socket(receiver), arguments[0], caller: "connect")
                if result != 0 { throw thread.connectError(result) }
                return .none
            }
            type.define("connect_ex", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("connect_ex", 1...1)
                return .int(Int(try thread.connect(socket(receiver), arguments[0], caller: "connect_ex")))
            }
            type.define("send", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("send", 1...2)
                let data = try thread.requireBytesLike(arguments[0])
                let flags = arguments.positionalCount == 2 ? Int32(truncatingIfNeeded: try thread.cLong(arguments[1])) : 0
                return .int(try thread.socketCall(socket(receiver), events: Int16(POLLOUT), reason: .write) { fd in
                    data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, flags) }
                })
            }
            type.define("sendall", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("sendall", 1...2)
                let data = try thread.requireBytesLike(arguments[0])
                let flags = arguments.positionalCount == 2 ? Int32(truncatingIfNeeded: try thread.cLong(arguments[1])) : 0
                var sent = 0
                repeat {
                    let start = sent
                    sent += try thread.socketCall(socket(receiver), events: Int16(POLLOUT), reason: .write) { fd in
                        data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + start, $0.count - start, flags) }
                    }
                    try thread.interpreter.checkSignals(thread)
                } while sent < data.count
                return .none
            }
            type.define("sendto", self) { thread, receiver, arguments throws(EvalError) in
                guard (2...3).contains(arguments.positionalCount) else {
                    throw .typeError("sendto() takes 2 or 3 arguments (\(arguments.positionalCount) given)")
                }
                try arguments.rejectKeywords("sendto")
                let object = socket(receiver)
                let data = try thread.requireBytesLike(arguments[0])
                let flags = arguments.positionalCount == 3 ? Int32(truncatingIfNeeded: try thread.cLong(arguments[1])) : 0
                let address = try thread.socketAddress(arguments[arguments.positionalCount - 1], family: object.family, caller: "sendto")
                return .int(try thread.socketCall(object, events: Int16(POLLOUT), reason: .write) { fd in
                    data.withUnsafeBytes { bytes in
                        address.withPointer { pointer, length in Glibc.sendto(fd, bytes.baseAddress, bytes.count, flags, pointer, length) }
                    }
                })
            }
            type.define("recv", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("recv", 1...2)
                let size = try thread.cLong(arguments[0])
                if size < 0 { throw .valueError("negative buffersize in recv") }
                let flags = arguments.positionalCount == 2 ? Int32(truncatingIfNeeded: try thread.cLong(arguments[1])) : 0
                let (bytes, _) = try thread.receive(socket(receiver), size: size, flags: flags, wantAddress: false)
                return thread.interpreter.newBytes(bytes)
            }
            type.define("recvfrom", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("recvfrom", 1...2)
                let size = try thread.cLong(arguments[0])
                if size < 0 { throw .valueError("negative buffersize in recvfrom") }
                let flags = arguments.positionalCount == 2 ? Int32(truncatingIfNeeded: try thread.cLong(arguments[1])) : 0
                let (bytes, address) = try thread.receive(socket(receiver), size: size, flags: flags, wantAddress: true)
                return thread.interpreter.newTuple([thread.interpreter.newBytes(bytes), address])
            }
            func receiveInto(_ thread: ThreadState, _ receiver: Value, _ arguments: Arguments, _ name: String,
                             wantAddress: Bool) throws(EvalError) -> Value {
                let bound = try arguments.bind(name, ["buffer", "nbytes", "flags"], required: 1)
                let capacity = try thread.writableBufferSize(bound[0]!, name)
                var size = try bound[1].map { value throws(EvalError) in try thread.cLong(value) } ?? 0
                if size < 0 { throw .valueError("negative buffersize in \(name)") }
                if size == 0 { size = capacity }
                if size > capacity { throw .valueError(wantAddress ? "nbytes is greater than the length of the buffer" : "buffer too small for requested bytes") }
                let flags = Int32(truncatingIfNeeded: try bound[2].map { value throws(EvalError) in try thread.cLong(value) } ?? 0)
                let (bytes, address) = try thread.receive(socket(receiver), size: size, flags: flags, wantAddress: wantAddress)
                thread.writeIntoBuffer(bound[0]!, bytes[...])
                if wantAddress { return thread.interpreter.newTuple([.int(bytes.count), address]) }
                return .int(bytes.count)
            }
            type.define("recv_into", self) { thread, receiver, arguments throws(EvalError) in
                try receiveInto(thread, receiver, arguments, "recv_into", wantAddress: false)
            }
            type.define("recvfrom_into", self) { thread, receiver, arguments throws(EvalError) in
                try receiveInto(thread, receiver, arguments, "recvfrom_into", wantAddress: true)
            }
            type.define("shutdown", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("shutdown", 1...1)
                let how = Int32(truncatingIfNeeded: try thread.cLong(arguments[0]))
                if Glibc.shutdown(socket(receiver).descriptor, how) < 0 { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            type.define("getsockname", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("getsockname", 0...0)
                var address = SocketAddress()
                let status = address.withMutablePointer { pointer, length in getsockname(socket(receiver).descriptor, pointer, length) }
                if status < 0 { throw thread.interpreter.errnoError(errno) }
                return thread.pythonAddress(address)
            }
            type.define("getpeername", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("getpeername", 0...0)
                var address = SocketAddress()
                let status = address.withMutablePointer { pointer, length in getpeername(socket(receiver).descriptor, pointer, length) }
                if status < 0 { throw thread.interpreter.errnoError(errno) }
                return thread.pythonAddress(address)
            }
            type.define("setsockopt", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.rejectKeywords("setsockopt")
                guard (3...4).contains(arguments.positionalCount) else {
                    throw .typeError("setsockopt() takes 3 or 4 arguments (\(arguments.positionalCount) given)")
                }
                let level = Int32(truncatingIfNeeded: try thread.cLong(arguments[0]))
                let option = Int32(truncatingIfNeeded: try thread.cLong(arguments[1]))
                let descriptor = socket(receiver).descriptor
                let status: Int32
                if arguments.positionalCount == 4 {
                    guard arguments[2].isNone else { throw .typeError("setsockopt() takes 3 or 4 arguments (4 given)") }
                    let length = try thread.cLong(arguments[3])
                    status = Glibc.setsockopt(descriptor, level, option, nil, socklen_t(truncatingIfNeeded: length))
                } else if let bytes = try thread.bytesLike(arguments[2]) {
                    status = bytes.withUnsafeBytes { Glibc.setsockopt(descriptor, level, option, $0.baseAddress, socklen_t($0.count)) }
                } else {
                    var flag = Int32(truncatingIfNeeded: try thread.cLong(arguments[2]))
                    status = Glibc.setsockopt(descriptor, level, option, &flag, socklen_t(MemoryLayout<Int32>.size))
                }
                if status < 0 { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            type.define("getsockopt", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("getsockopt", 2...3)
                let level = Int32(truncatingIfNeeded: try thread.cLong(arguments[0]))
                let option = Int32(truncatingIfNeeded: try thread.cLong(arguments[1]))
                let size = arguments.positionalCount == 3 ? try thread.cLong(arguments[2]) : 0
                let descriptor = socket(receiver).descriptor
                if size == 0 {
                    var flag: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    if Glibc.getsockopt(descriptor, level, option, &flag, &length) < 0 { throw thread.interpreter.errnoError(errno) }
                    return .int(Int(flag))
                }
                guard size > 0 && size <= 1024 else { throw .pythonException("OSError", "getsockopt buflen out of range") }
                var buffer = [UInt8](repeating: 0, count: size)
                var length = socklen_t(size)
                if Glibc.getsockopt(descriptor, level, option, &buffer, &length) < 0 { throw thread.interpreter.errnoError(errno) }
                return thread.interpreter.newBytes(Array(buffer.prefix(Int(length))))
            }
        }
    }
}

extension ThreadState {
    /// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`.
    func initializeSocket(_ socket: PySocket, _ arguments: Arguments) throws(EvalError) {
        let bound = try arguments.bind("socket", ["family", "type", "proto", "fileno"], required: 0)
        func number(_ value: Value?) throws(EvalError) -> Int32 {
            guard let value else { return -1 }
            return Int32(truncatingIfNeeded: try cLong(value))
        }
        var family = try number(bound[0]), kind = try number(bound[1]), proto = try number(bound[2])
        let descriptor: Int32
        if let fileno = bound[3], !fileno.isNone {
            if case .float = fileno { throw .typeError("'float' object cannot be interpreted as an integer") }
            let given = try cLong(fileno)
            if given < 0 { throw .valueError("negative file descriptor") }
            descriptor = Int32(truncatingIfNeeded: given)
            func option(_ name: Int32) throws(EvalError) -> Int32 {
                var value: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(descriptor, SOL_SOCKET, name, &value, &length) < 0 { throw interpreter.errnoError(errno) }
                return value
            }
            if family == -1 { family = try option(SO_DOMAIN) }
            if kind == -1 { kind = try option(SO_TYPE) }
            if proto == -1 { proto = try option(SO_PROTOCOL) }
        } else {
            if family == -1 { family = AF_INET }
            if kind == -1 { kind = Int32(SOCK_STREAM.rawValue) }
            if proto == -1 { proto = 0 }
            descriptor = Glibc.socket(family, kind | Int32(SOCK_CLOEXEC.rawValue), proto)
            if descriptor < 0 { throw interpreter.errnoError(errno) }
        }
        if socket.descriptor >= 0 { _ = close(socket.descriptor) }
        socket.descriptor = descriptor
        socket.family = family
        socket.kind = kind & ~Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        socket.proto = proto
        socket.timeout = kind & Int32(SOCK_NONBLOCK.rawValue) != 0 ? 0 : interpreter.socketDefaults.timeout
        if socket.timeout != nil { try applyBlocking(socket) }
    }

    /// A timeout argument: None, or non-negative seconds.
    func socketTimeout(_ value: Value) throws(EvalError) -> Int64? {
        if value.isNone { return nil }
        let nanoseconds = try self.nanoseconds(fromSeconds: value)
        if nanoseconds < 0 { throw .valueError("Timeout value out of range") }
        return nanoseconds
    }

    /// recv/recvfrom of at most `size` bytes.
    func receive(_ socket: PySocket, size: Int, flags: Int32, wantAddress: Bool) throws(EvalError) -> ([UInt8], Value) {
        var buffer = [UInt8](repeating: 0, count: size)
        var address = SocketAddress()
        let count = try socketCall(socket, events: Int16(POLLIN), reason: .read) { fd in
            buffer.withUnsafeMutableBytes { bytes in
                if !wantAddress { return Glibc.recv(fd, bytes.baseAddress, bytes.count, flags) }
                address.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                return address.withMutablePointer { pointer, length in Glibc.recvfrom(fd, bytes.baseAddress, bytes.count, flags, pointer, length) }
            }
        }
        if count < size { buffer.removeLast(size - count) }
        guard wantAddress else { return (buffer, .none) }
        return (buffer, address.length == 0 ? .none : pythonAddress(address))
    }

    /// CPython's internal_connect: 0 or the errno the connection failed
    /// with (address errors, signals and timeouts raise).
    func connect(_ socket: PySocket, _ addressValue: Value, caller: String) throws(EvalError) -> Int32 {
        let address = try socketAddress(addressValue, family: socket.family, caller: caller)
        let descriptor = socket.descriptor
        let attempt = { () -> SocketCallResult in
            let status = address.withPointer { pointer, length in Glibc.connect(descriptor, pointer, length) }
            return SocketCallResult(value: Int(status), error: status < 0 ? errno : 0)
        }
        let outcome = socket.timeout == nil ? interpreter.gil.blocking(gilThread, reason: .write, attempt) : attempt()
        if outcome.value == 0 { return 0 }
        var failure = outcome.error
        if failure == EINTR {
            try interpreter.checkSignals(self)
            if socket.timeout == 0 { return failure }
        } else if !(failure == EINPROGRESS && (socket.timeout ?? 1) > 0) {
            return failure
        }
        // The connection goes on in the background: wait until the socket is writable.
        let deadline = socket.timeout.map { MonotonicClock.nanoseconds() &+ UInt64($0) } ?? UInt64.max
        do throws(EvalError) {
            try waitForSocket(descriptor, events: Int16(POLLOUT), deadline: deadline)
        } catch {
            if caller == "connect_ex" && isInstance(error, of: "TimeoutError") {
                error.discard()
                return EWOULDBLOCK
            }
            throw error
        }
        var length = socklen_t(MemoryLayout<Int32>.size)
        failure = 0
        if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length) < 0 { throw interpreter.errnoError(errno) }
        return failure
    }

    func connectError(_ code: Int32) -> EvalError { interpreter.errnoError(code) }
}
