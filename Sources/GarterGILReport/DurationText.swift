/// Durations for people: "850 ns", "12.3 µs", "4.56 ms", "1.234 s".
public func durationText(_ nanoseconds: Int64) -> String {
    let value = Double(nanoseconds)
    let magnitude = abs(value)
    if magnitude < 1_000 { return "\(nanoseconds) ns" }
    if magnitude < 1_000_000 { return decimal(value / 1e3) + " µs" }
    if magnitude < 1_000_000_000 { return decimal(value / 1e6) + " ms" }
    return decimal(value / 1e9) + " s"
}

/// Three significant digits at most, without a trailing ".0".
func decimal(_ value: Double) -> String {
    let places = abs(value) >= 100 ? 0 : abs(value) >= 10 ? 1 : 2
    var text = fixed(value, places)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}

/// `value` with exactly `places` decimals (no Foundation formatting, so
/// the output does not depend on the locale).
func fixed(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled - Double(whole) * scale)
    var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
    if places > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
}

/// A fraction as a percentage with one decimal: 0.8333 → "83.3%".
func percent(_ fraction: Double) -> String {
    fixed(fraction * 100, 1) + "%"
}
