import GarterSyntax

/// `match` statements (PEP 634), compiled as CPython 3.11 does: the
/// subject stays on the stack while each case's pattern is tried; captured
/// values are kept on the stack (below anything still being matched) and
/// stored only when the whole pattern has matched; a failing test jumps to
/// one of the `failPop` blocks, which pop what the pattern had pushed.
extension CodeGenerator {
    struct PatternContext {
        /// Names captured so far, in the order their values lie on the stack.
        var stores: [String] = []
        var allowIrrefutable = false
        /// `failPop[n]` pops n items and continues with the next case.
        var failPop: [Int] = []
        /// Items pushed on top of the captured values that a failure must pop.
        var onTop = 0
    }

    static func isWildcard(_ pattern: Pattern) -> Bool {
        if case .matchAs(nil, nil) = pattern.kind { return true }
        return false
    }

    static func isStarWildcard(_ pattern: Pattern) -> Bool {
        if case .matchStar(nil) = pattern.kind { return true }
        return false
    }

    func compileMatch(subject: Expr, cases: [MatchCase]) throws(CompileError) {
        try visit(subject)
        let end = newBlock()
        let last = cases[cases.count - 1]
        let hasDefault = Self.isWildcard(last.pattern) && cases.count > 1
        var context = PatternContext()
        for index in 0..<(cases.count - (hasDefault ? 1 : 0)) {
            let matchCase = cases[index]
            setLocation(matchCase.pattern.range)
            let isLastTried = index == cases.count - (hasDefault ? 1 : 0) - 1
            if !isLastTried { emit(.copy, 1) }
            context.stores = []
            context.allowIrrefutable = matchCase.guard_ != nil || index == cases.count - 1
            context.failPop = []
            context.onTop = 0
            try compilePattern(matchCase.pattern, &context)
            for name in context.stores { try nameOperation(name, .store) }
            if let guardExpression = matchCase.guard_ {
                ensureFailPop(&context, 0)
                try jumpIf(guardExpression, to: context.failPop[0], condition: false)
            }
            if !isLastTried { emit(.popTop) }
            try visit(matchCase.body)
            emitJump(.jump, to: end)
            setLocation(matchCase.pattern.range)
            emitAndResetFailPop(&context)
        }
        if hasDefault {
            setLocation(last.pattern.range)
            if cases.count == 1 {
                emit(.popTop)
            } else {
                emit(.nop)
            }
            if let guardExpression = last.guard_ {
                try jumpIf(guardExpression, to: end, condition: false)
            }
            try visit(last.body)
        }
        useNextBlock(end)
    }

    private func ensureFailPop(_ context: inout PatternContext, _ count: Int) {
        while context.failPop.count < count + 1 {
            context.failPop.append(newBlock())
        }
    }

    private func jumpToFailPop(_ context: inout PatternContext, _ opcode: IROpcode) {
        let pops = context.onTop + context.stores.count
        ensureFailPop(&context, pops)
        emitJump(opcode, to: context.failPop[pops])
    }

    private func emitAndResetFailPop(_ context: inout PatternContext) {
        guard !context.failPop.isEmpty else { return }
        var size = context.failPop.count
        while true {
            size -= 1
            if size == 0 { break }
            useNextBlock(context.failPop[size])
            emit(.popTop)
        }
        useNextBlock(context.failPop[0])
        context.failPop = []
    }

    private func rotate(_ count: Int) {
        var count = count
        while count > 1 {
            emit(.swap, count)
            count -= 1
        }
    }

    private func storePatternName(_ name: String?, _ context: inout PatternContext) throws(CompileError) {
        guard let name else {
            emit(.popTop)
            return
        }
        if name == "__debug__" { throw syntaxError("cannot assign to __debug__") }
        if context.stores.contains(name) {
            throw syntaxError("multiple assignments to name '\(name)' in pattern")
        }
        rotate(context.onTop + context.stores.count + 1)
        context.stores.append(name)
    }

    private func compileSubpattern(_ pattern: Pattern, _ context: inout PatternContext) throws(CompileError) {
        let allow = context.allowIrrefutable
        context.allowIrrefutable = true
        try compilePattern(pattern, &context)
        context.allowIrrefutable = allow
    }

