/// What the `gc` module shows of the collector: the tracked objects, who
/// refers to whom, freezing, statistics.
extension CycleCollector {
    /// The lists `gc.get_objects(generation)` reads: one generation, or all three.
    func lists(generation: Int?) -> [GCList] {
        generation.map { [generations[$0]] } ?? generations
    }

    /// Every tracked object of those lists (new references), except `excluding`.
    func objects(in lists: [GCList], excluding: PyObject? = nil) -> [Value] {
        var result: [Value] = []
        for list in lists {
            list.forEach { node in
                if let excluding, node == Unmanaged.passUnretained(excluding).toOpaque() { return }
                let value = node.gcValue
                value.retain()
                result.append(value)
            }
        }
        return result
    }

    /// The tracked objects that refer to any of `targets` (new references).
    func referrers(of targets: [Value], excluding: PyObject?) -> [Value] {
        var result: [Value] = []
        for list in generations {
            list.forEach { node in
                if let excluding, node == Unmanaged.passUnretained(excluding).toOpaque() { return }
                var refers = false
                node.gcObject._withUnsafeGuaranteedRef { object in
                    object.traverse { value in
                        if !refers && targets.contains(where: { $0.isIdentical(to: value) }) { refers = true }
                    }
                }
                if refers {
                    let value = node.gcValue
                    value.retain()
                    result.append(value)
                }
            }
        }
        return result
    }

    /// `gc.freeze()`: every tracked object moves to the permanent generation.
    func freeze() {
        for list in generations { list.merge(into: permanent) }
        state.pointee.count = 0
        counts = [0, 0, 0]
    }

    /// `gc.unfreeze()`: the permanent generation goes back to the oldest one.
    func unfreeze() {
        permanent.merge(into: generations[2])
    }
}

extension PyObject {
    /// Whether the collector tracks this object (`gc.is_tracked`).
    var isTrackedByCollector: Bool { gcNext != nil }

    /// Whether its type is one whose instances are collected (CPython's
    /// `_PyObject_IS_GC`): built-in types themselves are not.
    var isCollectable: Bool {
        !isImmortal && withType { $0.flags.contains(.garbageCollected) }
    }
}
