#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The `_locale` module over the C library's locale functions. As CPython
// does at start-up, the module sets LC_CTYPE from the environment when it
// is first imported (the other categories stay "C" until a program calls
// `locale.setlocale`). Numbers are formatted by Garter's own code, which
// never reads the C locale, so only `locale`'s own functions see it.

extension Interpreter {
    func makeLocaleModule() throws(EvalError) -> Value {
        _ = setlocale(LC_CTYPE, "")
        let error = localeErrorType()
        return try makeNativeModule("_locale", doc: "Support for POSIX locales.") { module, define throws(EvalError) in
            error.incref()
            setItem(module.dict, "Error", error.value)
            for (name, value) in LocaleConstants.categories + LocaleConstants.langinfo {
                setItem(module.dict, name, .int(value))
            }
            setItem(module.dict, "CHAR_MAX", .int(Int(CChar.max)))
            define("setlocale") { thread, arguments throws(EvalError) in
                try arguments.expect("setlocale", 1...2)
                let category = Int32(truncatingIfNeeded: try thread.indexInt(arguments[0]))
                let requested: String?
                if arguments.positionalCount == 2 && !arguments[1].isNone {
                    guard let text = arguments[1].stringValue else {
                        throw .typeError("setlocale() argument 2 must be str or None, not \(thread.typeOf(arguments[1]).name)")
                    }
                    requested = text
                } else {
                    requested = nil
                }
                let result: UnsafeMutablePointer<CChar>?
                if let requested {
                    result = setlocale(category, requested)
                    guard let result else { throw thread.localeError("unsupported locale setting") }
                    return thread.interpreter.newString(String(cString: result))
                }
                result = setlocale(category, nil)
                guard let result else { throw thread.localeError("locale query failed") }
                return thread.interpreter.newString(String(cString: result))
            }
            define("localeconv") { thread, arguments throws(EvalError) in
                try arguments.expect("localeconv", 0...0)
                return try thread.localeConventions()
            }
            define("getencoding") { thread, arguments throws(EvalError) in
                try arguments.expect("getencoding", 0...0)
                let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
                return thread.interpreter.newString(codeset.isEmpty ? "utf-8" : codeset)
            }
            define("nl_langinfo") { thread, arguments throws(EvalError) in
                try arguments.expect("nl_langinfo", 1...1)
                let key = try thread.indexInt(arguments[0])
                guard LocaleConstants.langinfo.contains(where: { $0.1 == key }) else {
                    throw .valueError("unsupported langinfo constant")
                }
                return thread.interpreter.newString(String(cString: nl_langinfo(nl_item(truncatingIfNeeded: key))))
            }
            define("strcoll") { thread, arguments throws(EvalError) in
                try arguments.expect("strcoll", 2...2)
                let (a, b) = (try thread.localeText(arguments[0], 1), try thread.localeText(arguments[1], 2))
                return .int(Int(strcoll(a, b)))
            }
            define("strxfrm") { thread, arguments throws(EvalError) in
                try arguments.expect("strxfrm", 1...1)
                let text = try thread.localeText(arguments[0], 1)
                let size = strxfrm(nil, text, 0) + 1
                var buffer = [CChar](repeating: 0, count: size)
                _ = strxfrm(&buffer, text, size)
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return thread.interpreter.newString(String(decoding: bytes, as: UTF8.self))
            }
            // gettext: Garter has no message catalogs, so every message is
            // its own translation (as with an empty catalog).
            define("gettext") { thread, arguments throws(EvalError) in
                try arguments.expect("gettext", 1...1)
                arguments[0].retain()
                return arguments[0]
            }
            define("dgettext") { thread, arguments throws(EvalError) in
                try arguments.expect("dgettext", 2...2)
                arguments[1].retain()
                return arguments[1]
            }
            define("dcgettext") { thread, arguments throws(EvalError) in
                try arguments.expect("dcgettext", 3...3)
                arguments[1].retain()
                return arguments[1]
            }
            define("textdomain") { thread, arguments throws(EvalError) in
                try arguments.expect("textdomain", 1...1)
                return arguments[0].isNone ? thread.interpreter.newString("messages") : {
                    arguments[0].retain()
                    return arguments[0]
                }()
            }
            define("bindtextdomain") { thread, arguments throws(EvalError) in
                try arguments.expect("bindtextdomain", 2...2)
                return thread.interpreter.newString("/usr/share/locale")
            }
            define("bind_textdomain_codeset") { thread, arguments throws(EvalError) in
                try arguments.expect("bind_textdomain_codeset", 2...2)
                return .none
            }
        }
    }

