/// Python text as the `str` methods see it: a buffer of code points (lone
/// surrogates allowed, nothing above U+10FFFF).
public typealias CodePoints = UnsafeBufferPointer<UInt32>

/// The semantics of Python 3.11's `str` methods as functions over code-point
/// buffers. They know nothing of the object model: arguments arrive already
/// converted (`None` as nil), and results that are parts of the input come
/// back as index ranges, so the caller can slice without copying or return
/// the original object where CPython does.
///
/// Each concept lives in its own file (case conversion, predicates, search,
/// split, ...). Errors are `TextError`s with CPython's messages.
public enum PyText {}