    func compilePattern(_ pattern: Pattern, _ context: inout PatternContext) throws(CompileError) {
        setLocation(pattern.range)
        switch pattern.kind {
        case .matchValue(let value):
            switch value.kind {
            case .constant, .attribute: break
            default: throw syntaxError("patterns may only match literals and attribute lookups")
            }
            try visit(value)
            emit(.compareOp, Int(ComparisonOperation.equal.rawValue))
            jumpToFailPop(&context, .popJumpIfFalse)
        case .matchSingleton(let value):
            loadConstant(value)
            emit(.isOp, 0)
            jumpToFailPop(&context, .popJumpIfFalse)
        case .matchSequence(let patterns):
            try compileSequencePattern(patterns, &context)
        case .matchMapping(let keys, let patterns, let rest):
            try compileMappingPattern(keys: keys, patterns: patterns, rest: rest, &context)
        case .matchClass(let cls, let patterns, let attributes, let keywordPatterns):
            try compileClassPattern(pattern, cls: cls, patterns: patterns, attributes: attributes,
                                    keywordPatterns: keywordPatterns, &context)
        case .matchStar(let name):
            try storePatternName(name, &context)
        case .matchAs(let subpattern, let name):
            guard let subpattern else {
                if !context.allowIrrefutable {
                    if let name {
                        throw syntaxError("name capture '\(name)' makes remaining patterns unreachable")
                    }
                    throw syntaxError("wildcard makes remaining patterns unreachable")
                }
                try storePatternName(name, &context)
                return
            }
            context.onTop += 1
            emit(.copy, 1)
            try compilePattern(subpattern, &context)
            context.onTop -= 1
            try storePatternName(name, &context)
        case .matchOr(let alternatives):
            try compileOrPattern(alternatives, &context)
        }
    }

    private func compileSequencePattern(_ patterns: [Pattern], _ context: inout PatternContext) throws(CompileError) {
        var star = -1
        var onlyWildcard = true
        var starWildcard = false
        for (index, pattern) in patterns.enumerated() {
            if case .matchStar = pattern.kind {
                if star >= 0 { throw syntaxError("multiple starred names in sequence pattern") }
                starWildcard = Self.isStarWildcard(pattern)
                onlyWildcard = onlyWildcard && starWildcard
                star = index
                continue
            }
            onlyWildcard = onlyWildcard && Self.isWildcard(pattern)
        }
        context.onTop += 1
        emit(.matchSequence)
        jumpToFailPop(&context, .popJumpIfFalse)
        if star < 0 {
            emit(.getLen)
            loadConstant(.int(patterns.count))
            emit(.compareOp, Int(ComparisonOperation.equal.rawValue))
            jumpToFailPop(&context, .popJumpIfFalse)
        } else if patterns.count > 1 {
            emit(.getLen)
            loadConstant(.int(patterns.count - 1))
            emit(.compareOp, Int(ComparisonOperation.greaterOrEqual.rawValue))
            jumpToFailPop(&context, .popJumpIfFalse)
        }
        context.onTop -= 1
        if onlyWildcard {
            emit(.popTop)
        } else if starWildcard {
            context.onTop += 1
            for (index, pattern) in patterns.enumerated() {
                if Self.isWildcard(pattern) || index == star { continue }
                emit(.copy, 1)
                if index < star {
                    loadConstant(.int(index))
                } else {
                    emit(.getLen)
                    loadConstant(.int(patterns.count - index))
                    emit(.binaryOp, Int(BinaryOperation.subtract.rawValue))
                }
                emit(.binarySubscript)
                try compileSubpattern(pattern, &context)
            }
            context.onTop -= 1
            emit(.popTop)
        } else {
            var seenStar = false
            for (index, pattern) in patterns.enumerated() {
                guard case .matchStar = pattern.kind else { continue }
                if seenStar { throw syntaxError("multiple starred expressions in sequence pattern") }
                emit(.unpackEx, index + ((patterns.count - index - 1) << 8))
                seenStar = true
            }
            if !seenStar { emit(.unpackSequence, patterns.count) }
            context.onTop += patterns.count
            for pattern in patterns {
                context.onTop -= 1
                try compileSubpattern(pattern, &context)
            }
        }
    }

