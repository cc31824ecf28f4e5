/// One Python interpreter: everything mutable that Python code can observe
/// lives here or in a `ThreadState`, never in Swift globals, so several
/// interpreters can run side by side (DESIGN.md S8).
///
/// For now it holds the built-in types the object model needs; modules,
/// builtins, the GIL and the gc state will join them.
public final class Interpreter {
    public let types: BuiltinTypes

    public init() {
        types = BuiltinTypes()
    }
}

/// The built-in type objects. They are immortal, so threads of different
/// interpreters could share them; each interpreter makes its own set until
/// the runtime has a process-wide registry of immutable objects.
public final class BuiltinTypes {
    public let type: PyType
    public let object: PyType
    public let int: PyType
    public let code: PyType

    init() {
        type = PyType.makeMetatype()
        object = PyType(name: "object", base: nil, metatype: type)
        int = PyType(name: "int", base: object, metatype: type)
        code = PyType(name: "code", base: object, metatype: type)
    }
}
