import GarterSystem

/// How the interpreter was started: what the command line (or an embedding
/// program) decided, and what `sys` reports of it. Plain data; the `sys`
/// module is built from it once (`Interpreter.installSys`).
public struct SysConfiguration: Sendable {
    /// `sys.argv`.
    public var argv: [String] = [""]
    /// `sys.orig_argv`: the command line as given, program name included.
    public var originalArgv: [String] = []
    /// `sys.executable`: the absolute path of the running program.
    public var executable: String = ""
    /// The first entry of `sys.path`: the script's directory, `''` for `-c`,
    /// stdin and the interactive prompt, the current directory for `-m`;
    /// nil with `-P` (safe path).
    public var mainPathEntry: String? = ""
    /// Entries from PYTHONPATH (inserted after the main entry).
    public var extraPath: [String] = []
    /// The project's own `Lib/` folder, if found.
    public var garterLibrary: String?
    /// CPython 3.11's `Lib` folder.
    public var standardLibrary: String = SysConfiguration.defaultStandardLibrary
    /// `-X` options in order: `name` alone is True, `name=value` is a string.
    public var xOptions: [(name: String, value: String?)] = []
    /// `-W` options.
    public var warnOptions: [String] = []
    public var flags = Flags()
    /// `-u` / PYTHONUNBUFFERED: standard output is written at every write.
    public var unbuffered = false

    /// The fields of `sys.flags`, in CPython 3.11's order.
    public struct Flags: Sendable {
        public var debug = 0, inspect = 0, interactive = 0, optimize = 0, dontWriteBytecode = 0
        public var noUserSite = 0, noSite = 0, ignoreEnvironment = 0, verbose = 0, bytesWarning = 0
        public var quiet = 0, hashRandomization = 1, isolated = 0
        public var devMode = false
        public var utf8Mode = 0, warnDefaultEncoding = 0
        public var safePath = false
        public var intMaxStrDigits = -1
        public init() {}
    }

    public static let defaultStandardLibrary = "/usr/lib/python3.11"
    /// A file every CPython 3.11 Lib folder has, to tell a real one from an empty folder.
    static let standardLibraryMarker = "os.py"

    public init() {}

    /// The standard library folder (GARTER_STDLIB unless `ignoreEnvironment`)
    /// checked to exist, or the error to print.
    public static func findStandardLibrary(environment: [String: String], ignoreEnvironment: Bool) -> Result<String, StartupError> {
        let configured = ignoreEnvironment ? nil : environment["GARTER_STDLIB"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = configured ?? defaultStandardLibrary
        if FileStatus.exists(atPath: folder + "/" + standardLibraryMarker) { return .success(folder) }
        let origin = configured != nil ? "GARTER_STDLIB names \(folder)" : "expected at \(folder)"
        return .failure(StartupError(message: """
            CPython 3.11's standard library was not found (\(origin)). Garter runs CPython's \
            pure-Python standard library: install Debian's libpython3.11-stdlib package \
            (apt-get install libpython3.11-stdlib), or set GARTER_STDLIB to a CPython 3.11 Lib folder.
            """))
    }

    /// The project's `Lib/` folder: `$GARTER_HOME/Lib`, else the nearest
    /// `Lib` beside a `Package.swift` above the executable (a source
    /// checkout), else `<prefix>/lib/garter/Lib` for an installed `<prefix>/bin/garter`.
    public static func findGarterLibrary(executable: String, environment: [String: String], ignoreEnvironment: Bool) -> String? {
        func isDirectory(_ path: String) -> Bool { FileStatus.isDirectory(atPath: path) }
        func join(_ directory: String, _ name: String) -> String {
            directory.hasSuffix("/") ? directory + name : directory + "/" + name
        }
        if !ignoreEnvironment, let home = environment["GARTER_HOME"], !home.isEmpty {
            return isDirectory(home + "/Lib") ? home + "/Lib" : nil
        }
        let absolute = PathNames.absolute(executable)
        var directory = PathNames.deletingLastComponent(PathNames.resolvingSymbolicLinks(absolute) ?? absolute)
        for _ in 0..<6 {
            let candidate = join(directory, "Lib")
            if isDirectory(candidate) && FileStatus.exists(atPath: join(directory, "Package.swift")) {
                return candidate
            }
            let installed = join(directory, "lib/garter/Lib")
            if isDirectory(installed) { return installed }
            let parent = PathNames.deletingLastComponent(directory)
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        return nil
    }

    /// `sys.path` in CPython's order.
    public var path: [String] {
        var entries: [String] = []
        if let mainPathEntry { entries.append(mainPathEntry) }
        entries += extraPath
        if let garterLibrary { entries.append(garterLibrary) }
        entries.append(standardLibrary)
        return entries
    }
}

/// A reason the interpreter cannot start, printed as `garter: MESSAGE`.
public struct StartupError: Error, Sendable {
    public let message: String
    public init(message: String) { self.message = message }
}
