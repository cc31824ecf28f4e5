// The functions of `unicodedata`, shared by the module (Unicode 14.0) and
// the methods of its `UCD` type (`ucd_3_2_0`), with CPython 3.11's argument
// handling and messages. The data are in Text/UnicodeCharacterData.swift
// and Text/UnicodeNormalization.swift.

extension ThreadState {
    /// The functions (and `UCD` methods) of `unicodedata`.
    static let unicodeDataFunctionNames = [
        "decimal", "digit", "numeric", "category", "bidirectional", "combining", "mirrored",
        "east_asian_width", "decomposition", "is_normalized", "normalize", "name", "lookup",
    ]

    /// Runs `unicodedata.<function>` against the database `version`;
    /// `qualifiedName` is how the argument-count messages name it.
    func unicodeDataCall(_ function: String, _ version: UnicodeCharacterData.Version,
                         _ arguments: Arguments, qualifiedName: String) throws(EvalError) -> Value {
        switch function {
        case "decimal", "digit", "numeric", "name":
            try arguments.rejectKeywords(function)
            try arguments.expect(function, 1...2)
            let codePoint = try unicodeCharacter(arguments[0], function, argumentNumber: true)
            let fallback: Value? = arguments.positionalCount > 1 ? arguments[1] : nil
            let result: Value?
            switch function {
            case "decimal": result = UnicodeCharacterData.decimal(codePoint, version).map { .int($0) }
            case "digit": result = UnicodeCharacterData.digit(codePoint).map { .int($0) }
            case "numeric": result = UnicodeCharacterData.numeric(codePoint, version).map { .float($0) }
            default: result = UnicodeCharacterData.name(codePoint, version).map { interpreter.newString($0) }
            }
            if let result { return result }
            if let fallback {
                fallback.retain()
                return fallback
            }
            switch function {
            case "decimal": throw .valueError("not a decimal")
            case "digit": throw .valueError("not a digit")
            case "numeric": throw .valueError("not a numeric character")
            default: throw .valueError("no such name")
            }
        case "normalize", "is_normalized":
            try arguments.rejectKeywords(function)
            try arguments.expect(function, 2...2)
            guard let form = arguments[0].strObject else {
                throw .typeError("\(function)() argument 1 must be str, not \(typeOf(arguments[0]).name)")
            }
            guard let text = arguments[1].strObject else {
                throw .typeError("\(function)() argument 2 must be str, not \(typeOf(arguments[1]).name)")
            }
            guard let normalization = UnicodeNormalization.Form(name: form.string) else {
                throw .valueError("invalid normalization form")
            }
            let result = UnicodeNormalization.normalize(text.codePoints, normalization, version)
            if function == "is_normalized" { return .bool(result == text.codePoints) }
            if result == text.codePoints {
                arguments[1].retain()
                return arguments[1]
            }
            return interpreter.newString(codePoints: result)
        case "lookup":
            try arguments.expect(qualifiedName, 1...1)
            return try unicodeDataLookup(arguments[0], version)
        default:
            try arguments.expect(qualifiedName, 1...1)
            let codePoint = try unicodeCharacter(arguments[0], function, argumentNumber: false)
            switch function {
            case "category":
                return interpreter.newString(UnicodeCharacterData.category(codePoint, version).abbreviation)
            case "bidirectional":
                return interpreter.newString(UnicodeCharacterData.bidirectional(codePoint, version))
            case "combining": return .int(UnicodeCharacterData.combining(codePoint, version))
            case "mirrored": return .int(UnicodeCharacterData.mirrored(codePoint, version))
            case "east_asian_width":
                return interpreter.newString(UnicodeCharacterData.eastAsianWidth(codePoint, version))
            default:
                return interpreter.newString(UnicodeCharacterData.decomposition(codePoint, version))
            }
        }
    }

    /// A one-character str argument (Argument Clinic's `int(accept={str})`).
    private func unicodeCharacter(_ value: Value, _ function: String,
                                  argumentNumber: Bool) throws(EvalError) -> UInt32 {
        guard let text = value.strObject, text.count == 1 else {
            let argument = argumentNumber ? "argument 1" : "argument"
            throw .typeError("\(function)() \(argument) must be a unicode character, not \(typeOf(value).name)")
        }
        return text.codePoints[0]
    }

    /// `lookup(name)`: a str or bytes-like name (ASCII) to its character or
    /// named sequence; KeyError as CPython words it.
    private func unicodeDataLookup(_ value: Value, _ version: UnicodeCharacterData.Version) throws(EvalError) -> Value {
        let bytes: [UInt8]
        if let text = value.strObject {
            guard let utf8 = text.utf8 else {
                throw .pythonException("UnicodeEncodeError",
                                       "'utf-8' codec can't encode character: surrogates not allowed")
            }
            bytes = utf8
        } else {
            bytes = try requireBytesLike(value)
        }
        if bytes.count > 256 {
            throw .withArguments("KeyError", [interpreter.newString("name too long")])
        }
        // CPython formats the name into its message as a C string.
        let shown = bytes.prefix { $0 != 0 }
        let name = String(decoding: bytes, as: UTF8.self)
        if !bytes.contains(0), bytes.allSatisfy({ $0 < 0x80 }),
           let points = UnicodeCharacterData.lookup(name, version) {
            return interpreter.newString(codePoints: points)
        }
        let message = "undefined character name '\(String(decoding: shown, as: UTF8.self))'"
        throw .withArguments("KeyError", [interpreter.newString(message)])
    }
}
