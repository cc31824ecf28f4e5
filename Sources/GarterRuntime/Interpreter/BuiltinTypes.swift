/// The built-in type objects of an interpreter. They are created bare here
/// (name, base, flags) and filled in by the `install...` functions of the
/// files in `Builtins/Types/`, one per type.
public final class BuiltinTypes {
    public let type: PyType
    public let object: PyType
    public let none: PyType
    public let notImplemented: PyType
    public let ellipsis: PyType
    public let int: PyType
    public let bool: PyType
    public let float: PyType
    public let complex: PyType
    public let str: PyType
    public let bytes: PyType
    public let bytearray: PyType
    public let memoryview: PyType
    public let tuple: PyType
    public let list: PyType
    public let dict: PyType
    public let set: PyType
    public let frozenset: PyType
    public let code: PyType
    public let function: PyType
    public let builtinFunction: PyType
    public let methodDescriptor: PyType
    public let method: PyType
    public let classmethod: PyType
    public let staticmethod: PyType
    public let property: PyType
    public let getSetDescriptor: PyType
    public let cell: PyType
    public let module: PyType
    public let frame: PyType
    public let traceback: PyType
    public let baseException: PyType
    /// The other iterator, view and helper types, by name (`list_iterator`, ...).
    public private(set) var others: [String: PyType] = [:]
    /// The built-in exception classes by name.
    public private(set) var exceptions: [String: PyType] = [:]

    init(hashSecret: HashSecret) {
        let type = PyType.makeMetatype(hashSecret: hashSecret)
        let object = PyType(name: "object", base: nil, metatype: type, flags: [.baseType])
        self.type = type
        self.object = object
        type.base = object
        type.bases = [object]
        type.mro = [type, object]
        func make(_ name: String, _ base: PyType? = nil, _ flags: TypeFlags = []) -> PyType {
            PyType(name: name, base: base ?? object, metatype: type, flags: flags)
        }
        none = make("NoneType")
        notImplemented = make("NotImplementedType")
        ellipsis = make("ellipsis")
        let int = make("int", nil, [.baseType])
        self.int = int
        bool = make("bool", int)
        float = make("float", nil, [.baseType])
        complex = make("complex", nil, [.baseType])
        str = make("str", nil, [.baseType])
        bytes = make("bytes", nil, [.baseType])
        bytearray = make("bytearray", nil, [.baseType])
        memoryview = make("memoryview")
        tuple = make("tuple", nil, [.baseType, .sequence])
        list = make("list", nil, [.baseType, .sequence])
        dict = make("dict", nil, [.baseType, .mapping])
        set = make("set", nil, [.baseType])
        frozenset = make("frozenset", nil, [.baseType])
        code = make("code")
        function = make("function", nil, [.hasInstanceDict])
        builtinFunction = make("builtin_function_or_method")
        methodDescriptor = make("method_descriptor")
        method = make("method")
        classmethod = make("classmethod", nil, [.baseType, .hasInstanceDict])
        staticmethod = make("staticmethod", nil, [.baseType, .hasInstanceDict])
        property = make("property", nil, [.baseType])
        getSetDescriptor = make("getset_descriptor")
        cell = make("cell")
        module = make("module", nil, [.baseType])
        frame = make("frame")
        traceback = make("traceback")
        baseException = make("BaseException", nil, [.baseType, .hasInstanceDict, .exceptionSubclass])
        for made in all { made.dict = makeTypeDict() }
        trackBuiltinContainers()
    }

    private func makeTypeDict() -> PyDict {
        let typeDict = PyDict(type: dict)
        typeDict.makeImmortal()
        return typeDict
    }

    /// Makes (once) a helper type such as `list_iterator`.
    public func other(_ name: String, base: PyType? = nil, flags: TypeFlags = []) -> PyType {
        if let existing = others[name] { return existing }
        let made = PyType(name: name, base: base ?? object, metatype: type, flags: flags)
        made.dict = makeTypeDict()
        if BuiltinTypes.trackedHelperTypes.contains(name) { made.tracksInstances() }
        others[name] = made
        return made
    }

    /// Makes a built-in exception class.
    func addException(_ name: String, base: PyType) -> PyType {
        let made = PyType(name: name, base: base, metatype: type,
                          flags: [.baseType, .hasInstanceDict, .exceptionSubclass])
        made.dict = makeTypeDict()
        made.tracksInstances()
        exceptions[name] = made
        return made
    }

    /// Records `BaseException` among the exception classes.
    func exceptionsStorage(_ type: PyType) { exceptions[type.name] = type }

    /// Every built-in type made so far (for finishing them).
    var all: [PyType] {
        [type, object, none, notImplemented, ellipsis, int, bool, float, complex, str, bytes, bytearray, memoryview, tuple, list, dict, set, frozenset,
         code, function, builtinFunction, methodDescriptor, method, classmethod, staticmethod, property,
         getSetDescriptor, cell, module, frame, traceback, baseException]
            + others.values.sorted { $0.name < $1.name } + exceptions.values.filter { $0 !== baseException }.sorted { $0.name < $1.name }
    }

    /// The type of a value.
    @inlinable
    public func type(of value: Value) -> PyType {
        switch value {
        case .none: return none
        case .bool: return bool
        case .int: return int
        case .float: return float
        case .object(let reference):
            return reference.with { object in
                Unmanaged<PyType>.fromOpaque(object.typePointer).takeUnretainedValue()
            }
        }
    }
}