    /// `locale.Error`, an Exception subclass.
    func localeErrorType() -> PyType {
        nativeType("Error", module: "locale", base: types.exceptions["Exception"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }
}

extension ThreadState {
    fileprivate func localeError(_ message: String) -> EvalError {
        let text = interpreter.newString(message)
        defer { text.release() }
        do throws(EvalError) {
            let instance = try call(interpreter.localeErrorType().value, [text])
            return .exception(instance.objectReference!)
        } catch {
            return error
        }
    }

    /// A str argument as a NUL-terminated multibyte (UTF-8) string: the
    /// C library's wide-character collation functions are not exposed to
    /// Swift, and in UTF-8 locales `strcoll` orders the same way.
    fileprivate func localeText(_ value: Value, _ position: Int) throws(EvalError) -> [CChar] {
        guard let text = value.strObject else {
            throw .typeError("argument \(position) must be str, not \(typeOf(value).name)")
        }
        if text.codePoints.contains(0) { throw .valueError("embedded null character") }
        guard let utf8 = text.utf8 else { throw .unsupported("strcoll of lone surrogates") }
        return utf8.map { CChar(bitPattern: $0) } + [0]
    }

    /// `localeconv()` as CPython's dict.
    fileprivate func localeConventions() throws(EvalError) -> Value {
        guard let conventions = localeconv()?.pointee else { throw .runtimeError("localeconv() failed") }
        let dict = interpreter.newDict()
        let result = Value.object(ObjectRef(Unmanaged.passUnretained(dict)))
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> Value {
            interpreter.newString(pointer.map { String(cString: $0) } ?? "")
        }
        func grouping(_ pointer: UnsafeMutablePointer<CChar>?) -> Value {
            guard let pointer, pointer[0] != 0 else { return interpreter.newList([]) }
            var items: [Value] = []
            var index = 0
            while true {
                let value = pointer[index]
                items.append(.int(Int(value)))
                if value == 0 || value == CChar.max { break }
                index += 1
            }
            return interpreter.newList(items)
        }
        let entries: [(String, Value)] = [
            ("int_curr_symbol", text(conventions.int_curr_symbol)),
            ("currency_symbol", text(conventions.currency_symbol)),
            ("mon_decimal_point", text(conventions.mon_decimal_point)),
            ("mon_thousands_sep", text(conventions.mon_thousands_sep)),
            ("mon_grouping", grouping(conventions.mon_grouping)),
            ("positive_sign", text(conventions.positive_sign)),
            ("negative_sign", text(conventions.negative_sign)),
            ("int_frac_digits", .int(Int(conventions.int_frac_digits))),
            ("frac_digits", .int(Int(conventions.frac_digits))),
            ("p_cs_precedes", .int(Int(conventions.p_cs_precedes))),
            ("p_sep_by_space", .int(Int(conventions.p_sep_by_space))),
            ("n_cs_precedes", .int(Int(conventions.n_cs_precedes))),
            ("n_sep_by_space", .int(Int(conventions.n_sep_by_space))),
            ("p_sign_posn", .int(Int(conventions.p_sign_posn))),
            ("n_sign_posn", .int(Int(conventions.n_sign_posn))),
            ("decimal_point", text(conventions.decimal_point)),
            ("thousands_sep", text(conventions.thousands_sep)),
            ("grouping", grouping(conventions.grouping)),
        ]
        for (key, value) in entries { interpreter.setItem(dict, key, value) }
        return result
    }
}

/// The constants of `_locale`: the C library's category numbers and
/// `nl_item` keys (glibc's values on Linux).
enum LocaleConstants {
    static let categories: [(String, Int)] = [
        ("LC_CTYPE", Int(LC_CTYPE)), ("LC_NUMERIC", Int(LC_NUMERIC)), ("LC_TIME", Int(LC_TIME)),
        ("LC_COLLATE", Int(LC_COLLATE)), ("LC_MONETARY", Int(LC_MONETARY)), ("LC_MESSAGES", Int(LC_MESSAGES)),
        ("LC_ALL", Int(LC_ALL)),
    ]

    static let langinfo: [(String, Int)] = {
        var table: [(String, Int)] = [("CODESET", 14), ("RADIXCHAR", 0x10000), ("THOUSEP", 0x10001),
                                      ("CRNCYSTR", 0x4000F), ("YESEXPR", 0x50000), ("NOEXPR", 0x50001)]
        for day in 1...7 {
            table.append(("ABDAY_\(day)", 0x20000 + day - 1))
            table.append(("DAY_\(day)", 0x20007 + day - 1))
        }
        for month in 1...12 {
            table.append(("ABMON_\(month)", 0x2000E + month - 1))
            table.append(("MON_\(month)", 0x2001A + month - 1))
        }
        table += [("AM_STR", 0x20026), ("PM_STR", 0x20027), ("D_T_FMT", 0x20028), ("D_FMT", 0x20029),
                  ("T_FMT", 0x2002A), ("T_FMT_AMPM", 0x2002B), ("ERA", 0x2002C), ("ERA_D_FMT", 0x2002E),
                  ("ALT_DIGITS", 0x2002F), ("ERA_D_T_FMT", 0x20030), ("ERA_T_FMT", 0x20031),
                  ("_DATE_FMT", 0x2006C)]
        return table
    }()
}
