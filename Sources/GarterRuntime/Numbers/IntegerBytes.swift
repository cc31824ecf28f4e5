import BigInt

// `int.to_bytes` and `int.from_bytes`. Checking the byteorder text ("byteorder
// must be either 'little' or 'big'", raised before the length is checked) is
// the caller's part; here it is a Bool.

extension PyInteger {
    /// `self.to_bytes(length, byteorder, signed=signed)`: two's complement
    /// when `signed`.
    public func toBytes(length: Int, littleEndian: Bool, signed: Bool) throws(NumberError) -> [UInt8] {
        if length < 0 { throw NumberError.valueError("length argument must be non-negative") }
        // CPython allocates the result first.
        if length > NumberLimits.maxIntegerBits / 8 { throw NumberError.memoryError }
        if isNegative && !signed { throw NumberError.overflowError("can't convert negative int to unsigned") }
        let tooBig = NumberError.overflowError("int too big to convert")
        let bitsAllowed = length * 8 - (signed ? 1 : 0)
        var magnitude = self.magnitude
        if isNegative {
            // -m is stored as the complement of m - 1, which must fit.
            magnitude -= 1
        }
        // 0 and -1 fit even in no bytes.
        if !magnitude.isZero && magnitude.bitWidth > bitsAllowed { throw tooBig }
        var bytes = [UInt8](repeating: isNegative ? 0xFF : 0, count: length)
        var index = 0
        for word in magnitude.words {
            var value = word
            for _ in 0..<(UInt.bitWidth / 8) where index < length {
                let byte = UInt8(truncatingIfNeeded: value)
                bytes[index] = isNegative ? ~byte : byte
                value >>= 8
                index += 1
            }
        }
        return littleEndian ? bytes : bytes.reversed()
    }

    /// `int.from_bytes(bytes, byteorder, signed=signed)`.
    public static func fromBytes(_ bytes: some Collection<UInt8>, littleEndian: Bool, signed: Bool) -> PyInteger {
        let ordered: [UInt8] = littleEndian ? Array(bytes) : bytes.reversed()
        let wordBytes = UInt.bitWidth / 8
        var words = [UInt](repeating: 0, count: (ordered.count + wordBytes - 1) / wordBytes)
        for (index, byte) in ordered.enumerated() {
            words[index / wordBytes] |= UInt(byte) << UInt(8 * (index % wordBytes))
        }
        let unsigned = BigUInt(words: words)
        if signed, let top = ordered.last, top & 0x80 != 0 {
            // Subtract 2^(8n).
            return PyInteger(BigInt(unsigned) - BigInt(BigUInt(1) << (8 * ordered.count)))
        }
        return PyInteger(negative: false, magnitude: unsigned)
    }
}
