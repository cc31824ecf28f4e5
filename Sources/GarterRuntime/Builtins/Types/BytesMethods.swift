// The methods `bytes` and `bytearray` share (CPython's bytes_methods.c and
// the parts of bytesobject.c/bytearrayobject.c that are alike). Each
// returns an object of the receiver's kind: `bytes` for bytes (and its
// subclasses), a new `bytearray` for bytearray.

extension Interpreter {
    func installByteSequenceMethods(_ type: PyType, mutable: Bool) {
        let prefix = type.name + "."
        func contents(_ value: Value) -> [UInt8] {
            value.as(PyBytes.self)?.bytes ?? value.as(PyByteArray.self)!.bytes
        }
        func make(_ thread: ThreadState, _ bytes: [UInt8]) -> Value {
            mutable ? thread.interpreter.newByteArray(bytes) : thread.interpreter.newBytes(bytes)
        }
        /// The receiver itself when CPython returns it unchanged (exact bytes only).
        func unchanged(_ thread: ThreadState, _ value: Value, _ bytes: [UInt8]) -> Value {
            if !mutable && thread.typeOf(value) === thread.interpreter.types.bytes {
                value.retain()
                return value
            }
            return make(thread, bytes)
        }

        func unary(_ name: String, _ body: @escaping (ByteText.Bytes) -> [UInt8]) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(prefix + name, 0...0)
                return make(thread, contents(value).withUnsafeBufferPointer(body))
            }
        }
        unary("lower") { ByteText.lower($0) }
        unary("upper") { ByteText.upper($0) }
        unary("swapcase") { ByteText.swapcase($0) }
        unary("capitalize") { ByteText.capitalize($0) }
        unary("title") { ByteText.title($0) }

        func predicate(_ name: String, _ body: @escaping (ByteText.Bytes) -> Bool) {
            type.define(name, self) { _, value, arguments throws(EvalError) in
                try arguments.expect(prefix + name, 0...0)
                return .bool(contents(value).withUnsafeBufferPointer(body))
            }
        }
        predicate("isalnum") { ByteText.all($0, ByteText.isAlnum) }
        predicate("isalpha") { ByteText.all($0, ByteText.isAlpha) }
        predicate("isdigit") { ByteText.all($0, ByteText.isDigit) }
        predicate("isspace") { ByteText.all($0, ByteText.isSpace) }
        predicate("isascii") { ByteText.isASCII($0) }
        predicate("islower") { ByteText.isLowerText($0) }
        predicate("isupper") { ByteText.isUpperText($0) }
        predicate("istitle") { ByteText.isTitle($0) }

        func strip(_ name: String, left: Bool, right: Bool) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 0...1)
                let bytes = contents(value)
                var chars: [UInt8]?
                if arguments.positionalCount > 0, !arguments[0].isNone { chars = try thread.requireBytesLike(arguments[0]) }
                let range = bytes.withUnsafeBufferPointer { buffer in
                    if let chars { return chars.withUnsafeBufferPointer { ByteText.strip(buffer, $0, left: left, right: right) } }
                    return ByteText.strip(buffer, nil, left: left, right: right)
                }
                if range.count == bytes.count { return unchanged(thread, value, bytes) }
                return make(thread, Array(bytes[range]))
            }
        }
        strip("strip", left: true, right: true)
        strip("lstrip", left: true, right: false)
        strip("rstrip", left: false, right: true)

        func splitter(_ name: String, reverse: Bool) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bindClinic(name, ["sep", "maxsplit"])
                let bytes = contents(value)
                let limit = try bound[1].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? -1
                let ranges: [Range<Int>]
                if let separatorValue = bound[0], !separatorValue.isNone {
                    let separator = try thread.requireBytesLike(separatorValue)
                    if separator.isEmpty { throw .valueError("empty separator") }
                    ranges = reverse ? try textCall {
                        try ByteText.widened(bytes) { text in
                            try ByteText.widened(separator) { sep in
                                try PyText.rsplit(text, separator: sep, maxSplit: limit)
                            }
                        }
                    } : bytes.withUnsafeBufferPointer { text in
                        separator.withUnsafeBufferPointer { ByteText.split(text, $0, limit: limit) }
                    }
                } else {
                    ranges = bytes.withUnsafeBufferPointer {
                        reverse ? ByteText.rsplitWhitespace($0, limit: limit) : ByteText.splitWhitespace($0, limit: limit)
                    }
                }
                return thread.interpreter.newList(ranges.map { make(thread, Array(bytes[$0])) })
            }
        }
        splitter("split", reverse: false)
        splitter("rsplit", reverse: true)

        type.define("splitlines", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("splitlines", ["keepends"])
            let keep = try bound[0].map { (v) throws(EvalError) in try thread.indexInt(v) != 0 } ?? false
            let bytes = contents(value)
            let ranges = bytes.withUnsafeBufferPointer { ByteText.splitlines($0, keepEnds: keep) }
            return thread.interpreter.newList(ranges.map { make(thread, Array(bytes[$0])) })
        }

        func partition(_ name: String, reverse: Bool) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(prefix + name, 1...1)
                let bytes = contents(value)
                let separator = try thread.requireBytesLike(arguments[0])
                let result = try textCall {
                    try ByteText.widened(bytes) { text in
                        try ByteText.widened(separator) { sep in
                            reverse ? try PyText.rpartition(text, sep) : try PyText.partition(text, sep)
                        }
                    }
                }
                func part(_ range: Range<Int>) -> Value {
                    if !mutable && range.count == bytes.count {
                        value.retain()
                        return value
                    }
                    return make(thread, Array(bytes[range]))
                }
                return thread.interpreter.newTuple([part(result.before), part(result.separator), part(result.after)])
            }
        }
        partition("partition", reverse: false)
        partition("rpartition", reverse: true)

        func search(_ name: String, _ body: @escaping (ByteText.Bytes, ByteText.Bytes, Int?, Int?) throws -> Int) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expectSearch(name)
                let needle: [UInt8]
                if let bytes = try thread.bytesLike(arguments[0]) {
                    needle = bytes
                } else if thread.typeOf(arguments[0]).slots.index != nil || Arithmetic.pyInteger(arguments[0]) != nil {
                    needle = [try thread.byteValue(arguments[0])]
                } else {
                    throw .typeError("argument should be integer or bytes-like object, not '\(thread.typeOf(arguments[0]).name)'")
                }
                let (start, end) = try arguments.searchBounds(thread)
                return .int(try textCall {
                    try contents(value).withUnsafeBufferPointer { text in
                        try needle.withUnsafeBufferPointer { try body(text, $0, start, end) }
                    }
                })
            }
        }
        search("find") { ByteText.find($0, $1, start: $2, end: $3) }
        search("rfind") { ByteText.rfind($0, $1, start: $2, end: $3) }
        search("index") { text, sub, start, end in
            let found = ByteText.find(text, sub, start: start, end: end)
            if found < 0 { throw TextError.valueError("subsection not found") }
            return found
        }
        search("rindex") { text, sub, start, end in
            let found = ByteText.rfind(text, sub, start: start, end: end)
            if found < 0 { throw TextError.valueError("subsection not found") }
            return found
        }
        search("count") { ByteText.count($0, $1, start: $2, end: $3) }

        func affix(_ name: String, atEnd: Bool) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expectSearch(name)
                let (start, end) = try arguments.searchBounds(thread)
                var candidates: [[UInt8]] = []
                if let tuple = arguments[0].as(PyTuple.self) {
                    for item in tuple.items { candidates.append(try thread.requireBytesLike(item)) }
                } else if let bytes = try thread.bytesLike(arguments[0]) {
                    candidates = [bytes]
                } else {
                    throw .typeError("\(name) first arg must be bytes or a tuple of bytes, not \(thread.typeOf(arguments[0]).name)")
                }
                let bytes = contents(value)
                for candidate in candidates {
                    let found = ByteText.widenedNoThrow(bytes) { text in
                        ByteText.widenedNoThrow(candidate) {
                            atEnd ? PyText.endsWith(text, $0, start: start, end: end) : PyText.startsWith(text, $0, start: start, end: end)
                        }
                    }
                    if found { return .bool(true) }
                }
                return .bool(false)
            }
        }
        affix("startswith", atEnd: false)
        affix("endswith", atEnd: true)

        type.define("replace", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("replace", 2...3)
            let old = try thread.requireBytesLike(arguments[0])
            let new = try thread.requireBytesLike(arguments[1])
            let count = arguments.positionalCount > 2 ? try thread.indexInt(arguments[2]) : -1
            let bytes = contents(value)
            let result = try textCall {
                try ByteText.widened(bytes) { text in
                    try ByteText.widened(old) { oldText in
                        try ByteText.widened(new) { try PyText.replace(text, oldText, $0, count: count) }
                    }
                }
            }
            guard let result else { return unchanged(thread, value, bytes) }
            return make(thread, ByteText.narrowed(result))
        }

        type.define("join", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect(prefix + "join", 1...1)
            let items = try thread.collectForJoin(arguments[0])
            defer { for item in items { item.release() } }
            let separator = contents(value)
            var result: [UInt8] = []
            for (position, item) in items.enumerated() {
                guard let piece = try thread.bytesLike(item) else {
                    throw .typeError("sequence item \(position): expected a bytes-like object, \(thread.typeOf(item).name) found")
                }
                if position > 0 { result.append(contentsOf: separator) }
                result.append(contentsOf: piece)
            }
            return make(thread, result)
        }

        func pad(_ name: String, _ body: @escaping (CodePoints, Int, UInt32) throws -> [UInt32]) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 1...2)
                let width = try thread.indexInt(arguments[0])
                var fill: UInt32 = 0x20
                if arguments.positionalCount > 1 {
                    let argument = arguments[1]
                    let bytes = argument.as(PyBytes.self)?.bytes ?? argument.as(PyByteArray.self)?.bytes
                    guard let bytes, bytes.count == 1 else {
                        throw .typeError("\(name)() argument 2 must be a byte string of length 1, not \(thread.typeOf(argument).name)")
                    }
                    fill = UInt32(bytes[0])
                }
                let bytes = contents(value)
                if width <= bytes.count { return unchanged(thread, value, bytes) }
                return make(thread, ByteText.narrowed(try textCall {
                    try ByteText.widened(bytes) { try body($0, width, fill) }
                }))
            }
        }
        pad("center") { try PyText.center($0, width: $1, fill: $2) }
        pad("ljust") { try PyText.ljust($0, width: $1, fill: $2) }
        pad("rjust") { try PyText.rjust($0, width: $1, fill: $2) }

        type.define("zfill", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect(prefix + "zfill", 1...1)
            let width = try thread.indexInt(arguments[0])
            let bytes = contents(value)
            if width <= bytes.count { return unchanged(thread, value, bytes) }
            return make(thread, ByteText.narrowed(try textCall { try ByteText.widened(bytes) { try PyText.zfill($0, width: width) } }))
        }

        type.define("expandtabs", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("expandtabs", ["tabsize"])
            let size = try bound[0].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? 8
            let bytes = contents(value)
            return make(thread, ByteText.narrowed(try textCall { try ByteText.widened(bytes) { try PyText.expandTabs($0, tabSize: size) } }))
        }

        func removeAffix(_ name: String, suffix: Bool) {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(prefix + name, 1...1)
                let affix = try thread.requireBytesLike(arguments[0])
                let bytes = contents(value)
                let range = ByteText.widenedNoThrow(bytes) { text in
                    ByteText.widenedNoThrow(affix) { suffix ? PyText.removeSuffix(text, $0) : PyText.removePrefix(text, $0) }
                }
                if range.count == bytes.count { return unchanged(thread, value, bytes) }
                return make(thread, Array(bytes[range]))
            }
        }
        removeAffix("removeprefix", suffix: false)
        removeAffix("removesuffix", suffix: true)

        type.define("decode", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("decode", ["encoding", "errors"])
            let encoding = try bound[0].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "decode()", name: "encoding") }
            let errors = try bound[1].map { (v) throws(EvalError) in try thread.stringArgument(v, function: "decode()", name: "errors") }
            return thread.interpreter.newString(codePoints: try thread.decode(contents(value), encoding: encoding, errors: errors))
        }

        type.define("hex", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bindClinic("hex", ["sep", "bytes_per_sep"])
            let (separator, group) = try thread.hexSeparator(bound[0], bound[1])
            let text = contents(value).withUnsafeBufferPointer {
                ByteText.hex($0, separator: separator, bytesPerSeparator: group)
            }
            return thread.interpreter.newString(codePoints: text.map(UInt32.init))
        }

        type.defineClassMethod("fromhex", self) { thread, arguments throws(EvalError) in
            try arguments.droppingFirst.expect(prefix + "fromhex", 1...1)
            guard let text = arguments[1].as(PyStr.self) else {
                throw .typeError("fromhex() argument must be str, not \(thread.typeOf(arguments[1]).name)")
            }
            let bytes = try textCall { try text.codePoints.withUnsafeBufferPointer { try ByteText.fromHex($0) } }
            let made = make(thread, bytes)
            if arguments[0].isIdentical(to: type.value) { return made }
            defer { made.release() }
            return try thread.call(arguments[0], [made])
        }

        type.defineStatic("maketrans", self) { thread, arguments throws(EvalError) in
            try arguments.expect("maketrans", 2...2)
            let from = try thread.requireBytesLike(arguments[0])
            let to = try thread.requireBytesLike(arguments[1])
            guard from.count == to.count else { throw .valueError("maketrans arguments must have same length") }
            var table = (0...255).map { UInt8($0) }
            for (index, byte) in from.enumerated() { table[Int(byte)] = to[index] }
            return thread.interpreter.newBytes(table)
        }

        type.define("translate", self) { thread, value, arguments throws(EvalError) in
            if arguments.positionalCount == 0 { throw .typeError("translate() takes at least 1 positional argument (0 given)") }
            let bound = try arguments.bindClinic("translate", ["table", "delete"], required: 1, positionalOnly: 1)
            var table: [UInt8]?
            if let tableValue = bound[0], !tableValue.isNone {
                table = try thread.requireBytesLike(tableValue)
                if table!.count != 256 { throw .valueError("translation table must be 256 characters long") }
            }
            let delete = try bound[1].map { (v) throws(EvalError) in try thread.requireBytesLike(v) } ?? []
            var deleted = [Bool](repeating: false, count: 256)
            for byte in delete { deleted[Int(byte)] = true }
            let bytes = contents(value)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            for byte in bytes where !deleted[Int(byte)] { result.append(table?[Int(byte)] ?? byte) }
            if table == nil && delete.isEmpty { return unchanged(thread, value, bytes) }
            return make(thread, result)
        }

        if !mutable {
            type.define("__getnewargs__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(prefix + "__getnewargs__", 0...0)
                return thread.interpreter.newTuple([thread.interpreter.newBytes(contents(value))])
            }
        }
    }
}

