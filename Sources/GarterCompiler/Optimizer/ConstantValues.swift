import BigInt
import GarterSyntax

/// Python equality, hashing-free, and `repr()` for constants: what the
/// compiler needs for frozenset constants, duplicate mapping-pattern keys
/// and `dis`.
enum ConstantValues {
    /// Identifies a constant up to Python's `==` (1 == 1.0 == True).
    indirect enum Key: Equatable {
        case none, ellipsis
        case integer(BigInt)
        case float(Double)
        case complex(Double, Double)
        case str([UInt32])
        case bytes([UInt8])
        case tuple([Key])
        case frozenset([Key])

        init(_ value: FoldValue) {
            switch value {
            case .none: self = .none
            case .ellipsis: self = .ellipsis
            case .bool(let flag): self = .integer(flag ? 1 : 0)
            case .int(let number): self = .integer(number)
            case .float(let number): self = Key.real(number)
            case .complex(let real, let imag): self = imag == 0 ? Key.real(real) : .complex(real, imag)
            case .str(let text): self = .str(text)
            case .bytes(let bytes): self = .bytes(bytes)
            case .tuple(let items): self = .tuple(items.map(Key.init))
            case .frozenset(let items): self = .frozenset(items.map(Key.init))
            }
        }

        init(_ constant: Constant) { self.init(FoldValue(constant)) }

        private static func real(_ number: Double) -> Key {
            if number.isFinite && number == number.rounded() && Swift.abs(number) < 1e18 {
                return .integer(BigInt(Int(number)))
            }
            return .float(number)
        }
    }

    static func uniqued(_ values: [FoldValue]) -> [FoldValue] {
        var keys: [Key] = []
        var result: [FoldValue] = []
        for value in values {
            let key = Key(value)
            if keys.contains(key) { continue }
            keys.append(key)
            result.append(value)
        }
        return result
    }

    static func uniqued(_ constants: [CodeConstant]) -> [CodeConstant] {
        uniqued(constants.compactMap(FoldValue.init)).map(\.codeConstant)
    }

    /// `repr()` of a float without the `.0` CPython adds to whole numbers
    /// (the form used inside complex reprs).
    static func shortFloat(_ value: Double) -> String {
        String(Repr.imaginary(value).dropLast())
    }

    static func repr(_ constant: CodeConstant) -> String {
        switch constant {
        case .literal(let literal):
            return Repr.constant(literal)
        case .complex(let real, let imag):
            let realText = shortFloat(real)
            let imagText = shortFloat(imag)
            let sign = imag.sign == .minus || imagText.hasPrefix("-") ? "" : "+"
            return "(\(realText)\(sign)\(imagText)j)"
        case .tuple(let items):
            if items.count == 1 { return "(\(repr(items[0])),)" }
            return "(" + items.map(repr).joined(separator: ", ") + ")"
        case .frozenset(let items):
            if items.isEmpty { return "frozenset()" }
            return "frozenset({" + items.map(repr).joined(separator: ", ") + "})"
        case .code(let code):
            return "<code object \(code.name) at 0x0, file \"\(code.filename)\", line \(code.firstLineNumber)>"
        }
    }
}
