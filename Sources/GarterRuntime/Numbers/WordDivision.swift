import BigInt

/// Division of large magnitudes on raw word buffers (Knuth's algorithm D),
/// for the same reason as `WordMultiplication`: `BigUInt`'s own division
/// goes through its enum-switching subscript on every word.
enum WordDivision {
    /// `(a / b, a % b)` for `b` nonzero.
    static func quotientAndRemainder(_ a: BigUInt, _ b: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        let divisorCount = b.words.count
        if a.words.count < divisorCount || divisorCount <= 1 || a < b {
            return a.quotientAndRemainder(dividingBy: b)
        }
        var dividend = Array(a.words)
        let divisor = Array(b.words)
        var quotient = [UInt](repeating: 0, count: dividend.count - divisorCount + 1)
        var remainder = [UInt](repeating: 0, count: divisorCount)
        dividend.withUnsafeMutableBufferPointer { u in
            divisor.withUnsafeBufferPointer { v in
                quotient.withUnsafeMutableBufferPointer { q in
                    remainder.withUnsafeMutableBufferPointer { r in
                        divide(u, v, quotient: q, remainder: r)
                    }
                }
            }
        }
        return (BigUInt(words: quotient), BigUInt(words: remainder))
    }

    /// `a % b`.
    @inline(__always)
    static func remainder(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        quotientAndRemainder(a, b).remainder
    }

    /// Algorithm D. `v` has at least two words and a nonzero top word;
    /// `u` has at least as many words. `q` has `u.count - v.count + 1`
    /// words, `r` has `v.count`.
    static func divide(_ u: UnsafeMutableBufferPointer<UInt>, _ v: UnsafeBufferPointer<UInt>,
                       quotient q: UnsafeMutableBufferPointer<UInt>, remainder r: UnsafeMutableBufferPointer<UInt>) {
        let n = v.count
        let m = u.count - n
        let shift = v[n - 1].leadingZeroBitCount
        // Normalise: shift both so the divisor's top bit is set.
        let vn = UnsafeMutableBufferPointer<UInt>.allocate(capacity: n)
        let un = UnsafeMutableBufferPointer<UInt>.allocate(capacity: u.count + 1)
        defer {
            vn.deallocate()
            un.deallocate()
        }
        _ = shiftLeft(v, by: shift, into: vn)
        un[u.count] = shiftLeft(UnsafeBufferPointer(u), by: shift, into: UnsafeMutableBufferPointer(rebasing: un[0..<u.count]))
        let top = vn[n - 1]
        let second = vn[n - 2]
        var j = m
        while j >= 0 {
            // Estimate the quotient word from the top two dividend words.
            var estimate: UInt
            var rest: UInt
            var restOverflowed = false
            if un[j + n] >= top {
                estimate = .max
                let (sum, overflow) = un[j + n - 1].addingReportingOverflow(top)
                rest = sum
                restOverflowed = overflow || un[j + n] > top
            } else {
                (estimate, rest) = top.dividingFullWidth((un[j + n], un[j + n - 1]))
            }
            while !restOverflowed {
                let product = second.multipliedFullWidth(by: estimate)
                if product.high < rest || (product.high == rest && product.low <= un[j + n - 2]) { break }
                estimate -= 1
                let (sum, overflow) = rest.addingReportingOverflow(top)
                rest = sum
                restOverflowed = overflow
            }
            if estimate == 0 {
                q[j] = 0
                j -= 1
                continue
            }
            // Multiply and subtract, branch-free in 128 bits.
            var carry: UInt128 = 0
            var borrow: UInt = 0
            for i in 0..<n {
                let product = UInt128(estimate) &* UInt128(vn[i]) &+ carry
                carry = product &>> 64
                let t = UInt128(un[i &+ j]) &- (product & 0xFFFF_FFFF_FFFF_FFFF) &- UInt128(borrow)
                un[i &+ j] = UInt(truncatingIfNeeded: t)
                borrow = UInt(truncatingIfNeeded: t &>> 64) & 1
            }
            let last = UInt128(un[j &+ n]) &- carry &- UInt128(borrow)
            un[j &+ n] = UInt(truncatingIfNeeded: last)
            let wentNegative = last &>> 64 != 0
            if wentNegative {
                // The estimate was one too large: add the divisor back.
                estimate -= 1
                var addCarry = false
                for i in 0..<n {
                    let (sum1, overflow1) = un[i + j].addingReportingOverflow(vn[i])
                    let (sum2, overflow2) = sum1.addingReportingOverflow(addCarry ? 1 : 0)
                    un[i + j] = sum2
                    addCarry = overflow1 || overflow2
                }
                un[j + n] &+= addCarry ? 1 : 0
            }
            q[j] = estimate
            j -= 1
        }
        // Unnormalise the remainder.
        for i in 0..<n {
            r[i] = shift == 0 ? un[i] : (un[i] >> UInt(shift)) | (un[i + 1] << UInt(UInt.bitWidth - shift))
        }
    }

    /// `out = x << shift` (shift < 64) over `x.count` words; returns the
    /// bits shifted out of the top.
    @inline(__always)
    static func shiftLeft(_ x: UnsafeBufferPointer<UInt>, by shift: Int,
                          into out: UnsafeMutableBufferPointer<UInt>) -> UInt {
        if shift == 0 {
            for i in 0..<x.count { out[i] = x[i] }
            return 0
        }
        var carry: UInt = 0
        for i in 0..<x.count {
            out[i] = (x[i] << UInt(shift)) | carry
            carry = x[i] >> UInt(UInt.bitWidth - shift)
        }
        return carry
    }
}
