/// Private name mangling: inside a class body (and everything nested in it),
/// `__spam` names `_ClassName__spam`, whatever it is used for.
public enum NameMangling {
    /// `name` as seen inside class `className`; `name` itself when there is
    /// no class, when it does not start with two underscores, when it is a
    /// dunder (`__x__`) or dotted, or when the class name is all underscores.
    public static func mangle(_ name: String, inClass className: String?) -> String {
        guard let className else { return name }
        let bytes = name.utf8
        // Checked byte by byte, and first, because it rules out almost every
        // name before anything is allocated.
        var index = bytes.startIndex
        guard index != bytes.endIndex, bytes[index] == UInt8(ascii: "_") else { return name }
        index = bytes.index(after: index)
        guard index != bytes.endIndex, bytes[index] == UInt8(ascii: "_") else { return name }
        // Two characters are known to be there; `__` alone ends with `__` too.
        let last = bytes.index(before: bytes.endIndex)
        if bytes[last] == UInt8(ascii: "_") && bytes[bytes.index(before: last)] == UInt8(ascii: "_") {
            return name
        }
        if bytes.contains(UInt8(ascii: ".")) { return name }
        let stripped = className.utf8.drop { $0 == UInt8(ascii: "_") }
        if stripped.isEmpty { return name }
        var mangled = "_"
        mangled.reserveCapacity(1 + stripped.count + bytes.count)
        mangled += Substring(stripped)
        mangled += name
        return mangled
    }
}
