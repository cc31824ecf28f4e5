/// What an uncaught exception looks like to the printer: plain data the
/// runtime collects from the exception objects, so that the text CPython 3.11
/// writes (Python/pythonrun.c and Python/traceback.c, not traceback.py) can be
/// produced without touching any object.
///
/// Exceptions refer to each other by index into `exceptions` (`__cause__`,
/// `__context__`, the members of a group). An index stands for one object:
/// the printer's "already shown" set works on indexes, as CPython's works on
/// `id()`, so the same object reached twice must get the same index, and
/// cycles are simply indexes that point back.
public struct ExceptionReport: Sendable {
    /// Every exception reachable from `root` through causes, contexts and
    /// group members (unreachable entries are ignored).
    public var exceptions: [ExceptionRecord]
    /// The uncaught exception.
    public var root: Int

    public init(exceptions: [ExceptionRecord], root: Int = 0) {
        self.exceptions = exceptions
        self.root = root
    }
}

/// One exception object, as the printer reads it.
public struct ExceptionRecord: Sendable {
    /// `type(exc).__module__` when it is a str; nil prints `<unknown>.`.
    /// `builtins` and `__main__` are not printed.
    public var typeModule: String?
    /// The type's qualified name (PyType_GetQualName: `__qualname__` of a
    /// class defined in Python, the part of the C name after its last dot
    /// for a built-in type); nil prints `<unknown>`.
    public var typeQualname: String?
    /// `str(exc)`, or `.strFailed` when it raised (or returned a non-str).
    public var message: ExceptionText
    /// `exc.__notes__`; nil when the attribute does not exist.
    public var notes: ExceptionNotes?
    /// The entries of `exc.__traceback__`, outermost frame first (the
    /// `tb_next` order); empty when `__traceback__` is None.
    public var traceback: [TracebackEntry]
    /// Index of `exc.__cause__`, nil when None.
    public var cause: Int?
    /// Index of `exc.__context__`, nil when None.
    public var context: Int?
    /// `exc.__suppress_context__`.
    public var suppressContext: Bool
    /// Indexes of `exc.exceptions` when `exc` is a BaseExceptionGroup
    /// (instance of any subclass); nil for any other exception.
    public var groupMembers: [Int]?
    /// Set when `exc` has a `print_file_and_line` attribute (every
    /// SyntaxError does) and its attributes could be read as CPython's
    /// parse_syntax_error reads them; the printer then uses the SyntaxError
    /// layout and prints `details.message` instead of `str(exc)`.
    public var syntaxError: SyntaxErrorDetails?

    public init(typeModule: String?, typeQualname: String?, message: ExceptionText,
                notes: ExceptionNotes? = nil, traceback: [TracebackEntry] = [],
                cause: Int? = nil, context: Int? = nil, suppressContext: Bool = false,
                groupMembers: [Int]? = nil, syntaxError: SyntaxErrorDetails? = nil) {
        self.typeModule = typeModule
        self.typeQualname = typeQualname
        self.message = message
        self.notes = notes
        self.traceback = traceback
        self.cause = cause
        self.context = context
        self.suppressContext = suppressContext
        self.groupMembers = groupMembers
        self.syntaxError = syntaxError
    }
}

/// The text after the type name.
public enum ExceptionText: Sendable, Equatable {
    /// The result of `str()`: printed after `: `, or alone when empty.
    case text(String)
    /// `str()` raised: printed as `: <exception str() failed>`.
    case strFailed
    /// The value is None (only a SyntaxError's `msg` can be): the type name
    /// is printed alone.
    case none
}

/// `exc.__notes__` as CPython 3.11 prints it.
public enum ExceptionNotes: Sendable, Equatable {
    /// A sequence (a type with `__getitem__`, dicts excepted): `str()` of
    /// `notes[0]` ..< `notes[len(notes)]`, nil where `str()` raised
    /// (printed `<note str() failed>`).
    case sequence([String?])
    /// Not a sequence: its `repr()`, nil where that raised.
    case notSequence(repr: String?)
}

/// One `tb_next` entry.
public struct TracebackEntry: Sendable, Equatable {
    /// `tb_frame.f_code.co_filename`.
    public var filename: String
    /// `tb_lineno`; -1 when the instruction has no line.
    public var lineno: Int
    /// `tb_frame.f_code.co_name` (`<module>`, `<lambda>`, `<listcomp>`...).
    public var name: String
    /// The position of the instruction at `tb_lasti`.
    public var position: InstructionPosition

    public init(filename: String, lineno: Int, name: String,
                position: InstructionPosition = InstructionPosition()) {
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.position = position
    }
}

/// An instruction's source range, as `co_positions()` gives it: 1-based
/// lines, 0-based columns counted in UTF-8 bytes, nil where unknown. The
/// caret line is drawn only when all four are known.
public struct InstructionPosition: Sendable, Equatable {
    public var startLine: Int?
    public var endLine: Int?
    public var startColumn: Int?
    public var endColumn: Int?

    public init(startLine: Int? = nil, endLine: Int? = nil, startColumn: Int? = nil, endColumn: Int? = nil) {
        self.startLine = startLine
        self.endLine = endLine
        self.startColumn = startColumn
        self.endColumn = endColumn
    }
}

/// A SyntaxError's attributes, read as CPython's parse_syntax_error reads
/// them. The runtime fills this in when the exception has an attribute
/// `print_file_and_line` (any value; SyntaxError and its subclasses have
/// it), and leaves it nil, so that the exception prints like any other,
/// when reading `msg`, `filename`, `lineno`, `offset` or `text` raises, when
/// `lineno` is not an int, when `offset` is neither None nor an int, or, for
/// an exact SyntaxError only, when `end_lineno` or `end_offset` is neither
/// None nor an int (a missing attribute reads as None there).
public struct SyntaxErrorDetails: Sendable, Equatable {
    /// `str(exc.msg)`; `.none` when `msg` is None.
    public var message: ExceptionText
    /// `str(exc.filename)`; nil when None (printed as `<string>`).
    public var filename: String?
    public var lineno: Int
    /// 1-based character offset; nil when None.
    public var offset: Int?
    /// Only read for an exact SyntaxError; nil when None.
    public var endLineno: Int?
    /// Only read for an exact SyntaxError; nil when None.
    public var endOffset: Int?
    /// `exc.text`; nil when None.
    public var text: String?
    /// `type(exc) is SyntaxError`: only then is a range underlined.
    public var isExactSyntaxError: Bool

    public init(message: ExceptionText, filename: String?, lineno: Int, offset: Int?,
                endLineno: Int? = nil, endOffset: Int? = nil, text: String?,
                isExactSyntaxError: Bool) {
        self.message = message
        self.filename = filename
        self.lineno = lineno
        self.offset = offset
        self.endLineno = endLineno
        self.endOffset = endOffset
        self.text = text
        self.isExactSyntaxError = isExactSyntaxError
    }
}
