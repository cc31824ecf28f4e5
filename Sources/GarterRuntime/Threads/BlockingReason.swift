/// Why a thread left the GIL for a blocking region. Named so that statistics
/// and traces can tell a `sleep` from a read, a lock wait or native number
/// crunching (DESIGN.md S4, S5).
public enum BlockingReason: UInt8, CaseIterable, Sendable, Hashable {
    case sleep
    case read
    case write
    case select
    case lockWait
    case waitpid
    case input
    /// Native code working on large inputs without touching Python objects
    /// (`hashlib`, `zlib`).
    case nativeCompute
    /// Anything else (an embedding application's own call, for example).
    case other

    /// The name shown in statistics and traces.
    public var name: String {
        switch self {
        case .sleep: "sleep"
        case .read: "read"
        case .write: "write"
        case .select: "select"
        case .lockWait: "lock wait"
        case .waitpid: "waitpid"
        case .input: "input"
        case .nativeCompute: "native compute"
        case .other: "other"
        }
    }
}
