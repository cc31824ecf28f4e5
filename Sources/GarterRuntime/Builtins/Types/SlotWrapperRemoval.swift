// A built-in type whose CPython twin lacks a wrapper that `installSlots`
// derives from a slot (list and tuple have no `__radd__`).

extension PyType {
    /// Drops a wrapper `installSlots` made that CPython's type does not have
    /// (the slot itself stays).
    func removeSlotWrapper(_ name: String, _ interpreter: Interpreter) {
        let key = interpreter.intern(name)
        defer { key.release() }
        if let old = try? dict.remove(key, hash: key.strObject!.hashValue, Interpreter.stringsOnly) { old.release() }
    }
}
