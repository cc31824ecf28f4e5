import GarterCompiler
import GarterSyntax

/// A code object as CPython 3.11 lays it out: `co_code`, `co_linetable`,
/// `co_exceptiontable`, and the code-unit offset of every instruction.
/// Made the first time Python code asks (dis, marshal, `f_lasti`) and kept
/// on the `LoadedCode`; the evaluation loop never reads it.
final class CPythonEncoding {
    let units: CodeUnits
    let lineTable: [UInt8]
    let exceptionTable: [UInt8]
    /// The code-unit offset of each instruction's own opcode (after its
    /// EXTENDED_ARG prefixes and, for CALL, its PRECALL): what `f_lasti`
    /// and `tb_lasti` count, divided by two.
    let opcodeOffsets: [Int]

    init(_ code: CodeObject) {
        units = CodeUnits(encoding: code)
        lineTable = LocationTable.encode(positions: code.positions, units: units, firstLine: code.firstLineNumber)
        exceptionTable = ExceptionTableBytes.encode(code.exceptionTable, offsets: units.offsets)
        var opcodeOffsets: [Int] = []
        opcodeOffsets.reserveCapacity(code.instructions.count)
        for index in code.instructions.indices {
            // The opcode is the last unit before the caches.
            var unit = units.offsets[index + 1]
            repeat {
                unit -= 1
            } while units.bytes[unit * 2] == CPythonOpcodes.cache && unit > units.offsets[index]
            opcodeOffsets.append(unit)
        }
        self.opcodeOffsets = opcodeOffsets
    }

    /// `f_lasti`/`tb_lasti` of a CALL whose callee is a Python function:
    /// CPython 3.11 has moved past the call's inline caches by then, so it
    /// reports the last cache unit.
    func byteOffset(ofCallInProgress index: Int) -> Int {
        guard index >= 0, index < opcodeOffsets.count else { return byteOffset(ofInstruction: index) }
        return (units.offsets[index + 1] - 1) * 2
    }

    /// `f_lasti`/`tb_lasti` for the instruction at `index` (-1 before the first).
    func byteOffset(ofInstruction index: Int) -> Int {
        guard index >= 0, index < opcodeOffsets.count else { return index < 0 ? -1 : units.offsets.last! * 2 }
        return opcodeOffsets[index] * 2
    }
}

extension LoadedCode {
    /// CPython 3.11's layout of this code, made on first use.
    var cpython: CPythonEncoding {
        if let existing = cpythonEncoding { return existing }
        let made = CPythonEncoding(code)
        cpythonEncoding = made
        return made
    }
}
