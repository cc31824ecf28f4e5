import BigInt
import GarterCompiler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The `math` module: C's libm for the elementary functions, with CPython's
// rules for turning NaN and infinite results into ValueError ("math
// domain error") and OverflowError ("math range error"); CPython's own
// algorithms where it has them (MathReal, MathIntegers).

extension Interpreter {
    func makeMathModule() throws(EvalError) -> Value {
        try makeNativeModule("math", doc: "This module provides access to the mathematical functions\ndefined by the C standard.") { module, define throws(EvalError) in
            setItem(module.dict, "pi", .float(Double.pi))
            setItem(module.dict, "e", .float(M_E))
            setItem(module.dict, "tau", .float(2 * Double.pi))
            setItem(module.dict, "inf", .float(.infinity))
            setItem(module.dict, "nan", .float(.nan))

            /// A function of one float (CPython's math_1): a NaN from a
            /// non-NaN is a domain error, an infinity from a finite value an
            /// overflow (or a domain error, for poles such as atanh(1)).
            func unary(_ name: String, canOverflow: Bool = false, _ function: @escaping (Double) -> Double) {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "math.\(name)")
                    let x = try thread.floatArgument(arguments[0])
                    let result = function(x)
                    if result.isNaN && !x.isNaN { throw MathModule.domainError }
                    if result.isInfinite && x.isFinite { throw canOverflow ? MathModule.rangeError : MathModule.domainError }
                    return .float(result)
                }
            }
            unary("acos", acos)
            unary("acosh", acosh)
            unary("asin", asin)
            unary("asinh", asinh)
            unary("atan", atan)
            unary("atanh", atanh)
            unary("cbrt", cbrt)
            unary("cos", cos)
            unary("cosh", canOverflow: true, cosh)
            unary("exp", canOverflow: true, exp)
            unary("exp2", canOverflow: true, exp2)
            unary("expm1", canOverflow: true, expm1)
            unary("fabs", Swift.abs)
            unary("log1p", log1p)
            unary("sin", sin)
            unary("sinh", canOverflow: true, sinh)
            unary("sqrt") { $0.squareRoot() }
            unary("tan", tan)
            unary("tanh", tanh)
            unary("degrees") { $0 * (180.0 / Double.pi) }
            unary("radians") { $0 * (Double.pi / 180.0) }

