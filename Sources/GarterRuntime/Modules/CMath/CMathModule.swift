import Foundation

// The `cmath` module: the functions of ComplexMath.swift with CPython
// 3.11's argument conversion (complex, `__complex__`, then anything
// `float()` takes), calling conventions, messages, and constants.

extension Interpreter {
    func makeCMathModule() throws(EvalError) -> Value {
        try makeNativeModule("cmath", doc: "This module provides access to mathematical functions for complex\nnumbers.") { module, define throws(EvalError) in
            let unary: [(String, (ComplexNumber) throws(CMathError) -> ComplexNumber)] = [
                ("acos", ComplexMath.acos), ("acosh", ComplexMath.acosh), ("asin", ComplexMath.asin),
                ("asinh", ComplexMath.asinh), ("atan", ComplexMath.atan), ("atanh", ComplexMath.atanh),
                ("cos", ComplexMath.cos), ("cosh", ComplexMath.cosh), ("exp", ComplexMath.exp),
                ("log10", ComplexMath.log10), ("sin", ComplexMath.sin), ("sinh", ComplexMath.sinh),
                ("sqrt", ComplexMath.sqrt), ("tan", ComplexMath.tan), ("tanh", ComplexMath.tanh),
            ]
            for (name, function) in unary {
                define(name) { thread, arguments throws(EvalError) in
                    try arguments.expect("cmath.\(name)", 1...1)
                    let z = try thread.complexArgument(arguments[0])
                    return thread.interpreter.newComplex(try cmathChecked { () throws(CMathError) in try function(z) })
                }
            }
            define("log") { thread, arguments throws(EvalError) in
                try arguments.expect("log", 1...2)
                let z = try thread.complexArgument(arguments[0])
                if arguments.positionalCount == 2 {
                    let base = try thread.complexArgument(arguments[1])
                    return thread.interpreter.newComplex(try cmathChecked { () throws(CMathError) in try ComplexMath.log(z, base: base) })
                }
                return thread.interpreter.newComplex(try cmathChecked { () throws(CMathError) in try ComplexMath.log(z) })
            }
            define("phase") { thread, arguments throws(EvalError) in
                try arguments.expect("cmath.phase", 1...1)
                let z = try thread.complexArgument(arguments[0])
                return .float(try cmathChecked { () throws(CMathError) in try ComplexMath.checkedPhase(z) })
            }
            define("polar") { thread, arguments throws(EvalError) in
                try arguments.expect("cmath.polar", 1...1)
                let z = try thread.complexArgument(arguments[0])
                let phi = ComplexMath.phase(z)
                let r = try cmathChecked { () throws(CMathError) in try ComplexMath.magnitude(z) }
                return thread.interpreter.newTuple([.float(r), .float(phi)])
            }
            define("rect") { thread, arguments throws(EvalError) in
                try arguments.expect("rect", 2...2)
                let r = try thread.floatArgument(arguments[0])
                let phi = try thread.floatArgument(arguments[1])
                return thread.interpreter.newComplex(try cmathChecked { () throws(CMathError) in try ComplexMath.rect(r, phi) })
            }
            define("isfinite") { thread, arguments throws(EvalError) in
                try arguments.expect("cmath.isfinite", 1...1)
                let z = try thread.complexArgument(arguments[0])
                return .bool(z.real.isFinite && z.imag.isFinite)
            }
            define("isinf") { thread, arguments throws(EvalError) in
                try arguments.expect("cmath.isinf", 1...1)
                let z = try thread.complexArgument(arguments[0])
                return .bool(z.real.isInfinite || z.imag.isInfinite)
            }
            define("isnan") { thread, arguments throws(EvalError) in
                try arguments.expect("cmath.isnan", 1...1)
                let z = try thread.complexArgument(arguments[0])
                return .bool(z.real.isNaN || z.imag.isNaN)
            }
            define("isclose") { thread, arguments throws(EvalError) in
                let names = ["a", "b", "rel_tol", "abs_tol"]
                for index in 0..<arguments.keywordCount where !names.contains(arguments.keywordName(index)) {
                    throw .typeError("'\(arguments.keywordName(index))' is an invalid keyword argument for isclose()")
                }
                let bound = try arguments.bind("isclose", names, required: 2, keywordOnlyFrom: 2)
                let a = try thread.complexArgument(bound[0]!)
                let b = try thread.complexArgument(bound[1]!)
                let relative = try bound[2].map { (v) throws(EvalError) in try thread.floatArgument(v) } ?? 1e-9
                let absolute = try bound[3].map { (v) throws(EvalError) in try thread.floatArgument(v) } ?? 0.0
                if relative < 0 || absolute < 0 { throw .valueError("tolerances must be non-negative") }
                if a == b { return .bool(true) }
                if a.real.isInfinite || a.imag.isInfinite || b.real.isInfinite || b.imag.isInfinite { return .bool(false) }
                let difference = hypot(a.real - b.real, a.imag - b.imag)
                return .bool(difference <= relative * hypot(b.real, b.imag) || difference <= relative * hypot(a.real, a.imag)
                             || difference <= absolute)
            }
            setItem(module.dict, "pi", .float(Double.pi))
            setItem(module.dict, "e", .float(M_E))
            setItem(module.dict, "tau", .float(2 * Double.pi))
            setItem(module.dict, "inf", .float(.infinity))
            setItem(module.dict, "infj", newComplex(ComplexNumber(real: 0, imag: .infinity)))
            setItem(module.dict, "nan", .float(.nan))
            setItem(module.dict, "nanj", newComplex(ComplexNumber(real: 0, imag: .nan)))
        }
    }
}

/// Runs a cmath computation, raising CPython's errors for its errno.
private func cmathChecked<Result>(_ body: () throws(CMathError) -> Result) throws(EvalError) -> Result {
    do throws(CMathError) { return try body() } catch {
        switch error {
        case .domain: throw .valueError("math domain error")
        case .range: throw .overflowError("math range error")
        }
    }
}

extension ThreadState {
    /// A cmath argument as CPython's PyComplex_AsCComplex: a complex, an
    /// object with `__complex__`, or anything `float()` converts.
    func complexArgument(_ value: Value) throws(EvalError) -> ComplexNumber {
        if let z = Arithmetic.complexValue(value) { return z }
        if case .object = value, let converted = try callSpecial(value, interpreter.internedString("__complex__"), []) {
            defer { converted.release() }
            guard let z = Arithmetic.complexValue(converted) else {
                throw .typeError("__complex__ returned non-complex (type \(typeOf(converted).name))")
            }
            return z
        }
        return ComplexNumber(real: try floatArgument(value), imag: 0)
    }
}
