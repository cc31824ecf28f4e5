/// How a hash table asks whether a stored key equals the key looked up:
/// `equal(storedKey, probeKey)`, Python's `storedKey == probeKey` as
/// `PyObject_RichCompareBool` computes it.
///
/// Tables call it only after the cheap tests fail: the keys are not the same
/// object and their hashes are equal. It may run Python code (an `__eq__`),
/// which may raise (the error propagates) or mutate the very table being
/// searched; the tables notice and restart the search, as CPython does.
public typealias KeyEquality = (Value, Value) throws(EvalError) -> Bool
