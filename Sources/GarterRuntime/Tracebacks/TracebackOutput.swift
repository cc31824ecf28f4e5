/// The bytes being written, with the indentation and margin that exception
/// groups put before their lines (CPython's _Py_WriteIndentedMargin).
struct TracebackOutput {
    private(set) var bytes: [UInt8] = []

    mutating func write<S: StringProtocol>(_ text: S) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write<S: Sequence>(bytes more: S) where S.Element == UInt8 {
        bytes.append(contentsOf: more)
    }

    mutating func writeSpaces(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    mutating func writeIndentedMargin(_ indent: Int, _ margin: String?) {
        writeSpaces(indent)
        if let margin { write(margin) }
    }
}
