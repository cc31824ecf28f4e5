import GarterCompiler

/// One Python interpreter: everything mutable that Python code can observe
/// lives here or in a `ThreadState`, never in Swift globals, so several
/// interpreters can run side by side (DESIGN.md S8).
public final class Interpreter {
    public let types: BuiltinTypes
    /// The `builtins` namespace.
    public let builtins: Namespace

    public init() {
        let types = BuiltinTypes()
        self.types = types
        builtins = Namespace(type: types.namespace)
        _ = ObjectRef.allocate(builtins)
        Builtins.install(in: self)
    }

    /// Runs a module's code as `__main__`.
    public func runMain(_ code: CodeObject, output: OutputBuffer) throws(EvalError) {
        let thread = ThreadState(interpreter: self, output: output)
        let globals = Namespace(type: types.namespace)
        let globalsReference = ObjectRef.allocate(globals)
        defer { Value.object(globalsReference).release() }
        globals.set("__name__", makeString("__main__"))
        let loaded = try LoadedCode(code, interpreter: self)
        let loadedReference = ObjectRef.allocate(loaded)
        defer { Value.object(loadedReference).release() }
        defer { output.flush() }
        let result = try thread.run(loaded, arguments: [], globals: globals)
        result.release()
    }

    /// A new `str` object.
    public func makeString(_ text: String) -> Value {
        .object(ObjectRef.allocate(PyStr(text.unicodeScalars.map(\.value), type: types.str)))
    }
}

/// The built-in type objects. They are immortal, so threads of different
/// interpreters could share them; each interpreter makes its own set until
/// the runtime has a process-wide registry of immutable objects.
public final class BuiltinTypes {
    public let type: PyType
    public let object: PyType
    public let int: PyType
    public let str: PyType
    public let code: PyType
    public let function: PyType
    public let builtinFunction: PyType
    /// Stands for `dict` as the type of global namespaces until dicts exist.
    public let namespace: PyType

    init() {
        type = PyType.makeMetatype()
        object = PyType(name: "object", base: nil, metatype: type)
        int = PyType(name: "int", base: object, metatype: type)
        str = PyType(name: "str", base: object, metatype: type)
        code = PyType(name: "code", base: object, metatype: type)
        function = PyType(name: "function", base: object, metatype: type)
        builtinFunction = PyType(name: "builtin_function_or_method", base: object, metatype: type)
        namespace = PyType(name: "namespace", base: object, metatype: type)
    }
}
