/// A Python value as the evaluation loop holds it.
///
/// Sixteen bytes of plain data: `None`, `bool`, `int` values that fit in a
/// machine word and every `float` are stored inline; everything else is a heap
/// object reached through an `ObjectRef`. Copying a `Value` costs no Swift
/// reference counting (the enum has no class payload, so the compiler treats
/// it as POD); Python's own reference count is kept in the object header and
/// changed only by `retain()`/`release()`. DESIGN.md §2 measured this layout
/// against the alternatives: it needed the fewest instructions per bytecode.
///
/// Invariant: an exact `int` that fits in `Int` is always `.int`, never a
/// heap `PyLong`, so equal small integers compare equal by representation.
/// (Instances of subclasses of `int` and `float` are heap objects of their
/// own type, whatever their value.)
@frozen
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case object(ObjectRef)
}

extension Value {
    /// Adds a reference (Py_INCREF).
    @inlinable @inline(__always)
    public func retain() {
        if case .object(let reference) = self { reference.retain() }
    }

    /// The value with a reference added: a new reference to return or store.
    @inlinable @inline(__always)
    public func retained() -> Value {
        retain()
        return self
    }

    /// Drops a reference (Py_DECREF); frees the object when it was the last.
    @inlinable @inline(__always)
    public func release() {
        if case .object(let reference) = self { reference.release() }
    }

    /// The heap object, if this value is one.
    @inlinable
    public var objectReference: ObjectRef? {
        if case .object(let reference) = self { return reference }
        return nil
    }

    /// `x is y`: identity for heap objects, equality of representation for
    /// inline values (which have no identity of their own).
    @inlinable
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}
