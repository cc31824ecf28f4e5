import XCTest
@testable import GarterRuntime

/// A key whose `__eq__` (the tables' `equal` callback) records each
/// comparison and, once, runs an action that mutates the table being
/// searched: the scenarios of `mutation_scenarios()` in
/// scripts/gen_hash_cases.py, replayed on Garter's tables.
final class MutatingKey: PyObject {
    let name: String
    let hashValue: Int
    var action: (() throws(EvalError) -> Void)?
    unowned let world: HashingTestWorld

    init(_ name: String, hash: Int, world: HashingTestWorld) {
        self.name = name
        self.hashValue = hash
        self.world = world
        world.live += 1
        super.init(type: world.textType)
    }

    override func releaseContents() {
        action = nil
        world.live -= 1
    }
}

struct MutationResult {
    let log: String
    let found: Bool
    let members: String
}

/// Four keys with equal hashes in a dict or set; `probe in table`, where the
/// first comparison mutates the table ("remove", "grow", "clear", "readd").
func runMutationScenario(container: String, action: String) throws -> MutationResult {
    let world = HashingTestWorld(seed: 0)
    var log: [String] = []
    func key(_ value: Value) -> MutatingKey {
        value.objectReference!.with { $0 as! MutatingKey }
    }
    func equal(_ stored: Value, _ probe: Value) throws(EvalError) -> Bool {
        let storedKey = key(stored)
        log.append("\(storedKey.name)=\(key(probe).name)")
        if let pending = storedKey.action {
            storedKey.action = nil
            try pending()
        }
        return storedKey.name == key(probe).name
    }
    func make(_ name: String, hash: Int) -> Value {
        .object(ObjectRef.allocate(MutatingKey(name, hash: hash, world: world)))
    }
    let dict = DictStorage()
    let set = SetStorage()
    let isDict = container == "dict"
    func add(_ value: Value, _ text: String) throws(EvalError) {
        if isDict {
            let name = world.text(text)
            try dict.insert(value, hash: key(value).hashValue, value: name, keyIsExactStr: false, equal: equal)?.release()
            name.release()
        } else {
            try set.add(value, hash: key(value).hashValue, equal: equal)
        }
    }
    func remove(_ value: Value) throws(EvalError) {
        if isDict {
            if let removed = try dict.remove(value, hash: 5, equal: equal) {
                removed.key.release()
                removed.value.release()
            }
        } else {
            try set.remove(value, hash: 5, equal: equal)?.release()
        }
    }
    let keys = (0..<4).map { make("k\($0)", hash: 5) }
    for value in keys { try add(value, key(value).name) }
    let probe = make("k2", hash: 5)
    key(keys[0]).action = { () throws(EvalError) in
        switch action {
        case "remove": try remove(keys[1])
        case "grow":
            for n in 0..<20 {
                let extra = make("g\(n)", hash: 1000 + n)
                try add(extra, "g\(n)")
                extra.release()
            }
        case "clear": if isDict { dict.removeAll() } else { set.removeAll() }
        default:
            try remove(keys[0])
            try add(keys[0], "again")
        }
    }
    log.removeAll()
    let found = isDict ? try dict.contains(probe, hash: 5, equal: equal) : try set.contains(probe, hash: 5, equal: equal)
    var names: [String] = []
    if isDict {
        var number = 0
        while let entry = dict.nextEntry(from: number) {
            names.append(key(dict.key(atEntry: entry)).name)
            number = entry + 1
        }
    } else {
        var slot = 0
        while let found = set.nextOccupiedSlot(from: slot) {
            names.append(key(set.key(atSlot: found)).name)
            slot = found + 1
        }
    }
    for value in keys + [probe] {
        key(value).action = nil
        value.release()
    }
    dict.deallocate()
    set.deallocate()
    precondition(world.live == 0, "mutation scenario leaked \(world.live) objects")
    return MutationResult(log: log.joined(separator: ","), found: found, members: names.joined(separator: ","))
}

/// `target.update(source)` where comparing keys adds a key to `source`.
func runUpdateMutatingSourceScenario() throws -> (log: String, outcome: String, members: String) {
    let world = HashingTestWorld(seed: 0)
    var log: [String] = []
    func key(_ value: Value) -> MutatingKey { value.objectReference!.with { $0 as! MutatingKey } }
    func make(_ name: String, hash: Int) -> Value {
        .object(ObjectRef.allocate(MutatingKey(name, hash: hash, world: world)))
    }
    func equal(_ stored: Value, _ probe: Value) throws(EvalError) -> Bool {
        let storedKey = key(stored)
        log.append("\(storedKey.name)=\(key(probe).name)")
        if let pending = storedKey.action {
            storedKey.action = nil
            try pending()
        }
        return storedKey.name == key(probe).name
    }
    let target = DictStorage()
    let source = DictStorage()
    func put(_ dict: DictStorage, _ name: String, hash: Int) throws(EvalError) -> Value {
        let value = make(name, hash: hash)
        try dict.insert(value, hash: hash, value: .int(0), keyIsExactStr: false, equal: equal)?.release()
        return value
    }
    let k0 = try put(target, "k0", hash: 5)
    let others = [try put(source, "k1", hash: 5), try put(source, "k2", hash: 6)]
    key(k0).action = { () throws(EvalError) in
        let x = try put(source, "x", hash: 7)
        x.release()
    }
    var outcome = "ok"
    do { try target.merge(from: source, equal: equal) } catch {
        outcome = error.classAndMessage.map { "\($0.0): \($0.1)" } ?? "\(error)"
    }
    var names: [String] = []
    var number = 0
    while let entry = target.nextEntry(from: number) {
        names.append(key(target.key(atEntry: entry)).name)
        number = entry + 1
    }
    key(k0).action = nil
    for value in [k0] + others { value.release() }
    target.deallocate()
    source.deallocate()
    precondition(world.live == 0, "update scenario leaked \(world.live) objects")
    return (log.joined(separator: ","), outcome, names.joined(separator: ","))
}
