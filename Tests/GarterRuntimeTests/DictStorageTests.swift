import XCTest
@testable import GarterRuntime

/// `DictStorage` against CPython 3.11: programs of inserts, deletes,
/// re-inserts, popitem, copy and update whose outputs (iteration order,
/// values, table size from sys.getsizeof) were recorded from CPython
/// (DictStorageGeneratedCases).
final class DictStorageTests: XCTestCase {
    func testProgramsMatchCPython() throws {
        var programs = 0
        for line in DictStorageGeneratedCases.programs.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let world = HashingTestWorld(seed: UInt32(fields[0])!)
            let output = try runDictProgram(fields[1], world: world)
            XCTAssertEqual(output, String(fields[2]), "seed \(fields[0]): \(fields[1])")
            XCTAssertEqual(world.live, 0, "objects leaked or freed twice: \(fields[1])")
            programs += 1
        }
        XCTAssertGreaterThan(programs, 100)
    }

    func runDictProgram(_ program: Substring, world: HashingTestWorld) throws -> String {
        let dicts = ["A": DictStorage(), "B": DictStorage()]
        defer { for dict in dicts.values { dict.deallocate() } }
        let equal = world.equal
        var out: [String] = []
        var counter = 0
        func show(_ dict: DictStorage) -> String {
            var items: [String] = []
            var number = 0
            while let entry = dict.nextEntry(from: number) {
                guard case .int(let value) = dict.value(atEntry: entry) else { fatalError() }
                items.append("\(world.itemText(dict.key(atEntry: entry)))=\(value)")
                XCTAssertEqual(dict.hash(atEntry: entry), world.hash(dict.key(atEntry: entry)))
                number = entry + 1
            }
            XCTAssertEqual(items.count, dict.count)
            let kind = dict.allocatedEntries == 0 ? "-" : dict.hasStringKeysOnly ? "s" : "g"
            return items.joined(separator: ",") + "/\(dict.tableSize)/\(dict.allocatedEntries)/\(kind)"
        }
        for raw in program.split(separator: " ") {
            for operation in expandHashTableOperation(raw) {
                counter += 1
                let dict = dicts[String(operation.prefix(1))]!
                let rest = operation.dropFirst()
                if (rest.first == "+" || rest.first == "-"), let tag = rest.dropFirst().first, "isb".contains(tag) {
                    let key = world.item(rest.dropFirst())
                    let hash = world.hash(key)
                    if rest.first == "+" {
                        let versionBefore = dict.version
                        let old = try dict.insert(key, hash: hash, value: .int(counter), keyIsExactStr: world.isExactStr(key), equal: equal)
                        old?.release()
                        XCTAssertNotEqual(dict.version, versionBefore, "a store of a new value is a mutation")
                    } else if let removed = try dict.remove(key, hash: hash, equal: equal) {
                        removed.key.release()
                        removed.value.release()
                    }
                    key.release()
                } else if rest.hasPrefix(".get") {
                    let key = world.item(rest.dropFirst(4))
                    if case .int(let value)? = try dict.lookup(key, hash: world.hash(key), equal: equal) {
                        out.append(String(value))
                    } else {
                        out.append("miss")
                    }
                    key.release()
                } else if rest == ".pop" {
                    if let (key, value) = dict.popLast() {
                        guard case .int(let number) = value else { fatalError() }
                        out.append("\(world.itemText(key))=\(number)")
                        key.release()
                    } else {
                        out.append("E")
                    }
                } else if rest == "?" {
                    out.append(show(dict))
                } else if rest == ".clear" {
                    dict.removeAll()
                } else if rest == ".copy" {
                    let copy = dict.copy()
                    out.append(show(copy))
                    copy.deallocate()
                } else if rest.hasPrefix("|=") {
                    try dict.merge(from: dicts[String(rest.suffix(1))]!, equal: equal)
                    out.append(show(dict))
                } else {
                    XCTFail("unknown operation \(operation)")
                }
            }
        }
        return out.joined(separator: " | ")
    }

    func testKeysAndValuesAreRetainedOnceAndReleasedOnce() throws {
        let world = HashingTestWorld(seed: 0)
        let dict = DictStorage()
        let key = world.text("spam")
        let value = world.text("eggs")
        let hash = world.hash(key)
        func refcount(_ v: Value) -> Int { v.objectReference!.with { $0.refcount } }
        XCTAssertNil(try dict.insert(key, hash: hash, value: value, keyIsExactStr: world.isExactStr(key), equal: world.equal))
        XCTAssertEqual(refcount(key), 2)
        XCTAssertEqual(refcount(value), 2)
        // An equal key: the stored key stays, the value is replaced and the
        // old one handed back, owned.
        let twin = world.text("spam")
        let newValue = world.text("ham")
        let old = try dict.insert(twin, hash: hash, value: newValue, keyIsExactStr: world.isExactStr(twin), equal: world.equal)
        XCTAssertTrue(old!.isIdentical(to: value))
        XCTAssertEqual(refcount(twin), 1, "the twin key is not kept")
        XCTAssertEqual(refcount(value), 2, "still counted for the caller, who must release it")
        old!.release()
        XCTAssertEqual(refcount(value), 1)
        XCTAssertEqual(refcount(newValue), 2)
        // Same value again: no version change.
        let version = dict.version
        try dict.insert(key, hash: hash, value: newValue, keyIsExactStr: world.isExactStr(key), equal: world.equal)!.release()
        XCTAssertEqual(dict.version, version)
        XCTAssertEqual(refcount(newValue), 2)
        let removed = try dict.remove(twin, hash: hash, equal: world.equal)!
        XCTAssertTrue(removed.key.isIdentical(to: key))
        XCTAssertEqual(refcount(key), 2, "handed over, owned: the test's reference and the removed one")
        removed.key.release()
        removed.value.release()
        for reference in [key, value, twin, newValue] { reference.release() }
        XCTAssertEqual(world.live, 0)
        // Many entries, copies, popitem and clear.
        for n in 0..<500 {
            let k = world.text("k\(n)")
            let v = world.text("v\(n)")
            try dict.insert(k, hash: world.hash(k), value: v, keyIsExactStr: world.isExactStr(k), equal: world.equal)
            k.release()
            v.release()
        }
        let copy = dict.copy()
        let (lastKey, lastValue) = dict.popLast()!
        XCTAssertEqual(refcount(lastKey), 2, "the copy holds it too")
        lastKey.release()
        lastValue.release()
        dict.removeAll()
        XCTAssertEqual(world.live, 1000)
        copy.deallocate()
        XCTAssertEqual(world.live, 0)
        dict.deallocate()
    }

    func testEntriesStayCompact() {
        // hash + key + str flag + value: the flag lives in padding.
        XCTAssertEqual(MemoryLayout<DictEntry>.stride, 40)
        XCTAssertEqual(MemoryLayout<SetEntry>.stride, 24)
        XCTAssertEqual(MemoryLayout<DictStorage>.size, 8)
        XCTAssertEqual(MemoryLayout<SetStorage>.size, 8)
    }

    func testVersionsTrackMutationsAndKeyChanges() throws {
        let world = HashingTestWorld(seed: 0)
        let dict = DictStorage()
        defer { dict.deallocate() }
        try dict.insert(.int(1), hash: 1, value: .int(10), keyIsExactStr: world.isExactStr(.int(1)), equal: world.equal)
        let entry = try dict.find(.int(1), hash: 1, equal: world.equal)!
        let keys = dict.keysVersion
        let version = dict.version
        dict.replaceValue(atEntry: entry, with: .int(11)).release()
        XCTAssertEqual(dict.keysVersion, keys, "a value store keeps cached entry numbers valid")
        XCTAssertNotEqual(dict.version, version)
        try dict.insert(.int(2), hash: 2, value: .int(20), keyIsExactStr: world.isExactStr(.int(2)), equal: world.equal)
        XCTAssertNotEqual(dict.keysVersion, keys)
        XCTAssertTrue(dict.isLive(entry: entry))
        guard case .int(11) = dict.value(atEntry: entry) else { return XCTFail("cached entry should read 11") }
    }

    func testEqualityErrorsPropagateAndLeaveTheTableIntact() throws {
        let world = HashingTestWorld(seed: 0)
        let dict = DictStorage()
        defer { dict.deallocate() }
        let key = world.text("a")
        try dict.insert(key, hash: 7, value: .int(1), keyIsExactStr: world.isExactStr(key), equal: world.equal)
        let probe = world.text("b")
        XCTAssertThrowsError(try dict.lookup(probe, hash: 7) { _, _ throws(EvalError) in
            throw EvalError.typeError("boom")
        })
        XCTAssertEqual(key.objectReference!.with { $0.refcount }, 2, "the stored key's temporary reference was dropped")
        XCTAssertEqual(dict.count, 1)
        probe.release()
        key.release()
    }
}
