import Foundation
@testable import GarterRuntime

/// The cases of RegexCaseData.swift (written by scripts/gen_regex_cases.py
/// from CPython 3.11), decoded from their JSON.
struct RegexPatternCase {
    let source: String
    let isBytes: Bool
    let code: [UInt32]
    let groups: Int
    let cases: [[String: Any]]
}

enum RegexCaseData {
    static func document(_ text: String = regexCaseData) -> [String: Any] {
        let object = try! JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return object as! [String: Any]
    }

    static func patterns(_ document: [String: Any]) -> [RegexPatternCase] {
        (document["patterns"] as! [[String: Any]]).map { entry in
            RegexPatternCase(source: entry["source"] as! String,
                             isBytes: entry["bytes"] as! Bool,
                             code: (entry["code"] as! [NSNumber]).map { $0.uint32Value },
                             groups: (entry["groups"] as! NSNumber).intValue,
                             cases: entry["cases"] as! [[String: Any]])
        }
    }

    /// Code points of a JSON string (bytes are written one character per byte).
    static func codePoints(_ value: Any) -> [UInt32] {
        (value as! String).unicodeScalars.map(\.value)
    }

    /// A match result: nil, or the flat spans followed by lastindex.
    static func spans(_ value: Any?) -> RegexMatchSpans? {
        guard let list = value as? [NSNumber] else { return nil }
        let ints = list.map(\.intValue)
        return RegexMatchSpans(flat: Array(ints.dropLast()), lastIndex: ints.last!)
    }

    /// A findall/split item: a string, None (nil) or a tuple of strings.
    indirect enum Item: Equatable, CustomStringConvertible {
        case text([UInt32])
        case none
        case tuple([Item])

        init(_ value: Any) {
            if let s = value as? String {
                self = .text(s.unicodeScalars.map(\.value))
            } else if let list = value as? [Any] {
                self = .tuple(list.map(Item.init))
            } else {
                self = .none
            }
        }

        var description: String {
            switch self {
            case .text(let cps): return "\"" + cps.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)!) : "\\u{\(String($0, radix: 16))}" }.joined() + "\""
            case .none: return "None"
            case .tuple(let items): return "(" + items.map(\.description).joined(separator: ", ") + ")"
            }
        }
    }
}

/// A subject in the storage the runtime might use: bytes, or a str in the
/// narrowest of one, two or four bytes per character (or a wider one, to
/// check that storage never changes a result).
final class RegexSubject {
    let codePoints: [UInt32]
    private let narrow: [UInt8]?
    private let medium: [UInt16]?

    init(_ codePoints: [UInt32]) {
        self.codePoints = codePoints
        narrow = codePoints.allSatisfy { $0 < 0x100 } ? codePoints.map { UInt8($0) } : nil
        medium = codePoints.allSatisfy { $0 < 0x10000 } ? codePoints.map { UInt16($0) } : nil
    }

    enum Storage: CaseIterable { case bytes, ucs2, ucs4 }

    func available(_ storage: Storage) -> Bool {
        switch storage {
        case .bytes: return narrow != nil
        case .ucs2: return medium != nil
        case .ucs4: return true
        }
    }

    func with<R>(_ storage: Storage, _ body: (RegexText) throws -> R) rethrows -> R {
        switch storage {
        case .bytes: return try narrow!.withUnsafeBufferPointer { try body(.bytes($0)) }
        case .ucs2: return try medium!.withUnsafeBufferPointer { try body(.ucs2($0)) }
        case .ucs4: return try codePoints.withUnsafeBufferPointer { try body(.ucs4($0)) }
        }
    }
}
