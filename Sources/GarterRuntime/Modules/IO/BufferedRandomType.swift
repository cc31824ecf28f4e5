// `_io.BufferedRandom`: see PyBuffered and BufferedMethods.

extension Interpreter {
    func bufferedRandomType() -> PyType {
        nativeType("BufferedRandom", module: "_io", base: bufferedIOBaseType(),
                   flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            defineBufferedMethods(type, name: "BufferedRandom", sides: [.read,.write])
        }
    }
}
