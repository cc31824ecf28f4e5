import BigInt

/// Multiplication of large magnitudes on raw word buffers: schoolbook below
/// `karatsubaThreshold` words, Karatsuba above. attaswift's `BigUInt` reaches
/// every word through an enum-switching subscript, which makes its own
/// multiplication several times slower; `PyInteger` and the modular power
/// use this instead once both operands are longer than two words.
enum WordMultiplication {
    static let karatsubaThreshold = 40

    /// `a * b`.
    static func multiply(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        let aCount = a.words.count
        let bCount = b.words.count
        if aCount <= 2 || bCount <= 2 { return a * b }
        let left = Array(a.words)
        let right = Array(b.words)
        var product = [UInt](repeating: 0, count: aCount + bCount)
        left.withUnsafeBufferPointer { x in
            right.withUnsafeBufferPointer { y in
                product.withUnsafeMutableBufferPointer { z in
                    multiply(x, y, into: z)
                }
            }
        }
        return BigUInt(words: product)
    }

    /// `z = x * y`, where `z` has exactly `x.count + y.count` zeroed words.
    static func multiply(_ x: UnsafeBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>,
                         into z: UnsafeMutableBufferPointer<UInt>) {
        // Make x the longer operand.
        if x.count < y.count { return multiply(y, x, into: z) }
        if y.count < karatsubaThreshold {
            schoolbook(x, y, into: z)
            return
        }
        if x.count >= 2 * y.count {
            // Unbalanced: multiply y by y-sized slices of x and add them in.
            var scratch = [UInt](repeating: 0, count: 2 * y.count)
            var offset = 0
            while offset < x.count {
                let length = min(y.count, x.count - offset)
                let slice = UnsafeBufferPointer(rebasing: x[offset..<(offset + length)])
                scratch.withUnsafeMutableBufferPointer { s in
                    let part = UnsafeMutableBufferPointer(rebasing: s[0..<(length + y.count)])
                    part.update(repeating: 0)
                    multiply(slice, y, into: part)
                    _ = addInPlace(UnsafeMutableBufferPointer(rebasing: z[offset...]), UnsafeBufferPointer(part))
                }
                offset += length
            }
            return
        }
        karatsuba(x, y, into: z)
    }

    /// Karatsuba for operands of comparable length (x.count >= y.count > x.count / 2).
    static func karatsuba(_ x: UnsafeBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>,
                          into z: UnsafeMutableBufferPointer<UInt>) {
        let half = (x.count + 1) / 2
        let x0 = UnsafeBufferPointer(rebasing: x[0..<half])
        let x1 = UnsafeBufferPointer(rebasing: x[half...])
        let y0 = UnsafeBufferPointer(rebasing: y[0..<min(half, y.count)])
        let y1 = UnsafeBufferPointer(rebasing: y[min(half, y.count)...])
        // z0 = x0·y0 in the low words, z2 = x1·y1 in the high words.
        let low = UnsafeMutableBufferPointer(rebasing: z[0..<(x0.count + y0.count)])
        multiply(x0, y0, into: low)
        let high = UnsafeMutableBufferPointer(rebasing: z[(2 * half)..<(2 * half + x1.count + y1.count)])
        if !y1.isEmpty { multiply(x1, y1, into: high) }
        // z1 = (x0 + x1)(y0 + y1) - z0 - z2, added at `half` words.
        var sumX = [UInt](repeating: 0, count: half + 1)
        var sumY = [UInt](repeating: 0, count: half + 1)
        sumX.withUnsafeMutableBufferPointer { s in
            _ = add(x0, x1, into: s)
        }
        sumY.withUnsafeMutableBufferPointer { s in
            _ = add(y0, y1, into: s)
        }
        var middle = [UInt](repeating: 0, count: 2 * half + 2)
        sumX.withUnsafeBufferPointer { a in
            sumY.withUnsafeBufferPointer { b in
                middle.withUnsafeMutableBufferPointer { m in
                    multiply(trimmed(a), trimmed(b), into: UnsafeMutableBufferPointer(rebasing: m[0..<(trimmed(a).count + trimmed(b).count)]))
                    subtractInPlace(m, UnsafeBufferPointer(low))
                    subtractInPlace(m, UnsafeBufferPointer(high))
                }
            }
        }
        middle.withUnsafeBufferPointer { m in
            _ = addInPlace(UnsafeMutableBufferPointer(rebasing: z[half...]), trimmed(m))
        }
    }

    /// The buffer without its high zero words.
    @inline(__always)
    static func trimmed(_ x: UnsafeBufferPointer<UInt>) -> UnsafeBufferPointer<UInt> {
        var count = x.count
        while count > 0 && x[count - 1] == 0 { count -= 1 }
        return UnsafeBufferPointer(rebasing: x[0..<count])
    }

    static func schoolbook(_ x: UnsafeBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>,
                           into z: UnsafeMutableBufferPointer<UInt>) {
        let yCount = y.count
        for i in 0..<x.count {
            let digit = UInt128(x[i])
            if digit == 0 { continue }
            var carry: UInt128 = 0
            for j in 0..<yCount {
                // (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1: no overflow, and
                // 128-bit arithmetic compiles to mul/add/adc without branches.
                let t = digit &* UInt128(y[j]) &+ UInt128(z[i &+ j]) &+ carry
                z[i &+ j] = UInt(truncatingIfNeeded: t)
                carry = t &>> 64
            }
            z[i &+ yCount] = UInt(truncatingIfNeeded: carry)
        }
    }

    /// `z = x + y` (z has room for max(count) + 1 words); returns the carry-out word count used.
    @discardableResult
    static func add(_ x: UnsafeBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>,
                    into z: UnsafeMutableBufferPointer<UInt>) -> Int {
        let (long, short) = x.count >= y.count ? (x, y) : (y, x)
        var carry: UInt128 = 0
        for i in 0..<long.count {
            let t = UInt128(long[i]) &+ UInt128(i < short.count ? short[i] : 0) &+ carry
            z[i] = UInt(truncatingIfNeeded: t)
            carry = t &>> 64
        }
        if carry != 0 { z[long.count] = 1 }
        return long.count + (carry != 0 ? 1 : 0)
    }

    /// `z += y`, propagating the carry through `z` (which must be long enough).
    @discardableResult
    static func addInPlace(_ z: UnsafeMutableBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>) -> Bool {
        var carry: UInt128 = 0
        var i = 0
        while i < y.count {
            let t = UInt128(z[i]) &+ UInt128(y[i]) &+ carry
            z[i] = UInt(truncatingIfNeeded: t)
            carry = t &>> 64
            i += 1
        }
        while carry != 0 && i < z.count {
            let (sum, overflow) = z[i].addingReportingOverflow(1)
            z[i] = sum
            carry = overflow ? 1 : 0
            i += 1
        }
        return carry != 0
    }

    /// `z -= y` where the result is known to be non-negative.
    static func subtractInPlace(_ z: UnsafeMutableBufferPointer<UInt>, _ y: UnsafeBufferPointer<UInt>) {
        // The borrow is 0 or all ones in the high half of a 128-bit difference.
        var borrow: UInt = 0
        var i = 0
        while i < y.count {
            let t = UInt128(z[i]) &- UInt128(y[i]) &- UInt128(borrow)
            z[i] = UInt(truncatingIfNeeded: t)
            borrow = UInt(truncatingIfNeeded: t &>> 64) & 1
            i += 1
        }
        while borrow != 0 && i < z.count {
            let (difference, overflow) = z[i].subtractingReportingOverflow(1)
            z[i] = difference
            borrow = overflow ? 1 : 0
            i += 1
        }
    }
}
