// `gc`: the interface to the cycle collector (Collector/), as CPython 3.11's.

extension Interpreter {
    func makeGCModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("gc", doc: "This module provides access to the garbage collector for reference cycles.") { module, define throws(EvalError) in
            let collector = collector
            for (name, value) in [("DEBUG_STATS", GCDebug.stats), ("DEBUG_COLLECTABLE", GCDebug.collectable),
                                  ("DEBUG_UNCOLLECTABLE", GCDebug.uncollectable), ("DEBUG_SAVEALL", GCDebug.saveAll),
                                  ("DEBUG_LEAK", GCDebug.leak)] {
                setItem(module.dict, name, .int(value))
            }
            let garbage = collector.garbage(thread)
            garbage.retain()
            setItem(module.dict, "garbage", garbage)
            let callbacks = collector.callbacks(thread)
            callbacks.retain()
            setItem(module.dict, "callbacks", callbacks)

            define("collect") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("collect", ["generation"], required: 0)
                let generation = try bound[0].map { value throws(EvalError) in try thread.cLong(value) } ?? 2
                guard (0...2).contains(generation) else { throw .valueError("invalid generation") }
                return .int(thread.interpreter.collector.collect(generation: generation, thread: thread, reason: .manual))
            }
            define("enable") { thread, arguments throws(EvalError) in
                try arguments.expect("enable", 0...0)
                thread.interpreter.collector.isEnabled = true
                thread.interpreter.collector.resetTrigger()
                return .none
            }
            define("disable") { thread, arguments throws(EvalError) in
                try arguments.expect("disable", 0...0)
                thread.interpreter.collector.isEnabled = false
                thread.interpreter.collector.resetTrigger()
                return .none
            }
            define("isenabled") { thread, arguments throws(EvalError) in
                try arguments.expect("isenabled", 0...0)
                return .bool(thread.interpreter.collector.isEnabled)
            }
            define("get_count") { thread, arguments throws(EvalError) in
                try arguments.expect("get_count", 0...0)
                let (a, b, c) = thread.interpreter.collector.currentCounts
                return thread.interpreter.newTuple([.int(a), .int(b), .int(c)])
            }
            define("get_threshold") { thread, arguments throws(EvalError) in
                try arguments.expect("get_threshold", 0...0)
                return thread.interpreter.newTuple(thread.interpreter.collector.thresholds.map { .int($0) })
            }
            define("set_threshold") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("set_threshold")
                let count = arguments.positionalCount
                guard count >= 1 else { throw .typeError("set_threshold() takes at least 1 argument (0 given)") }
                guard count <= 3 else { throw .typeError("set_threshold() takes at most 3 arguments (\(count) given)") }
                var values: [Int] = []
                for index in 0..<count {
                    let value = try thread.cLong(arguments[index])
                    guard let narrow = Int32(exactly: value) else {
                        throw .overflowError(value > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum")
                    }
                    values.append(Int(narrow))
                }
                let collector = thread.interpreter.collector
                for (index, value) in values.enumerated() { collector.thresholds[index] = value }
                collector.resetTrigger()
                return .none
            }
            define("get_objects") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("get_objects", ["generation"], required: 0)
                var generation: Int?
                if let value = bound[0], !value.isNone, case let number = try thread.cLong(value), number != -1 {
                    if number >= 3 { throw .valueError("generation parameter must be less than the number of available generations (3)") }
                    if number < 0 { throw .valueError("generation parameter cannot be negative") }
                    generation = number
                }
                let collector = thread.interpreter.collector
                return thread.interpreter.newList(collector.objects(in: collector.lists(generation: generation)))
            }
            define("get_referrers") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("get_referrers")
                let targets = (0..<arguments.positionalCount).map { arguments[$0] }
                return thread.interpreter.newList(thread.interpreter.collector.referrers(of: targets, excluding: nil))
            }
            define("get_referents") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("get_referents")
                var result: [Value] = []
                for index in 0..<arguments.positionalCount {
                    guard case .object(let reference) = arguments[index], reference.with({ $0.isCollectable }) else { continue }
                    reference.with { object in
                        object.traverse { value in
                            value.retain()
                            result.append(value)
                        }
                    }
                }
                return thread.interpreter.newList(result)
            }
            define("is_tracked") { thread, arguments throws(EvalError) in
                try arguments.expect("is_tracked", 1...1)
                guard case .object(let reference) = arguments[0] else { return .bool(false) }
                return .bool(reference.with { $0.isTrackedByCollector })
            }
            define("is_finalized") { thread, arguments throws(EvalError) in
                try arguments.expect("is_finalized", 1...1)
                guard case .object(let reference) = arguments[0] else { return .bool(false) }
                return .bool(reference.with { $0.isCollectable && $0.objectFlags.contains(.finalized) })
            }
            define("freeze") { thread, arguments throws(EvalError) in
                try arguments.expect("freeze", 0...0)
                thread.interpreter.collector.freeze()
                return .none
            }
            define("unfreeze") { thread, arguments throws(EvalError) in
                try arguments.expect("unfreeze", 0...0)
                thread.interpreter.collector.unfreeze()
                return .none
            }
            define("get_freeze_count") { thread, arguments throws(EvalError) in
                try arguments.expect("get_freeze_count", 0...0)
                return .int(thread.interpreter.collector.permanent.count)
            }
            define("get_stats") { thread, arguments throws(EvalError) in
                try arguments.expect("get_stats", 0...0)
                let interpreter = thread.interpreter
                return interpreter.newList(interpreter.collector.statistics.map { entry in
                    let dict = interpreter.newDict()
                    interpreter.setItem(dict, "collections", .int(entry.collections))
                    interpreter.setItem(dict, "collected", .int(entry.collected))
                    interpreter.setItem(dict, "uncollectable", .int(entry.uncollectable))
                    return dict.referenceValue
                })
            }
            define("set_debug") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("set_debug", ["flags"], required: 1)
                thread.interpreter.collector.debugFlags = try thread.cLong(bound[0]!)
                return .none
            }
            define("get_debug") { thread, arguments throws(EvalError) in
                try arguments.expect("get_debug", 0...0)
                return .int(thread.interpreter.collector.debugFlags)
            }
        }
    }
}
