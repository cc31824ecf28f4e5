extension NumberFormat {
    /// `format(z, spec)` for a non-empty spec (CPython's
    /// `format_complex_internal`): both parts formatted as floats without
    /// padding, the imaginary one with a sign, then "j", parentheses when no
    /// type is given and the real part shows, and the whole padded.
    public static func format(_ z: ComplexNumber, spec: some Collection<UInt32>) throws(NumberError) -> [UInt32] {
        let parsed = try FormatSpec.parse(spec, defaultType: nil, defaultAlign: 0x3E, typeName: "complex")
        switch parsed.typeByte {
        case 0, UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "n"):
            break
        default:
            throw unknownCode(parsed.type ?? 0, "complex")
        }
        if parsed.fill == 0x30 { throw NumberError.valueError("Zero padding is not allowed in complex format specifier") }
        if parsed.align == 0x3D {
            throw NumberError.valueError("'=' alignment flag is not allowed in complex format specifier")
        }
        if let precision = parsed.precision, precision > Int(Int32.max) {
            throw NumberError.valueError("precision too big")
        }
        var code = parsed.typeByte
        var defaultPrecision = 6
        var skipReal = false
        var parentheses = false
        if code == 0 {
            code = UInt8(ascii: "r")
            defaultPrecision = 0
            if z.real == 0 && z.real.sign == .plus { skipReal = true } else { parentheses = true }
        }
        if code == UInt8(ascii: "n") { code = UInt8(ascii: "g") }
        var precision = defaultPrecision
        if let given = parsed.precision {
            precision = given
            if code == UInt8(ascii: "r") { code = UInt8(ascii: "g") }
        }
        var flags: FloatText.Flags = []
        if parsed.alternate { flags.insert(.alternate) }
        if parsed.noNegativeZero { flags.insert(.noNegativeZero) }

        // Each part unpadded, with the spec's sign and grouping.
        var partSpec = parsed
        partSpec.width = nil
        partSpec.fill = 0x20
        partSpec.align = 0x3C
        let grouping = parsed.typeByte == UInt8(ascii: "n") ? FormatSpec.Grouping.none : parsed.grouping
        func part(_ x: Double, _ spec: FormatSpec) throws(NumberError) -> [UInt32] {
            var buffer: [UInt8] = []
            FloatText.append(x, code: code, precision: precision, flags: flags, to: &buffer)
            let negative = buffer.first == UInt8(ascii: "-")
            let start = negative ? 1 : 0
            var split = start
            while split < buffer.count && buffer[split] &- 0x30 < 10 { split += 1 }
            return try layout(negative: negative, prefix: [], digits: buffer[start..<split],
                              remainder: buffer[split...].map { UInt32($0) }, spec, grouping: grouping)
        }
        var body: [UInt32] = []
        if parentheses { body.append(0x28) }
        if !skipReal { body += try part(z.real, partSpec) }
        var imagSpec = partSpec
        if !skipReal { imagSpec.sign = 0x2B }
        body += try part(z.imag, imagSpec)
        body.append(0x6A)
        if parentheses { body.append(0x29) }

        let width = parsed.width ?? 0
        if width > NumberLimits.maxFormattedLength { throw NumberError.memoryError }
        let padding = max(0, width - body.count)
        var left = 0
        var right = 0
        switch parsed.align {
        case 0x3C: right = padding
        case 0x5E: left = padding / 2; right = padding - left
        default: left = padding
        }
        return Array(repeatElement(parsed.fill, count: left)) + body + Array(repeatElement(parsed.fill, count: right))
    }
}
