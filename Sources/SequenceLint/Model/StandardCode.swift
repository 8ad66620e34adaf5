/// How standard codes are compared (FORMAT.md, "Matching codes").
public enum StandardCode {
    /// The loose key of a code: upper-cased, without `.`, `-`, `_` and spaces, so that
    /// `6.RP.A.3a` and `6.RP.A.3.a` compare equal.
    public static func looseKey(_ code: String) -> String {
        // ASCII codes (nearly all) are folded byte by byte.
        if code.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(code.utf8.count)
            for b in code.utf8 {
                switch b {
                case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(b - 32)
                default: bytes.append(b)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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
