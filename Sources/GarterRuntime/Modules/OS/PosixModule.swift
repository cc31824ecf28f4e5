// The `posix` module (what `os` is built on): CPython 3.11's functions
// for files and descriptors (PosixFiles), names in the file system
// (PosixPaths), directories (DirectoryListing), stat results
// (StatResult), the environment (PosixEnvironment), processes
// (PosixProcesses), the system (PosixSystem) and file systems
// (PosixFileSystem); OSErrors as CPython
// raises them (PosixErrors); paths as it takes them (PathArgument).

extension Interpreter {
    /// The `HAVE_*` features `os.py` reads to fill `supports_dir_fd`,
    /// `supports_fd` and `supports_follow_symlinks`: the ones Garter's
    /// functions implement.
    static let posixHaveFunctions = [
        "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
        "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT",
        "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_OPENAT", "HAVE_READLINKAT",
        "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
    ]

    func makePosixModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("posix", doc: "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.") { module, define throws(EvalError) in
            let dict = module.dict
            for (name, value) in PosixConstantsTable.constants { setItem(dict, name, .int(value)) }
            for (name, table) in [("sysconf_names", PosixConstantsTable.sysconf), ("confstr_names", PosixConstantsTable.confstr),
                                  ("pathconf_names", PosixConstantsTable.pathconf)] {
                let names = newDict()
                for (key, value) in table { setItem(names, key, .int(value)) }
                setItem(dict, name, .object(ObjectRef(Unmanaged.passUnretained(names))))
            }
            setItem(dict, "_have_functions", newList(Interpreter.posixHaveFunctions.map { newString($0) }))
            let osError = types.exceptions["OSError"]!
            osError.incref()
            setItem(dict, "error", osError.value)
            for type in [statResultType, structSequenceType(Interpreter.unameResult), structSequenceType(Interpreter.timesResult),
                         structSequenceType(Interpreter.terminalSize), structSequenceType(Interpreter.statvfsResult),
                         dirEntryType] {
                type.incref()
                setItem(dict, type.shortName, type.value)
            }
            let environment = try makeEnvironmentDict()
            setItem(dict, "environ", .object(ObjectRef(Unmanaged.passUnretained(environment))))
            let hooks = ForkHooks(before: newList([]), afterInChild: newList([]), afterInParent: newList([]))
            setItem(dict, "_fork_hooks", newTuple([hooks.before, hooks.afterInChild, hooks.afterInParent]))
            // The functions use the lists for the interpreter's life, even
            // if Python code deletes `_fork_hooks`: one more reference each.
            for list in [hooks.before, hooks.afterInChild, hooks.afterInParent] { list.retain() }

            definePosixFileFunctions(define)
            definePosixPathFunctions(define)
            definePosixDirectoryFunctions(define)
            definePosixEnvironmentFunctions(define)
            definePosixProcessFunctions(define, hooks: hooks)
            definePosixSystemFunctions(define)
            definePosixFileSystemFunctions(define)
        }
    }
}
