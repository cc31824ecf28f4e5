/// A `re.Pattern`: a compiled program with what `_sre.compile` was given
/// about it (the source pattern, flags, group names).
final class PyPattern: PyObject {
    /// Which subjects the pattern accepts: CPython's `isbytes` (a pattern
    /// compiled from None, as `re.template` once did, accepts both).
    enum Kind { case text, bytes, any }

    let program: RegexProgram
    let kind: Kind
    /// `Pattern.flags`.
    let flags: Int
    /// `Pattern.pattern` (owned): the source str or bytes, or None.
    let pattern: Value
    /// The name → group number dict (owned).
    let groupIndex: Value
    /// The group number → name tuple (owned; None for unnamed groups).
    let indexGroup: Value

    /// Takes over the references to `pattern`, `groupIndex` and `indexGroup`.
    init(program: RegexProgram, kind: Kind, flags: Int, pattern: Value, groupIndex: Value, indexGroup: Value,
         type: PyType) {
        self.program = program
        self.kind = kind
        self.flags = flags
        self.pattern = pattern
        self.groupIndex = groupIndex
        self.indexGroup = indexGroup
        super.init(type: type)
    }

    /// The workspace of the last one-shot call, for the next one (SRERun.swift).
    var spareWorkspace: SREWorkspace?

    /// `Pattern.groups`.
    var groupCount: Int { program.groupCount }

    override func releaseContents() {
        pattern.release()
        groupIndex.release()
        indexGroup.release()
    }
}

/// A `re.Match`: the spans of one successful match, with the subject and
/// pattern it came from.
final class PyMatch: PyObject {
    /// `Match.re` (owned).
    let pattern: Value
    /// `Match.string` (owned).
    let string: Value
    /// The subject's characters, for the group slices.
    let subject: SRESubject
    let spans: RegexMatchSpans
    /// `Match.pos` and `Match.endpos` (clamped as the search used them).
    let pos: Int
    let endpos: Int

    /// Retains `pattern` and `string`.
    init(pattern: Value, string: Value, subject: SRESubject, spans: RegexMatchSpans, pos: Int, endpos: Int,
         type: PyType) {
        pattern.retain()
        string.retain()
        self.pattern = pattern
        self.string = string
        self.subject = subject
        self.spans = spans
        self.pos = pos
        self.endpos = endpos
        super.init(type: type)
    }

    var patternObject: PyPattern { pattern.as(PyPattern.self)! }

    override func releaseContents() {
        pattern.release()
        string.release()
    }
}

/// A `_sre.SRE_Scanner`: a state that steps through the matches of one
/// subject (`Pattern.scanner`, and `finditer` through it).
final class PyScanner: PyObject {
    /// `Scanner.pattern` (owned).
    let pattern: Value
    /// The subject object (owned).
    let string: Value
    let subject: SRESubject
    let workspace: SREWorkspace
    /// Set while a step runs: CPython refuses to re-enter a scanner from
    /// another thread (or from a callback) with "regular expression scanner
    /// already executing".
    var executing = false

    /// Retains `pattern` and `string`.
    init(pattern: Value, string: Value, subject: SRESubject, workspace: SREWorkspace, type: PyType) {
        pattern.retain()
        string.retain()
        self.pattern = pattern
        self.string = string
        self.subject = subject
        self.workspace = workspace
        super.init(type: type)
    }

    override func releaseContents() {
        pattern.release()
        string.release()
    }
}
