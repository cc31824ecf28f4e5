/// Tabs and space separators (Unicode category Zs): what surrounds a line's
/// text without ending the line. The prompt's "is this line blank" test and
/// the warning's quoted source line trim these, not `\r` or form feeds.
public enum HorizontalWhitespace {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    public static func isBlank<Text: StringProtocol>(_ text: Text) -> Bool {
        text.unicodeScalars.allSatisfy(contains)
    }

    /// `text` without horizontal whitespace at either end.
    public static func trim<Text: StringProtocol>(_ text: Text) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !contains($0) }),
              let last = scalars.lastIndex(where: { !contains($0) }) else { return "" }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }
}
