/// What the allocation path needs of an interpreter's cycle collector, in
/// raw memory every type of the interpreter points at (`PyType.collectorState`):
/// the youngest generation's list head and the allocation count. Tracking an
/// object is a few stores and an add, with no Swift reference counting.
public struct CollectorState {
    /// The list head (a sentinel object) of generation 0.
    let youngest: UnsafeMutableRawPointer
    /// Tracked allocations minus deallocations since generation 0 was last
    /// collected (CPython's `generations[0].count`).
    var count: Int
    /// The count above which a collection is requested: the first
    /// threshold, or `Int.max` while disabled or already requested.
    var trigger: Int

    /// A fresh state, never freed: it lives as long as the interpreter's types.
    static func allocate() -> UnsafeMutablePointer<CollectorState> {
        let state = UnsafeMutablePointer<CollectorState>.allocate(capacity: 1)
        state.initialize(to: CollectorState(youngest: GCList.makeHead(), count: 0, trigger: 700))
        return state
    }
}

/// A circular doubly linked list of tracked objects threaded through their
/// headers (`gcNext`/`gcPrev`), as CPython's PyGC_Head lists. The head is a
/// sentinel object that is never freed and never looked at as a Python object.
struct GCList {
    let head: UnsafeMutableRawPointer

    /// A new empty list's head (an immortal bare object linked to itself).
    static func makeHead() -> UnsafeMutableRawPointer {
        let sentinel = PyObject(typeSetLater: ())
        let node = Unmanaged.passRetained(sentinel).toOpaque()
        sentinel.gcNext = node
        sentinel.gcPrev = node
        return node
    }

    /// A list with a new head, for the collector's temporary sets.
    static func make() -> GCList { GCList(head: makeHead()) }

    /// Gives back a temporary list's head (the list must be empty).
    func free() {
        Unmanaged<PyObject>.fromOpaque(head).release()
    }

    var isEmpty: Bool { head.gcNextNode == head }
    var first: UnsafeMutableRawPointer { head.gcNextNode }

    var count: Int {
        var result = 0
        var node = head.gcNextNode
        while node != head {
            result += 1
            node = node.gcNextNode
        }
        return result
    }

    /// Links an untracked object at the end.
    @inline(__always)
    func append(_ node: UnsafeMutableRawPointer) {
        let last = head.gcPrevNode
        node.gcObject._withUnsafeGuaranteedRef { object in
            object.gcPrev = last
            object.gcNext = head
        }
        last.gcNextNode = node
        head.gcPrevNode = node
    }

    /// Unlinks a tracked object from whatever list holds it.
    @inline(__always)
    static func unlink(_ node: UnsafeMutableRawPointer) {
        let (previous, next) = node.gcObject._withUnsafeGuaranteedRef { object in
            let links = (object.gcPrev.unsafelyUnwrapped, object.gcNext.unsafelyUnwrapped)
            object.gcPrev = nil
            object.gcNext = nil
            return links
        }
        previous.gcNextNode = next
        next.gcPrevNode = previous
    }

    /// Moves a tracked object from its list to the end of this one.
    @inline(__always)
    func moveIn(_ node: UnsafeMutableRawPointer) {
        GCList.unlink(node)
        append(node)
    }

    /// Moves every object of this list to the end of `other`.
    func merge(into other: GCList) {
        guard !isEmpty else { return }
        let first = head.gcNextNode, last = head.gcPrevNode
        let tail = other.head.gcPrevNode
        tail.gcNextNode = first
        first.gcPrevNode = tail
        last.gcNextNode = other.head
        other.head.gcPrevNode = last
        head.gcNextNode = head
        head.gcPrevNode = head
    }

    /// Calls `body` with each object; `body` may unlink the object it gets
    /// (the next one is read first), but nothing else.
    func forEach(_ body: (UnsafeMutableRawPointer) -> Void) {
        var node = head.gcNextNode
        while node != head {
            let next = node.gcNextNode
            body(node)
            node = next
        }
    }
}

extension UnsafeMutableRawPointer {
    /// The tracked object this list node is.
    @inline(__always)
    var gcObject: Unmanaged<PyObject> { Unmanaged.fromOpaque(self) }

    @inline(__always)
    var gcNextNode: UnsafeMutableRawPointer {
        get { gcObject._withUnsafeGuaranteedRef { $0.gcNext.unsafelyUnwrapped } }
        nonmutating set { gcObject._withUnsafeGuaranteedRef { $0.gcNext = newValue } }
    }

    @inline(__always)
    var gcPrevNode: UnsafeMutableRawPointer {
        get { gcObject._withUnsafeGuaranteedRef { $0.gcPrev.unsafelyUnwrapped } }
        nonmutating set { gcObject._withUnsafeGuaranteedRef { $0.gcPrev = newValue } }
    }

    @inline(__always)
    var gcRefs: Int32 {
        get { gcObject._withUnsafeGuaranteedRef { $0.gcRefs } }
        nonmutating set { gcObject._withUnsafeGuaranteedRef { $0.gcRefs = newValue } }
    }

    /// The object as a value (borrowed).
    @inline(__always)
    var gcValue: Value { .object(ObjectRef(gcObject)) }
}
