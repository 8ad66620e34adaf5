/// How standard codes are compared (FORMAT.md, "Matching codes").
public enum StandardCode {
    /// The loose key of a code: upper-cased, without `.`, `-`, `_` and spaces, so that
    /// `6.RP.A.3a` and `6.RP.A.3.a` compare equal.
    public static func looseKey(_ code: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(code.unicodeScalars.count)
        for scalar in code.unicodeScalars {
            switch scalar {
            case ".", "-", "_", " ", "\t": continue
            default: out.unicodeScalars.append(contentsOf: String(scalar).uppercased().unicodeScalars)
            }
        }
        return out
    }
}
