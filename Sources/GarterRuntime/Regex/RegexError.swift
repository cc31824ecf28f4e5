/// Why the engine could not give an answer (a failed match is not an error).
public enum RegexError: Error, Equatable, Sendable {
    /// The code list is not a well-formed program (CPython: RuntimeError
    /// "invalid SRE code"); the text says what was wrong, for debugging.
    case invalidCode(String)
    /// The program reached an instruction that only makes sense in another
    /// context (CPython: RuntimeError "internal error in regular expression engine").
    case internalState
    /// The interrupt check asked the engine to stop (a pending signal: the
    /// runtime raises the exception its handler produced).
    case interrupted
    /// The backtracking stack could not grow (CPython: MemoryError).
    case outOfMemory
}
