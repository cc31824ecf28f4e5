#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happens when an object with `__del__` or weak references dies
/// (CPython's PyObject_CallFinalizerFromDealloc and PyObject_ClearWeakRefs):
/// `__del__` runs first, once (it may resurrect the object), then the weak
/// references are cleared and their callbacks called, newest first.
///
/// Objects do not know their interpreter, so this finds the thread state
/// running on the current OS thread (a thread-local set when a thread state
/// starts running code), which holds the GIL and so may run Python code.
enum Finalization {
    /// The thread-local slot of the running `ThreadState` (an immutable key).
    static let currentThreadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The thread state running on this OS thread, if any.
    static var currentThread: ThreadState? {
        guard let pointer = pthread_getspecific(currentThreadKey) else { return nil }
        return Unmanaged<ThreadState>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Makes `thread` the one running on this OS thread.
    static func setCurrent(_ thread: ThreadState?) {
        pthread_setspecific(currentThreadKey, thread.map { Unmanaged.passUnretained($0).toOpaque() })
    }

    /// Runs `__del__` and clears weak references of an object whose count
    /// reached zero. Returns false when `__del__` resurrected it.
    static func finalize(_ reference: ObjectRef) -> Bool {
        guard let thread = currentThread else { return true }
        let value = Value.object(reference)
        let type = thread.typeOf(value)
        if type.flags.contains(.hasFinalizer), let finalizer = type.slots.finalize,
           !reference.with({ $0.objectFlags.contains(.finalized) }) {
            reference.with {
                $0.objectFlags.insert(.finalized)
                $0.refcount = 1  // alive while __del__ runs
            }
            do {
                try finalizer(thread, value)
            } catch {
                thread.reportUnraisable(error, context: "Exception ignored in: ", object: thread.finalizerDescription(value))
            }
            let remaining = reference.with { object -> Int in
                object.refcount -= 1
                return object.refcount
            }
            if remaining > 0 { return false }
        }
        if reference.with({ $0.objectFlags.contains(.hasWeakReferences) }) {
            // The object is dying (count 0): a callback that runs the
            // collector must not find it tracked and free it a second time
            // (CPython's subtype_dealloc untracks first, too).
            reference.with { object in if object.gcNext != nil { CycleCollector.untrackDying(object) } }
            clearWeakReferences(of: reference, thread: thread)
        }
        return true
    }

    /// Clears every weak reference to a dying object, then calls their
    /// callbacks (newest first), each with its reference.
    static func clearWeakReferences(of reference: ObjectRef, thread: ThreadState) {
        guard let references = thread.interpreter.weakReferences.removeValue(forKey: reference) else { return }
        var pending: [(PyWeakReference, Value)] = []
        for weak in references.reversed() {
            let object = weak.takeUnretainedValue()
            object.target = nil
            if let callback = object.callback {
                object.callback = nil
                object.incref()
                pending.append((object, callback))
            }
        }
        _ = callWeakReferenceCallbacks(pending, thread: thread)
    }

    /// Calls each callback with its weak reference (both owned: the pair
    /// is consumed); errors are reported, not raised. Returns how many of
    /// the weak references died once their callback was done with them.
    static func callWeakReferenceCallbacks(_ pending: [(PyWeakReference, Value)], thread: ThreadState) -> Int {
        var freed = 0
        for (weak, callback) in pending {
            let weakValue = Value.object(ObjectRef(Unmanaged.passUnretained(weak)))
            do {
                try thread.call(callback, [weakValue]).release()
            } catch {
                thread.reportUnraisable(error, context: "Exception ignored in: ", object: (try? thread.reprText(callback)) ?? "callback")
            }
            callback.release()
            if weak.refcount == 1 { freed += 1 }
            weakValue.release()
        }
        return freed
    }

    /// A reference dies before its target: unregister it.
    static func forget(_ weak: PyWeakReference, of target: ObjectRef) {
        guard let thread = currentThread else { return }
        guard var list = thread.interpreter.weakReferences[target] else { return }
        list.removeAll { $0.toOpaque() == Unmanaged.passUnretained(weak).toOpaque() }
        if list.isEmpty {
            thread.interpreter.weakReferences[target] = nil
            target.with { $0.objectFlags.remove(.hasWeakReferences) }
        } else {
            thread.interpreter.weakReferences[target] = list
        }
    }
}

extension ThreadState {
    /// CPython's "Exception ignored in: ..." report for errors nobody can catch.
    func reportUnraisable(_ error: EvalError, context: String, object: String) {
        let exception = normalize(error, newlyRaised: false)
        defer { Value.object(exception).release() }
        output.flush()
        interpreter.writeStandardError(context + object + "\n" + formatException(.object(exception)))
    }

    func finalizerDescription(_ value: Value) -> String {
        guard let method = typeOf(value).lookup(interpreter.names.__del__) else { return defaultRepr(value) }
        return (try? reprText(method)) ?? "<__del__>"
    }
}
