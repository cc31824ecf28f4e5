extension Interpreter {
    /// `NoneType`, `NotImplementedType` and `ellipsis`.
    func installSingletonTypes() {
        var noneSlots = TypeSlots()
        noneSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("None") }
        noneSlots.bool = { _, _ throws(EvalError) in false }
        noneSlots.new = { _, _, arguments throws(EvalError) in
            if arguments.totalCount > 0 { throw .typeError("NoneType takes no arguments") }
            return .none
        }
        types.none.installSlots(noneSlots, self)
        var notImplementedSlots = TypeSlots()
        notImplementedSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("NotImplemented") }
        types.notImplemented.installSlots(notImplementedSlots, self)
        var ellipsisSlots = TypeSlots()
        ellipsisSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("Ellipsis") }
        types.ellipsis.installSlots(ellipsisSlots, self)
    }
}
