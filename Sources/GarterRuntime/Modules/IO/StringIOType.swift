// `_io.StringIO`: an in-memory text stream over code points, with the
// newline rules of CPython's Modules/_io/stringio.c.

final class PyStringIO: PyObject {
    @exclusivity(unchecked) var contents: [UInt32] = []
    @exclusivity(unchecked) var position = 0
    @exclusivity(unchecked) var isClosed = false
    /// The `newline` argument; nil for None.
    @exclusivity(unchecked) var newlineArgument: [UInt32]? = [10]
    /// Newline kinds seen in written text (universal modes), LF 1, CR 2, CRLF 4.
    @exclusivity(unchecked) var seenNewlines = 0

    var isUniversal: Bool { newlineArgument == nil || newlineArgument == [] }

    func checkOpen() throws(EvalError) {
        if isClosed { throw .valueError("I/O operation on closed file") }
    }

    /// Writes `text` at the position, after newline translation.
    func write(_ text: [UInt32]) {
        var points = text
        if isUniversal {
            var translated: [UInt32] = []
            translated.reserveCapacity(points.count)
            var index = 0
            while index < points.count {
                let point = points[index]
                if point == 13 {
                    if index + 1 < points.count && points[index + 1] == 10 {
                        seenNewlines |= 4
                        if newlineArgument == nil { translated.append(10) } else { translated += [13, 10] }
                        index += 2
                        continue
                    }
                    seenNewlines |= 2
                    translated.append(newlineArgument == nil ? 10 : 13)
                } else {
                    if point == 10 { seenNewlines |= 1 }
                    translated.append(point)
                }
                index += 1
            }
            points = translated
        } else if let newline = newlineArgument, newline != [10], points.contains(10) {
            var translated: [UInt32] = []
            for point in points {
                if point == 10 { translated += newline } else { translated.append(point) }
            }
            points = translated
        }
        if points.isEmpty { return }
        if position > contents.count {
            contents.append(contentsOf: repeatElement(0, count: position - contents.count))
        }
        let end = min(contents.count, position + points.count)
        contents.replaceSubrange(position..<end, with: points)
        position += points.count
    }

    func readLine(_ limit: Int) -> [UInt32] {
        guard position < contents.count else { return [] }
        var end = position
        let stop = limit >= 0 ? min(contents.count, position + limit) : contents.count
        let universal = isUniversal
        let terminator = newlineArgument ?? [10]
        while end < stop {
            let point = contents[end]
            if universal {
                if point == 10 { end += 1; break }
                if point == 13 {
                    end += 1
                    if end < stop && contents[end] == 10 { end += 1 }
                    break
                }
            } else if point == terminator.last! {
                if terminator.count == 1 || (end > position && contents[end - 1] == 13) {
                    end += 1
                    break
                }
            }
            end += 1
        }
        let line = Array(contents[position..<end])
        position = end
        return line
    }
}

