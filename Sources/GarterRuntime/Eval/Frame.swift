/// One activation of a code object, as the evaluation loop runs it.
///
/// Frames live in raw memory: on the thread's `FrameStack` for ordinary
/// calls (pushing one is a pointer bump, and Python-to-Python calls do not
/// recurse in Swift), or inside a generator object, which must outlive the
/// call that made it. The local slots and the value stack follow the
/// header in the same allocation (`localsPlus`).
///
/// The header holds counted references (code, function, globals, builtins,
/// locals) without Swift ARC: `Unmanaged` and `Value` are plain data.
struct Frame {
    var code: Unmanaged<LoadedCode>
    /// The function being run (nil for module and class bodies); owned.
    var function: Unmanaged<PyFunction>?
    var globals: Unmanaged<PyDict>
    var builtins: Unmanaged<PyDict>
    /// The locals mapping of module and class bodies (LOAD_NAME/STORE_NAME); owned.
    var locals: Value?
    /// The calling frame.
    var previous: UnsafeMutablePointer<Frame>?
    /// The instruction running (while it runs) or to resume at (while suspended).
    var instructionIndex: Int
    /// Depth of the value stack while the frame is not running.
    var stackDepth: Int
    /// The frame object made for introspection, if any (owned).
    var frameObject: Unmanaged<PyFrame>?
    /// Returning from this frame leaves the `evaluate` call that ran it.
    var isEntry: Bool
    /// Belongs to a generator (not popped from the frame stack when it returns).
    var isGenerator: Bool
    /// Set by YIELD_VALUE: the frame is suspended, not finished.
    var hasYielded = false
    /// Slots in `localsPlus` (locals + cells + frees + stack).
    let capacity: Int

    static func byteCount(slots: Int) -> Int {
        MemoryLayout<Frame>.stride + slots * MemoryLayout<Value?>.stride
    }
}

extension UnsafeMutablePointer where Pointee == Frame {
    /// The local slots, then the value stack, right after the header.
    @inline(__always)
    var localsPlus: UnsafeMutablePointer<Value?> {
        UnsafeMutableRawPointer(self + 1).assumingMemoryBound(to: Value?.self)
    }

    @inline(__always)
    var code: LoadedCode { pointee.code.takeUnretainedValue() }

    /// Pushes `value` (taking over its reference) on a suspended frame's
    /// value stack: a callee's result coming back to its caller.
    @inline(__always)
    func push(_ value: Value) {
        let stack = localsPlus + pointee.code._withUnsafeGuaranteedRef { $0.localCount }
        (stack + pointee.stackDepth).initialize(to: value)
        pointee.stackDepth += 1
    }

    /// Sets up a frame in `self` for `code`, taking over the references
    /// passed (function, locals) and adding its own to code, globals, builtins.
    func initialize(code: LoadedCode, function: PyFunction?, globals: PyDict, builtins: PyDict,
                    locals: Value?, previous: UnsafeMutablePointer<Frame>?, isGenerator: Bool) {
        code.incref()
        globals.incref()
        builtins.incref()
        let capacity = code.localCount + code.stackSize
        initialize(to: Frame(code: Unmanaged.passUnretained(code),
                             function: function.map { Unmanaged.passUnretained($0) },
                             globals: Unmanaged.passUnretained(globals),
                             builtins: Unmanaged.passUnretained(builtins),
                             locals: locals, previous: previous, instructionIndex: 0, stackDepth: 0,
                             frameObject: nil, isEntry: false, isGenerator: isGenerator, hasYielded: false,
                             capacity: capacity))
        localsPlus.initialize(repeating: nil, count: capacity)
    }

    /// Drops everything the frame holds: locals, what is left on its stack,
    /// and its header references. A frame object that outlives it keeps a
    /// snapshot of where it was.
    func release(stackDepth: Int) {
        let frame = pointee
        let slots = localsPlus
        if let frameObject = frame.frameObject {
            frameObject._withUnsafeGuaranteedRef { object in
                object.live = nil
                object.instructionIndex = frame.instructionIndex
            }
            frameObject._withUnsafeGuaranteedRef { $0.decref() }
        }
        let used = frame.code._withUnsafeGuaranteedRef { $0.localCount } + stackDepth
        for index in 0..<used { slots[index]?.release() }
        slots.deinitialize(count: frame.capacity)
        frame.code._withUnsafeGuaranteedRef { $0.decref() }
        frame.function?._withUnsafeGuaranteedRef { $0.decref() }
        frame.globals._withUnsafeGuaranteedRef { $0.decref() }
        frame.builtins._withUnsafeGuaranteedRef { $0.decref() }
        frame.locals?.release()
        deinitialize(count: 1)
    }
}

/// The memory frames of one thread are pushed on: chunks of raw memory
/// used as stacks, so pushing and popping a frame is a pointer bump.
final class FrameStack {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var chunkIndex = -1
    @exclusivity(unchecked)
    private var top: UnsafeMutableRawPointer
    @exclusivity(unchecked)
    private var limit: UnsafeMutableRawPointer
    static let chunkSize = 1 << 20

    init() {
        top = UnsafeMutableRawPointer(bitPattern: 16)!
        limit = top
    }

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Room for a frame with `slots` local and stack slots.
    @inline(__always)
    func push(slots: Int) -> UnsafeMutablePointer<Frame> {
        let size = (Frame.byteCount(slots: slots) + 15) & ~15
        if top + size > limit { nextChunk(size) }
        let start = top
        top += size
        return start.bindMemory(to: Frame.self, capacity: 1)
    }

    /// Gives back the room of `frame`, the last frame pushed.
    @inline(__always)
    func pop(_ frame: UnsafeMutablePointer<Frame>) {
        let start = UnsafeMutableRawPointer(frame)
        if chunkIndex > 0 && start == chunks[chunkIndex] {
            chunkIndex -= 1
            limit = chunks[chunkIndex] + FrameStack.chunkSize
            top = savedTops.removeLast()
        } else {
            top = start
        }
    }

    /// Where `top` was in each earlier chunk when the next one was started.
    private var savedTops: [UnsafeMutableRawPointer] = []

    private func nextChunk(_ size: Int) {
        precondition(size <= FrameStack.chunkSize, "frame too large")
        if chunkIndex >= 0 { savedTops.append(top) }
        chunkIndex += 1
        if chunkIndex == chunks.count {
            chunks.append(.allocate(byteCount: FrameStack.chunkSize, alignment: 16))
        }
        top = chunks[chunkIndex]
        limit = top + FrameStack.chunkSize
    }
}