            /// Functions that report their own errors (CPython's math_1a).
            func reporting(_ name: String, _ function: @escaping (Double) throws(MathReal.Failure) -> Double) {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "math.\(name)")
                    let x = try thread.floatArgument(arguments[0])
                    do throws(MathReal.Failure) {
                        return .float(try function(x))
                    } catch {
                        throw MathModule.error(error)
                    }
                }
            }
            reporting("gamma", MathReal.gamma)
            reporting("lgamma", MathReal.logGamma)
            reporting("erf") { x throws(MathReal.Failure) in erf(x) }
            reporting("erfc") { x throws(MathReal.Failure) in erfc(x) }

            for (name, test) in [("isfinite", { (x: Double) in x.isFinite }), ("isinf", { $0.isInfinite }),
                                 ("isnan", { $0.isNaN })] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "math.\(name)")
                    return .bool(test(try thread.floatArgument(arguments[0])))
                }
            }

            /// A function of two floats (CPython's math_2).
            func binary(_ name: String, _ function: @escaping (Double, Double) -> Double) {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.checkNoKeywords("math.\(name)")
                    try arguments.expect(name, 2...2)
                    let x = try thread.floatArgument(arguments[0])
                    let y = try thread.floatArgument(arguments[1])
                    let result = function(x, y)
                    if result.isNaN {
                        if !x.isNaN && !y.isNaN { throw MathModule.domainError }
                    } else if result.isInfinite && x.isFinite && y.isFinite {
                        throw MathModule.rangeError
                    }
                    return .float(result)
                }
            }
            binary("atan2", atan2)
            binary("copysign") { Double(signOf: $1, magnitudeOf: $0) }
            binary("remainder", remainder)
            binary("nextafter", nextafter)
            binary("fmod") { x, y in
                if y.isInfinite && x.isFinite { return x }
                return fmod(x, y)
            }

            define("pow") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("math.pow")
                try arguments.expect("pow", 2...2)
                let x = try thread.floatArgument(arguments[0])
                let y = try thread.floatArgument(arguments[1])
                return .float(try MathModule.power(x, y))
            }

            define("ulp") { thread, arguments throws(EvalError) in
                try arguments.expect("math.ulp", 1...1)
                var x = try thread.floatArgument(arguments[0])
                if x.isNaN { return .float(x) }
                x = Swift.abs(x)
                if x.isInfinite { return .float(x) }
                let above = nextafter(x, .infinity)
                if above.isInfinite { return .float(x - nextafter(x, -.infinity)) }
                return .float(above - x)
            }

            define("frexp") { thread, arguments throws(EvalError) in
                try arguments.expect("math.frexp", 1...1)
                let x = try thread.floatArgument(arguments[0])
                if x.isNaN || x.isInfinite || x == 0 { return thread.interpreter.newTuple([.float(x), .int(0)]) }
                var exponent: Int32 = 0
                let mantissa = frexp(x, &exponent)
                return thread.interpreter.newTuple([.float(mantissa), .int(Int(exponent))])
            }

            define("ldexp") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("math.ldexp")
                try arguments.expect("ldexp", 2...2)
                let x = try thread.floatArgument(arguments[0])
                guard let exponent = Arithmetic.pyInteger(arguments[1]) else {
                    throw .typeError("Expected an int as second argument to ldexp.")
                }
                if x == 0 || !x.isFinite { return .float(x) }
                let clamped = exponent.clampedToInt
                if clamped > Int(Int32.max) { throw MathModule.rangeError }
                if clamped < Int(Int32.min) { return .float(Double(signOf: x, magnitudeOf: 0)) }
                let result = scalbn(x, clamped)
                if result.isInfinite { throw MathModule.rangeError }
                return .float(result)
            }

            define("modf") { thread, arguments throws(EvalError) in
                try arguments.expect("math.modf", 1...1)
                let x = try thread.floatArgument(arguments[0])
                if x.isInfinite { return thread.interpreter.newTuple([.float(Double(signOf: x, magnitudeOf: 0)), .float(x)]) }
                if x.isNaN { return thread.interpreter.newTuple([.float(x), .float(x)]) }
                let whole = x.rounded(.towardZero)
                return thread.interpreter.newTuple([.float(Double(signOf: x, magnitudeOf: Swift.abs(x - whole))), .float(whole)])
            }

            /// floor and ceil: exact floats directly, objects through their
            /// special method, anything else converted to a float first.
            func rounding(_ name: String, _ rule: FloatingPointRoundingRule) {
                let special = internedString("__\(name)__")
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "math.\(name)")
                    let value = arguments[0]
                    if case .float(let x) = value { return try MathModule.integer(x.rounded(rule), thread) }
                    if let integer = Arithmetic.pyInteger(value) { return thread.interpreter.integerValue(integer) }
                    if let result = try thread.callSpecial(value, special, []) { return result }
                    return try MathModule.integer(try thread.floatArgument(value).rounded(rule), thread)
                }
            }
            rounding("floor", .down)
            rounding("ceil", .up)

            let truncName = internedString("__trunc__")
            define("trunc") { thread, arguments throws(EvalError) in
                try arguments.expect("math.trunc", 1...1)
                let value = arguments[0]
                if case .float(let x) = value { return try MathModule.integer(x.rounded(.towardZero), thread) }
                if let integer = Arithmetic.pyInteger(value) { return thread.interpreter.integerValue(integer) }
                if let result = try thread.callSpecial(value, truncName, []) { return result }
                throw .typeError("type \(thread.typeOf(value).name) doesn't define __trunc__ method")
            }

            define("log") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("math.log")
                guard (1...2).contains(arguments.positionalCount) else {
                    throw .typeError("math.log requires 1 to 2 arguments")
                }
                let numerator = try MathModule.logarithm(arguments[0], thread, log)
                guard arguments.positionalCount == 2 else { return .float(numerator) }
                let denominator = try MathModule.logarithm(arguments[1], thread, log)
                if denominator == 0 { throw .zeroDivision("float division by zero") }
                return .float(numerator / denominator)
            }
            for (name, function) in [("log2", log2 as (Double) -> Double), ("log10", log10)] {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.check(1...1, "math.\(name)")
                    return .float(try MathModule.logarithm(arguments[0], thread, function))
                }
            }

            define("fsum") { thread, arguments throws(EvalError) in
                try arguments.expect("math.fsum", 1...1)
                var sum = MathReal.ExactSum()
                let iterator = try thread.iterate(arguments[0])
                defer { iterator.release() }
                while let item = try thread.next(iterator) {
                    let x: Double
                    do throws(EvalError) { x = try thread.floatArgument(item) } catch {
                        item.release()
                        throw error
                    }
                    item.release()
                    do throws(MathReal.SumFailure) { try sum.add(x) } catch { throw MathModule.error(error) }
                }
                do throws(MathReal.SumFailure) { return .float(try sum.result()) } catch { throw MathModule.error(error) }
            }

            define("hypot") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("math.hypot")
                var values: [Double] = []
                var maximum = 0.0
                var foundNaN = false
                for index in 0..<arguments.positionalCount {
                    let x = Swift.abs(try thread.floatArgument(arguments[index]))
                    values.append(x)
                    foundNaN = foundNaN || x.isNaN
                    if x > maximum { maximum = x }
                }
                return .float(MathReal.vectorNorm(values, maximum: maximum, foundNaN: foundNaN))
            }

            define("dist") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("dist", ["p", "q"], required: 2, positionalOnly: 2)
                let p = try thread.collect(bound[0]!)
                defer { for item in p { item.release() } }
                let q = try thread.collect(bound[1]!)
                defer { for item in q { item.release() } }
                if p.count != q.count { throw .valueError("both points must have the same number of dimensions") }
                var values: [Double] = []
                var maximum = 0.0
                var foundNaN = false
                for index in p.indices {
                    let x = Swift.abs(try thread.floatArgument(p[index]) - thread.floatArgument(q[index]))
                    values.append(x)
                    foundNaN = foundNaN || x.isNaN
                    if x > maximum { maximum = x }
                }
                return .float(MathReal.vectorNorm(values, maximum: maximum, foundNaN: foundNaN))
            }

            define("isclose") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("isclose", ["a", "b", "rel_tol", "abs_tol"], required: 2, keywordOnlyFrom: 2)
                let a = try thread.floatArgument(bound[0]!)
                let b = try thread.floatArgument(bound[1]!)
                let relative = try bound[2].map { (v) throws(EvalError) in try thread.floatArgument(v) } ?? 1e-9
                let absolute = try bound[3].map { (v) throws(EvalError) in try thread.floatArgument(v) } ?? 0.0
                if relative < 0 || absolute < 0 { throw .valueError("tolerances must be non-negative") }
                if a == b { return .bool(true) }
                if a.isInfinite || b.isInfinite { return .bool(false) }
                let difference = Swift.abs(b - a)
                return .bool((difference <= Swift.abs(relative * b)) || (difference <= Swift.abs(relative * a))
                             || difference <= absolute)
            }

            define("prod") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("prod", ["iterable", "start"], required: 1, positionalOnly: 1, keywordOnlyFrom: 1)
                var result = bound[1] ?? .int(1)
                result.retain()
                do throws(EvalError) {
                    try thread.forEach(bound[0]!) { item throws(EvalError) in
                        let product = try thread.binaryOperation(Int(BinaryOperation.multiply.rawValue), result, item)
                        result.release()
                        result = product
                    }
                } catch {
                    result.release()
                    throw error
                }
                return result
            }

            try defineMathIntegerFunctions(define)
        }
    }

    /// isqrt, factorial, comb, perm, gcd, lcm.
    private func defineMathIntegerFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) throws(EvalError) {
        define("isqrt") { thread, arguments throws(EvalError) in
            try arguments.expect("math.isqrt", 1...1)
            let n = try thread.integerArgument(arguments[0])
            if n.isNegative { throw .valueError("isqrt() argument must be nonnegative") }
            return thread.interpreter.integerValue(MathIntegers.squareRoot(n))
        }
        define("factorial") { thread, arguments throws(EvalError) in
            try arguments.expect("math.factorial", 1...1)
            let n = try thread.integerArgument(arguments[0])
            guard case .small(let value) = n else {
                if n.isNegative { throw .valueError("factorial() not defined for negative values") }
                throw .overflowError("factorial() argument should not exceed \(Int.max)")
            }
            if value < 0 { throw .valueError("factorial() not defined for negative values") }
            return thread.interpreter.integerValue(MathIntegers.factorial(value))
        }
        define("comb") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("math.comb")
                try arguments.expect("comb", 2...2)
            let n = try thread.integerArgument(arguments[0])
            let k = try thread.integerArgument(arguments[1])
            if n.isNegative { throw .valueError("n must be a non-negative integer") }
            if k.isNegative { throw .valueError("k must be a non-negative integer") }
            let rest = PyInteger.subtract(n, k)
            if rest.isNegative { return .int(0) }
            let smaller = PyInteger.compare(rest, k) < 0 ? rest : k
            guard case .small(let count) = smaller else {
                throw .overflowError("min(n - k, k) must not exceed \(Int.max)")
            }
            return thread.interpreter.integerValue(MathIntegers.combinations(n, count))
        }
        define("perm") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("math.perm")
            try arguments.expect("perm", 1...2)
            let n = try thread.integerArgument(arguments[0])
            if arguments.positionalCount == 1 || arguments[1].isNone {
                guard case .small(let value) = n, value >= 0 else {
                    if n.isNegative { throw .valueError("factorial() not defined for negative values") }
                    throw .overflowError("factorial() argument should not exceed \(Int.max)")
                }
                return thread.interpreter.integerValue(MathIntegers.factorial(value))
            }
            let k = try thread.integerArgument(arguments[1])
            if n.isNegative { throw .valueError("n must be a non-negative integer") }
            if k.isNegative { throw .valueError("k must be a non-negative integer") }
            if PyInteger.compare(n, k) < 0 { return .int(0) }
            guard case .small(let count) = k else { throw .overflowError("k must not exceed \(Int.max)") }
            return thread.interpreter.integerValue(MathIntegers.permutations(n, count))
        }
        define("gcd") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("math.gcd")
            var result = PyInteger.small(0)
            for index in 0..<arguments.positionalCount {
                let value = try thread.integerArgument(arguments[index])
                result = PyInteger.gcd(result, value)
            }
            return thread.interpreter.integerValue(PyInteger.absolute(result))
        }
        define("lcm") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("math.lcm")
            var result = PyInteger.small(1)
            for index in 0..<arguments.positionalCount {
                let value = try thread.integerArgument(arguments[index])
                result = MathIntegers.lcm(result, value)
            }
            if arguments.positionalCount == 1 { return thread.interpreter.integerValue(PyInteger.absolute(result)) }
            return thread.interpreter.integerValue(result)
        }
    }
}

