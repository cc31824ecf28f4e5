/// Helpers for the `traverse` overrides of the object classes.
extension PyObject {
    /// This object as a value (borrowed): what a Swift field holding a
    /// counted reference to it passes to a `traverse` visitor.
    @inline(__always)
    final var referenceValue: Value { .object(ObjectRef(Unmanaged.passUnretained(self))) }
}

extension UnsafeMutablePointer where Pointee == Frame {
    /// Visits what a suspended frame holds counted references to: its
    /// header's objects, its locals and cells, and its value stack.
    func traverse(_ visit: (Value) -> Void) {
        let frame = pointee
        visit(.object(ObjectRef(.fromOpaque(frame.code.toOpaque()))))
        if let function = frame.function { visit(.object(ObjectRef(.fromOpaque(function.toOpaque())))) }
        visit(.object(ObjectRef(.fromOpaque(frame.globals.toOpaque()))))
        visit(.object(ObjectRef(.fromOpaque(frame.builtins.toOpaque()))))
        if let locals = frame.locals { visit(locals) }
        if let frameObject = frame.frameObject { visit(.object(ObjectRef(.fromOpaque(frameObject.toOpaque())))) }
        let used = frame.code._withUnsafeGuaranteedRef { $0.localCount } + frame.stackDepth
        let slots = localsPlus
        for index in 0..<used { if let value = slots[index] { visit(value) } }
    }
}
