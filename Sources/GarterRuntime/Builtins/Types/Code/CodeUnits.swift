import GarterCompiler

/// A code object's instructions in CPython 3.11's encoding (`co_code`):
/// two-byte code units, EXTENDED_ARG prefixes for arguments above 255,
/// PRECALL before every CALL, zeroed inline cache entries, and jumps
/// relative to the next instruction in the direction of their opcode.
/// `offsets` maps Garter's instruction indexes to code-unit offsets, which
/// the exception table, the line table and `f_lasti` are measured in.
struct CodeUnits {
    var bytes: [UInt8] = []
    /// The first code unit of each instruction (its EXTENDED_ARG or PRECALL
    /// when it has one), then the total number of units.
    var offsets: [Int] = []
    /// The units of the PRECALL written before each CALL (0 for other instructions).
    var precallUnits: [Int] = []

    init(encoding code: CodeObject) {
        let instructions = code.instructions
        // Relative jump arguments depend on the prefixes, which depend on
        // the arguments: grow the prefix counts until nothing changes.
        var prefixes = [Int](repeating: 0, count: instructions.count)
        var arguments = instructions.map { Int($0.argument) }
        var numbers = [UInt8](repeating: 0, count: instructions.count)
        while true {
            offsets = [0]
            offsets.reserveCapacity(instructions.count + 1)
            for (index, instruction) in instructions.enumerated() {
                let target = Int(instruction.argument)
                numbers[index] = CPythonOpcodes.number(of: instruction.opcode, index: index, target: target)
                offsets.append(offsets[index] + CodeUnits.unitCount(numbers[index], prefixes: prefixes[index]))
            }
            var changed = false
            for (index, instruction) in instructions.enumerated() {
                let number = numbers[index]
                let target = Int(instruction.argument)
                let next = offsets[index + 1]
                if CPythonOpcodes.forwardJumps.contains(number) {
                    arguments[index] = offsets[min(target, instructions.count)] - next
                } else if CPythonOpcodes.backwardJumps.contains(number) {
                    arguments[index] = next - offsets[min(target, instructions.count)]
                }
                let needed = number < CPythonOpcodes.haveArgument ? 0 : CodeUnits.prefixCount(arguments[index])
                if needed > prefixes[index] {
                    prefixes[index] = needed
                    changed = true
                }
            }
            if !changed { break }
        }
        bytes.reserveCapacity(offsets.last! * 2)
        precallUnits = [Int](repeating: 0, count: instructions.count)
        for index in instructions.indices {
            let number = numbers[index]
            // Instructions without an argument (below HAVE_ARGUMENT) write 0,
            // as CPython's; Garter's NOPs may keep the argument of what they replaced.
            let argument = number < CPythonOpcodes.haveArgument ? 0 : max(arguments[index], 0)
            if number == 171 {
                emit(CPythonOpcodes.precall, argument, prefixes: prefixes[index])
                precallUnits[index] = prefixes[index] + 1 + (CPythonOpcodes.cacheEntries[CPythonOpcodes.precall] ?? 0)
            }
            emit(number, argument, prefixes: prefixes[index])
        }
    }

    private mutating func emit(_ number: UInt8, _ argument: Int, prefixes: Int) {
        var shift = prefixes * 8
        while shift > 0 {
            bytes.append(CPythonOpcodes.extendedArgument)
            bytes.append(UInt8(truncatingIfNeeded: argument >> shift))
            shift -= 8
        }
        bytes.append(number)
        bytes.append(UInt8(truncatingIfNeeded: argument))
        for _ in 0..<(CPythonOpcodes.cacheEntries[number] ?? 0) {
            bytes.append(0)
            bytes.append(0)
        }
    }

    static func prefixCount(_ argument: Int) -> Int {
        argument > 0xFF_FFFF ? 3 : argument > 0xFFFF ? 2 : argument > 0xFF ? 1 : 0
    }

    /// Units one instruction takes: prefixes, itself, its caches (and for
    /// CALL the PRECALL with its own prefixes and cache).
    static func unitCount(_ number: UInt8, prefixes: Int) -> Int {
        let own = prefixes + 1 + (CPythonOpcodes.cacheEntries[number] ?? 0)
        return number == 171 ? own + prefixes + 1 + (CPythonOpcodes.cacheEntries[CPythonOpcodes.precall] ?? 0) : own
    }
}

/// One instruction read back from `co_code`.
struct DecodedInstruction {
    var opcode: Opcode
    /// Absolute for jumps (a code-unit offset until `CodeUnits.decode` maps it to an index).
    var argument: Int
    /// Code-unit offset of its first unit.
    var offset: Int
}

extension CodeUnits {
    /// Garter's instructions from CPython-encoded bytes (what `init(encoding:)`
    /// wrote, or what `code.replace(co_code=...)` passes), with the offset of
    /// each; nil when the bytes are not a whole instruction sequence.
    static func decode(_ bytes: [UInt8]) -> (instructions: [Instruction], offsets: [Int])? {
        guard bytes.count % 2 == 0 else { return nil }
        var decoded: [DecodedInstruction] = []
        var unit = 0
        let unitCount = bytes.count / 2
        var start = 0
        var extended = 0
        var pendingPrecall = false
        while unit < unitCount {
            let number = bytes[unit * 2]
            let argument = extended << 8 | Int(bytes[unit * 2 + 1])
            if !pendingPrecall && extended == 0 { start = unit }
            unit += 1
            if number == CPythonOpcodes.extendedArgument {
                extended = argument
                continue
            }
            extended = 0
            unit += CPythonOpcodes.cacheEntries[number] ?? 0
            if number == CPythonOpcodes.precall {
                pendingPrecall = true
                continue
            }
            pendingPrecall = false
            if number == CPythonOpcodes.cache { continue }
            guard let opcode = CPythonOpcodes.garterOpcodes[number] else { return nil }
            var target = argument
            if CPythonOpcodes.forwardJumps.contains(number) { target = unit + argument }
            if CPythonOpcodes.backwardJumps.contains(number) { target = unit - argument }
            decoded.append(DecodedInstruction(opcode: opcode, argument: target, offset: start))
        }
        var indexOfOffset: [Int: Int] = [:]
        for (index, instruction) in decoded.enumerated() { indexOfOffset[instruction.offset] = index }
        indexOfOffset[unitCount] = decoded.count
        var instructions: [Instruction] = []
        for item in decoded {
            var argument = item.argument
            if item.opcode.isJump {
                guard let index = indexOfOffset[argument] else { return nil }
                argument = index
            }
            guard argument >= 0, argument <= Int(Instruction.maximumArgument) else { return nil }
            instructions.append(Instruction(item.opcode, UInt32(argument)))
        }
        return (instructions, decoded.map(\.offset) + [unitCount])
    }
}
