import XCTest
@testable import GarterRuntime

/// `SetStorage` against CPython 3.11: programs of adds, discards, pops and
/// set operations whose outputs (iteration order, table size, popped items,
/// hashes) were recorded from CPython (SetStorageGeneratedCases).
final class SetStorageTests: XCTestCase {
    func testProgramsMatchCPython() throws {
        var programs = 0
        for line in SetStorageGeneratedCases.programs.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let world = HashingTestWorld(seed: UInt32(fields[0])!)
            let output = try runSetProgram(fields[1], world: world)
            XCTAssertEqual(output, String(fields[2]), "seed \(fields[0]): \(fields[1])")
            XCTAssertEqual(world.live, 0, "objects leaked or freed twice: \(fields[1])")
            programs += 1
        }
        XCTAssertGreaterThan(programs, 200)
    }

    func runSetProgram(_ program: Substring, world: HashingTestWorld) throws -> String {
        let sets = ["A": SetStorage(), "B": SetStorage()]
        defer { for set in sets.values { set.deallocate() } }
        let equal = world.equal
        var out: [String] = []
        func show(_ set: SetStorage) -> String {
            var members: [String] = []
            var slot = 0
            while let found = set.nextOccupiedSlot(from: slot) {
                members.append(world.itemText(set.key(atSlot: found)))
                XCTAssertEqual(set.hash(atSlot: found), world.hash(set.key(atSlot: found)))
                slot = found + 1
            }
            XCTAssertEqual(members.count, set.count)
            return members.joined(separator: ",") + "/\(set.capacity)"
        }
        for raw in program.split(separator: " ") {
            for operation in expandHashTableOperation(raw) {
                let set = sets[String(operation.prefix(1))]!
                let rest = operation.dropFirst()
                let other = rest.count >= 2 ? sets[String(rest.suffix(1))] : nil
                if (rest.first == "+" || rest.first == "-"), let tag = rest.dropFirst().first, "isb".contains(tag) {
                    let item = world.item(rest.dropFirst())
                    if rest.first == "+" {
                        try set.add(item, hash: world.hash(item), equal: equal)
                    } else {
                        try set.remove(item, hash: world.hash(item), equal: equal)?.release()
                    }
                    item.release()
                } else if rest == ".pop" {
                    if let popped = set.pop() {
                        out.append(world.itemText(popped))
                        popped.release()
                    } else {
                        out.append("E")
                    }
                } else if rest == "?" {
                    out.append(show(set))
                } else if rest == ".clear" {
                    set.removeAll()
                } else if rest == ".copy" {
                    let copy = set.copy()
                    out.append(show(copy))
                    copy.deallocate()
                } else if rest == ".hash" {
                    out.append(String(FrozenSetHash.hash(of: set)))
                } else if rest == ".dis(B)" {
                    out.append(try set.isDisjoint(with: sets["B"]!, equal: equal) ? "True" : "False")
                } else if rest.hasPrefix("<=") || rest.hasPrefix("==") {
                    let result = rest.hasPrefix("<=")
                        ? try set.isSubset(of: other!, equal: equal) : try set.isEqual(to: other!, equal: equal)
                    out.append(result ? "True" : "False")
                } else if rest.count == 3, rest.dropFirst().first == "=" {
                    switch rest.first {
                    case "|": try set.merge(from: other!, equal: equal)
                    case "&": try set.formIntersection(other!, equal: equal)
                    case "-": try set.subtract(other!, equal: equal)
                    default: try set.formSymmetricDifference(other!, equal: equal)
                    }
                    out.append(show(set))
                } else if rest.count == 2 {
                    let result: SetStorage
                    switch rest.first {
                    case "|":
                        result = set.copy()
                        try result.merge(from: other!, equal: equal)
                    case "&": result = try SetStorage.intersection(set, other!, equal: equal)
                    case "-": result = try SetStorage.difference(set, other!, equal: equal)
                    default: result = try SetStorage.symmetricDifference(set, other!, equal: equal)
                    }
                    out.append(show(result))
                    result.deallocate()
                } else {
                    XCTFail("unknown operation \(operation)")
                }
            }
        }
        return out.joined(separator: " | ")
    }

    func testMutationDuringLookupRestartsAsInCPython() throws {
        var checked = 0
        for line in SetStorageGeneratedCases.mutation.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let scenario = fields[0].split(separator: " ")
            if scenario[1] == "update-mutated" {
                let result = try runUpdateMutatingSourceScenario()
                XCTAssertEqual(result.log, String(fields[1]))
                XCTAssertEqual(result.outcome, String(fields[2]))
                XCTAssertEqual(result.members, String(fields[3]))
                checked += 1
                continue
            }
            let result = try runMutationScenario(container: String(scenario[0]), action: String(scenario[1]))
            XCTAssertEqual(result.log, String(fields[1]), "\(fields[0])")
            XCTAssertEqual(result.found ? "True" : "False", String(fields[2]), "\(fields[0])")
            XCTAssertEqual(result.members, String(fields[3]), "\(fields[0])")
            checked += 1
        }
        XCTAssertEqual(checked, 9)
    }

    func testMembersAreRetainedOnceAndReleasedOnce() throws {
        let world = HashingTestWorld(seed: 0)
        let set = SetStorage()
        let key = world.text("spam")
        let hash = world.hash(key)
        let refcount = { key.objectReference!.with { $0.refcount } }
        XCTAssertTrue(try set.add(key, hash: hash, equal: world.equal))
        XCTAssertEqual(refcount(), 2, "the table holds one reference")
        let twin = world.text("spam")
        XCTAssertFalse(try set.add(twin, hash: hash, equal: world.equal), "an equal member is already there")
        XCTAssertEqual(twin.objectReference!.with { $0.refcount }, 1, "the table keeps the first, not the twin")
        twin.release()
        let probe = world.text("spam")
        let removed = try set.remove(probe, hash: hash, equal: world.equal)
        probe.release()
        XCTAssertTrue(removed!.isIdentical(to: key))
        removed!.release()
        XCTAssertEqual(refcount(), 1, "the removed member was handed over, owned")
        for n in 0..<1000 {
            let member = world.text("k\(n)")
            try set.add(member, hash: world.hash(member), equal: world.equal)
            member.release()
        }
        XCTAssertEqual(world.live, 1001)
        let popped = set.pop()!
        XCTAssertEqual(popped.objectReference!.with { $0.refcount }, 1, "pop hands over the table's reference")
        popped.release()
        let copy = set.copy()
        set.removeAll()
        XCTAssertEqual(world.live, 1000, "the copy keeps its 999 members alive, the test its own key")
        copy.deallocate()
        set.deallocate()
        XCTAssertEqual(world.live, 1, "only the test's own key is left")
        key.release()
        XCTAssertEqual(world.live, 0)
    }
}
