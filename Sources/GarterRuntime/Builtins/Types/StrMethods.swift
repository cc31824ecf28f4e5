// The `str` methods beyond the basic ones of StrType.swift: formatting,
// encoding, translation, padding, partition and affix removal.

extension Interpreter {
    func installStrMethods() {
        let str = types.str
        func text(_ value: Value) -> PyStr { value.as(PyStr.self)! }
        /// The receiver itself when CPython returns it unchanged (exact str only).
        func unchanged(_ thread: ThreadState, _ value: Value) -> Value {
            if thread.typeOf(value) === thread.interpreter.types.str {
                value.retain()
                return value
            }
            return thread.interpreter.newString(codePoints: text(value).codePoints)
        }
        func exactlyOne(_ name: String, _ arguments: Arguments) throws(EvalError) {
            try arguments.rejectKeywords(name)
            if arguments.positionalCount != 1 {
                throw .typeError("str.\(name)() takes exactly one argument (\(arguments.positionalCount) given)")
            }
        }

        str.define("encode", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("encode", ["encoding", "errors"])
            let encoding = try bound[0].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "encode()", name: "encoding") }
            let errors = try bound[1].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "encode()", name: "errors") }
            return thread.interpreter.newBytes(try thread.encode(text(value).codePoints, encoding: encoding, errors: errors))
        }

        str.define("format", self) { thread, value, arguments throws(EvalError) in
            let delegate = StrFormatDelegate(thread: thread, arguments: arguments)
            let result = try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { try PyText.format($0, delegate: delegate) }
            }
            return thread.interpreter.newString(codePoints: result)
        }
        str.define("format_map", self) { thread, value, arguments throws(EvalError) in
            try exactlyOne("format_map", arguments)
            let delegate = StrFormatDelegate(thread: thread, mapping: arguments[0])
            let result = try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { try PyText.format($0, allowsPositional: false, delegate: delegate) }
            }
            return thread.interpreter.newString(codePoints: result)
        }

        str.defineStatic("maketrans", self) { thread, arguments throws(EvalError) in
            try arguments.expect("maketrans", 1...3)
            let result = thread.interpreter.newDict()
            let resultValue = Value.object(ObjectRef(Unmanaged.passUnretained(result)))
            do throws(EvalError) {
                if arguments.positionalCount == 1 {
                    guard let source = arguments[0].as(PyDict.self) else {
                        throw .typeError(PyText.TranslationMessage.onlyOneArgumentMustBeDict)
                    }
                    for (key, item) in source.pairs {
                        var newKey: Value
                        if let string = key.as(PyStr.self) {
                            newKey = .int(Int(try textCall { try string.codePoints.withUnsafeBufferPointer { try PyText.translationKey($0) } }))
                        } else if Arithmetic.pyInteger(key) != nil {
                            newKey = key
                        } else {
                            throw .typeError(PyText.TranslationMessage.keysMustBeStringsOrIntegers)
                        }
                        if case .bool(let flag) = newKey { newKey = .int(flag ? 1 : 0) }
                        try thread.setItem(resultValue, newKey, item)
                    }
                } else {
                    guard let from = arguments[0].as(PyStr.self) else {
                        throw .typeError("first maketrans argument must be a string if there is a second argument")
                    }
                    guard let to = arguments[1].as(PyStr.self) else {
                        throw .typeError(PyText.TranslationMessage.secondArgumentMustBeString + thread.typeOf(arguments[1]).name)
                    }
                    var delete: [UInt32]?
                    if arguments.positionalCount == 3 {
                        guard let third = arguments[2].as(PyStr.self) else {
                            throw .typeError("maketrans() argument 3 must be str, not \(thread.typeOf(arguments[2]).name)")
                        }
                        delete = third.codePoints
                    }
                    let entries = try textCall {
                        try from.codePoints.withUnsafeBufferPointer { fromBuffer in
                            try to.codePoints.withUnsafeBufferPointer { toBuffer in
                                if let delete {
                                    return try delete.withUnsafeBufferPointer { try PyText.makeTranslation(from: fromBuffer, to: toBuffer, delete: $0) }
                                }
                                return try PyText.makeTranslation(from: fromBuffer, to: toBuffer)
                            }
                        }
                    }
                    for entry in entries {
                        try thread.setItem(resultValue, .int(Int(entry.key)), entry.value.map { Value.int(Int($0)) } ?? Value.none)
                    }
                }
            } catch {
                resultValue.release()
                throw error
            }
            return resultValue
        }

        str.define("translate", self) { thread, value, arguments throws(EvalError) in
            try exactlyOne("translate", arguments)
            let table = arguments[0]
            let result = try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { buffer in
                    try PyText.translate(buffer) { codePoint in
                        let found: Value
                        do throws(EvalError) {
                            found = try thread.getItem(table, .int(Int(codePoint)))
                        } catch {
                            if thread.isInstance(error, of: "LookupError") {
                                error.discard()
                                return .keep
                            }
                            throw error
                        }
                        defer { found.release() }
                        if found.isNone { return .delete }
                        if let string = found.as(PyStr.self) { return .text(string.codePoints) }
                        if let integer = Arithmetic.pyInteger(found) {
                            return .codePoint(integer.smallValue ?? -1)
                        }
                        throw TextError.typeError(PyText.TranslationMessage.mappingMustReturn)
                    }
                }
            }
            return thread.interpreter.newString(codePoints: result)
        }

        str.define("expandtabs", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("expandtabs", ["tabsize"])
            let size = try bound[0].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? 8
            return thread.interpreter.newString(codePoints: try textCall {
                try text(value).codePoints.withUnsafeBufferPointer { try PyText.expandTabs($0, tabSize: size) }
            })
        }

        func partition(_ name: String, reverse: Bool) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("str.\(name)", 1...1)
                guard let separator = arguments[0].as(PyStr.self) else {
                    throw .typeError("must be str, not \(thread.typeOf(arguments[0]).name)")
                }
                let string = text(value).codePoints
                let result = try textCall {
                    try string.withUnsafeBufferPointer { buffer in
                        try separator.codePoints.withUnsafeBufferPointer {
                            reverse ? try PyText.rpartition(buffer, $0) : try PyText.partition(buffer, $0)
                        }
                    }
                }
                func part(_ range: Range<Int>) -> Value {
                    if range.count == string.count {
                        value.retain()
                        return value
                    }
                    return thread.interpreter.newString(codePoints: Array(string[range]))
                }
                return thread.interpreter.newTuple([part(result.before), part(result.separator), part(result.after)])
            }
        }
        partition("partition", reverse: false)
        partition("rpartition", reverse: true)

        func pad(_ name: String, _ body: @escaping (CodePoints, Int, UInt32) throws -> [UInt32]) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 1...2)
                let width = try thread.indexInt(arguments[0])
                var fill: UInt32 = 0x20
                if arguments.positionalCount > 1 {
                    guard let fillText = arguments[1].as(PyStr.self) else {
                        throw .typeError("The fill character must be a unicode character, not \(thread.typeOf(arguments[1]).name)")
                    }
                    fill = try textCall { try fillText.codePoints.withUnsafeBufferPointer { try PyText.fillCharacter($0) } }
                }
                let string = text(value).codePoints
                if width <= string.count { return unchanged(thread, value) }
                return thread.interpreter.newString(codePoints: try textCall {
                    try string.withUnsafeBufferPointer { try body($0, width, fill) }
                })
            }
        }
        pad("center") { try PyText.center($0, width: $1, fill: $2) }
        pad("ljust") { try PyText.ljust($0, width: $1, fill: $2) }
        pad("rjust") { try PyText.rjust($0, width: $1, fill: $2) }

        str.define("zfill", self) { thread, value, arguments throws(EvalError) in
            try exactlyOne("zfill", arguments)
            let width = try thread.indexInt(arguments[0])
            let string = text(value).codePoints
            if width <= string.count { return unchanged(thread, value) }
            return thread.interpreter.newString(codePoints: try textCall {
                try string.withUnsafeBufferPointer { try PyText.zfill($0, width: width) }
            })
        }

        func removeAffix(_ name: String, suffix: Bool) {
            str.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("str.\(name)", 1...1)
                guard let affix = arguments[0].as(PyStr.self) else {
                    throw .typeError("\(name)() argument must be str, not \(thread.typeOf(arguments[0]).name)")
                }
                let string = text(value).codePoints
                let range = string.withUnsafeBufferPointer { buffer in
                    affix.codePoints.withUnsafeBufferPointer {
                        suffix ? PyText.removeSuffix(buffer, $0) : PyText.removePrefix(buffer, $0)
                    }
                }
                if range.count == string.count { return unchanged(thread, value) }
                return thread.interpreter.newString(codePoints: Array(string[range]))
            }
        }
        removeAffix("removeprefix", suffix: false)
        removeAffix("removesuffix", suffix: true)

        str.define("__sizeof__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("str.__sizeof__", 0...0)
            let codePoints = text(value).codePoints
            let widest = codePoints.reduce(0, |)
            let count = codePoints.count
            if widest < 0x80 { return .int(49 + count) }
            if widest < 0x100 { return .int(73 + count) }
            if widest < 0x1_0000 { return .int(74 + 2 * count) }
            return .int(76 + 4 * count)
        }
    }
}

extension Interpreter {
    /// `str_iterator`, the iterator of strings with non-ASCII characters
    /// (`str_ascii_iterator`, for the others, is in IteratorTypes.swift).
    func installStrIterator() {
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        slots.next = { thread, value throws(EvalError) in
            let iterator = value.as(PySequenceIterator.self)!
            guard let source = iterator.source, let string = source.as(PyStr.self) else { return nil }
            if iterator.position < string.count {
                iterator.position += 1
                return thread.interpreter.character(string.codePoints[iterator.position - 1])
            }
            iterator.source = nil
            source.release()
            return nil
        }
        let type = types.other("str_iterator")
        type.installSlots(slots, self)
        type.define("__length_hint__", self) { thread, value, _ throws(EvalError) in
            guard let iterator = value.as(PySequenceIterator.self), let source = iterator.source else { return .int(0) }
            return .int(max(0, (try thread.length(source)) - iterator.position))
        }
    }
}
