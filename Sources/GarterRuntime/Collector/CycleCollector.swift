/// An interpreter's cycle collector (CPython's Modules/gcmodule.c design):
/// container objects are tracked in three generations of intrusive lists;
/// a collection finds the objects only reachable from reference cycles,
/// finalizes them (PEP 442), clears weak references to them and breaks the
/// cycles with `clearReferences()`.
///
/// Tracking happens in `ObjectRef.allocate` for types whose
/// `trackedInstances` is set, untracking in `ObjectRef.deallocate`.
/// Collections run only on a thread holding the GIL, at points where any
/// Python code may run: `gc.collect()`, and the evaluation loop's breaker
/// (an allocation past the threshold raises `.collectionRequested` on the
/// allocating thread, which collects at its next backward jump or call),
/// never inside an allocation, where Swift code may hold borrowed references.
public final class CycleCollector {
    /// `gcRefs` of objects outside the generations being collected.
    static let notCollecting = Int32.min
    /// `gcRefs` of objects moved to the tentatively unreachable list.
    static let tentativelyUnreachable = Int32.min + 1

    /// The allocation path's part (generation 0's head and count).
    let state: UnsafeMutablePointer<CollectorState>
    /// Generations 0, 1 and 2 (0 is `state.youngest`).
    let generations: [GCList]
    /// Objects `gc.freeze()` moved out of every collection.
    let permanent = GCList.make()
    /// `gc.get_threshold()`.
    var thresholds = [700, 10, 10]
    /// Collections of the next younger generation since this one was
    /// collected (`counts[0]` is unused: generation 0 counts allocations in `state`).
    var counts = [0, 0, 0]
    var isEnabled = true
    /// A collection is running (nested requests return 0).
    var isCollecting = false
    /// `gc.set_debug()` flags.
    var debugFlags = 0
    /// Per generation: collections, objects collected, uncollectable.
    var statistics = Array(repeating: (collections: 0, collected: 0, uncollectable: 0), count: 3)
    /// Objects moved into generation 2 by generation-1 collections since the
    /// last full one, and generation 2's size after it (CPython's rule that a
    /// full collection waits until a quarter of the long-lived objects are new).
    var longLivedPending = 0
    var longLivedTotal = 0
    /// `gc.garbage` and `gc.callbacks` (lists, owned), made on first use.
    var garbageList: Value?
    var callbackList: Value?

    init(state: UnsafeMutablePointer<CollectorState>) {
        self.state = state
        generations = [GCList(head: state.pointee.youngest), GCList.make(), GCList.make()]
    }

    /// `gc.get_count()`.
    var currentCounts: (Int, Int, Int) { (state.pointee.count, counts[1], counts[2]) }

    /// Sets when the allocation path asks for a collection.
    func resetTrigger() {
        state.pointee.trigger = isEnabled && thresholds[0] > 0 && !isCollecting ? thresholds[0] : Int.max
    }

    // MARK: Tracking

    /// Links a newly allocated container into generation 0.
    @usableFromInline
    static func track(_ object: PyObject, _ state: UnsafeMutablePointer<CollectorState>) {
        GCList(head: state.pointee.youngest).append(Unmanaged.passUnretained(object).toOpaque())
        state.pointee.count &+= 1
        if state.pointee.count > state.pointee.trigger { requestCollection(state) }
    }

    /// Unlinks an object that is being freed (the count goes down, as CPython's).
    static func untrackDying(_ object: PyObject) {
        GCList.unlink(Unmanaged.passUnretained(object).toOpaque())
        object.withType { type in
            if type.collectorState.pointee.count > 0 { type.collectorState.pointee.count -= 1 }
        }
    }

    /// Stops tracking a live object (immortal objects, atom-only tuples).
    static func untrack(_ object: PyObject) {
        GCList.unlink(Unmanaged.passUnretained(object).toOpaque())
    }

    /// Starts tracking a live object again (into generation 0).
    static func retrack(_ object: PyObject) {
        guard object.gcNext == nil else { return }
        let state = object.withType { $0.collectorState }
        GCList(head: state.pointee.youngest).append(Unmanaged.passUnretained(object).toOpaque())
    }

    /// The count passed the threshold: ask the thread running here (it holds
    /// the GIL) to collect at its next safe point.
    @inline(never)
    static func requestCollection(_ state: UnsafeMutablePointer<CollectorState>) {
        guard let thread = Finalization.currentThread else {
            state.pointee.trigger = state.pointee.count + 700  // no Python thread here: ask again later
            return
        }
        state.pointee.trigger = Int.max
        thread.evalBreaker.raise(.collectionRequested)
    }
}

extension PyType {
    /// Makes the collector track instances of this type.
    func tracksInstances() {
        trackedInstances = collectorState
        flags.insert(.garbageCollected)
    }
}
