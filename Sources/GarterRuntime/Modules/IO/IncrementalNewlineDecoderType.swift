// `_io.IncrementalNewlineDecoder`: wraps an incremental decoder (or none,
// for str input), holds back a final "\r" until the next call, records the
// newline kinds seen and, with `translate`, turns \r\n and \r into \n.

final class PyNewlineDecoder: PyObject {
    /// The wrapped decoder (owned), None for str input.
    @exclusivity(unchecked) var decoder: Value = .none
    @exclusivity(unchecked) var translate = false
    @exclusivity(unchecked) var pendingCR = false
    /// LF 1, CR 2, CRLF 4.
    @exclusivity(unchecked) var seen = 0
    @exclusivity(unchecked) var isInitialized = false

    override func releaseContents() {
        decoder.release()
        decoder = .none
    }

    func checkInitialized() throws(EvalError) {
        if !isInitialized { throw .valueError("IncrementalNewlineDecoder.__init__() not called") }
    }
}

extension Interpreter {
    func incrementalNewlineDecoderType() -> PyType {
        nativeType("IncrementalNewlineDecoder", module: "_io", flags: [.baseType]) { type in
            func get(_ value: Value) -> PyNewlineDecoder { value.as(PyNewlineDecoder.self)! }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyNewlineDecoder(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("IncrementalNewlineDecoder", ["decoder", "translate", "errors"], required: 2)
                let object = get(value)
                bound[0]!.retain()
                object.decoder.release()
                object.decoder = bound[0]!
                object.translate = try thread.truth(bound[1]!)
                object.pendingCR = false
                object.seen = 0
                object.isInitialized = true
            }
            type.installSlots(slots, self)
            type.define("decode", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("decode", ["input", "final"], required: 1)
                let object = get(value)
                try object.checkInitialized()
                let final = try bound[1].map { v throws(EvalError) in try thread.truth(v) } ?? false
                var points: [UInt32]
                if object.decoder.isNone {
                    guard let text = bound[0]!.as(PyStr.self) else {
                        throw .typeError("decoder should return a string result, not '\(thread.typeOf(bound[0]!).name)'")
                    }
                    points = text.codePoints
                } else {
                    let result = try thread.ioCall(object.decoder, "decode", [bound[0]!, .bool(final)])
                    defer { result.release() }
                    guard let text = result.as(PyStr.self) else {
                        throw .typeError("decoder should return a string result, not '\(thread.typeOf(result).name)'")
                    }
                    points = text.codePoints
                }
                if object.pendingCR && (!points.isEmpty || final) {
                    points.insert(13, at: 0)
                    object.pendingCR = false
                }
                if !final, points.last == 13 {
                    points.removeLast()
                    object.pendingCR = true
                }
                var output: [UInt32] = []
                output.reserveCapacity(points.count)
                var index = 0
                while index < points.count {
                    let point = points[index]
                    if point == 13 {
                        if index + 1 < points.count && points[index + 1] == 10 {
                            object.seen |= 4
                            if object.translate { output.append(10) } else { output += [13, 10] }
                            index += 2
                            continue
                        }
                        object.seen |= 2
                        output.append(object.translate ? 10 : 13)
                    } else {
                        if point == 10 { object.seen |= 1 }
                        output.append(point)
                    }
                    index += 1
                }
                return thread.interpreter.newString(codePoints: output)
            }
            type.define("getstate", self) { thread, value, arguments throws(EvalError) in
                let object = get(value)
                try object.checkInitialized()
                var buffer = thread.interpreter.newBytes([])
                var flag = 0
                if !object.decoder.isNone {
                    let state = try thread.ioCall(object.decoder, "getstate")
                    defer { state.release() }
                    let items = try thread.collect(state)
                    guard items.count == 2 else {
                        for item in items { item.release() }
                        throw .typeError("illegal decoder state")
                    }
                    buffer.release()
                    buffer = items[0]
                    flag = try thread.indexInt(items[1])
                    items[1].release()
                }
                flag <<= 1
                if object.pendingCR { flag |= 1 }
                return thread.interpreter.newTuple([buffer, .int(flag)])
            }
            type.define("setstate", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "setstate")
                let object = get(value)
                try object.checkInitialized()
                let items = try thread.collect(arguments[0])
                defer { for item in items { item.release() } }
                guard items.count == 2 else { throw .typeError("state argument must be a tuple") }
                let flag = try thread.indexInt(items[1])
                object.pendingCR = flag & 1 != 0
                if !object.decoder.isNone {
                    let state = thread.interpreter.newTuple([items[0], .int(flag >> 1)])
                    items[0].retain()
                    defer { state.release() }
                    try thread.ioCallDiscarding(object.decoder, "setstate", [state])
                }
                return .none
            }
            type.define("reset", self) { thread, value, arguments throws(EvalError) in
                let object = get(value)
                try object.checkInitialized()
                object.seen = 0
                object.pendingCR = false
                if !object.decoder.isNone { try thread.ioCallDiscarding(object.decoder, "reset") }
                return .none
            }
            type.defineAttribute("newlines", self, get: { thread, value throws(EvalError) in
                let object = get(value)
                try object.checkInitialized()
                return thread.ioNewlinesValue(object.seen)
            })
        }
    }
}
