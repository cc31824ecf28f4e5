// `_stat`: the file mode constants and tests of CPython's C accelerator
// for `stat.py` (S_ISDIR..., S_IMODE, S_IFMT, filemode). stat.py has the
// same in Python; with `_stat` present it takes these, as on CPython.

enum StatModes {
    static let typeMask: UInt32 = 0o170000

    /// CPython's filemode(): "-rwxr-xr-x" and the like.
    static func filemode(_ mode: UInt32) -> String {
        let type: Character
        switch mode & typeMask {
        case 0o100000: type = "-"
        case 0o040000: type = "d"
        case 0o120000: type = "l"
        case 0o060000: type = "b"
        case 0o020000: type = "c"
        case 0o010000: type = "p"
        case 0o140000: type = "s"
        default: type = "?"
        }
        var text = String(type)
        // Each class: read, write, then execute combined with its special bit.
        let classes: [(shift: UInt32, special: UInt32, set: Character, unset: Character)] = [
            (6, 0o4000, "s", "S"), (3, 0o2000, "s", "S"), (0, 0o1000, "t", "T"),
        ]
        for entry in classes {
            let bits = (mode >> entry.shift) & 7
            text.append(bits & 4 != 0 ? "r" : "-")
            text.append(bits & 2 != 0 ? "w" : "-")
            let executable = bits & 1 != 0, special = mode & entry.special != 0
            text.append(special ? (executable ? entry.set : entry.unset) : (executable ? "x" : "-"))
        }
        return text
    }
}

extension ThreadState {
    /// A mode argument as C's mode_t (CPython's _PyLong_AsMode_t).
    func modeArgument(_ value: Value) throws(EvalError) -> UInt32 {
        guard typeOf(value).slots.index != nil || value.isIntLike else { throw .typeError("an integer is required") }
        let number = try index(value)
        defer { number.release() }
        guard case .int(let mode) = number else { throw .overflowError("mode out of range") }
        if mode < 0 { throw .overflowError("can't convert negative value to unsigned int") }
        guard let result = UInt32(exactly: mode) else { throw .overflowError("mode out of range") }
        return result
    }
}

extension Interpreter {
    func makeStatModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_stat", doc: "File mode bits and the tests on them (S_ISDIR, S_IMODE, filemode, ...), as stat.py uses them.") { module, define throws(EvalError) in
            for (name, value) in PosixConstantsTable.stat { setItem(module.dict, name, .int(value)) }
            // Door, event port and whiteout files do not exist on Linux: their tests are always false.
            let kinds: [(String, UInt32)] = [
                ("S_ISDIR", 0o040000), ("S_ISCHR", 0o020000), ("S_ISBLK", 0o060000), ("S_ISREG", 0o100000),
                ("S_ISFIFO", 0o010000), ("S_ISLNK", 0o120000), ("S_ISSOCK", 0o140000),
                ("S_ISDOOR", 0), ("S_ISPORT", 0), ("S_ISWHT", 0),
            ]
            for (name, kind) in kinds {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.expect("_stat." + name, 1...1)
                    let mode = try thread.modeArgument(arguments[0])
                    return .bool(kind != 0 && mode & StatModes.typeMask == kind)
                }
            }
            define("S_IMODE") { thread, arguments throws(EvalError) in
                try arguments.expect("_stat.S_IMODE", 1...1)
                return .int(Int(try thread.modeArgument(arguments[0]) & 0o7777))
            }
            define("S_IFMT") { thread, arguments throws(EvalError) in
                try arguments.expect("_stat.S_IFMT", 1...1)
                return .int(Int(try thread.modeArgument(arguments[0]) & StatModes.typeMask))
            }
            define("filemode") { thread, arguments throws(EvalError) in
                try arguments.expect("_stat.filemode", 1...1)
                return thread.interpreter.newString(StatModes.filemode(try thread.modeArgument(arguments[0])))
            }
        }
    }
}
