/// A `collections.deque`: a ring buffer of owned values with an optional
/// maximum length. `state` changes on every structural mutation, so
/// iterators and searches that run Python code (comparisons) can tell the
/// deque changed under them, as CPython's do.
final class PyDeque: PyObject {
    /// The ring: `count` items from `head`, wrapping around; the capacity
    /// is a power of two so positions wrap with a mask. Unused slots hold None.
    @exclusivity(unchecked)
    private var storage: [Value]
    @exclusivity(unchecked)
    private var head = 0
    @exclusivity(unchecked)
    private(set) var count = 0
    /// nil: unbounded.
    @exclusivity(unchecked)
    var maxLength: Int?
    @exclusivity(unchecked)
    private(set) var state = 0

    override init(type: PyType) {
        storage = Array(repeating: .none, count: 8)
        super.init(type: type)
    }

    private var mask: Int { storage.count - 1 }

    /// Item `index` (0 ≤ index < count), borrowed.
    subscript(_ index: Int) -> Value {
        get { storage[(head + index) & mask] }
    }

    /// Replaces item `index`, taking over `value`'s reference and releasing
    /// the old one (not a structural change).
    func replace(at index: Int, with value: Value) {
        let position = (head + index) & mask
        let old = storage[position]
        storage[position] = value
        old.release()
    }

    var items: [Value] { (0..<count).map { self[$0] } }

    private func growIfFull() {
        guard count == storage.count else { return }
        var larger = [Value](repeating: .none, count: storage.count * 2)
        for index in 0..<count { larger[index] = self[index] }
        storage = larger
        head = 0
    }

    /// Appends on the right, taking over the reference; drops from the left
    /// past the maximum length.
    func append(_ value: Value) {
        if maxLength == 0 {
            value.release()
            return
        }
        growIfFull()
        storage[(head + count) & mask] = value
        count += 1
        state &+= 1
        if let maxLength, count > maxLength { popLeft()?.release() }
    }

    /// Appends on the left, taking over the reference; drops from the right
    /// past the maximum length.
    func appendLeft(_ value: Value) {
        if maxLength == 0 {
            value.release()
            return
        }
        growIfFull()
        head = (head - 1) & mask
        storage[head] = value
        count += 1
        state &+= 1
        if let maxLength, count > maxLength { pop()?.release() }
    }

    /// Removes the rightmost item (an owned reference), nil when empty.
    func pop() -> Value? {
        guard count > 0 else { return nil }
        let position = (head + count - 1) & mask
        let value = storage[position]
        storage[position] = .none
        count -= 1
        state &+= 1
        return value
    }

    /// Removes the leftmost item (an owned reference), nil when empty.
    func popLeft() -> Value? {
        guard count > 0 else { return nil }
        let value = storage[head]
        storage[head] = .none
        head = (head + 1) & mask
        count -= 1
        state &+= 1
        return value
    }

    /// Rotates `steps` to the right (negative: to the left).
    func rotate(_ steps: Int) {
        state &+= 1
        guard count > 1 else { return }
        var shift = steps % count
        if shift < 0 { shift += count }
        if shift == 0 { return }
        if count == storage.count {
            // Full ring: rotating is moving the head.
            head = (head - shift) & mask
            return
        }
        for _ in 0..<min(shift, count - shift) {
            if shift <= count / 2 {
                let value = storage[(head + count - 1) & mask]
                storage[(head + count - 1) & mask] = .none
                head = (head - 1) & mask
                storage[head] = value
            } else {
                let value = storage[head]
                storage[head] = .none
                storage[(head + count) & mask] = value
                head = (head + 1) & mask
            }
        }
    }

    func reverse() {
        var low = 0
        var high = count - 1
        while low < high {
            storage.swapAt((head + low) & mask, (head + high) & mask)
            low += 1
            high -= 1
        }
    }

    /// Removes item `index` (an owned reference).
    func remove(at index: Int) -> Value {
        rotate(-index)
        let value = popLeft()!
        rotate(index)
        return value
    }

    /// Removes every item; the caller releases them (after the deque is
    /// consistent again, since releasing may run Python code).
    func removeAll() -> [Value] {
        let old = items
        storage = Array(repeating: .none, count: 8)
        head = 0
        count = 0
        state &+= 1
        return old
    }

    override func releaseContents() {
        for value in removeAll() { value.release() }
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for index in 0..<count { visit(self[index]) }
    }

    override func clearReferences() {
        super.clearReferences()
        releaseContents()
    }
}

/// An iterator over a deque, forwards or backwards.
final class PyDequeIterator: PyObject {
    let deque: PyDeque
    @exclusivity(unchecked)
    var index: Int
    /// How many items are left to give.
    @exclusivity(unchecked)
    var remaining: Int
    let state: Int
    let isReversed: Bool

    init(deque: PyDeque, isReversed: Bool, type: PyType) {
        self.deque = deque
        self.isReversed = isReversed
        self.index = isReversed ? deque.count - 1 : 0
        self.remaining = deque.count
        self.state = deque.state
        super.init(type: type)
        deque.incref()
    }

    override func releaseContents() { deque.decref() }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(deque.referenceValue)
    }
}
