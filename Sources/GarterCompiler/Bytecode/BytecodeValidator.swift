/// Checks a finished code object: every jump lands inside the code, the
/// stack depth is the same on every path into an instruction, never goes
/// negative and never exceeds `co_stacksize`, and each exception-table
/// entry's depth is at most the depth of every instruction it covers.
/// Debug builds run it on every code object the compiler makes; tests call it.
public enum BytecodeValidator {
    /// nil when the code is valid, else what is wrong.
    public static func validate(_ code: CodeObject, recursive: Bool = true) -> String? {
        let instructions = code.instructions
        let count = instructions.count
        guard count > 0 else { return "no instructions" }
        let generator = !code.flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator])
        var depthAt = [Int](repeating: -1, count: count)
        var work: [Int] = []
        func reach(_ index: Int, _ depth: Int) -> String? {
            guard index >= 0 && index < count else { return "jump to \(index) outside the code" }
            if depth < 0 { return "negative stack depth at \(index)" }
            if depth > code.stackSize { return "depth \(depth) above co_stacksize \(code.stackSize) at \(index)" }
            if depthAt[index] < 0 {
                depthAt[index] = depth
                work.append(index)
            } else if depthAt[index] != depth {
                return "depth \(depth) and \(depthAt[index]) both reach \(index)"
            }
            return nil
        }
        if let problem = reach(0, generator ? 1 : 0) { return problem }
        func handler(of index: Int) -> ExceptionTableEntry? {
            code.exceptionTable.first { $0.start <= index && index < $0.end }
        }
        while let start = work.popLast() {
            var index = start
            while true {
                let depth = depthAt[index]
                let instruction = instructions[index]
                let opcode = instruction.opcode
                let argument = Int(instruction.argument)
                if let entry = handler(of: index) {
                    if entry.depth > depth {
                        return "exception entry depth \(entry.depth) above stack depth \(depth) at \(index)"
                    }
                    let handlerDepth = entry.depth + (entry.pushesLastInstruction ? 1 : 0) + 1
                    if let problem = reach(entry.target, handlerDepth) { return problem }
                }
                if StackEffect.isJump(opcode) {
                    let target = depth + StackEffect.effect(opcode, argument, jump: true)
                    if let problem = reach(argument, target) { return problem }
                }
                if StackEffect.endsFlow(opcode) { break }
                let next = depth + StackEffect.effect(opcode, argument, jump: false)
                if index + 1 >= count { return "execution runs off the end" }
                if next < 0 { return "negative stack depth after \(index)" }
                if depthAt[index + 1] >= 0 {
                    if depthAt[index + 1] != next { return "depth \(next) and \(depthAt[index + 1]) both reach \(index + 1)" }
                    break
                }
                if let problem = reach(index + 1, next) { return problem }
                work.removeLast()
                index += 1
            }
        }
        for (index, entry) in code.exceptionTable.enumerated() {
            if entry.start >= entry.end || entry.end > count || entry.target >= count {
                return "bad exception entry \(index)"
            }
            if index > 0 && code.exceptionTable[index - 1].end > entry.start {
                return "exception entries overlap or are unsorted at \(index)"
            }
        }
        for constant in code.constants {
            if recursive, case .code(let inner) = constant, let problem = validate(inner) {
                return "\(inner.qualifiedName): \(problem)"
            }
        }
        return nil
    }
}
