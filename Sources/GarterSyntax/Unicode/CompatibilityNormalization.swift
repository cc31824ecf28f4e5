/// Unicode normalization form KC (compatibility decomposition, then
/// canonical composition) with CPython 3.11's Unicode 14.0 compatibility
/// data, over the Swift standard library's NFC.
///
/// NFKC(s) = NFC(s with each code point that has a compatibility mapping
/// replaced by its full NFKD form): NFC's canonical decomposition and
/// reordering of that text give exactly NFKD(s), which it then composes.
public enum CompatibilityNormalization {
    public static func nfkc(_ text: String) -> String {
        var expanded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapping = mapping(of: scalar.value) {
                for value in mapping { expanded.append(Unicode.Scalar(value)!) }
            } else {
                expanded.append(scalar)
            }
        }
        return String(decoding: String(expanded)._nfcCodeUnits, as: UTF8.self)
    }

    /// The NFKD form of `codePoint` if it differs from its canonical one.
    public static func mapping(of codePoint: UInt32) -> ArraySlice<UInt32>? {
        let keys = CompatibilityMappings.keys
        var low = 0
        var high = keys.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if keys[middle] < codePoint {
                low = middle + 1
            } else if keys[middle] > codePoint {
                high = middle - 1
            } else {
                let starts = CompatibilityMappings.starts
                return CompatibilityMappings.values[Int(starts[middle])..<Int(starts[middle + 1])]
            }
        }
        return nil
    }
}
