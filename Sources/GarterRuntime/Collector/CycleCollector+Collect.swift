import GarterSystem

/// The collection itself, step by step as CPython 3.11's gc_collect_main:
/// find the unreachable set of the generations collected, clear weak
/// references to it (running the callbacks of weak references that are
/// themselves reachable), run `__del__` once per object (PEP 442), put back
/// what the finalizers resurrected, and break the remaining cycles.
extension CycleCollector {
    /// The automatic collection the allocation count asked for (CPython's
    /// collect_generations): the oldest generation over its threshold,
    /// generation 2 only once a quarter of the long-lived objects are new.
    func collectAutomatically(_ thread: ThreadState) {
        defer { resetTrigger() }
        guard isEnabled, !isCollecting else { return }
        for generation in stride(from: 2, through: 0, by: -1) {
            let count = generation == 0 ? state.pointee.count : counts[generation]
            guard count > thresholds[generation] else { continue }
            if generation == 2 && longLivedPending < longLivedTotal / 4 { continue }
            _ = collect(generation: generation, thread: thread, reason: .automatic)
            return
        }
    }

    enum Reason { case automatic, manual }

    /// Collects `generation` and the younger ones, with `gc.callbacks`
    /// called around it; returns the number of unreachable objects found
    /// (collected + uncollectable), as `gc.collect()` does.
    func collect(generation: Int, thread: ThreadState, reason: Reason) -> Int {
        guard !isCollecting else { return 0 }
        isCollecting = true
        resetTrigger()
        defer {
            isCollecting = false
            resetTrigger()
        }
        runCallbacks("start", generation: generation, collected: 0, uncollectable: 0, thread: thread)
        let (collected, uncollectable) = collectMain(generation, thread: thread)
        statistics[generation].collections += 1
        statistics[generation].collected += collected
        statistics[generation].uncollectable += uncollectable
        runCallbacks("stop", generation: generation, collected: collected, uncollectable: uncollectable, thread: thread)
        return collected + uncollectable
    }

    private func collectMain(_ generation: Int, thread: ThreadState) -> (collected: Int, uncollectable: Int) {
        if debugFlags & GCDebug.stats != 0 {
            let sizes = generations.map(\.count).map(String.init).joined(separator: " ")
            thread.writeStandardError("gc: collecting generation \(generation)...\ngc: objects in each generation: \(sizes)\ngc: objects in permanent generation: \(permanent.count)\n")
        }
        let start = debugFlags & GCDebug.stats != 0 ? MonotonicClock.nanoseconds() : 0
        // The counts: this generation's next older one gains a collection,
        // this one and the younger ones start again.
        if generation + 1 < 3 { counts[generation + 1] += 1 }
        for younger in 0...generation { if younger == 0 { state.pointee.count = 0 } else { counts[younger] = 0 } }

        let young = generations[generation]
        for younger in 0..<generation { generations[younger].merge(into: young) }
        let old = generations[min(generation + 1, 2)]

        // Which objects of `young` are referenced from outside it.
        young.forEach { node in
            let count = node.gcObject._withUnsafeGuaranteedRef { $0.refcount }
            node.gcRefs = Int32(clamping: min(count, Int(Int32.max) - 1))
        }
        subtractInternalReferences(young)
        let unreachable = GCList.make()
        defer { unreachable.free() }
        moveUnreachable(from: young, to: unreachable)
        untrackAtomTuples(young)
        young.forEach { $0.gcRefs = CycleCollector.notCollecting }
        if young.head != old.head {
            if generation == 1 { longLivedPending += young.count }
            young.merge(into: old)
        } else {
            untrackAtomDicts(young)
            longLivedPending = 0
            longLivedTotal = young.count
        }

        if debugFlags & GCDebug.collectable != 0 {
            unreachable.forEach { node in
                thread.writeStandardError("gc: collectable <\(thread.typeOf(node.gcValue).name) \(hexAddress(node))>\n")
            }
        }
        var collected = clearWeakReferences(in: unreachable, old: old, thread: thread)
        finalize(unreachable, thread: thread)

        // Finalizers may have made some of the set reachable again.
        let finalUnreachable = GCList.make()
        defer { finalUnreachable.free() }
        unreachable.forEach { node in
            let count = node.gcObject._withUnsafeGuaranteedRef { $0.refcount }
            node.gcRefs = Int32(clamping: min(count, Int(Int32.max) - 1))
        }
        subtractInternalReferences(unreachable)
        moveUnreachable(from: unreachable, to: finalUnreachable)
        unreachable.forEach { node in
            node.gcRefs = CycleCollector.notCollecting
            old.moveIn(node)
        }

        collected += countAsCPython(finalUnreachable)
        deleteGarbage(finalUnreachable, old: old, thread: thread)

        if debugFlags & GCDebug.stats != 0 {
            let elapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
            thread.writeStandardError("gc: done, \(collected) unreachable, 0 uncollectable, \(CFormat.format("%.4f", elapsed))s elapsed\n")
        }
        return (collected, 0)
    }

