/// A function made by `def`: its code and the globals it runs in.
public final class PyFunction: PyObject {
    public let code: LoadedCode
    public let globals: Namespace
    public var name: String { code.code.name }

    init(code: LoadedCode, globals: Namespace, type: PyType) {
        self.code = code
        self.globals = globals
        super.init(type: type)
        code.incref()
        globals.incref()
    }

    override public func releaseContents() {
        code.decref()
        globals.decref()
    }
}

/// A function implemented in Swift (`print`, `len`, ...).
public final class PyBuiltinFunction: PyObject {
    public typealias Body = (ThreadState, [Value]) throws(EvalError) -> Value

    public let name: String
    let body: Body

    public init(name: String, type: PyType, body: @escaping Body) {
        self.name = name
        self.body = body
        super.init(type: type)
    }
}
