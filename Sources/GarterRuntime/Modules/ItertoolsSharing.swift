// The itertools objects that share one source between several iterators:
// `tee` (iterators reading one buffer) and `groupby` (a group iterator,
// `_grouper`, valid while its parent stays on that group).

/// Where the `tee` iterators of one source keep what they read: a linked
/// list of chunks, so the items every tee has passed are freed with the
/// chunks nobody references any more (CPython's teedataobject).
final class TeeChunk {
    static let capacity = 57

    let source: TeeSource
    /// Owned items, at most `capacity`.
    @exclusivity(unchecked)
    var items: [Value] = []
    @exclusivity(unchecked)
    var next: TeeChunk?

    init(source: TeeSource) {
        self.source = source
        items.reserveCapacity(TeeChunk.capacity)
    }

    deinit {
        for item in items { item.release() }
        // Unlink the chain one chunk at a time: letting `next` go would free
        // a long chain recursively.
        var link = next
        next = nil
        while isKnownUniquelyReferenced(&link) {
            let following = link!.next
            link!.next = nil
            link = following
        }
    }
}

/// The iterator all the tees of one group read from.
final class TeeSource {
    /// Owned.
    let iterator: Value
    /// Set while an item is being fetched: a tee re-entered from the
    /// source's own `__next__` would read an inconsistent buffer.
    var isFetching = false

    init(iterator: Value) { self.iterator = iterator }

    deinit { iterator.release() }
}

/// An `itertools._tee` object: a position in a shared buffer.
final class PyTee: PyObject {
    @exclusivity(unchecked)
    var chunk: TeeChunk?
    @exclusivity(unchecked)
    var index: Int

    init(chunk: TeeChunk, index: Int, type: PyType) {
        self.chunk = chunk
        self.index = index
        super.init(type: type)
    }

    override func releaseContents() { chunk = nil }
}

/// An `itertools.groupby` object.
final class PyGroupBy: PyObject {
    /// All owned: the source iterator, the key function (None: identity),
    /// the current item and its key, the key of the group being given.
    @exclusivity(unchecked)
    var iterator: Value
    let keyFunction: Value
    @exclusivity(unchecked)
    var currentValue: Value?
    @exclusivity(unchecked)
    var currentKey: Value?
    @exclusivity(unchecked)
    var targetKey: Value?
    /// Which `_grouper` is the live one: groupers remember the generation
    /// they were made in (CPython compares object pointers).
    @exclusivity(unchecked)
    var generation = 0

    init(iterator: Value, keyFunction: Value, type: PyType) {
        self.iterator = iterator
        self.keyFunction = keyFunction
        super.init(type: type)
    }

    /// Reads the next item and its key; false when the source is exhausted.
    func step(_ thread: ThreadState) throws(EvalError) -> Bool {
        guard let item = try thread.next(iterator) else { return false }
        let key: Value
        if keyFunction.isNone {
            item.retain()
            key = item
        } else {
            do throws(EvalError) { key = try thread.call(keyFunction, [item]) } catch {
                item.release()
                throw error
            }
        }
        let oldValue = currentValue
        let oldKey = currentKey
        currentValue = item
        currentKey = key
        oldValue?.release()
        oldKey?.release()
        return true
    }

    override func releaseContents() {
        iterator.release()
        keyFunction.release()
        currentValue?.release()
        currentKey?.release()
        targetKey?.release()
    }
}

/// An `itertools._grouper`: the items of one group of its parent.
final class PyGrouper: PyObject {
    let parent: PyGroupBy
    /// Owned.
    let targetKey: Value
    let generation: Int

    init(parent: PyGroupBy, targetKey: Value, type: PyType) {
        self.parent = parent
        self.targetKey = targetKey
        self.generation = parent.generation
        super.init(type: type)
        parent.incref()
        targetKey.retain()
    }

    override func releaseContents() {
        targetKey.release()
        parent.decref()
    }
}

