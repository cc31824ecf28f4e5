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