/// Error conversions and the functions with special cases of their own.
enum MathModule {
    static var domainError: EvalError { .valueError("math domain error") }
    static var rangeError: EvalError { .overflowError("math range error") }

    static func error(_ failure: MathReal.Failure) -> EvalError {
        switch failure {
        case .domain: return domainError
        case .range: return rangeError
        }
    }

    static func error(_ failure: MathReal.SumFailure) -> EvalError {
        switch failure {
        case .intermediateOverflow: return .overflowError("intermediate overflow in fsum")
        case .infinitiesOfBothSigns: return .valueError("-inf + inf in fsum")
        }
    }

    /// A float known to be integral as an int (ValueError for NaN,
    /// OverflowError for infinities).
    static func integer(_ x: Double, _ thread: ThreadState) throws(EvalError) -> Value {
        if x.isFinite, Swift.abs(x) < 9.0e18 { return .int(Int(x)) }
        do throws(NumberError) {
            return thread.interpreter.integerValue(try FloatConversion.integer(x))
        } catch {
            throw .pythonException(error.pythonType, error.message)
        }
    }

    /// `x ** y` with C99's special cases, NaN results as domain errors and
    /// overflows as range errors.
    static func power(_ x: Double, _ y: Double) throws(EvalError) -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1.0 : x }
            if y.isNaN { return x == 1.0 ? 1.0 : y }
            if x.isInfinite {
                let oddExponent = y.isFinite && fmod(Swift.abs(y), 2.0) == 1.0
                if y > 0 { return oddExponent ? x : Swift.abs(x) }
                if y == 0 { return 1.0 }
                return oddExponent ? Double(signOf: x, magnitudeOf: 0) : 0.0
            }
            // y is infinite.
            if Swift.abs(x) == 1.0 { return 1.0 }
            if y > 0 && Swift.abs(x) > 1.0 { return y }
            if y < 0 && Swift.abs(x) < 1.0 { return -y }
            return 0.0
        }
        if x == 0 && y < 0 { throw domainError }
        let result = pow(x, y)
        if result.isNaN { throw domainError }
        if result.isInfinite { throw x == 0 ? domainError : rangeError }
        return result
    }

    /// log, log2 or log10 of a number: ints of any size (beyond a double's
    /// range through their bit length), otherwise the float value.
    static func logarithm(_ value: Value, _ thread: ThreadState, _ function: (Double) -> Double) throws(EvalError) -> Double {
        if let integer = Arithmetic.pyInteger(value) {
            if integer.isNegative || integer.isZero { throw domainError }
            if case .big(let big) = integer, (try? integer.toDouble()) == nil {
                // x = m × 2**e with m in [0.5, 1): log x = log m + e log 2.
                let bits = big.magnitude.bitWidth
                let shift = bits - 64
                let top = big.magnitude >> shift
                let sticky: UInt64 = (top << shift) == big.magnitude ? 0 : 1
                let mantissa = Double(UInt64(top) | sticky) / 18446744073709551616.0
                return function(mantissa) + Double(bits) * function(2.0)
            }
        }
        let x = try thread.floatArgument(value)
        if x.isNaN { return x }
        if x.isInfinite {
            if x > 0 { return x }
            throw domainError
        }
        if x <= 0 { throw domainError }
        return function(x)
    }
}
