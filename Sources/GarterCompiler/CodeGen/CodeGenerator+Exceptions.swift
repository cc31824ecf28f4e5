import GarterSyntax

/// `try`, `try`/`except*`, `with` and `async with`: the handlers are
/// reached through the exception table, which the assembler derives from
/// the `setup*`/`popBlock` pseudo-instructions emitted here (as CPython 3.11).
extension CodeGenerator {
    /// `COPY 3; POP_EXCEPT; RERAISE 1`: the cleanup of a handler that raised.
    private func popExceptAndReraise() {
        emit(.copy, 3)
        emit(.popExcept)
        emit(.reraise, 1)
    }

    func compileTryFinally(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt],
                           star: Bool) throws(CompileError) {
        let bodyBlock = newBlock()
        let end = newBlock()
        let exit = newBlock()
        let cleanup = newBlock()
        emitJump(.setupFinally, to: end)
        useNextBlock(bodyBlock)
        try pushFrameBlock(.finallyTry, block: bodyBlock, exit: end, finalBody: finalbody)
        if !handlers.isEmpty {
            if star {
                try compileTryStarExcept(body: body, handlers: handlers, orelse: orelse)
            } else {
                try compileTryExcept(body: body, handlers: handlers, orelse: orelse)
            }
        } else {
            try visit(body)
        }
        unit.emit(.popBlock, 0, at: noLocation)
        popFrameBlock()
        try visit(finalbody)
        emitJumpNoLocation(.jump, to: exit)

        useNextBlock(end)
        unsetLocation()
        emitJump(.setupCleanup, to: cleanup)
        emit(.pushExcInfo)
        try pushFrameBlock(.finallyEnd, block: end)
        try visit(finalbody)
        popFrameBlock()
        emit(.reraise, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(exit)
    }

    func compileTryExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) throws(CompileError) {
        let bodyBlock = newBlock()
        var except = newBlock()
        let end = newBlock()
        let cleanup = newBlock()
        emitJump(.setupFinally, to: except)
        useNextBlock(bodyBlock)
        try pushFrameBlock(.tryExcept, block: bodyBlock)
        try visit(body)
        popFrameBlock()
        unit.emit(.popBlock, 0, at: noLocation)
        try visit(orelse)
        emitJumpNoLocation(.jump, to: end)

        useNextBlock(except)
        unsetLocation()
        emitJump(.setupCleanup, to: cleanup)
        emit(.pushExcInfo)
        try pushFrameBlock(.exceptionHandler)
        for (index, handler) in handlers.enumerated() {
            setLocation(handler.range)
            if handler.type == nil && index < handlers.count - 1 {
                throw syntaxError("default 'except:' must be last")
            }
            except = newBlock()
            if let type = handler.type {
                try visit(type)
                emit(.checkExcMatch)
                emitJump(.popJumpIfFalse, to: except)
            }
            if let name = handler.name {
                let cleanupEnd = newBlock()
                let cleanupBody = newBlock()
                try nameOperation(name, .store)
                emitJump(.setupCleanup, to: cleanupEnd)
                useNextBlock(cleanupBody)
                try pushFrameBlock(.handlerCleanup, block: cleanupBody, name: name)
                try visit(handler.body)
                popFrameBlock()
                unsetLocation()
                emitPseudo(.popBlock)
                emitPseudo(.popBlock)
                emit(.popExcept)
                loadConstant(.none)
                try nameOperation(name, .store)
                try nameOperation(name, .delete)
                emitJump(.jump, to: end)

                useNextBlock(cleanupEnd)
                unsetLocation()
                loadConstant(.none)
                try nameOperation(name, .store)
                try nameOperation(name, .delete)
                emit(.reraise, 1)
            } else {
                let cleanupBody = newBlock()
                emit(.popTop)
                useNextBlock(cleanupBody)
                try pushFrameBlock(.handlerCleanup, block: cleanupBody)
                try visit(handler.body)
                popFrameBlock()
                unsetLocation()
                emitPseudo(.popBlock)
                emit(.popExcept)
                emitJump(.jump, to: end)
            }
            useNextBlock(except)
        }
        unsetLocation()
        popFrameBlock()
        emit(.reraise, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(end)
    }

    func compileTryStarExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) throws(CompileError) {
        let bodyBlock = newBlock()
        var except = newBlock()
        let orelseBlock = newBlock()
        let end = newBlock()
        let cleanup = newBlock()
        let reraiseStar = newBlock()
        emitJump(.setupFinally, to: except)
        useNextBlock(bodyBlock)
        try pushFrameBlock(.tryExcept, block: bodyBlock)
        try visit(body)
        popFrameBlock()
        unit.emit(.popBlock, 0, at: noLocation)
        emitJumpNoLocation(.jump, to: orelseBlock)

        useNextBlock(except)
        unsetLocation()
        emitJump(.setupCleanup, to: cleanup)
        emit(.pushExcInfo)
        try pushFrameBlock(.exceptionGroupHandler)
        for (index, handler) in handlers.enumerated() {
            setLocation(handler.range)
            except = newBlock()
            let exceptWithError = newBlock()
            let noMatch = newBlock()
            if index == 0 {
                emit(.copy, 1)
                emit(.buildList, 0)
                emit(.swap, 2)
            }
            if let type = handler.type {
                try visit(type)
                emit(.checkEgMatch)
                emit(.copy, 1)
                emitJump(.popJumpIfNone, to: noMatch)
            }
            let cleanupEnd = newBlock()
            let cleanupBody = newBlock()
            if let name = handler.name {
                try nameOperation(name, .store)
            } else {
                emit(.popTop)
            }
            emitJump(.setupCleanup, to: cleanupEnd)
            useNextBlock(cleanupBody)
            try pushFrameBlock(.handlerCleanup, block: cleanupBody, name: handler.name)
            try visit(handler.body)
            popFrameBlock()
            emitPseudo(.popBlock)
            if let name = handler.name {
                loadConstant(.none)
                try nameOperation(name, .store)
                try nameOperation(name, .delete)
            }
            emitJump(.jump, to: except)

            useNextBlock(cleanupEnd)
            if let name = handler.name {
                loadConstant(.none)
                try nameOperation(name, .store)
                try nameOperation(name, .delete)
            }
            emit(.listAppend, 3)
            emit(.popTop)
            emitJump(.jump, to: exceptWithError)
            useNextBlock(except)
            emit(.nop)
            emitJump(.jump, to: exceptWithError)
            setLocation(handler.range)
            useNextBlock(noMatch)
            emit(.popTop)
            useNextBlock(exceptWithError)
            if index == handlers.count - 1 {
                emit(.listAppend, 1)
                emitJump(.jump, to: reraiseStar)
            }
        }
        unsetLocation()
        popFrameBlock()
        let reraise = newBlock()
        useNextBlock(reraiseStar)
        emit(.prepReraiseStar)
        emit(.copy, 1)
        emitJump(.popJumpIfNotNone, to: reraise)
        emit(.popTop)
        emitPseudo(.popBlock)
        emit(.popExcept)
        emitJump(.jump, to: end)
        useNextBlock(reraise)
        emitPseudo(.popBlock)
        emit(.swap, 2)
        emit(.popExcept)
        emit(.reraise, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(orelseBlock)
        try visit(orelse)
        useNextBlock(end)
    }

    func compileWith(_ statement: Stmt, items: [WithItem], body: [Stmt], position: Int) throws(CompileError) {
        let item = items[position]
        let block = newBlock()
        let final = newBlock()
        let exit = newBlock()
        let cleanup = newBlock()
        try visit(item.contextExpr)
        emit(.beforeWith)
        emitJump(.setupWith, to: final)
        useNextBlock(block)
        try pushFrameBlock(.with, block: block, exit: final)
        unit.frameBlocks[unit.frameBlocks.count - 1].location = statement.range
        if let target = item.optionalVars {
            try visit(target)
        } else {
            emit(.popTop)
        }
        if position + 1 == items.count {
            try visit(body)
        } else {
            try compileWith(statement, items: items, body: body, position: position + 1)
        }
        unsetLocation()
        emitPseudo(.popBlock)
        popFrameBlock()
        setLocation(statement.range)
        callExitWithNones()
        emit(.popTop)
        emitJump(.jump, to: exit)

        useNextBlock(final)
        emitJump(.setupCleanup, to: cleanup)
        emit(.pushExcInfo)
        emit(.withExceptStart)
        withExceptFinish(cleanup: cleanup)
        useNextBlock(exit)
    }

    func compileAsyncWith(_ statement: Stmt, items: [WithItem], body: [Stmt], position: Int) throws(CompileError) {
        if unit.kind != .asyncFunction {
            throw syntaxError("'async with' outside async function")
        }
        let item = items[position]
        let block = newBlock()
        let final = newBlock()
        let exit = newBlock()
        let cleanup = newBlock()
        try visit(item.contextExpr)
        emit(.beforeAsyncWith)
        emit(.getAwaitable, 1)
        loadConstant(.none)
        addYieldFrom(await: true)
        emitJump(.setupWith, to: final)
        useNextBlock(block)
        try pushFrameBlock(.asyncWith, block: block, exit: final)
        unit.frameBlocks[unit.frameBlocks.count - 1].location = statement.range
        if let target = item.optionalVars {
            try visit(target)
        } else {
            emit(.popTop)
        }
        if position + 1 == items.count {
            try visit(body)
        } else {
            try compileAsyncWith(statement, items: items, body: body, position: position + 1)
        }
        popFrameBlock()
        emitPseudo(.popBlock)
        setLocation(statement.range)
        callExitWithNones()
        emit(.getAwaitable, 2)
        loadConstant(.none)
        addYieldFrom(await: true)
        emit(.popTop)
        emitJump(.jump, to: exit)

        useNextBlock(final)
        emitJump(.setupCleanup, to: cleanup)
        emit(.pushExcInfo)
        emit(.withExceptStart)
        emit(.getAwaitable, 2)
        loadConstant(.none)
        addYieldFrom(await: true)
        withExceptFinish(cleanup: cleanup)
        useNextBlock(exit)
    }

    private func withExceptFinish(cleanup: Int) {
        unsetLocation()
        let exit = newBlock()
        emitJump(.popJumpIfTrue, to: exit)
        emit(.reraise, 2)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(exit)
        emit(.popTop)
        emitPseudo(.popBlock)
        emit(.popExcept)
        emit(.popTop)
        emit(.popTop)
    }
}