    private func compileMappingPattern(keys: [Expr], patterns: [Pattern], rest: String?,
                                       _ context: inout PatternContext) throws(CompileError) {
        var size = keys.count
        context.onTop += 1
        emit(.matchMapping)
        jumpToFailPop(&context, .popJumpIfFalse)
        if size == 0 && rest == nil {
            context.onTop -= 1
            emit(.popTop)
            return
        }
        if size > 0 {
            emit(.getLen)
            loadConstant(.int(size))
            emit(.compareOp, Int(ComparisonOperation.greaterOrEqual.rawValue))
            jumpToFailPop(&context, .popJumpIfFalse)
        }
        var seen: [ConstantValues.Key] = []
        for key in keys {
            switch key.kind {
            case .constant:
                let constant = codeConstant(of: key)!
                let hashKey = ConstantValues.Key(FoldValue(constant)!)
                if seen.contains(hashKey) {
                    throw syntaxError("mapping pattern checks duplicate key (\(ConstantValues.repr(constant)))")
                }
                seen.append(hashKey)
            case .attribute:
                break
            default:
                throw syntaxError("mapping pattern keys may only match literals and attribute lookups")
            }
            try visit(key)
        }
        emit(.buildTuple, size)
        emit(.matchKeys)
        context.onTop += 2
        emit(.copy, 1)
        loadConstant(.none)
        emit(.isOp, 1)
        jumpToFailPop(&context, .popJumpIfFalse)
        emit(.unpackSequence, size)
        context.onTop += size - 1
        for pattern in patterns {
            context.onTop -= 1
            try compileSubpattern(pattern, &context)
        }
        context.onTop -= 2
        if let rest {
            emit(.buildMap, 0)
            emit(.swap, 3)
            emit(.dictUpdate, 2)
            emit(.unpackSequence, size)
            while size > 0 {
                emit(.copy, 1 + size)
                size -= 1
                emit(.swap, 2)
                emit(.deleteSubscript)
            }
            try storePatternName(rest, &context)
        } else {
            emit(.popTop)
            emit(.popTop)
        }
    }

    private func compileClassPattern(_ pattern: Pattern, cls: Expr, patterns: [Pattern], attributes: [String],
                                     keywordPatterns: [Pattern], _ context: inout PatternContext) throws(CompileError) {
        if !attributes.isEmpty {
            for (index, attribute) in attributes.enumerated() {
                setLocation(keywordPatterns[index].range)
                if attribute == "__debug__" { throw syntaxError("cannot assign to __debug__") }
                for other in (index + 1)..<attributes.count where attributes[other] == attribute {
                    setLocation(keywordPatterns[other].range)
                    throw syntaxError("attribute name repeated in class pattern: \(attribute)")
                }
            }
            setLocation(pattern.range)
        }
        try visit(cls)
        loadConstant(.tuple(attributes.map { .literal(.str(PyString($0))) }))
        emit(.matchClass, patterns.count)
        emit(.copy, 1)
        loadConstant(.none)
        emit(.isOp, 1)
        context.onTop += 1
        jumpToFailPop(&context, .popJumpIfFalse)
        let total = patterns.count + attributes.count
        emit(.unpackSequence, total)
        context.onTop += total - 1
        for index in 0..<total {
            context.onTop -= 1
            let subpattern = index < patterns.count ? patterns[index] : keywordPatterns[index - patterns.count]
            if Self.isWildcard(subpattern) {
                emit(.popTop)
                continue
            }
            try compileSubpattern(subpattern, &context)
        }
    }

    private func compileOrPattern(_ alternatives: [Pattern], _ context: inout PatternContext) throws(CompileError) {
        let end = newBlock()
        let old = context
        var control: [String]? = nil
        for (index, alternative) in alternatives.enumerated() {
            setLocation(alternative.range)
            context.stores = []
            context.allowIrrefutable = index == alternatives.count - 1 && old.allowIrrefutable
            context.failPop = []
            context.onTop = 0
            emit(.copy, 1)
            try compilePattern(alternative, &context)
            let count = context.stores.count
            if index == 0 {
                control = context.stores
            } else if count != control!.count {
                throw syntaxError("alternative patterns bind different names")
            } else if count > 0 {
                let controlNames = control!
                var icontrol = count
                while icontrol > 0 {
                    icontrol -= 1
                    let name = controlNames[icontrol]
                    guard let istores = context.stores.firstIndex(of: name) else {
                        throw syntaxError("alternative patterns bind different names")
                    }
                    if icontrol != istores {
                        let rotations = istores + 1
                        let rotated = Array(context.stores[0..<rotations])
                        context.stores.removeFirst(rotations)
                        context.stores.insert(contentsOf: rotated, at: icontrol - istores)
                        for _ in 0..<rotations { rotate(icontrol + 1) }
                    }
                }
            }
            emitJump(.jump, to: end)
            emitAndResetFailPop(&context)
        }
        let failPops = context.failPop
        context = old
        _ = failPops
        emit(.popTop)
        jumpToFailPop(&context, .jump)
        useNextBlock(end)
        let names = control ?? []
        let rotations = names.count + 1 + context.onTop + context.stores.count
        for name in names {
            rotate(rotations)
            if context.stores.contains(name) {
                throw syntaxError("multiple assignments to name '\(name)' in pattern")
            }
            context.stores.append(name)
        }
        emit(.popTop)
    }
}