extension ThreadState {
    /// The `sep` and `bytes_per_sep` arguments of `hex()`.
    func hexSeparator(_ separator: Value?, _ group: Value?) throws(EvalError) -> (UInt8?, Int) {
        let count = try group.map { (v) throws(EvalError) in try indexInt(v) } ?? 1
        guard let separator else { return (nil, count) }
        var units: [UInt32]
        if let text = separator.as(PyStr.self) {
            units = text.codePoints
        } else if let bytes = try bytesLike(separator) {
            units = bytes.map(UInt32.init)
        } else {
            _ = try length(separator)
            throw .typeError("sep must be str or bytes.")
        }
        if units.count != 1 { throw .valueError("sep must be length 1.") }
        if units[0] > 127 { throw .valueError("sep must be ASCII.") }
        return (UInt8(units[0]), count)
    }
}

extension Arguments {
    /// The argument count check of `find`-like methods, with their messages.
    func expectSearch(_ name: String) throws(EvalError) {
        try rejectKeywords(name)
        if positionalCount < 1 { throw .typeError("\(name)() takes at least 1 argument (0 given)") }
        if positionalCount > 3 { throw .typeError("\(name)() takes at most 3 arguments (\(positionalCount) given)") }
    }

    /// The optional `start` and `end` of `find`-like methods (None: absent).
    func searchBounds(_ thread: ThreadState) throws(EvalError) -> (Int?, Int?) {
        func bound(_ index: Int) throws(EvalError) -> Int? {
            guard positionalCount > index, !self[index].isNone else { return nil }
            let value = self[index]
            guard thread.typeOf(value).slots.index != nil || Arithmetic.pyInteger(value) != nil else {
                throw .typeError("slice indices must be integers or None or have an __index__ method")
            }
            if let number = try thread.indexIntOrOverflow(value) { return number }
            return Arithmetic.pyInteger(value)?.isNegative == true ? Int.min / 2 : Int.max / 2
        }
        return (try bound(1), try bound(2))
    }
}

extension ByteText {
    /// Runs a `PyText` function over bytes seen as code points.
    static func widened<T>(_ bytes: [UInt8], _ body: (CodePoints) throws -> T) rethrows -> T {
        let wide = bytes.map(UInt32.init)
        return try wide.withUnsafeBufferPointer(body)
    }

    static func widenedNoThrow<T>(_ bytes: [UInt8], _ body: (CodePoints) -> T) -> T {
        let wide = bytes.map(UInt32.init)
        return wide.withUnsafeBufferPointer(body)
    }

    /// Code points known to be bytes, back as bytes.
    static func narrowed(_ codePoints: [UInt32]) -> [UInt8] {
        codePoints.map { UInt8(truncatingIfNeeded: $0) }
    }
}
