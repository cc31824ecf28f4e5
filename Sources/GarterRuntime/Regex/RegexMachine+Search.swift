extension RegexMachine {
    /// Pattern.match / fullmatch: one attempt at `start` (CPython's `sre_match`).
    mutating func matchAtStart<Char: FixedWidthInteger & UnsignedInteger>(_ text: UnsafePointer<Char>) throws(RegexError) -> Bool {
        cursor = start
        return try run(text, at: 0, toplevel: true)
    }

    /// Pattern.search: the first position from `start` on where the pattern
    /// matches (CPython's `SRE(search)`). The INFO block at the head of the
    /// program, when there is one, says how to skip hopeless positions: a
    /// literal prefix (found with its overlap table, as Knuth-Morris-Pratt
    /// does), or a set the first character must belong to.
    mutating func search<Char: FixedWidthInteger & UnsignedInteger>(_ text: UnsafePointer<Char>) throws(RegexError) -> Bool {
        var ptr = start
        var end = self.end
        if ptr > end { return false }

        var body = 0
        var flags: UInt32 = 0
        var prefixLength = 0
        var prefixSkip = 0
        let prefix = 7
        var charset = -1
        if code[0] == SREOp.info {
            // <INFO> <skip> <flags> <min> <max> <prefix length> <prefix skip> <prefix> <overlap>
            flags = code[2]
            let minimum = Int(code[3])
            if minimum != 0 && end - ptr < minimum { return false }
            if minimum > 1 {
                // Leave room for the pattern, but at least one character,
                // which the literal searches below rely on.
                end -= minimum - 1
                if end <= ptr { end = ptr }
            }
            if flags & SREInfo.prefix != 0 {
                prefixLength = Int(code[5])
                prefixSkip = Int(code[6])
            } else if flags & SREInfo.charset != 0 {
                charset = 5
            }
            body = 1 + Int(code[1])
        }

        if prefixLength == 1 {
            let first = code[prefix]
            end = self.end
            mustAdvance = false
            while ptr < end {
                while regexCharacter(text, ptr) != first {
                    ptr += 1
                    if ptr >= end { return false }
                }
                start = ptr
                cursor = ptr + prefixSkip
                if flags & SREInfo.literal != 0 { return true }
                if try run(text, at: body + 2 * prefixSkip, toplevel: false) { return true }
                ptr += 1
                resetCaptures()
            }
            return false
        }

        if prefixLength > 1 {
            end = self.end
            if prefixLength > end - ptr { return false }
            let overlap = prefix + prefixLength - 1
            while ptr < end {
                let first = code[prefix]
                while true {
                    let ch = regexCharacter(text, ptr)
                    ptr += 1
                    if ch == first { break }
                    if ptr >= end { return false }
                }
                if ptr >= end { return false }
                var i = 1
                mustAdvance = false
                repeat {
                    if regexCharacter(text, ptr) == code[prefix + i] {
                        i += 1
                        if i != prefixLength {
                            ptr += 1
                            if ptr >= end { return false }
                            continue
                        }
                        // The whole prefix ends at ptr.
                        start = ptr - (prefixLength - 1)
                        cursor = ptr - (prefixLength - prefixSkip - 1)
                        if flags & SREInfo.literal != 0 { return true }
                        if try run(text, at: body + 2 * prefixSkip, toplevel: false) { return true }
                        ptr += 1
                        if ptr >= end { return false }
                        resetCaptures()
                    }
                    i = Int(code[overlap + i])
                } while i != 0
            }
            return false
        }

        if charset >= 0 {
            end = self.end
            mustAdvance = false
            while true {
                while ptr < end && !RegexCharset.contains(code, at: charset, regexCharacter(text, ptr)) {
                    ptr += 1
                }
                if ptr >= end { return false }
                start = ptr
                cursor = ptr
                if try run(text, at: body, toplevel: false) { return true }
                ptr += 1
                resetCaptures()
            }
        }

        start = ptr
        cursor = ptr
        var found = try run(text, at: body, toplevel: true)
        mustAdvance = false
        if !found && code[body] == SREOp.at
            && (code[body + 1] == SREAt.beginning || code[body + 1] == SREAt.beginningString) {
            // Anchored at the beginning: no later position can match.
            start = end
            cursor = end
            return false
        }
        while !found && ptr < end {
            ptr += 1
            resetCaptures()
            start = ptr
            cursor = ptr
            found = try run(text, at: body, toplevel: false)
        }
        return found
    }

    /// CPython's RESET_CAPTURE_GROUP, between the positions a search tries.
    @inline(__always)
    mutating func resetCaptures() {
        lastMark = -1
        lastIndex = -1
    }
}
