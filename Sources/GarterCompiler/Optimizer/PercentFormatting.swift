import GarterSyntax

/// CPython 3.11's optimize_format: `'text %s %r' % (a, b)` with a literal
/// format and a tuple display becomes the f-string `f'text {a!s} {b!r}'`
/// when every conversion is a plain `%s`, `%r` or `%a` (with optional
/// width and precision); otherwise the expression is left alone (nil).
enum PercentFormatting {
    static let maximumDigits = 3

    static func optimize(format: [UInt32], items: [Expr], range: SourceRange) -> Expr? {
        var position = 0
        var count = 0
        var values: [Expr] = []
        let noPosition = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
        while true {
            if let literal = parseLiteral(format, &position) {
                values.append(Expr(.constant(value: .str(PyString(codePoints: literal)), kind: nil), noPosition))
            }
            if position >= format.count { break }
            if count >= items.count { return nil }
            position += 1
            guard let value = parseFormat(format, &position, items[count]) else { return nil }
            count += 1
            values.append(value)
        }
        if count < items.count { return nil }
        return Expr(.joinedStr(values: values), range)
    }

    private static func parseLiteral(_ format: [UInt32], _ position: inout Int) -> [UInt32]? {
        let start = position
        var hasPercents = false
        let percent = UInt32(UInt8(ascii: "%"))
        while position < format.count {
            if format[position] != percent {
                position += 1
            } else if position + 1 < format.count && format[position + 1] == percent {
                hasPercents = true
                position += 2
            } else {
                break
            }
        }
        if position == start { return nil }
        var text = Array(format[start..<position])
        if hasPercents {
            var collapsed: [UInt32] = []
            var index = 0
            while index < text.count {
                collapsed.append(text[index])
                if text[index] == percent && index + 1 < text.count && text[index + 1] == percent { index += 1 }
                index += 1
            }
            text = collapsed
        }
        return text
    }

    private static func parseFormat(_ format: [UInt32], _ position: inout Int, _ argument: Expr) -> Expr? {
        var leftJustify = false
        var width = -1
        var precision = -1
        var character: UInt32 = 0
        func next() -> Bool {
            guard position < format.count else { return false }
            character = format[position]
            position += 1
            return true
        }
        func isDigit(_ c: UInt32) -> Bool { c >= 48 && c <= 57 }
        flags: while true {
            guard next() else { return nil }
            switch Unicode.Scalar(character).map(Character.init) {
            case "-": leftJustify = true
            case "+", " ", "#", "0": continue flags
            default: break flags
            }
        }
        if isDigit(character) {
            width = 0
            var digits = 0
            while isDigit(character) {
                width = width * 10 + Int(character - 48)
                guard next() else { return nil }
                digits += 1
                if digits >= maximumDigits { return nil }
            }
        }
        if character == UInt32(UInt8(ascii: ".")) {
            guard next() else { return nil }
            precision = 0
            if isDigit(character) {
                var digits = 0
                while isDigit(character) {
                    precision = precision * 10 + Int(character - 48)
                    guard next() else { return nil }
                    digits += 1
                    if digits >= maximumDigits { return nil }
                }
            }
        }
        let conversion = Int(character)
        guard conversion == 115 || conversion == 114 || conversion == 97 else { return nil }
        var spec = ""
        if !leftJustify && width > 0 { spec += ">" }
        if width >= 0 { spec += String(width) }
        if precision >= 0 { spec += "." + String(precision) }
        let noPosition = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
        let formatSpec: Expr? = spec.isEmpty ? nil : Expr(.constant(value: .str(PyString(spec)), kind: nil), noPosition)
        return Expr(.formattedValue(value: argument, conversion: conversion, formatSpec: formatSpec), argument.range)
    }
}
