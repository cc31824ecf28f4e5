/// An iterator whose next step is Swift code (`enumerate`, `zip`, `map`,
/// `filter`, `reversed`): it owns the values the step reads.
public final class PyNativeIterator: PyObject {
    public typealias Step = (ThreadState) throws(EvalError) -> Value?

    var step: Step?
    /// Values kept alive for `step` (owned).
    let holds: [Value]

    public init(holds: [Value], type: PyType, step: @escaping Step) {
        self.holds = holds
        self.step = step
        super.init(type: type)
        for value in holds { value.retain() }
    }

    override public func releaseContents() {
        step = nil
        for value in holds { value.release() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for value in holds { visit(value) }
    }
}