    /// gc_refs -= 1 for every reference from an object of `list` to an
    /// object being collected.
    private func subtractInternalReferences(_ list: GCList) {
        list.forEach { node in
            node.gcObject._withUnsafeGuaranteedRef { object in
                object.traverse { value in
                    guard case .object(let reference) = value else { return }
                    reference.with { target in
                        if target.gcRefs >= 0 && target.gcNext != nil { target.gcRefs -= 1 }
                    }
                }
            }
        }
    }

    /// CPython's move_unreachable: objects with gc_refs 0 move to
    /// `unreachable` until something reachable refers to them, which moves
    /// them back to be scanned in turn. Afterwards `list` holds what is
    /// reachable and `unreachable` the rest (marked `tentativelyUnreachable`).
    private func moveUnreachable(from list: GCList, to unreachable: GCList) {
        var node = list.first
        while node != list.head {
            let next = node.gcNextNode
            if node.gcRefs > 0 {
                node.gcObject._withUnsafeGuaranteedRef { object in
                    object.traverse { value in
                        guard case .object(let reference) = value else { return }
                        let target = reference.unmanaged.toOpaque()
                        let refs = reference.with { $0.gcNext == nil ? CycleCollector.notCollecting : $0.gcRefs }
                        if refs == CycleCollector.tentativelyUnreachable {
                            list.moveIn(target)
                            target.gcRefs = 1
                        } else if refs == 0 {
                            target.gcRefs = 1
                        }
                    }
                }
                // The object's references may have moved objects behind it.
                node = node.gcNextNode
            } else {
                unreachable.moveIn(node)
                node.gcRefs = CycleCollector.tentativelyUnreachable
                node = next
            }
        }
    }

    /// CPython untracks tuples whose items can never be part of a cycle
    /// (atoms and untracked objects); they cannot change, so this stays true.
    private func untrackAtomTuples(_ list: GCList) {
        list.forEach { node in
            node.gcObject._withUnsafeGuaranteedRef { object in
                guard let tuple = object as? PyTuple, !tuple.withType({ $0.isHeapType }) else { return }
                for item in tuple.items {
                    if case .object(let reference) = item, reference.with({ $0.gcNext != nil }) { return }
                }
                tuple.gcRefs = CycleCollector.notCollecting
                CycleCollector.untrack(tuple)
            }
        }
    }

    /// Full collections untrack dicts that hold only atoms (they are tracked
    /// again when a container is stored in them).
    private func untrackAtomDicts(_ list: GCList) {
        list.forEach { node in
            node.gcObject._withUnsafeGuaranteedRef { object in
                guard let dict = object as? PyDict, !dict.withType({ $0.isHeapType }),
                      dict.withType({ $0.trackedInstances == nil }), dict.holdsOnlyAtoms else { return }
                CycleCollector.untrack(dict)
            }
        }
    }

    /// Clears the weak references to unreachable objects, then calls the
    /// callbacks of those that are themselves reachable (the others are
    /// garbage too: their callbacks are dropped, as in CPython). Returns how
    /// many weak references the callbacks' pass freed.
    private func clearWeakReferences(in unreachable: GCList, old: GCList, thread: ThreadState) -> Int {
        var pending: [(PyWeakReference, Value)] = []
        unreachable.forEach { node in
            let reference = ObjectRef(node.gcObject)
            guard reference.with({ $0.objectFlags.contains(.hasWeakReferences) }) else { return }
            reference.with { $0.objectFlags.remove(.hasWeakReferences) }
            guard let references = thread.interpreter.weakReferences.removeValue(forKey: reference) else { return }
            for weak in references.reversed() {
                let object = weak.takeUnretainedValue()
                object.target = nil
                guard let callback = object.callback else { continue }
                if object.gcNext != nil && object.gcRefs == CycleCollector.tentativelyUnreachable { continue }
                object.callback = nil
                object.incref()
                pending.append((object, callback))
            }
        }
        return Finalization.callWeakReferenceCallbacks(pending, thread: thread)
    }

    /// Runs `__del__` of each unreachable object that has one and has not
    /// run it yet, holding a reference meanwhile.
    private func finalize(_ unreachable: GCList, thread: ThreadState) {
        let seen = GCList.make()
        defer { seen.free() }
        while !unreachable.isEmpty {
            let node = unreachable.first
            seen.moveIn(node)
            let value = node.gcValue
            if node.gcObject._withUnsafeGuaranteedRef({ $0.objectFlags.contains(.finalized) }) { continue }
            if let generator = value.as(PyGenerator.self) {
                closeGenerator(generator, value, thread: thread)
                continue
            }
            let type = thread.typeOf(value)
            guard type.flags.contains(.hasFinalizer), let finalizer = type.slots.finalize else { continue }
            node.gcObject._withUnsafeGuaranteedRef { $0.objectFlags.insert(.finalized) }
            value.retain()
            do {
                try finalizer(thread, value)
            } catch {
                thread.reportUnraisable(error, context: "Exception ignored in: ", object: thread.finalizerDescription(value))
            }
            value.release()
        }
        seen.merge(into: unreachable)
    }

