/// A type object. Built-in types are immortal and never change after start-up,
/// so interpreters may share them (DESIGN.md §2); classes made by Python code
/// belong to one interpreter.
///
/// So far this holds only what the object model needs to exist: the name and
/// the base. Slots (the operations a type implements) come with the
/// evaluation loop.
public final class PyType: PyObject {
    public let name: String
    public let base: PyType?

    /// The `type` type object: its own type.
    public static func makeMetatype() -> PyType {
        let metatype = PyType(metatypeNamed: "type")
        metatype.typePointer = UnsafeRawPointer(Unmanaged.passUnretained(metatype).toOpaque())
        return metatype
    }

    private init(metatypeNamed name: String) {
        self.name = name
        self.base = nil
        super.init(typeSetLater: ())
    }

    /// A type whose type is `metatype`. Built-in types are made immortal.
    public init(name: String, base: PyType?, metatype: PyType, immortal: Bool = true) {
        self.name = name
        self.base = base
        super.init(type: metatype)
        if immortal { makeImmortal() }
    }

    /// Whether this type is `other` or derives from it.
    public func isSubtype(of other: PyType) -> Bool {
        var current: PyType? = self
        while let type = current {
            if type === other { return true }
            current = type.base
        }
        return false
    }
}
