/// The global namespace of a module and the builtins: names to values.
///
/// A stand-in for the `dict` object the runtime does not have yet: the
/// evaluation loop reads and writes globals through it, so only this type
/// changes when globals become a real dict.
public final class Namespace: PyObject {
    @exclusivity(unchecked)
    public var entries: [String: Value] = [:]

    public subscript(name: String) -> Value? {
        entries[name]
    }

    /// Binds `name`, taking over the caller's reference to `value`.
    public func set(_ name: String, _ value: Value) {
        let old = entries.updateValue(value, forKey: name)
        old?.release()
    }

    override public func releaseContents() {
        for value in entries.values { value.release() }
        entries = [:]
    }
}
