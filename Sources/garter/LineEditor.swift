import GarterRuntime
import GarterSystem
import Glibc

/// A small line editor for the interactive prompt on a terminal (what GNU
/// readline does for CPython's): the terminal is put in raw mode while a
/// line is read, and the keys below edit it. History is kept in memory and
/// in ~/.python_history, one line per entry, as CPython's readline file.
///
/// Keys: printable text; Left/Right, Ctrl-B/Ctrl-F; Home/End, Ctrl-A/Ctrl-E;
/// Backspace, Delete, Ctrl-H; Ctrl-K (kill to end), Ctrl-U (kill to start),
/// Ctrl-W (kill previous word); Up/Down, Ctrl-P/Ctrl-N (history); Ctrl-L
/// (redraw); Tab (four spaces); Ctrl-D (EOF on an empty line, else delete);
/// Ctrl-C (abandon the line: KeyboardInterrupt at the prompt); Enter.
/// Characters are assumed to be one column wide.
final class LineEditor {
    enum Result {
        case line(String)
        case endOfFile
        case interrupt
    }

    private let input: Int32 = 0
    private let output: Int32 = 1
    private(set) var history: [String] = []
    private let historyFile: String?
    static let historyLimit = 1000

    init(historyFile: String?) {
        self.historyFile = historyFile
        if let historyFile, let text = FileContents.text(atPath: historyFile) {
            history = text.split(separator: "\n").map(String.init).suffix(Self.historyLimit).map { $0 }
        }
    }

    /// Writes the history back (at exit).
    func saveHistory() {
        guard let historyFile else { return }
        let text = history.suffix(Self.historyLimit).map { $0 + "\n" }.joined()
        FileContents.write(text, toPath: historyFile)
    }

    func add(toHistory line: String) {
        guard !HorizontalWhitespace.isBlank(line), history.last != line else { return }
        history.append(line)
    }

    /// Reads one line after showing `prompt`.
    func readLine(prompt: String) -> Result {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return .endOfFile }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSADRAIN, &raw)
        defer { tcsetattr(input, TCSADRAIN, &saved) }
        return edit(prompt: prompt)
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Reads the rest of a UTF-8 sequence that starts with `lead`.
    private func readCharacter(_ lead: UInt8) -> Character? {
        var bytes = [lead]
        let extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        for _ in 0..<extra {
            guard let next = readByte() else { break }
            bytes.append(next)
        }
        return String(decoding: bytes, as: UTF8.self).first
    }

    private func edit(prompt: String) -> Result {
        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var pending = ""  // the unfinished line while browsing history
        write(prompt)

        func redraw() {
            var text = "\r" + prompt + String(buffer) + "\u{1B}[K"
            let back = buffer.count - cursor
            if back > 0 { text += "\u{1B}[\(back)D" }
            write(text)
        }
        func insert(_ characters: [Character]) {
            buffer.insert(contentsOf: characters, at: cursor)
            cursor += characters.count
            if cursor == buffer.count {
                write(String(characters))
            } else {
                redraw()
            }
        }
        func showHistory(_ index: Int) {
            if historyIndex == history.count { pending = String(buffer) }
            historyIndex = index
            buffer = Array(index == history.count ? pending : history[index])
            cursor = buffer.count
            redraw()
        }

        while let byte = readByte() {
            switch byte {
            case 13, 10:  // Enter
                write("\r\n")
                return .line(String(buffer))
            case 3:  // Ctrl-C
                write("\r\n")
                return .interrupt
            case 4:  // Ctrl-D
                if buffer.isEmpty {
                    write("\r\n")
                    return .endOfFile
                }
                if cursor < buffer.count {
                    buffer.remove(at: cursor)
                    redraw()
                }
            case 1: cursor = 0; redraw()  // Ctrl-A
            case 5: cursor = buffer.count; redraw()  // Ctrl-E
            case 2: if cursor > 0 { cursor -= 1; redraw() }  // Ctrl-B
            case 6: if cursor < buffer.count { cursor += 1; redraw() }  // Ctrl-F
            case 8, 127:  // Backspace
                if cursor > 0 {
                    cursor -= 1
                    buffer.remove(at: cursor)
                    redraw()
                }
            case 11: buffer.removeSubrange(cursor...); redraw()  // Ctrl-K
            case 21: buffer.removeSubrange(..<cursor); cursor = 0; redraw()  // Ctrl-U
            case 23:  // Ctrl-W
                var start = cursor
                while start > 0 && buffer[start - 1] == " " { start -= 1 }
                while start > 0 && buffer[start - 1] != " " { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
                redraw()
            case 12: write("\u{1B}[H\u{1B}[2J"); redraw()  // Ctrl-L
            case 16: if historyIndex > 0 { showHistory(historyIndex - 1) }  // Ctrl-P
            case 14: if historyIndex < history.count { showHistory(historyIndex + 1) }  // Ctrl-N
            case 9: insert(Array("    "))  // Tab
            case 27:  // Escape sequences: arrows, Home/End, Delete
                guard let second = readByte() else { break }
                guard second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else { break }
                var parameter = ""
                var final: UInt8 = 0
                while let next = readByte() {
                    if next >= 0x40 && next <= 0x7E { final = next; break }
                    parameter.append(Character(Unicode.Scalar(next)))
                }
                switch (final, parameter) {
                case (UInt8(ascii: "A"), _): if historyIndex > 0 { showHistory(historyIndex - 1) }
                case (UInt8(ascii: "B"), _): if historyIndex < history.count { showHistory(historyIndex + 1) }
                case (UInt8(ascii: "C"), _): if cursor < buffer.count { cursor += 1; redraw() }
                case (UInt8(ascii: "D"), _): if cursor > 0 { cursor -= 1; redraw() }
                case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): cursor = 0; redraw()
                case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): cursor = buffer.count; redraw()
                case (UInt8(ascii: "~"), "3"):
                    if cursor < buffer.count { buffer.remove(at: cursor); redraw() }
                default: break
                }
            default:
                if byte >= 32, let character = readCharacter(byte) { insert([character]) }
            }
        }
        return buffer.isEmpty ? .endOfFile : .line(String(buffer))
    }
}
