/// `str.expandtabs`.
extension PyText {
    /// `str.expandtabs(tabsize=8)`: each tab becomes the spaces up to the next
    /// multiple of `tabSize` columns; `\n` and `\r` reset the column. A
    /// tab size of zero or less removes the tabs.
    public static func expandTabs(_ text: CodePoints, tabSize: Int = 8) throws(TextError) -> [UInt32] {
        // First pass: the result's length, with CPython's overflow check.
        var length = 0
        var column = 0
        for codePoint in text {
            if codePoint == 0x09 {
                if tabSize > 0 {
                    let spaces = tabSize - column % tabSize
                    if column > Int.max - spaces || length > Int.max - spaces {
                        throw .overflowError("new string is too long")
                    }
                    column += spaces
                    length += spaces
                }
            } else {
                if length == Int.max { throw .overflowError("new string is too long") }
                length += 1
                column += 1
                if codePoint == 0x0A || codePoint == 0x0D { column = 0 }
            }
        }
        if length > maximumLength { throw .memoryError }
        var result: [UInt32] = []
        result.reserveCapacity(length)
        column = 0
        for codePoint in text {
            if codePoint == 0x09 {
                if tabSize > 0 {
                    let spaces = tabSize - column % tabSize
                    column += spaces
                    result.append(contentsOf: repeatElement(0x20, count: spaces))
                }
            } else {
                result.append(codePoint)
                column += 1
                if codePoint == 0x0A || codePoint == 0x0D { column = 0 }
            }
        }
        return result
    }
}
