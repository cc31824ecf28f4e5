// `_io.BufferedReader`: see PyBuffered and BufferedMethods.

extension Interpreter {
    func bufferedReaderType() -> PyType {
        nativeType("BufferedReader", module: "_io", base: bufferedIOBaseType(),
                   flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            defineBufferedMethods(type, name: "BufferedReader", sides: [.read])
        }
    }
}
