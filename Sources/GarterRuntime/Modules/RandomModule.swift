import BigInt

// The `_random` module: the `Random` type random.py subclasses. Its
// instances (and those of Python subclasses, made by the same `__new__`)
// carry a Mersenne Twister state.

/// A `_random.Random` object.
final class PyRandom: PyObject {
    @exclusivity(unchecked)
    var generator = MersenneTwister()

    override init(type: PyType) {
        super.init(type: type)
    }

    deinit { generator.deallocate() }
}

extension Interpreter {
    func makeRandomModule() throws(EvalError) -> Value {
        try makeNativeModule("_random", doc: "Module implements the Mersenne Twister random number generator.") { module, _ throws(EvalError) in
            export(randomType(), in: module)
        }
    }

    func randomType() -> PyType {
        nativeType("Random", module: "_random") { type in
            func get(_ value: Value) -> PyRandom { value.as(PyRandom.self)! }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in
                let random = PyRandom(type: type)
                random.generator.seed(words: RandomSeeding.entropy())
                return .object(ObjectRef.allocate(random))
            }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                let type = thread.typeOf(value)
                let ownInit = thread.interpreter.randomType().slots.initialize
                if arguments.hasKeywords && (!type.isHeapType || ownInit == nil) {
                    throw .typeError("Random() takes no keyword arguments")
                }
                if arguments.positionalCount > 1 { throw .typeError("Random() requires 0 or 1 argument") }
                try thread.seedRandom(get(value), arguments.positionalCount == 1 ? arguments[0] : .none)
            }
            type.installSlots(slots, self)
            type.define("seed", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("seed", 0...1)
                try thread.seedRandom(get(value), arguments.positionalCount == 1 ? arguments[0] : .none)
                return .none
            }
            type.define("random", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("Random.random", 0...0)
                return .float(get(value).generator.nextDouble())
            }
            type.define("getrandbits", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("Random.getrandbits", 1...1)
                let count = try thread.integerArgument(arguments[0])
                guard case .small(var bits) = count else {
                    if count.isNegative { throw .valueError("number of bits must be non-negative") }
                    throw .overflowError("Python int too large to convert to C int")
                }
                if bits < 0 { throw .valueError("number of bits must be non-negative") }
                if bits > Int(Int32.max) { throw .overflowError("Python int too large to convert to C int") }
                let random = get(value)
                if bits == 0 { return .int(0) }
                if bits <= 32 { return .int(Int(random.generator.next() >> (32 - bits))) }
                // Little-endian 32-bit words, the last one cut to the bits left.
                var words: [UInt] = []
                var low: UInt32 = 0
                var half = 0
                while bits > 0 {
                    var word = random.generator.next()
                    if bits < 32 { word >>= (32 - bits) }
                    bits -= 32
                    if half == 0 {
                        low = word
                        half = 1
                    } else {
                        words.append(UInt(low) | (UInt(word) << 32))
                        half = 0
                    }
                }
                if half == 1 { words.append(UInt(low)) }
                return thread.interpreter.integerValue(BigInt(BigUInt(words: words)))
            }
            type.define("getstate", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("Random.getstate", 0...0)
                let generator = get(value).generator
                var items: [Value] = (0..<MersenneTwister.stateSize).map { .int(Int(generator.state[$0])) }
                items.append(.int(generator.index))
                return thread.interpreter.newTuple(items)
            }
            type.define("setstate", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("Random.setstate", 1...1)
                guard let tuple = arguments[0].as(PyTuple.self) else { throw .typeError("state vector must be a tuple") }
                guard tuple.count == MersenneTwister.stateSize + 1 else { throw .valueError("state vector is the wrong size") }
                var words: [UInt32] = []
                for item in tuple.items.prefix(MersenneTwister.stateSize) {
                    guard let integer = Arithmetic.pyInteger(item) else {
                        throw .typeError("'\(thread.typeOf(item).name)' object cannot be interpreted as an integer")
                    }
                    if integer.isNegative { throw .overflowError("can't convert negative value to unsigned int") }
                    guard case .small(let word) = integer else {
                        throw .overflowError("Python int too large to convert to C unsigned long")
                    }
                    words.append(UInt32(truncatingIfNeeded: word))
                }
                let index = try thread.sizeArgument(tuple.items[MersenneTwister.stateSize])
                if index < 0 || index > MersenneTwister.stateSize { throw .valueError("invalid state") }
                let random = get(value)
                for (position, word) in words.enumerated() { random.generator.state[position] = word }
                random.generator.index = index
                return .none
            }
        }
    }
}

/// Where seeds come from.
enum RandomSeeding {
    /// 624 words of system entropy (CPython reads os.urandom).
    static func entropy() -> [UInt32] {
        var source = SystemRandomNumberGenerator()
        return (0..<MersenneTwister.stateSize).map { _ in UInt32.random(in: .min ... .max, using: &source) }
    }

    /// The key of an integer seed: |n| as 32-bit words, least significant first.
    static func words(of integer: PyInteger) -> [UInt32] {
        let magnitude = integer.magnitude
        if magnitude.isZero { return [0] }
        var words: [UInt32] = []
        for word in magnitude.words {
            words.append(UInt32(truncatingIfNeeded: word))
            words.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        while words.count > 1 && words.last == 0 { words.removeLast() }
        return words
    }
}

extension ThreadState {
    /// `Random.seed(n)`: None draws entropy, ints seed by their absolute
    /// value, anything else by its hash (as an unsigned word).
    func seedRandom(_ random: PyRandom, _ seed: Value) throws(EvalError) {
        if seed.isNone {
            random.generator.seed(words: RandomSeeding.entropy())
            return
        }
        let integer: PyInteger
        if let value = Arithmetic.pyInteger(seed) {
            integer = value
        } else {
            let hashValue = try hash(seed)
            integer = PyInteger(BigInt(UInt(bitPattern: hashValue)))
        }
        random.generator.seed(words: RandomSeeding.words(of: integer))
    }
}
