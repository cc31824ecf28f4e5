/// A Unicode general category (`unicodedata.category`). The raw values are
/// the order the generated tables use.
public enum UnicodeCategory: UInt8, Sendable, CaseIterable {
    case unassigned  // Cn
    case uppercaseLetter  // Lu
    case lowercaseLetter  // Ll
    case titlecaseLetter  // Lt
    case modifierLetter  // Lm
    case otherLetter  // Lo
    case nonspacingMark  // Mn
    case spacingMark  // Mc
    case enclosingMark  // Me
    case decimalNumber  // Nd
    case letterNumber  // Nl
    case otherNumber  // No
    case connectorPunctuation  // Pc
    case dashPunctuation  // Pd
    case openPunctuation  // Ps
    case closePunctuation  // Pe
    case initialPunctuation  // Pi
    case finalPunctuation  // Pf
    case otherPunctuation  // Po
    case mathSymbol  // Sm
    case currencySymbol  // Sc
    case modifierSymbol  // Sk
    case otherSymbol  // So
    case spaceSeparator  // Zs
    case lineSeparator  // Zl
    case paragraphSeparator  // Zp
    case control  // Cc
    case format  // Cf
    case surrogate  // Cs
    case privateUse  // Co

    /// The two-letter abbreviation `unicodedata.category` returns ("Lu", "Cn", ...).
    public var abbreviation: String {
        Self.abbreviations[Int(rawValue)]
    }

    private static let abbreviations = [
        "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
        "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
    ]
}
