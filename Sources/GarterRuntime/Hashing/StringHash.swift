/// `hash(str)` and `hash(bytes)` as CPython 3.11 computes them on x86-64.
///
/// CPython hashes a string's internal representation: one byte per code
/// point when all are below 256, two when all are below 65536, four
/// otherwise (PEP 393), little-endian. Garter stores code points as 32-bit
/// values, so the words SipHash consumes are assembled from them at the
/// width CPython would have used; nothing is converted or allocated.
extension HashSecret {
    /// `hash(bytes)` (and of any buffer CPython hashes as bytes).
    public func hash(bytes: UnsafeRawBufferPointer) -> Int {
        let count = bytes.count
        guard count > 0 else { return 0 }
        var sip = SipHash13(k0: k0, k1: k1)
        var offset = 0
        while offset + 8 <= count {
            sip.compress(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return Self.finalHash(sip.finish(tail: tail, byteCount: count))
    }

    /// `hash(bytes)` for an array.
    public func hash(bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { hash(bytes: $0) }
    }

    /// `hash(str)` of a string given as code points (lone surrogates allowed).
    public func hash(codePoints: UnsafeBufferPointer<UInt32>) -> Int {
        let count = codePoints.count
        guard count > 0 else { return 0 }
        var widest: UInt32 = 0
        for codePoint in codePoints { widest |= codePoint }
        if widest < 0x100 { return hash(codePoints, bitsPerCodePoint: 8) }
        if widest < 0x1_0000 { return hash(codePoints, bitsPerCodePoint: 16) }
        return hash(codePoints, bitsPerCodePoint: 32)
    }

    /// `hash(str)` for an array of code points.
    public func hash(codePoints: [UInt32]) -> Int {
        codePoints.withUnsafeBufferPointer { hash(codePoints: $0) }
    }

    /// SipHash over the code points packed `64 / bitsPerCodePoint` to a
    /// word. Inlined per width, so each packing loop has a constant trip
    /// count and unrolls.
    @inline(__always)
    private func hash(_ codePoints: UnsafeBufferPointer<UInt32>, bitsPerCodePoint: UInt64) -> Int {
        let perWord = 64 / Int(bitsPerCodePoint)
        let base = codePoints.baseAddress.unsafelyUnwrapped
        let count = codePoints.count
        var sip = SipHash13(k0: k0, k1: k1)
        var index = 0
        while index + perWord <= count {
            let raw = UnsafeRawPointer(base + index)
            // Narrow the code points to CPython's width with vector
            // truncation; the packed lanes are the little-endian word.
            let word: UInt64
            switch bitsPerCodePoint {
            case 8: word = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD8<UInt32>.self)), to: UInt64.self)
            case 16: word = unsafeBitCast(SIMD4<UInt16>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD4<UInt32>.self)), to: UInt64.self)
            default: word = UInt64(base[index]) | UInt64(base[index + 1]) << 32
            }
            sip.compress(UInt64(littleEndian: word))
            index += perWord
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base[index]) << shift
            shift += bitsPerCodePoint
            index += 1
        }
        let byteCount = count * Int(bitsPerCodePoint / 8)
        return Self.finalHash(sip.finish(tail: tail, byteCount: byteCount))
    }

    /// -1 is CPython's error marker, so a hash that comes out as -1 is -2.
    @inline(__always)
    static func finalHash(_ raw: UInt64) -> Int {
        let hash = Int(bitPattern: UInt(raw))
        return hash == -1 ? -2 : hash
    }
}
