/// The global namespace of a module and the builtins: names to values.
///
/// A stand-in for the `dict` object the runtime does not have yet. Each name
/// gets a slot number the first time it is looked up or bound, and keeps it:
/// a missing or deleted name is an empty slot. Code objects cache the slot
/// numbers of the names they use (`LoadedCode.globalSlots`), so after the
/// first lookup a global costs an array read instead of hashing a string.
/// When globals become a real dict, the same cache will key on the dict's
/// version instead.
public final class Namespace: PyObject {
    @exclusivity(unchecked)
    var slots: [Value?] = []
    @exclusivity(unchecked)
    var slotNumbers: [String: Int] = [:]

    public subscript(name: String) -> Value? {
        guard let slot = slotNumbers[name] else { return nil }
        return slots[slot]
    }

    /// The slot of `name`, made (empty) if the name has none yet.
    func slot(for name: String) -> Int {
        if let slot = slotNumbers[name] { return slot }
        slots.append(nil)
        slotNumbers[name] = slots.count - 1
        return slots.count - 1
    }

    /// Binds `name`, taking over the caller's reference to `value`.
    public func set(_ name: String, _ value: Value) {
        set(slot: slot(for: name), value)
    }

    /// Binds the name of `slot`, taking over the caller's reference to `value`.
    @inline(__always)
    func set(slot: Int, _ value: Value) {
        let old = slots[slot]
        slots[slot] = value
        old?.release()
    }

    override public func releaseContents() {
        for value in slots { value?.release() }
        slots = []
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for value in slots { if let value { visit(value) } }
    }

    /// Empties the slots, keeping their numbering.
    override public func clearReferences() {
        super.clearReferences()
        let old = slots
        slots = Array(repeating: nil, count: old.count)
        for value in old { value?.release() }
    }
}