extension Interpreter {
    func stringIOType() -> PyType {
        nativeType("StringIO", module: "_io", base: textIOBaseType(), flags: [.baseType, .hasInstanceDict]) { type in
            func get(_ value: Value) -> PyStringIO { value.as(PyStringIO.self)! }
            func open(_ value: Value) throws(EvalError) -> PyStringIO {
                let object = get(value)
                try object.checkOpen()
                return object
            }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyStringIO(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("StringIO", ["initial_value", "newline"], required: 0)
                var newline: [UInt32]? = [10]
                if let given = bound[1] {
                    if given.isNone {
                        newline = nil
                    } else {
                        guard let text = given.as(PyStr.self) else {
                            throw .typeError("newline must be str or None, not \(thread.typeOf(given).name)")
                        }
                        let points = text.codePoints
                        guard points.isEmpty || points == [10] || points == [13] || points == [13, 10] else {
                            throw .valueError("illegal newline value: \(try thread.reprText(given))")
                        }
                        newline = points
                    }
                }
                var initial: [UInt32] = []
                if let given = bound[0], !given.isNone {
                    guard let text = given.as(PyStr.self) else {
                        throw .typeError("initial_value must be str or None, not \(thread.typeOf(given).name)")
                    }
                    initial = text.codePoints
                }
                let object = get(value)
                object.newlineArgument = newline
                object.contents = []
                object.position = 0
                object.isClosed = false
                object.seenNewlines = 0
                object.write(initial)
                object.position = 0
            }
            slots.next = { thread, value throws(EvalError) in
                let line = try open(value).readLine(-1)
                return line.isEmpty ? nil : thread.interpreter.newString(codePoints: line)
            }
            type.installSlots(slots, self)

            type.define("getvalue", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "getvalue")
                return thread.interpreter.newString(codePoints: try open(value).contents)
            }
            type.define("read", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read")
                let object = try open(value)
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                let start = min(object.position, object.contents.count)
                let end = size < 0 ? object.contents.count : min(object.contents.count, start + size)
                object.position = max(object.position, end)
                return thread.interpreter.newString(codePoints: Array(object.contents[start..<end]))
            }
            type.define("readline", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readline")
                let object = try open(value)
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                return thread.interpreter.newString(codePoints: object.readLine(size))
            }
            type.define("write", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "write")
                let object = try open(value)
                guard let text = arguments[0].as(PyStr.self) else {
                    throw .typeError("string argument expected, got '\(thread.typeOf(arguments[0]).name)'")
                }
                object.write(text.codePoints)
                return .int(text.count)
            }
            type.define("seek", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...2, "seek")
                let object = try open(value)
                let offset = try thread.indexInt(arguments[0])
                let whence = arguments.positionalCount > 1 ? try thread.indexInt(arguments[1]) : 0
                switch whence {
                case 0:
                    if offset < 0 { throw .valueError("Negative seek position \(offset)") }
                    object.position = offset
                case 1:
                    if offset != 0 { throw .pythonException("OSError", "Can't do nonzero cur-relative seeks") }
                case 2:
                    // CPython 3.11 gives the cur-relative message here too.
                    if offset != 0 { throw .pythonException("OSError", "Can't do nonzero cur-relative seeks") }
                    object.position = object.contents.count
                default:
                    throw .valueError("Invalid whence (\(whence), should be 0, 1 or 2)")
                }
                return .int(object.position)
            }
            type.define("tell", self) { _, value, arguments throws(EvalError) in
                try arguments.check(0...0, "tell")
                return .int(try open(value).position)
            }
            type.define("truncate", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "truncate")
                let object = try open(value)
                var size = object.position
                if arguments.positionalCount > 0 && !arguments[0].isNone {
                    size = try thread.indexInt(arguments[0])
                    if size < 0 { throw .valueError("Negative size value \(size)") }
                }
                if size < object.contents.count { object.contents.removeSubrange(size...) }
                return .int(size)
            }
            type.define("close", self) { _, value, arguments throws(EvalError) in
                try arguments.check(0...0, "close")
                let object = get(value)
                object.isClosed = true
                object.contents = []
                return .none
            }
            for name in ["readable", "writable", "seekable"] {
                type.define(name, self) { _, value, arguments throws(EvalError) in
                    try arguments.check(0...0, name)
                    _ = try open(value)
                    return .bool(true)
                }
            }
            type.defineAttribute("closed", self, get: { _, value throws(EvalError) in .bool(get(value).isClosed) })
            type.defineAttribute("line_buffering", self, get: { _, value throws(EvalError) in
                _ = try open(value)
                return .bool(false)
            })
            type.defineAttribute("newlines", self, get: { thread, value throws(EvalError) in
                let object = try open(value)
                guard object.isUniversal else { return .none }
                return thread.ioNewlinesValue(object.seenNewlines)
            })
            type.define("__getstate__", self) { thread, value, _ throws(EvalError) in
                let object = try open(value)
                let contents = thread.interpreter.newString(codePoints: object.contents)
                let newline = object.newlineArgument.map { thread.interpreter.newString(codePoints: $0) } ?? .none
                let dict: Value
                if let instance = thread.instanceDict(of: value), instance.count > 0 {
                    dict = try thread.call(thread.interpreter.types.dict.value, [.object(ObjectRef(Unmanaged.passUnretained(instance)))])
                } else {
                    dict = .none
                }
                return thread.interpreter.newTuple([contents, newline, .int(object.position), dict])
            }
            type.define("__setstate__", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "__setstate__")
                let items = try thread.collect(arguments[0])
                defer { for item in items { item.release() } }
                guard items.count == 4 else {
                    throw .typeError("\(thread.typeOf(value).shortName).__setstate__ argument should be 4-tuple, got \(thread.typeOf(arguments[0]).name)")
                }
                let object = get(value)
                guard let text = items[0].as(PyStr.self) else { throw .typeError("initial_value must be str") }
                object.newlineArgument = items[1].isNone ? nil : items[1].as(PyStr.self)?.codePoints
                object.contents = text.codePoints
                object.position = try thread.indexInt(items[2])
                object.isClosed = false
                if !items[3].isNone {
                    try thread.forEach(items[3]) { key throws(EvalError) in
                        let item = try thread.getItem(items[3], key)
                        defer { item.release() }
                        guard let name = key.as(PyStr.self) else { return }
                        try thread.setAttribute(value, name, item)
                    }
                }
                return .none
            }
        }
    }
}
