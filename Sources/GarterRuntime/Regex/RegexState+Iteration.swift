/// A piece of Pattern.split's result: a slice of the subject between
/// matches, or a group of a match (nil for a group that did not take part,
/// which split reports as None).
public enum RegexSplitPiece: Equatable, Sendable {
    case text(Range<Int>)
    case group(Range<Int>?)
}

/// The methods that iterate over matches and need no Python callback, as
/// spans the runtime slices into str or bytes objects. Each runs on a fresh
/// state (`RegexState(program:subjectLength:pos:endpos:)`): they scan from
/// `pos` like a Scanner. Pattern.sub/subn call back into Python between
/// matches, so the runtime drives them itself with `nextSearch`:
///
///     var last = 0, n = 0
///     while count == 0 || n < count, try state.nextSearch(text) {
///         if last < state.matchStart { append(last..<state.matchStart) }
///         append(replacement for state.spans())
///         last = state.matchEnd; n += 1
///     }
///     if last < state.endpos { append(last..<state.endpos) }
extension RegexState {
    /// Pattern.split: the slices between matches, each followed by the
    /// match's groups; at most `maxSplit` splits (0 for no limit).
    public func splitPieces(_ text: RegexText, maxSplit: Int = 0) throws(RegexError) -> [RegexSplitPiece] {
        var pieces: [RegexSplitPiece] = []
        var last = pos
        var splits = 0
        while maxSplit <= 0 || splits < maxSplit {
            guard try nextSearch(text) else { break }
            pieces.append(.text(last..<matchStart))
            if program.groupCount > 0 {
                for group in 1...program.groupCount {
                    pieces.append(.group(span(ofGroup: group)))
                }
            }
            splits += 1
            last = matchEnd
        }
        pieces.append(.text(last..<max(last, endpos)))
        return pieces
    }

    /// Pattern.findall: per match, the match's span when the pattern has no
    /// groups, else the span of each group, where a group that did not take
    /// part gives an empty string (`0..<0`), as findall reports it.
    public func findAllSpans(_ text: RegexText) throws(RegexError) -> [[Range<Int>]] {
        var items: [[Range<Int>]] = []
        while try nextSearch(text) {
            if program.groupCount == 0 {
                items.append([matchStart..<matchEnd])
            } else {
                items.append((1...program.groupCount).map { span(ofGroup: $0) ?? 0..<0 })
            }
        }
        return items
    }
}
