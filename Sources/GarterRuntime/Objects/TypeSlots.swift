import GarterCompiler

/// The operations a type implements, as Swift functions (CPython's `tp_*`,
/// `nb_*`, `sq_*` and `mp_*` slots, merged where Python makes no
/// difference). A nil slot means the type does not support the operation.
///
/// Every slot takes the thread state first: it may run Python code, raise,
/// and allocate. Values passed in are borrowed; values returned are new
/// references.
public struct TypeSlots {
    public typealias Unary = (ThreadState, Value) throws(EvalError) -> Value
    public typealias Binary = (ThreadState, Value, Value) throws(EvalError) -> Value
    public typealias Predicate = (ThreadState, Value) throws(EvalError) -> Bool
    public typealias Size = (ThreadState, Value) throws(EvalError) -> Int
    /// Returns nil when the attribute does not exist (the caller raises
    /// AttributeError with CPython's message).
    public typealias GetAttribute = (ThreadState, Value, PyStr) throws(EvalError) -> Value?
    /// A nil value deletes.
    public typealias SetAttribute = (ThreadState, Value, PyStr, Value?) throws(EvalError) -> Void
    public typealias Call = (ThreadState, Value, Arguments) throws(EvalError) -> Value
    public typealias New = (ThreadState, PyType, Arguments) throws(EvalError) -> Value
    public typealias Initialize = (ThreadState, Value, Arguments) throws(EvalError) -> Void
    /// Returns NotImplemented (a new reference) when it does not apply.
    public typealias RichCompare = (ThreadState, Value, Value, ComparisonOperation) throws(EvalError) -> Value
    /// Returns nil when exhausted (no StopIteration object needed).
    public typealias Next = (ThreadState, Value) throws(EvalError) -> Value?
    /// `descriptor.__get__(instance, owner)`; instance nil for class access.
    public typealias DescriptorGet = (ThreadState, Value, Value?, Value) throws(EvalError) -> Value
    /// `descriptor.__set__(instance, value)`, or `__delete__` when value is nil.
    public typealias DescriptorSet = (ThreadState, Value, Value, Value?) throws(EvalError) -> Void
    public typealias SetItem = (ThreadState, Value, Value, Value?) throws(EvalError) -> Void

    public var repr: Unary?
    public var str: Unary?
    public var hash: Size?
    public var call: Call?
    public var getAttribute: GetAttribute?
    public var setAttribute: SetAttribute?
    public var richCompare: RichCompare?
    public var iterate: Unary?
    public var next: Next?
    public var descriptorGet: DescriptorGet?
    public var descriptorSet: DescriptorSet?
    public var new: New?
    public var initialize: Initialize?
    /// `__del__`, run when the last reference goes.
    public var finalize: ((ThreadState, Value) throws(EvalError) -> Void)?

    // Numbers: indexed by `BinaryOperation` raw value & 15. The slot gets the
    // operands in source order and is called for either side, as CPython's
    // nb_* slots are (it checks which operand is its own).
    public var binary: [Binary?] = Array(repeating: nil, count: 13)
    /// In-place forms (`__iadd__`, ...), same indexes.
    public var inPlace: [Binary?] = Array(repeating: nil, count: 13)
    public var negative: Unary?
    public var positive: Unary?
    public var invert: Unary?
    public var absolute: Unary?
    public var bool: Predicate?
    /// `__index__`: an int (new reference).
    public var index: Unary?
    /// `__int__` and `__float__`.
    public var int: Unary?
    public var float: Unary?

    // Containers.
    public var length: Size?
    public var getItem: Binary?
    public var setItem: SetItem?
    public var contains: ((ThreadState, Value, Value) throws(EvalError) -> Bool)?

    public init() {}

    /// A new type starts with its base's slots.
    mutating func inherit(from base: TypeSlots) {
        self = base
    }

    /// Takes every slot `other` fills.
    mutating func merge(_ other: TypeSlots) {
        repr = other.repr ?? repr
        str = other.str ?? str
        hash = other.hash ?? hash
        call = other.call ?? call
        getAttribute = other.getAttribute ?? getAttribute
        setAttribute = other.setAttribute ?? setAttribute
        richCompare = other.richCompare ?? richCompare
        iterate = other.iterate ?? iterate
        next = other.next ?? next
        descriptorGet = other.descriptorGet ?? descriptorGet
        descriptorSet = other.descriptorSet ?? descriptorSet
        new = other.new ?? new
        initialize = other.initialize ?? initialize
        finalize = other.finalize ?? finalize
        for index in 0..<13 {
            binary[index] = other.binary[index] ?? binary[index]
            inPlace[index] = other.inPlace[index] ?? inPlace[index]
        }
        negative = other.negative ?? negative
        positive = other.positive ?? positive
        invert = other.invert ?? invert
        absolute = other.absolute ?? absolute
        bool = other.bool ?? bool
        index = other.index ?? index
        int = other.int ?? int
        float = other.float ?? float
        length = other.length ?? length
        getItem = other.getItem ?? getItem
        setItem = other.setItem ?? setItem
        contains = other.contains ?? contains
    }
}
