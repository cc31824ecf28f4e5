/// Reads line `lineno` (1-based) of file `filename` as CPython's traceback
/// code does at print time: decoded with the file's coding cookie, universal
/// newlines, without the trailing `\n`; nil when the file cannot be opened
/// or decoded or has fewer lines. The printer never asks for files named
/// `<...>`. CPython reads the file afresh (no linecache) and, when the name
/// does not open, tries its last component in each `sys.path` entry; a
/// runtime plugs that search in here.
public typealias SourceLineReader = (_ filename: String, _ lineno: Int) -> String?
