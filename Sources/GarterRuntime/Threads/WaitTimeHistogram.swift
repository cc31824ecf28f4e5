/// How long acquisitions waited for the GIL, in log-scale buckets: bucket 0
/// is under 1024 ns (an uncontended take), bucket i ≥ 1 is
/// [2^(i+9), 2^(i+10)) ns, and the last bucket takes everything longer
/// (from about 18 minutes up).
public struct WaitTimeHistogram: Sendable, Equatable {
    public static let bucketCount = 32

    public private(set) var counts: [UInt64]

    public init() { counts = Array(repeating: 0, count: WaitTimeHistogram.bucketCount) }

    /// The bucket a wait of `nanoseconds` falls in.
    public static func bucket(for nanoseconds: UInt64) -> Int {
        if nanoseconds < 1024 { return 0 }
        let highestBit = UInt64.bitWidth - 1 - nanoseconds.leadingZeroBitCount
        return min(highestBit - 9, bucketCount - 1)
    }

    /// The smallest wait (ns) in bucket `index`.
    public static func lowerBound(of index: Int) -> UInt64 {
        index == 0 ? 0 : UInt64(1) << UInt64(index + 9)
    }

    /// The first wait (ns) past bucket `index`, or nil for the last bucket.
    public static func upperBound(of index: Int) -> UInt64? {
        index == bucketCount - 1 ? nil : UInt64(1) << UInt64(index + 10)
    }

    public var total: UInt64 { counts.reduce(0, &+) }

    mutating func record(_ nanoseconds: UInt64) {
        counts[WaitTimeHistogram.bucket(for: nanoseconds)] &+= 1
    }

    public func adding(_ other: WaitTimeHistogram) -> WaitTimeHistogram {
        var sum = self
        for index in counts.indices { sum.counts[index] &+= other.counts[index] }
        return sum
    }
}
