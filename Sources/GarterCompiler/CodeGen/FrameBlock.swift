import GarterSyntax

/// A statement being compiled that `break`, `continue`, `return` (and the
/// end of an exception handler) must know about: loops to jump to, and
/// handlers, `with` blocks and `finally` bodies to unwind on the way out
/// (CPython's fblockinfo).
struct FrameBlock {
    enum Kind {
        case whileLoop, forLoop, tryExcept, finallyTry, finallyEnd, with, asyncWith
        case handlerCleanup, popValue, exceptionHandler, exceptionGroupHandler
        case asyncComprehensionGenerator
    }

    let kind: Kind
    /// The loop start (`continue`), or the handler for `finallyTry`.
    let block: Int
    /// The loop exit (`break`).
    let exit: Int
    /// `finally` body (finallyTry), the bound exception name (handlerCleanup), ...
    var finalBody: [Stmt]? = nil
    var name: String? = nil
    var location: SourceRange
}
