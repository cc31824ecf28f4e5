import GarterSyntax

/// The part of a caret line that marks an operator or a subscript inside
/// the failing expression: `a + b` is drawn `~~^~~`, `a[i]` `~^^^`.
///
/// CPython 3.11 finds it by parsing the text the instruction covers on its
/// own (Python/traceback.c, extract_anchors_from_line): when that text is a
/// single expression statement whose expression is a binary operation or a
/// subscript, the operator (or the brackets) become the secondary range.
/// The scanning rules below are CPython's, quirks included (after a `)` the
/// scan goes on, and a two-character operator is any two non-blank
/// characters, so `(a)+(b)` marks `+(`).
struct CaretAnchors: Equatable {
    /// Characters in `leftEnd..<rightStart` of the line get `secondary`.
    var leftEnd: Int
    var rightStart: Int
    var primary: UInt8
    var secondary: UInt8

    /// Anchors for the characters `start..<end` of `line` (code points), in
    /// code points of the line; nil when the segment does not parse or is
    /// not an operation CPython specialises.
    static func find(in line: [Unicode.Scalar], start: Int, end: Int) -> CaretAnchors? {
        // PyUnicode_Substring: an empty segment when the range is reversed
        // or starts past the end.
        let upper = min(end, line.count)
        var segment = ""
        if start < line.count && start <= upper {
            segment.unicodeScalars.append(contentsOf: line[start..<upper])
        }
        let bytes = Array(segment.utf8)
        guard let module = try? Parser.parseModule(SourceBuffer(utf8: bytes, filename: "<traceback>")),
              case .module(let body, _) = module, body.count == 1,
              case .expr(let expression) = body[0].kind,
              var anchors = byteAnchors(of: expression, in: bytes)
        else { return nil }
        anchors.leftEnd = CaretLine.characterOffset(in: bytes, byteOffset: anchors.leftEnd) + start
        anchors.rightStart = CaretLine.characterOffset(in: bytes, byteOffset: anchors.rightStart) + start
        return anchors
    }

    /// Anchors in bytes of the segment.
    private static func byteAnchors(of expression: Expr, in segment: [UInt8]) -> CaretAnchors? {
        switch expression.kind {
        case .binOp(let left, _, let right):
            let from = Int(left.range.endColOffset)
            let to = Int(right.range.colOffset)
            var found: CaretAnchors?
            var index = from
            while index < to {
                defer { index += 1 }
                let byte = segment[index]
                if isBlank(byte) { continue }
                var anchors = CaretAnchors(leftEnd: index, rightStart: index + 1,
                                           primary: UInt8(ascii: "^"), secondary: UInt8(ascii: "^"))
                if index + 1 < to && !isBlank(segment[index + 1]) {
                    anchors.rightStart += 1
                }
                found = anchors
                if index + 1 < to && byte == UInt8(ascii: ")") { continue }
                found?.primary = UInt8(ascii: "~")
                break
            }
            return found
        case .subscript(let value, let slice, _):
            var left = Int(value.range.endColOffset)
            var right = Int(slice.range.endColOffset) + 1
            let length = segment.count
            while left < length && segment[left] != UInt8(ascii: "[") { left += 1 }
            while right < length && segment[right] != UInt8(ascii: "]") { right += 1 }
            if right < length { right += 1 }
            return CaretAnchors(leftEnd: left, rightStart: right,
                                primary: UInt8(ascii: "~"), secondary: UInt8(ascii: "^"))
        default:
            return nil
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C
    }
}
