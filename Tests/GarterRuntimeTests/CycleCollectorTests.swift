import XCTest
@testable import GarterRuntime

/// The cycle collector on objects made from Swift: tracking, what a
/// collection frees, and what it must leave alone.
final class CycleCollectorTests: XCTestCase {
    /// A tracked container (an instance of a class defined in "Python")
    /// that records when its contents are released.
    final class Probe: PyObject {
        var held: [Value] = []
        let onRelease: () -> Void
        init(type: PyType, onRelease: @escaping () -> Void) {
            self.onRelease = onRelease
            super.init(type: type)
        }
        override func traverse(_ visit: (Value) -> Void) {
            super.traverse(visit)
            for value in held { visit(value) }
        }
        override func clearReferences() {
            super.clearReferences()
            let old = held
            held = []
            for value in old { value.release() }
        }
        override func releaseContents() {
            onRelease()
            clearReferences()
        }
    }

    private func setUp() -> (Interpreter, ThreadState, PyType) {
        let interpreter = Interpreter()
        let thread = ThreadState(interpreter: interpreter)
        let type = PyType(name: "Probe", base: interpreter.types.object, metatype: interpreter.types.type, immortal: true)
        type.tracksInstances()
        return (interpreter, thread, type)
    }

    private func probe(_ type: PyType, _ released: @escaping () -> Void) -> (Probe, Value) {
        let object = Probe(type: type, onRelease: released)
        return (object, .object(ObjectRef.allocate(object)))
    }

    func testTrackingIsLinkingIntoGenerationZero() {
        let (interpreter, _, type) = setUp()
        let before = interpreter.collector.generations[0].count
        let (object, value) = probe(type) {}
        XCTAssertTrue(object.isTrackedByCollector)
        XCTAssertEqual(interpreter.collector.generations[0].count, before + 1)
        value.release()
        XCTAssertEqual(interpreter.collector.generations[0].count, before)
    }

    func testTwoObjectCycleIsFreed() {
        let (interpreter, thread, type) = setUp()
        _ = interpreter.collector.collect(generation: 2, thread: thread, reason: .manual)
        var released = 0
        let (a, aValue) = probe(type) { released += 1 }
        let (b, bValue) = probe(type) { released += 1 }
        bValue.retain(); a.held.append(bValue)
        aValue.retain(); b.held.append(aValue)
        aValue.release()
        bValue.release()
        XCTAssertEqual(released, 0)
        XCTAssertEqual(interpreter.collector.collect(generation: 2, thread: thread, reason: .manual), 2)
        XCTAssertEqual(released, 2)
    }

    func testExternallyReferencedCycleSurvives() {
        let (interpreter, thread, type) = setUp()
        var released = 0
        let (a, aValue) = probe(type) { released += 1 }
        let (b, bValue) = probe(type) { released += 1 }
        bValue.retain(); a.held.append(bValue)
        aValue.retain(); b.held.append(aValue)
        bValue.release()
        // `aValue` is still held here (a reference no tracked object accounts for).
        XCTAssertEqual(interpreter.collector.collect(generation: 0, thread: thread, reason: .manual), 0)
        XCTAssertEqual(released, 0)
        XCTAssertTrue(b.isTrackedByCollector)
        XCTAssertEqual(b.gcRefs, CycleCollector.notCollecting)
        aValue.release()
        XCTAssertEqual(interpreter.collector.collect(generation: 2, thread: thread, reason: .manual), 2)
        XCTAssertEqual(released, 2)
    }

    func testObjectsReachableFromASurvivorSurvive() {
        let (interpreter, thread, type) = setUp()
        var released = 0
        let (root, rootValue) = probe(type) { released += 1 }
        var last = rootValue
        for _ in 0..<100 {
            let (next, nextValue) = probe(type) { released += 1 }
            last.as(Probe.self)!.held.append(nextValue)
            rootValue.retain()
            next.held.append(rootValue)
            last = nextValue
        }
        XCTAssertEqual(interpreter.collector.collect(generation: 2, thread: thread, reason: .manual), 0)
        XCTAssertEqual(released, 0)
        _ = root
        rootValue.release()
        XCTAssertEqual(interpreter.collector.collect(generation: 2, thread: thread, reason: .manual), 101)
        XCTAssertEqual(released, 101)
    }

    func testListLinksSurviveMergingAndFreezing() {
        let (interpreter, thread, type) = setUp()
        let collector = interpreter.collector
        let values = (0..<10).map { _ in probe(type) {}.1 }
        _ = collector.collect(generation: 1, thread: thread, reason: .manual)
        XCTAssertEqual(collector.generations[0].count, 0)
        collector.freeze()
        XCTAssertGreaterThanOrEqual(collector.permanent.count, 10)
        collector.unfreeze()
        XCTAssertEqual(collector.permanent.count, 0)
        for value in values { value.release() }
    }
}