extension Interpreter {
    func teeType() -> PyType {
        nativeType("_tee", module: "itertools") { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                try arguments.expect("_tee", 1...1)
                let iterator = try thread.iterate(arguments[0])
                defer { iterator.release() }
                return thread.makeTee(from: iterator, type: type)
            }
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let tee = value.as(PyTee.self)!
                guard var chunk = tee.chunk else { return nil }
                if tee.index == TeeChunk.capacity {
                    if chunk.next == nil { chunk.next = TeeChunk(source: chunk.source) }
                    chunk = chunk.next!
                    tee.chunk = chunk
                    tee.index = 0
                }
                if tee.index == chunk.items.count {
                    let source = chunk.source
                    if source.isFetching { throw .runtimeError("cannot re-enter the tee iterator") }
                    source.isFetching = true
                    defer { source.isFetching = false }
                    guard let item = try thread.next(source.iterator) else { return nil }
                    chunk.items.append(item)
                }
                let item = chunk.items[tee.index]
                tee.index += 1
                item.retain()
                return item
            }
            type.installSlots(slots, self)
            type.define("__copy__", self) { thread, value, _ throws(EvalError) in
                let tee = value.as(PyTee.self)!
                guard let chunk = tee.chunk else { throw .runtimeError("tee object is closed") }
                return .object(ObjectRef.allocate(PyTee(chunk: chunk, index: tee.index, type: thread.typeOf(value))))
            }
        }
    }

    func groupbyType() -> PyType {
        nativeType("groupby", module: "itertools") { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("groupby", ["iterable", "key"], required: 1)
                let iterator = try thread.iterate(bound[0]!)
                let key = bound[1] ?? .none
                key.retain()
                return .object(ObjectRef.allocate(PyGroupBy(iterator: iterator, keyFunction: key, type: type)))
            }
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let group = value.as(PyGroupBy.self)!
                group.generation += 1
                // Skip what is left of the current group.
                while true {
                    if let current = group.currentKey {
                        guard let target = group.targetKey else { break }
                        current.retain()
                        target.retain()
                        defer { current.release(); target.release() }
                        if !(try thread.equal(target, current)) { break }
                    }
                    if !(try group.step(thread)) { return nil }
                }
                guard let key = group.currentKey else { return nil }
                key.retain()
                let old = group.targetKey
                group.targetKey = key
                old?.release()
                let grouper = Value.object(ObjectRef.allocate(PyGrouper(parent: group, targetKey: key,
                                                                        type: thread.interpreter.grouperType())))
                key.retain()
                return thread.interpreter.newTuple([key, grouper])
            }
            type.installSlots(slots, self)
        }
    }

    func grouperType() -> PyType {
        nativeType("_grouper", module: "itertools", flags: []) { type in
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let grouper = value.as(PyGrouper.self)!
                let parent = grouper.parent
                guard parent.generation == grouper.generation else { return nil }
                if parent.currentValue == nil {
                    if !(try parent.step(thread)) { return nil }
                }
                guard let key = parent.currentKey else { return nil }
                // __eq__ may advance the groupby itself: hold both keys, and
                // take the value only if it is still there afterwards.
                let target = grouper.targetKey
                key.retain()
                target.retain()
                defer { key.release(); target.release() }
                guard try thread.equal(target, key), let item = parent.currentValue else { return nil }
                parent.currentValue = nil
                return item
            }
            type.installSlots(slots, self)
        }
    }
}

extension ThreadState {
    /// A tee over `iterator`: a copy when it is a tee already.
    func makeTee(from iterator: Value, type: PyType) -> Value {
        if let tee = iterator.as(PyTee.self), let chunk = tee.chunk {
            return .object(ObjectRef.allocate(PyTee(chunk: chunk, index: tee.index, type: type)))
        }
        iterator.retain()
        let chunk = TeeChunk(source: TeeSource(iterator: iterator))
        return .object(ObjectRef.allocate(PyTee(chunk: chunk, index: 0, type: type)))
    }

    /// `itertools.tee(iterable, n=2)`.
    func teeFunction(_ arguments: Arguments, teeType: PyType) throws(EvalError) -> Value {
        try arguments.expect("tee", 1...2)
        let count = arguments.positionalCount == 2 ? try sizeArgument(arguments[1]) : 2
        if count < 0 { throw .valueError("n must be >= 0") }
        let iterator = try iterate(arguments[0])
        defer { iterator.release() }
        if count == 0 { return interpreter.newTuple([]) }
        var results: [Value] = []
        let copyName = interpreter.internedString("__copy__")
        let first: Value
        if try lookupAttribute(iterator, copyName).map({ $0.release() }) != nil {
            iterator.retain()
            first = iterator
        } else {
            first = makeTee(from: iterator, type: teeType)
        }
        results.append(first)
        for _ in 1..<count {
            do throws(EvalError) {
                results.append(try callMethod(first, copyName, []))
            } catch {
                for result in results { result.release() }
                throw error
            }
        }
        return interpreter.newTuple(results)
    }
}
