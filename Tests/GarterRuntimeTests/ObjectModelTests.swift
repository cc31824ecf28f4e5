import BigInt
import XCTest
@testable import GarterRuntime

/// Reference counting and object lifetime in the object model's core.
final class ObjectModelTests: XCTestCase {
    /// An object that records when its contents are released.
    final class Probe: PyObject {
        let onRelease: () -> Void
        init(type: PyType, onRelease: @escaping () -> Void) {
            self.onRelease = onRelease
            super.init(type: type)
        }
        override func releaseContents() { onRelease() }
    }

    func testValueIsSixteenBytesOfPlainData() {
        XCTAssertEqual(MemoryLayout<Value>.size, 9)
        XCTAssertEqual(MemoryLayout<Value>.stride, 16)
        XCTAssertTrue(_isPOD(Value.self))
    }

    func testObjectIsFreedWhenTheLastReferenceGoes() {
        let metatype = PyType.makeMetatype()
        let objectType = PyType(name: "object", base: nil, metatype: metatype)
        var released = 0
        let value = Value.object(ObjectRef.allocate(Probe(type: objectType) { released += 1 }))
        value.retain()
        value.release()
        XCTAssertEqual(released, 0)
        value.release()
        XCTAssertEqual(released, 1)
    }

    func testImmortalObjectsIgnoreReferenceCounting() {
        let metatype = PyType.makeMetatype()
        let type = PyType(name: "int", base: nil, metatype: metatype)
        XCTAssertTrue(type.isImmortal)
        let value = Value.object(ObjectRef.allocate(type))
        for _ in 0..<10 { value.release() }
        XCTAssertEqual(type.refcount, PyObject.immortalRefcount)
    }

    func testMetatypeIsItsOwnType() {
        let metatype = PyType.makeMetatype()
        XCTAssertTrue(metatype.withType { $0 === metatype })
        let intType = PyType(name: "int", base: nil, metatype: metatype)
        XCTAssertTrue(intType.withType { $0 === metatype })
        let boolType = PyType(name: "bool", base: intType, metatype: metatype)
        XCTAssertTrue(boolType.isSubtype(of: intType))
        XCTAssertFalse(intType.isSubtype(of: boolType))
    }

    func testIntegersThatFitStayInline() {
        let metatype = PyType.makeMetatype()
        let intType = PyType(name: "int", base: nil, metatype: metatype)
        guard case .int(42) = Value.integer(BigInt(42), longType: intType) else {
            return XCTFail("small integer should be inline")
        }
        let big = BigInt(Int.max) + 1
        guard case .object(let reference) = Value.integer(big, longType: intType) else {
            return XCTFail("large integer should be on the heap")
        }
        XCTAssertEqual(reference.with { ($0 as! PyLong).value }, big)
        Value.object(reference).release()
    }

    func testIdentity() {
        XCTAssertTrue(Value.int(5).isIdentical(to: .int(5)))
        XCTAssertFalse(Value.int(5).isIdentical(to: .float(5)))
        XCTAssertFalse(Value.float(0.0).isIdentical(to: .float(-0.0)))
        XCTAssertTrue(Value.none.isIdentical(to: .none))
    }
}
