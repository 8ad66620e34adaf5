/// A JSON value with ordered object keys, so output is byte-for-byte stable.
public indirect enum JSON: Sendable {
    case string(String)
    case int(Int)
    /// A number written in the shortest form that reads back as the same Double.
    case number(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// An optional string, or null.
    public static func string(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// Serialized with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .number(let x): out += x.isFinite ? "\(x)" : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSON.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        // Runs of bytes that need no escape are appended whole (most strings are one run).
        var text = s
        text.withUTF8 { bytes in
            var escaped: [UInt8] = []
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart { escaped.append(contentsOf: bytes[runStart..<end]) }
            }
            while i < bytes.count {
                let b = bytes[i]
                var escape: String?
                var length = 1
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F: escape = "\\u00" + (b < 0x10 ? "0" : "") + String(b, radix: 16)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default: break
                }
                if let escape {
                    if escaped.isEmpty && runStart == 0 { escaped.reserveCapacity(bytes.count + 16) }
                    flush(i)
                    escaped.append(contentsOf: escape.utf8)
                    i += length
                    runStart = i
                } else {
                    i += 1
                }
            }
            out += "\""
            if escaped.isEmpty && runStart == 0 {
                out += s
            } else {
                flush(bytes.count)
                out += String(decoding: escaped, as: UTF8.self)
            }
            out += "\""
        }
    }
}
