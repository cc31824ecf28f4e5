/// `weakref.ref(obj, callback)`: refers to an object without keeping it
/// alive. When the object dies the reference is cleared (calling it
/// gives None) and its callback, if any, is called with the reference.
public final class PyWeakReference: PyObject {
    /// The referent, not counted; nil once it died.
    @exclusivity(unchecked)
    var target: ObjectRef?
    /// The callback (owned), dropped after it ran.
    @exclusivity(unchecked)
    var callback: Value?
    /// `hash(target)`, kept once computed so the reference stays hashable after the target dies.
    var cachedHash: Int?
    /// A proxy (`weakref.proxy`) rather than a reference.
    let isProxy: Bool

    init(target: ObjectRef, callback: Value?, isProxy: Bool, type: PyType) {
        self.target = target
        self.callback = callback
        self.isProxy = isProxy
        super.init(type: type)
        callback?.retain()
    }

    override public func releaseContents() {
        if let target {
            Finalization.forget(self, of: target)
            self.target = nil
        }
        let old = callback
        callback = nil
        old?.release()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let callback { visit(callback) }
    }

    override public func clearReferences() {
        super.clearReferences()
        releaseContents()
    }
}
