#if canImport(Glibc)
import Glibc

/// The epoll system calls, which Swift's Glibc module does not import
/// (sys/epoll.h is not in its module map): looked up once with dlsym and
/// called through C function pointers, with `struct epoll_event` read and
/// written as bytes (packed on x86-64: 12 bytes, the data at offset 4).
struct EpollSystem: @unchecked Sendable {
    typealias Create = @convention(c) (Int32) -> Int32
    typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    let create: Create
    let control: Control
    let wait: Wait

    static let addOperation: Int32 = 1
    static let deleteOperation: Int32 = 2
    static let modifyOperation: Int32 = 3
    static let closeOnExec: Int32 = 0o2000000
    static let defaultEvents: UInt32 = 0x001 | 0x002 | 0x004  // EPOLLIN | EPOLLPRI | EPOLLOUT

    #if arch(x86_64)
    static let eventSize = 12
    static let dataOffset = 4
    #else
    static let eventSize = 16
    static let dataOffset = 8
    #endif

    /// The functions of the C library, nil if it has none.
    static let shared: EpollSystem? = {
        let library = dlopen(nil, RTLD_NOW)
        guard let create = dlsym(library, "epoll_create1"), let control = dlsym(library, "epoll_ctl"),
              let wait = dlsym(library, "epoll_wait") else { return nil }
        return EpollSystem(create: unsafeBitCast(create, to: Create.self),
                           control: unsafeBitCast(control, to: Control.self),
                           wait: unsafeBitCast(wait, to: Wait.self))
    }()

    /// epoll_ctl with an event of `events` whose data is the descriptor.
    func control(_ epoll: Int32, _ operation: Int32, _ descriptor: Int32, events: UInt32) -> Int32 {
        var bytes = [UInt8](repeating: 0, count: Self.eventSize)
        return bytes.withUnsafeMutableBytes { buffer in
            buffer.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            buffer.storeBytes(of: descriptor, toByteOffset: Self.dataOffset, as: Int32.self)
            return control(epoll, operation, descriptor, buffer.baseAddress)
        }
    }

    /// The descriptor and events of event `index` of a wait's buffer.
    static func event(_ buffer: UnsafeRawBufferPointer, _ index: Int) -> (descriptor: Int32, events: UInt32) {
        let base = index * eventSize
        return (buffer.loadUnaligned(fromByteOffset: base + dataOffset, as: Int32.self),
                buffer.loadUnaligned(fromByteOffset: base, as: UInt32.self))
    }
}
#endif
