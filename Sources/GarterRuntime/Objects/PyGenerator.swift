/// A generator, coroutine or async generator: a suspended frame of its
/// own, resumed by `send`, `throw` and `close`.
///
/// The frame is moved off the thread's frame stack into memory the
/// generator owns when RETURN_GENERATOR runs (CPython 3.11 copies it the
/// same way), so it survives the call that made it.
public final class PyGenerator: PyObject {
    public enum Kind { case generator, coroutine, asyncGenerator }
    public enum State { case created, suspended, running, finished }

    public let kind: Kind
    @exclusivity(unchecked)
    var state: State = .created
    /// The frame (header and slots), owned; nil once finished.
    @exclusivity(unchecked)
    var frame: UnsafeMutablePointer<Frame>?
    public var name: Value
    public var qualifiedName: Value
    /// The exception being handled inside the generator while it is suspended.
    var savedException: Value = .none
    /// A coroutine already being awaited by someone.
    var isAwaited = false
    /// An async generator with an `asend`/`athrow` awaitable in progress.
    var isRunningAsync = false
    /// Whether `sys.set_asyncgen_hooks`' first-iteration hook ran for it.
    var asyncHooksCalled = false
    /// The finalizer hook in force at the first iteration (owned): called
    /// with the generator if it is dropped unfinished.
    var asyncFinalizer: Value = .none
    let code: LoadedCode

    init(kind: Kind, frame: UnsafeMutablePointer<Frame>, code: LoadedCode, name: Value, qualifiedName: Value, type: PyType) {
        self.kind = kind
        self.frame = frame
        self.code = code
        self.name = name
        self.qualifiedName = qualifiedName
        super.init(type: type)
        code.incref()
        name.retain()
        qualifiedName.retain()
    }

    /// Frees the frame once the generator has finished or is collected.
    func dropFrame() {
        guard let frame else { return }
        self.frame = nil
        frame.release(stackDepth: frame.pointee.stackDepth)
        UnsafeMutableRawPointer(frame).deallocate()
    }

    override public func releaseContents() {
        dropFrame()
        code.decref()
        name.release()
        qualifiedName.release()
        savedException.release()
        savedException = .none
        asyncFinalizer.release()
        asyncFinalizer = .none
    }

    /// A running generator's frame is on the thread's stack, changing: it
    /// is not visited (the generator is reachable from that thread anyway).
    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(code.referenceValue)
        visit(name)
        visit(qualifiedName)
        visit(savedException)
        if state != .running, let frame { frame.traverse(visit) }
    }

    override public func clearReferences() {
        super.clearReferences()
        guard state != .running else { return }
        state = .finished
        dropFrame()
        let old = savedException
        savedException = .none
        old.release()
    }

    var typeDescription: String {
        switch kind {
        case .generator: return "generator"
        case .coroutine: return "coroutine"
        case .asyncGenerator: return "async_generator"
        }
    }
}

/// What an async generator yields, wrapped so its `__anext__` awaitable can
/// tell a yielded value from one passed through from an awaited coroutine.
public final class PyAsyncGeneratorValue: PyObject {
    let value: Value

    init(value: Value, type: PyType) {
        self.value = value
        super.init(type: type)
    }

    override public func releaseContents() { value.release() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(value)
    }
}

/// The awaitables of an async generator's `asend`/`__anext__`, `athrow`
/// and `aclose` (CPython's async_generator_asend and _athrow): each drives
/// the generator one step and turns a yielded (wrapped) value into
/// StopIteration, passing anything else up to the event loop.
public final class PyAsyncGeneratorStep: PyObject {
    public enum Operation { case send, throwing, close }
    public enum State { case initial, iterating, closed }

    let generator: PyGenerator
    let operation: Operation
    /// The value `asend` sends first (owned).
    let sendValue: Value
    /// What `athrow` throws first (owned until used).
    var pendingError: EvalError?
    var state: State = .initial

    init(generator: PyGenerator, operation: Operation, sendValue: Value, error: EvalError?, type: PyType) {
        self.generator = generator
        self.operation = operation
        self.sendValue = sendValue
        self.pendingError = error
        super.init(type: type)
        generator.incref()
    }

    override public func releaseContents() {
        generator.decref()
        sendValue.release()
        pendingError?.discard()
        pendingError = nil
    }
}
