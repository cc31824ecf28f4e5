extension ThreadState {
    /// `sys._current_frames()`: each thread's innermost frame, keyed by its
    /// `threading.get_ident()`. The other threads do not run Python code
    /// while this one holds the GIL, so their frame chains are stable; a
    /// thread in a blocking call shows the frame that made the call.
    func currentFramesOfAllThreads() throws(EvalError) -> Value {
        let registry = interpreter.threadRegistry
        var threads: [ThreadState] = []
        if let main = registry.mainThread { threads.append(main) }
        for running in registry.runningThreads.values {
            let state = running.takeUnretainedValue()
            if !threads.contains(where: { $0 === state }) { threads.append(state) }
        }
        if !threads.contains(where: { $0 === self }) { threads.append(self) }
        let result = Value.object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
        do throws(EvalError) {
            for state in threads {
                guard let frame = state.currentFrame else { continue }
                let object = frameObject(for: frame)
                object.incref()
                let frameValue = Value.object(ObjectRef(Unmanaged.passUnretained(object)))
                defer { frameValue.release() }
                let key = interpreter.identValue(state.gilThread.ident)
                defer { key.release() }
                try setItem(result, key, frameValue)
            }
        } catch {
            result.release()
            throw error
        }
        return result
    }
}
