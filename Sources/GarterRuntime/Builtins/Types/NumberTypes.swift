extension Interpreter {
    /// `int`, `bool`, `float`, `complex` (one file each), and the constant
    /// singletons' types.
    func installNumberTypes() {
        installIntType()
        installBoolType()
        installFloatType()
        installComplexType()
        installSingletonTypes()
    }
}
