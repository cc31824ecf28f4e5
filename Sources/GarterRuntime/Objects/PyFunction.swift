/// A function made by `def` or `lambda`: its code, the globals it runs in,
/// and what `MAKE_FUNCTION` gave it (defaults, closure, annotations).
public final class PyFunction: PyObject {
    /// `__code__`; assignable (types.coroutine does it). A running frame
    /// holds its own reference to the code it runs, so replacing it here
    /// never frees code in use.
    @exclusivity(unchecked) public var code: LoadedCode
    public let globals: PyDict
    public let builtins: PyDict
    public var name: Value
    public var qualifiedName: Value
    /// `__defaults__`: a tuple or nil.
    public var defaults: PyTuple?
    /// `__kwdefaults__`: a dict or nil.
    public var keywordDefaults: PyDict?
    /// `__closure__`: a tuple of cells, one per free variable.
    public var closure: PyTuple?
    public var annotations: Value?
    public var doc: Value
    public var module: Value

    init(code: LoadedCode, globals: PyDict, builtins: PyDict, qualifiedName: Value, type: PyType, interpreter: Interpreter) {
        self.code = code
        self.globals = globals
        self.builtins = builtins
        self.name = code.nameValue
        self.qualifiedName = qualifiedName
        self.doc = code.docValue
        self.module = globals.lookup(string: interpreter.names.__name__) ?? .none
        super.init(type: type)
        code.incref()
        globals.incref()
        builtins.incref()
        name.retain()
        doc.retain()
        module.retain()
    }

    override public func releaseContents() {
        code.decref()
        globals.decref()
        builtins.decref()
        name.release()
        qualifiedName.release()
        defaults?.decref()
        keywordDefaults?.decref()
        closure?.decref()
        annotations?.release()
        doc.release()
        module.release()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(code.referenceValue)
        visit(globals.referenceValue)
        visit(builtins.referenceValue)
        visit(name)
        visit(qualifiedName)
        if let defaults { visit(defaults.referenceValue) }
        if let keywordDefaults { visit(keywordDefaults.referenceValue) }
        if let closure { visit(closure.referenceValue) }
        if let annotations { visit(annotations) }
        visit(doc)
        visit(module)
    }

    /// CPython's func_clear, except for the code, globals and builtins
    /// (which cycles go through only by way of dicts that are cleared).
    override public func clearReferences() {
        super.clearReferences()
        let old = (defaults, keywordDefaults, closure, annotations, doc, module)
        defaults = nil
        keywordDefaults = nil
        closure = nil
        annotations = nil
        doc = .none
        module = .none
        old.0?.decref()
        old.1?.decref()
        old.2?.decref()
        old.3?.release()
        old.4.release()
        old.5.release()
    }
}

/// A function implemented in Swift (`len`, `print`, a module's functions),
/// possibly bound to an object (`"".join`, `sys.exit` bound to its module).
public final class PyBuiltinFunction: PyObject {
    public typealias Body = (ThreadState, Arguments) throws(EvalError) -> Value

    public let name: String
    let body: Body
    /// `__self__`: the module or object it is bound to (owned), if any.
    public let boundSelf: Value?
    public let moduleName: String?

    public init(name: String, type: PyType, boundSelf: Value? = nil, moduleName: String? = nil, body: @escaping Body) {
        self.name = name
        self.body = body
        self.boundSelf = boundSelf
        self.moduleName = moduleName
        super.init(type: type)
        boundSelf?.retain()
    }

    override public func releaseContents() { boundSelf?.release() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let boundSelf { visit(boundSelf) }
    }
}

/// A method of a built-in type as found in the type's dict
/// (`method_descriptor`, `wrapper_descriptor`): called with `self` first.
public final class PyMethodDescriptor: PyObject {
    public typealias Body = (ThreadState, Value, Arguments) throws(EvalError) -> Value

    public let name: String
    /// The type that defines it: `self` must be an instance.
    public let owner: PyType
    let body: Body

    public init(name: String, owner: PyType, type: PyType, body: @escaping Body) {
        self.name = name
        self.owner = owner
        self.body = body
        super.init(type: type)
    }
}

/// A method bound to an object (`obj.method` when not called at once).
public final class PyMethod: PyObject {
    public let function: Value
    public let receiver: Value

    /// Takes over references to both.
    public init(function: Value, receiver: Value, type: PyType) {
        self.function = function
        self.receiver = receiver
        super.init(type: type)
    }

    override public func releaseContents() {
        function.release()
        receiver.release()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(function)
        visit(receiver)
    }
}

/// `classmethod(f)` and `staticmethod(f)`: wrappers changing how the
/// function binds.
public final class PyMethodWrapper: PyObject {
    public let function: Value

    public init(function: Value, type: PyType) {
        self.function = function
        super.init(type: type)
        function.retain()
    }

    override public func releaseContents() { function.release() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(function)
    }
}

/// `property(fget, fset, fdel, doc)`.
public final class PyProperty: PyObject {
    public var getter: Value
    public var setter: Value
    public var deleter: Value
    public var doc: Value

    public init(getter: Value, setter: Value, deleter: Value, doc: Value, type: PyType) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
        self.doc = doc
        super.init(type: type)
        for value in [getter, setter, deleter, doc] { value.retain() }
    }

    override public func releaseContents() {
        for value in [getter, setter, deleter, doc] { value.release() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        for value in [getter, setter, deleter, doc] { visit(value) }
    }

    override public func clearReferences() {
        super.clearReferences()
        let old = [getter, setter, deleter, doc]
        (getter, setter, deleter, doc) = (.none, .none, .none, .none)
        for value in old { value.release() }
    }
}

/// An attribute of a built-in type computed by Swift code (`getset_descriptor`),
/// or a `__slots__` entry (`member_descriptor`, `slotIndex` set).
public final class PyGetSetDescriptor: PyObject {
    public typealias Getter = (ThreadState, Value) throws(EvalError) -> Value
    public typealias Setter = (ThreadState, Value, Value?) throws(EvalError) -> Void

    public let name: String
    public let owner: PyType
    let getter: Getter
    let setter: Setter?

    public init(name: String, owner: PyType, type: PyType, getter: @escaping Getter, setter: Setter? = nil) {
        self.name = name
        self.owner = owner
        self.getter = getter
        self.setter = setter
        super.init(type: type)
    }
}
