// The `unicodedata` module: Unicode 14.0's character database as CPython
// 3.11 has it, and `ucd_3_2_0`, a `UCD` object answering the same
// functions from Unicode 3.2 (for `stringprep` and the IDNA codec).

/// A `unicodedata.UCD`: a database version whose methods are the module's functions.
final class PyUCD: PyObject {
    let version: UnicodeCharacterData.Version

    init(version: UnicodeCharacterData.Version, type: PyType) {
        self.version = version
        super.init(type: type)
    }
}

extension Interpreter {
    func makeUnicodeDataModule() throws(EvalError) -> Value {
        try makeNativeModule("unicodedata", doc: unicodeDataDoc) { module, define throws(EvalError) in
            for function in ThreadState.unicodeDataFunctionNames {
                define(function) { thread, arguments throws(EvalError) in
                    try thread.unicodeDataCall(function, .current, arguments,
                                               qualifiedName: "unicodedata.\(function)")
                }
            }
            setItem(module.dict, "unidata_version", newString("14.0.0"))
            let ucd = ucdType()
            export(ucd, in: module)
            setItem(module.dict, "ucd_3_2_0", .object(ObjectRef.allocate(PyUCD(version: .v3_2_0, type: ucd))))
        }
    }

    private var unicodeDataDoc: String {
        """
        This module provides access to the Unicode Character Database which
        defines character properties for all Unicode characters. The data in
        this database is based on the UnicodeData.txt file version
        14.0.0 which is publicly available from ftp://ftp.unicode.org/.

        The module uses the same names and symbols as defined by the
        UnicodeData File Format 14.0.0.
        """
    }

    func ucdType() -> PyType {
        nativeType("UCD", module: "unicodedata", flags: []) { type in
            var slots = TypeSlots()
            slots.new = TypeSlots.notInstantiable
            type.installSlots(slots, self)
            for function in ThreadState.unicodeDataFunctionNames {
                type.define(function, self) { thread, receiver, arguments throws(EvalError) in
                    let version = receiver.as(PyUCD.self)?.version ?? .current
                    return try thread.unicodeDataCall(function, version, arguments,
                                                      qualifiedName: "unicodedata.UCD.\(function)")
                }
            }
            type.defineAttribute("unidata_version", self, get: { thread, receiver throws(EvalError) in
                let version = receiver.as(PyUCD.self)?.version ?? .current
                return thread.interpreter.newString(version == .v3_2_0 ? "3.2.0" : "14.0.0")
            })
        }
    }
}