    /// A generator's finalizer (CPython's _PyGen_Finalize) closes it:
    /// GeneratorExit at its pending yield, so its `finally` blocks run.
    private func closeGenerator(_ generator: PyGenerator, _ value: Value, thread: ThreadState) {
        guard generator.state == .suspended || generator.state == .created else { return }
        generator.objectFlags.insert(.finalized)
        value.retain()
        do {
            try thread.closeGenerator(generator)
        } catch {
            thread.reportUnraisable(error, context: "Exception ignored in: ", object: (try? thread.reprText(value)) ?? "generator")
        }
        value.release()
    }

    /// Breaks the cycles of what is left (or, with DEBUG_SAVEALL, keeps it
    /// in `gc.garbage`). Clearing one object usually frees others of the
    /// set; an object still alive after its clear goes to `old`.
    private func deleteGarbage(_ doomed: GCList, old: GCList, thread: ThreadState) {
        let saveAll = debugFlags & GCDebug.saveAll != 0
        while !doomed.isEmpty {
            let node = doomed.first
            node.gcRefs = CycleCollector.notCollecting
            let value = node.gcValue
            if saveAll {
                if case .object(let list) = garbage(thread), let list = list.with({ $0 as? PyList }) {
                    value.retain()
                    list.items.append(value)
                }
            } else {
                value.retain()
                node.gcObject._withUnsafeGuaranteedRef { $0.clearReferences() }
                value.release()
            }
            if doomed.first == node { old.moveIn(node) }
        }
    }

    /// The number of objects CPython 3.11 would count for this set: an
    /// instance of a class keeps its attributes in the object itself there
    /// (no dict object until `__dict__` is asked for), so an instance dict
    /// referred to only by its instance is not counted.
    private func countAsCPython(_ garbage: GCList) -> Int {
        var count = 0
        garbage.forEach { node in
            count += 1
            node.gcObject._withUnsafeGuaranteedRef { object in
                guard let dict = object.instanceDictReference, object is PyInstance,
                      object.withType({ $0.isHeapType && !$0.flags.contains(.exceptionSubclass) }) else { return }
                if dict._withUnsafeGuaranteedRef({ $0.refcount == 1 && $0.gcNext != nil }) { count -= 1 }
            }
        }
        return count
    }

    private func hexAddress(_ node: UnsafeMutableRawPointer) -> String {
        "0x" + String(UInt(bitPattern: Int(bitPattern: node)), radix: 16)
    }

    // MARK: gc.garbage and gc.callbacks

    /// `gc.garbage` (borrowed).
    func garbage(_ thread: ThreadState) -> Value {
        if let garbageList { return garbageList }
        let list = thread.interpreter.newList([])
        garbageList = list
        return list
    }

    /// `gc.callbacks` (borrowed).
    func callbacks(_ thread: ThreadState) -> Value {
        if let callbackList { return callbackList }
        let list = thread.interpreter.newList([])
        callbackList = list
        return list
    }

    /// Calls each of `gc.callbacks` with the phase and an info dict.
    private func runCallbacks(_ phase: String, generation: Int, collected: Int, uncollectable: Int, thread: ThreadState) {
        guard let callbackList, let list = callbackList.as(PyList.self), !list.items.isEmpty else { return }
        let interpreter = thread.interpreter
        let info = interpreter.newDict()
        interpreter.setItem(info, "generation", .int(generation))
        interpreter.setItem(info, "collected", .int(collected))
        interpreter.setItem(info, "uncollectable", .int(uncollectable))
        let phaseValue = interpreter.newString(phase)
        let infoValue = Value.object(ObjectRef(Unmanaged.passUnretained(info as PyObject)))
        // A copy: callbacks may change the list.
        let callbacks = list.items
        for callback in callbacks { callback.retain() }
        for callback in callbacks {
            do {
                try thread.call(callback, [phaseValue, infoValue]).release()
            } catch {
                thread.reportUnraisable(error, context: "Exception ignored in: ", object: (try? thread.reprText(callback)) ?? "")
            }
            callback.release()
        }
        phaseValue.release()
        infoValue.release()
    }
}

/// `gc.DEBUG_*`.
enum GCDebug {
    static let stats = 1
    static let collectable = 2
    static let uncollectable = 4
    static let saveAll = 32
    static let leak = collectable | uncollectable | saveAll
}
