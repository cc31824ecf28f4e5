#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_socket`: the socket type and the module functions CPython 3.11's
// Modules/socketmodule.c offers to `socket.py` (Linux). Blocking calls
// release the GIL (reasons `.read`, `.write`, `.select`); timeouts are
// waits with poll(2) (see PySocket.swift).

extension Interpreter {
    func makeSocketModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_socket", doc: "Implementation module for socket operations.\n\nSee the socket module for documentation.") { module, define throws(EvalError) in
            for (name, value) in SocketConstants.constants { setItem(module.dict, name, .int(value)) }
            setItem(module.dict, "has_ipv6", .bool(true))
            export(socketType, in: module)
            socketType.incref()
            setItem(module.dict, "SocketType", socketType.value)
            for (name, type) in [("error", types.exceptions["OSError"]!), ("timeout", types.exceptions["TimeoutError"]!),
                                 ("gaierror", socketExceptionType("gaierror")), ("herror", socketExceptionType("herror"))] {
                type.incref()
                setItem(module.dict, name, type.value)
            }
            define("socketpair") { thread, arguments throws(EvalError) in
                try arguments.expect("socketpair", 0...3)
                func number(_ index: Int, _ fallback: Int32) throws(EvalError) -> Int32 {
                    guard index < arguments.positionalCount, !arguments[index].isNone else { return fallback }
                    return Int32(truncatingIfNeeded: try thread.cLong(arguments[index]))
                }
                let family = try number(0, AF_UNIX), kind = try number(1, Int32(SOCK_STREAM.rawValue)), proto = try number(2, 0)
                var pair: [Int32] = [-1, -1]
                if Glibc.socketpair(family, kind | Int32(SOCK_CLOEXEC.rawValue), proto, &pair) < 0 {
                    throw thread.interpreter.errnoError(errno)
                }
                let interpreter = thread.interpreter
                var sockets: [Value] = []
                for descriptor in pair {
                    let socket = PySocket(type: interpreter.socketType)
                    socket.descriptor = descriptor
                    socket.family = family
                    socket.kind = kind & ~Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
                    socket.proto = proto
                    socket.timeout = interpreter.socketDefaults.timeout
                    sockets.append(.object(ObjectRef.allocate(socket)))
                    if socket.timeout != nil { try thread.applyBlocking(socket) }
                }
                return interpreter.newTuple(sockets)
            }
            define("getaddrinfo") { thread, arguments throws(EvalError) in try thread.addressInfo(arguments) }
            define("gethostname") { thread, arguments throws(EvalError) in
                try arguments.expect("gethostname", 0...0)
                return try thread.hostNameOfMachine()
            }
            define("gethostbyname") { thread, arguments throws(EvalError) in
                try arguments.expect("gethostbyname", 1...1)
                return try thread.hostByName(arguments[0])
            }
            define("getdefaulttimeout") { thread, arguments throws(EvalError) in
                try arguments.expect("getdefaulttimeout", 0...0)
                return thread.interpreter.socketDefaults.timeout.map { .float(Double($0) / 1e9) } ?? .none
            }
            define("setdefaulttimeout") { thread, arguments throws(EvalError) in
                try arguments.expect("setdefaulttimeout", 1...1)
                thread.interpreter.socketDefaults.timeout = try thread.socketTimeout(arguments[0])
                return .none
            }
            define("close") { thread, arguments throws(EvalError) in
                try arguments.expect("close", 1...1)
                let descriptor = try thread.selectableDescriptor(arguments[0])
                if Glibc.close(descriptor) < 0 && errno != ECONNRESET { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            define("dup") { thread, arguments throws(EvalError) in
                try arguments.expect("dup", 1...1)
                let descriptor = try thread.selectableDescriptor(arguments[0])
                let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
                if copy < 0 { throw thread.interpreter.errnoError(errno) }
                return .int(Int(copy))
            }
            define("htons") { thread, arguments throws(EvalError) in
                try arguments.expect("htons", 1...1)
                return try thread.swapped16(arguments[0], "htons")
            }
            define("ntohs") { thread, arguments throws(EvalError) in
                try arguments.expect("ntohs", 1...1)
                return try thread.swapped16(arguments[0], "ntohs")
            }
            define("htonl") { thread, arguments throws(EvalError) in
                try arguments.expect("htonl", 1...1)
                return try thread.swapped32(arguments[0])
            }
            define("ntohl") { thread, arguments throws(EvalError) in
                try arguments.expect("ntohl", 1...1)
                return try thread.swapped32(arguments[0])
            }
            define("inet_aton") { thread, arguments throws(EvalError) in
                try arguments.expect("inet_aton", 1...1)
                return try thread.inetAton(arguments[0])
            }
            define("inet_ntoa") { thread, arguments throws(EvalError) in
                try arguments.expect("inet_ntoa", 1...1)
                return try thread.inetNtoa(arguments[0])
            }
            define("inet_pton") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("inet_pton", 2)
                return try thread.inetPton(arguments[0], arguments[1])
            }
            define("inet_ntop") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("inet_ntop", 2)
                return try thread.inetNtop(arguments[0], arguments[1])
            }
        }
    }
}
