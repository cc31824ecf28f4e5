/// An exception object: an instance of `BaseException` or a subclass.
///
/// The attributes every exception has live in Swift fields; those of
/// particular classes (`StopIteration.value`, `OSError.errno`, ...) live in
/// the instance dict, set by the class's `__init__`.
public final class PyBaseException: PyObject {
    /// `args`: always a tuple.
    @exclusivity(unchecked)
    public var args: PyTuple
    /// `__traceback__`.
    @exclusivity(unchecked)
    public var traceback: PyTraceback?
    /// `__cause__` (set by `raise ... from`), `__context__` (set when raised
    /// while another was being handled).
    @exclusivity(unchecked)
    public var cause: Value?
    @exclusivity(unchecked)
    public var context: Value?
    @exclusivity(unchecked)
    public var suppressContext = false

    /// Takes over the reference to `args`.
    public init(args: PyTuple, type: PyType) {
        self.args = args
        super.init(type: type)
    }

    override public func releaseContents() {
        args.decref()
        traceback?.decref()
        traceback = nil
        cause?.release()
        cause = nil
        context?.release()
        context = nil
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(args.referenceValue)
        if let traceback { visit(traceback.referenceValue) }
        if let cause { visit(cause) }
        if let context { visit(context) }
    }

    /// Drops everything but `args` (always a tuple, and tuples of a cycle
    /// are broken through their other members).
    override public func clearReferences() {
        super.clearReferences()
        let old = (traceback, cause, context)
        (traceback, cause, context) = (nil, nil, nil)
        old.0?.decref()
        old.1?.release()
        old.2?.release()
    }
}

/// A traceback entry: a frame and where in it the exception passed.
public final class PyTraceback: PyObject {
    public let frame: PyFrame
    /// The instruction index that raised (tb_lasti is twice it, in CPython units).
    public let instructionIndex: Int
    public var next: PyTraceback?

    init(frame: PyFrame, instructionIndex: Int, next: PyTraceback?, type: PyType) {
        self.frame = frame
        self.instructionIndex = instructionIndex
        self.next = next
        super.init(type: type)
        frame.incref()
        next?.incref()
    }

    public var lineNumber: Int { frame.code.lineNumber(at: instructionIndex) }

    override public func releaseContents() {
        frame.decref()
        next?.decref()
        next = nil
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(frame.referenceValue)
        if let next { visit(next.referenceValue) }
    }

    override public func clearReferences() {
        super.clearReferences()
        let old = next
        next = nil
        old?.decref()
    }
}

/// A frame as Python code sees it (`sys._getframe()`, `tb_frame`): the code,
/// its globals, and where it was. While the frame runs, `live` points at
/// the evaluation loop's frame; when it returns, the values Python may
/// still ask for are copied in.
public final class PyFrame: PyObject {
    public let code: LoadedCode
    public let globals: PyDict
    @exclusivity(unchecked)
    public var instructionIndex: Int
    @exclusivity(unchecked)
    var live: UnsafeMutablePointer<Frame>?
    /// `f_back`, captured when the frame object was made.
    public var back: PyFrame?
    /// `f_locals` as last captured.
    public var localsSnapshot: PyDict?
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes`, and the last
    /// instruction traced (Eval/Tracing.swift).
    var trace: Value?
    var traceLines = true
    var traceOpcodes = false
    var lastTracedIndex = -1

    init(code: LoadedCode, globals: PyDict, instructionIndex: Int, type: PyType) {
        self.code = code
        self.globals = globals
        self.instructionIndex = instructionIndex
        super.init(type: type)
        code.incref()
        globals.incref()
    }

    /// The instruction running (the loop stores the index of the next one).
    public var currentInstruction: Int { (live.map { $0.pointee.instructionIndex } ?? instructionIndex) - 1 }

    public var lineNumber: Int { code.lineNumber(at: max(currentInstruction, 0)) }

    override public func releaseContents() {
        code.decref()
        globals.decref()
        back?.decref()
        back = nil
        localsSnapshot?.decref()
        localsSnapshot = nil
        trace?.release()
        trace = nil
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(code.referenceValue)
        visit(globals.referenceValue)
        if let back { visit(back.referenceValue) }
        if let localsSnapshot { visit(localsSnapshot.referenceValue) }
    }

    override public func clearReferences() {
        super.clearReferences()
        let old = (back, localsSnapshot)
        (back, localsSnapshot) = (nil, nil)
        old.0?.decref()
        old.1?.decref()
    }
}
