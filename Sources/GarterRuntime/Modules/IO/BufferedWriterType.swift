// `_io.BufferedWriter`: see PyBuffered and BufferedMethods.

extension Interpreter {
    func bufferedWriterType() -> PyType {
        nativeType("BufferedWriter", module: "_io", base: bufferedIOBaseType(),
                   flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            defineBufferedMethods(type, name: "BufferedWriter", sides: [.write])
        }
    }
}
