/// The arguments of a call, borrowed from the caller, in CPython's
/// "vectorcall" layout: the positional values, then the keyword values, in
/// one contiguous buffer (usually the caller's value stack, so a call does
/// not copy or allocate), and a tuple of the keyword names.
@frozen
public struct Arguments {
    public let base: UnsafePointer<Value?>
    public let positionalCount: Int
    /// The names of the keyword values after the positional ones.
    public let keywordNames: PyTuple?

    @inlinable
    public init(base: UnsafePointer<Value?>, positionalCount: Int, keywordNames: PyTuple? = nil) {
        self.base = base
        self.positionalCount = positionalCount
        self.keywordNames = keywordNames
    }

    @inlinable
    public var keywordCount: Int { keywordNames?.count ?? 0 }
    @inlinable
    public var totalCount: Int { positionalCount + keywordCount }
    @inlinable
    public var hasKeywords: Bool { keywordCount != 0 }

    /// Positional argument `index`.
    @inlinable
    public subscript(_ index: Int) -> Value { base[index].unsafelyUnwrapped }

    /// The value of keyword argument `index` (0-based among keywords).
    @inlinable
    public func keywordValue(_ index: Int) -> Value { base[positionalCount + index].unsafelyUnwrapped }

    public func keywordName(_ index: Int) -> String { keywordNames!.items[index].stringValue ?? "" }

    /// The same call without its first positional argument (`self` of a method).
    @inlinable
    public var droppingFirst: Arguments {
        Arguments(base: base + 1, positionalCount: positionalCount - 1, keywordNames: keywordNames)
    }

    public var positional: [Value] { (0..<positionalCount).map { self[$0] } }

    /// Runs `body` with `values` as positional arguments (for calls made
    /// from Swift).
    public static func with<Result>(_ values: [Value], keywordNames: PyTuple? = nil,
                                    _ body: (Arguments) throws(EvalError) -> Result) throws(EvalError) -> Result {
        let buffer = UnsafeMutablePointer<Value?>.allocate(capacity: max(values.count, 1))
        defer { buffer.deallocate() }
        for (index, value) in values.enumerated() { (buffer + index).initialize(to: value) }
        let positional = values.count - (keywordNames?.count ?? 0)
        return try body(Arguments(base: buffer, positionalCount: positional, keywordNames: keywordNames))
    }

    /// Checks that there are no keyword arguments (CPython's message).
    public func rejectKeywords(_ function: String) throws(EvalError) {
        if hasKeywords { throw .typeError("\(function)() takes no keyword arguments") }
    }

    /// Checks the number of positional arguments and that no keywords came,
    /// with CPython's messages for functions taking a fixed count.
    public func expect(_ function: String, _ range: ClosedRange<Int>) throws(EvalError) {
        try rejectKeywords(function)
        let count = positionalCount
        if range.contains(count) { return }
        if range.lowerBound == range.upperBound {
            switch range.lowerBound {
            case 0: throw .typeError("\(function)() takes no arguments (\(count) given)")
            case 1: throw .typeError("\(function)() takes exactly one argument (\(count) given)")
            default: throw .typeError("\(function) expected \(range.lowerBound) arguments, got \(count)")
            }
        }
        if count < range.lowerBound {
            throw .typeError("\(function) expected at least \(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s"), got \(count)")
        }
        throw .typeError("\(function) expected at most \(range.upperBound) argument\(range.upperBound == 1 ? "" : "s"), got \(count)")
    }

    /// Binds the arguments to `names` (positional-or-keyword in order, the
    /// first `positionalOnly` of them positional only), as CPython's
    /// Argument Clinic does for built-ins. Missing optional ones are nil.
    public func bind(_ function: String, _ names: [String], required: Int,
                     positionalOnly: Int = 0, keywordOnlyFrom: Int? = nil) throws(EvalError) -> [Value?] {
        var result = [Value?](repeating: nil, count: names.count)
        let positionalLimit = keywordOnlyFrom ?? names.count
        if positionalCount > positionalLimit {
            let takes = positionalLimit == required ? "exactly \(positionalLimit)" : "at most \(positionalLimit)"
            throw .typeError("\(function)() takes \(takes) positional argument\(positionalLimit == 1 ? "" : "s") (\(positionalCount) given)")
        }
        for index in 0..<positionalCount { result[index] = self[index] }
        for keyword in 0..<keywordCount {
            let name = keywordName(keyword)
            guard let index = names.firstIndex(of: name), index >= positionalOnly else {
                if let index = names.firstIndex(of: name), index < positionalOnly {
                    throw .typeError("\(function)() got some positional-only arguments passed as keyword arguments: '\(name)'")
                }
                throw .typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            if result[index] != nil {
                throw .typeError("argument for \(function)() given by name ('\(name)') and position (\(index + 1))")
            }
            result[index] = keywordValue(keyword)
        }
        for index in 0..<required where result[index] == nil {
            if index < positionalCount || positionalOnly > index || keywordCount == 0 {
                throw .typeError("\(function)() missing required argument '\(names[index])' (pos \(index + 1))")
            }
            throw .typeError("\(function)() missing required argument '\(names[index])' (pos \(index + 1))")
        }
        return result
    }
}
