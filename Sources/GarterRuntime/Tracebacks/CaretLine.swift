/// The line of carets under a traceback entry's source line (CPython 3.11's
/// tb_displayline and print_error_location_carets).
///
/// The instruction's columns are UTF-8 byte offsets. They are turned into
/// character (code point) offsets, with which a position on one line is
/// parsed for operator anchors, a position spanning lines is extended to
/// the last non-blank character of the first line, and the caret line is
/// left out when it would cover the whole stripped line with nothing singled
/// out. Only then are the offsets turned into display columns (wide and
/// fullwidth characters count two) to draw the carets.
enum CaretLine {
    /// Source lines are printed indented by four spaces.
    static let sourceIndent = 4

    /// The caret line (without margin, with its `\n`) for `line`, the full
    /// source line the entry shows (leading whitespace included, no line
    /// ending), or nil when none is drawn.
    static func render(line: String, position: InstructionPosition) -> [UInt8]? {
        guard let startLine = position.startLine, let endLine = position.endLine,
              let startColumn = position.startColumn, let endColumn = position.endColumn,
              startLine >= 0, endLine >= 0, startColumn >= 0, endColumn >= 0
        else { return nil }

        let utf8 = Array(line.utf8)
        let scalars = Array(line.unicodeScalars)
        var leading = 0
        while leading < scalars.count, isIndentation(scalars[leading]) { leading += 1 }
        let truncation = leading - sourceIndent

        let start = characterOffset(in: utf8, byteOffset: startColumn)
        var end = characterOffset(in: utf8, byteOffset: endColumn)
        var anchors: CaretAnchors?
        if startLine == endLine {
            anchors = CaretAnchors.find(in: scalars, start: start, end: end)
        } else {
            // CPython scans the UTF-8 text backwards from the line's length
            // in characters, so with non-ASCII text it starts short of the
            // end; kept for identical output.
            var index = scalars.count
            while true {
                index -= 1
                if index < 0 || !CaretAnchors.isBlank(utf8[index]) { break }
            }
            end = index + 1
        }

        let strippedLength = scalars.count - leading
        if end - start == strippedLength && anchors == nil { return nil }

        // The carets are placed by display columns: CPython 3.11 counts wide
        // and fullwidth characters as two.
        let displayStart = displayWidth(scalars, upTo: start)
        let displayEnd = displayWidth(scalars, upTo: end)
        let displayAnchors = anchors.map {
            CaretAnchors(leftEnd: displayWidth(scalars, upTo: $0.leftEnd),
                         rightStart: displayWidth(scalars, upTo: $0.rightStart),
                         primary: $0.primary, secondary: $0.secondary)
        }

        var out: [UInt8] = []
        var offset = truncation + 1
        while offset <= displayEnd {
            if offset <= displayStart {
                out.append(UInt8(ascii: " "))
            } else if let anchors = displayAnchors, anchors.leftEnd < offset && offset <= anchors.rightStart {
                out.append(anchors.secondary)
            } else {
                out.append(displayAnchors?.primary ?? UInt8(ascii: "^"))
            }
            offset += 1
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The columns the first `offset` characters of the line take
    /// (CPython's _PyPegen_calculate_display_width): an ASCII prefix
    /// answers `offset` itself, even past the end of the line.
    static func displayWidth(_ line: [Unicode.Scalar], upTo offset: Int) -> Int {
        let prefix = line[..<min(max(offset, 0), line.count)]
        if prefix.allSatisfy(\.isASCII) { return offset }
        var width = 0
        for scalar in prefix { width += isWide(scalar) ? 2 : 1 }
        return width
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        let ranges = WideCharacters.ranges
        // Binary search over the (first, last) pairs.
        var low = 0
        var high = ranges.count / 2
        while low < high {
            let middle = (low + high) / 2
            if ranges[2 * middle + 1] < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count / 2 && ranges[2 * low] <= value
    }

    /// The characters that display_source_line strips from the front.
    static func isIndentation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{0C}"
    }

    /// CPython's _PyPegen_byte_offset_to_character_offset: the number of
    /// characters the first `byteOffset` bytes decode to, reading at most
    /// one byte past the end (the C string's terminator, which counts as a
    /// character) and counting a cut-off character once.
    static func characterOffset(in utf8: [UInt8], byteOffset: Int) -> Int {
        let limit = min(byteOffset, utf8.count + 1)
        var count = 0
        for index in 0..<min(limit, utf8.count) where utf8[index] & 0xC0 != 0x80 {
            count += 1
        }
        if limit > utf8.count { count += 1 }
        return count
    }
}
