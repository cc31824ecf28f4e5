import XCTest
@testable import GarterRuntime

/// Values for the hash-table tests: ints and bools inline, strings as small
/// test objects (the runtime's `str` type is not needed to test tables),
/// with CPython's hashes and equality, and a count of live objects so tests
/// can prove that tables neither leak nor over-release.
final class HashingTestWorld {
    let metatype = PyType.makeMetatype()
    lazy var textType = PyType(name: "str", base: nil, metatype: metatype)
    let secret: HashSecret
    /// Test objects created and not yet freed.
    var live = 0

    init(seed: UInt32) {
        secret = HashSecret(seed: seed)
    }

    /// A string object with one reference, owned by the caller.
    func text(_ string: String) -> Value {
        text(codePoints: string.unicodeScalars.map(\.value))
    }

    func text(codePoints: [UInt32]) -> Value {
        live += 1
        return .object(ObjectRef.allocate(TestText(codePoints, type: textType, world: self)))
    }

    /// CPython's `hash()` of a test value.
    func hash(_ value: Value) -> Int {
        switch value {
        case .int(let n): return NumberHash.hash(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let reference):
            return reference.with { object in secret.hash(codePoints: (object as! TestText).codePoints) }
        default: fatalError("no hash for \(value)")
        }
    }

    /// Whether a test value is a string (the only objects here).
    func isExactStr(_ value: Value) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// The `equal` callback of the tables: Python's `==` on these values.
    func equal(_ a: Value, _ b: Value) throws(EvalError) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .bool(let y)), (.bool(let y), .int(let x)): return x == (y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.with { first in y.with { second in
                (first as! TestText).codePoints == (second as! TestText).codePoints
            } }
        default: return false
        }
    }

    /// The generated programs' item syntax: i<int>, s<word>, bT, bF. Strings
    /// are new objects, owned by the caller.
    func item(_ text: Substring) -> Value {
        switch text.first {
        case "i": return .int(Int(text.dropFirst())!)
        case "s": return self.text(String(text.dropFirst()))
        default: return .bool(text == "bT")
        }
    }

    func itemText(_ value: Value) -> String {
        switch value {
        case .int(let n): return "i\(n)"
        case .bool(let b): return b ? "bT" : "bF"
        case .object(let reference):
            return "s" + reference.with { object in
                String(String.UnicodeScalarView((object as! TestText).codePoints.map { Unicode.Scalar($0)! }))
            }
        default: fatalError("unexpected item")
        }
    }
}

/// A string object that tells its world when it is freed.
final class TestText: PyObject {
    let codePoints: [UInt32]
    unowned let world: HashingTestWorld

    init(_ codePoints: [UInt32], type: PyType, world: HashingTestWorld) {
        self.codePoints = codePoints
        self.world = world
        super.init(type: type)
    }

    override func releaseContents() { world.live -= 1 }
}

/// Expands the generated programs' `A+r<start>:<stop>:<step>` operations.
func expandHashTableOperation(_ operation: Substring) -> [Substring] {
    let characters = Array(operation)
    guard characters.count > 3, characters[1] == "+" || characters[1] == "-", characters[2] == "r" else {
        return [operation]
    }
    let bounds = operation.dropFirst(3).split(separator: ":").map { Int($0)! }
    return stride(from: bounds[0], to: bounds[1], by: bounds[2]).map { "\(characters[0])\(characters[1])i\($0)"[...] }
}

/// "30.31" → [0x30, 0x31]; "-" → [].
func decodeCodePoints(_ text: Substring) -> [UInt32] {
    text == "-" ? [] : text.split(separator: ".").map { UInt32($0, radix: 16)! }
}
