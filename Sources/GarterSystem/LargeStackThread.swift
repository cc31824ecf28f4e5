#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a new POSIX thread with a big stack and waits for it, so deep
/// recursion (the parser, the interpreter) hits Python's limits before the
/// native stack ends.
public enum LargeStackThread {
    /// Runs `body` on a thread of `stackSize` bytes and returns its result;
    /// runs it on the calling thread if the thread cannot be created.
    public static func run<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
        let box = Box<T>(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(box).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            let box = Unmanaged<AnyObject>.fromOpaque(context!).takeRetainedValue() as! Runnable
            box.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Box<T>>.fromOpaque(context).release()
            return body()
        }
        pthread_join(thread, nil)
        return box.result!
    }
}

private protocol Runnable: AnyObject {
    func run()
}

/// Carries the work in and the result out; `pthread_join` orders the accesses.
private final class Box<T>: Runnable {
    let body: () -> T
    var result: T?

    init(_ body: @escaping () -> T) { self.body = body }

    func run() { result = body() }
}
