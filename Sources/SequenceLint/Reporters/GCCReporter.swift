/// One line per diagnostic and per note, `path:line:column: severity: message [rule]`, for
/// editors' problem matchers and quickfix lists.
public struct GCCReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        // Written as bytes: a large run has many thousand lines, and interpolating each costs
        // more than the rest of the report. Each file's escaped path is made once.
        var out: [UInt8] = []
        out.reserveCapacity(diagnostics.count * 120)
        var paths: [FileID: [UInt8]] = [:]
        func path(_ file: FileID) -> [UInt8] {
            if let known = paths[file] { return known }
            let escaped = Array(file.path.escapingControls.utf8)
            paths[file] = escaped
            return escaped
        }
        func number(_ n: Int) {
            if n < 0 {
                out.append(contentsOf: String(n).utf8)
                return
            }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                          UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var value = n
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(0x30 + value % 10)
                    value /= 10
                    count += 1
                } while value > 0
                while count > 0 {
                    count -= 1
                    out.append(buffer[count])
                }
            }
        }
        func place(_ location: Location) {
            out.append(contentsOf: path(location.file))
            out.append(UInt8(ascii: ":"))
            number(location.start.line)
            out.append(UInt8(ascii: ":"))
            number(location.start.column)
        }
        func text(_ string: String) {
            if string.utf8.hasControls {
                out.append(contentsOf: string.escapingControls.utf8)
            } else {
                out.append(contentsOf: string.utf8)
            }
        }
        for d in diagnostics {
            place(d.location)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: d.severity.rawValue.utf8)
            out.append(contentsOf: ": ".utf8)
            text(d.message)
            out.append(contentsOf: " [".utf8)
            out.append(contentsOf: d.rule.utf8)
            out.append(contentsOf: "]\n".utf8)
            for note in d.notes {
                place(note.location)
                out.append(contentsOf: ": note: ".utf8)
                text(note.message)
                out.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String.UTF8View {
    /// Whether the text holds a character `escapingControls` escapes: C0 controls, DEL, C1
    /// controls, U+2028 or U+2029 (checked on the UTF-8 bytes).
    var hasControls: Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in self {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte < 0xA0 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
