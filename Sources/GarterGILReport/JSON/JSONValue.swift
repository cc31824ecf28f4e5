/// A JSON document as read by `JSONParser` (RFC 8259).
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    /// `integer` is the exact value when the number is written without a
    /// fraction or exponent and fits 64 bits (timestamps in nanoseconds do
    /// not all fit a Double's 53 bits).
    case number(Double, integer: Int64?)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a repeated name keeps its last value when
    /// looked up, as most readers do.
    case object([(String, JSONValue)])

    static func == (left: JSONValue, right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a, x), .number(b, y)): return a == b && x == y
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == name })?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var doubleValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The number as an integer: exact when written as one, else truncated
    /// toward zero (as NSNumber's `int64Value`); nil for non-numbers and
    /// values out of range.
    var int64Value: Int64? {
        guard case .number(let value, let integer) = self else { return nil }
        if let integer { return integer }
        return Int64(exactly: value.rounded(.towardZero))
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
