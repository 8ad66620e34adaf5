import Foundation

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), errors first since only
/// the first few annotations of a step are shown.
public struct GitHubReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .off: "notice"
        }
    }

    /// Escapes a message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                // Other control characters would drive the log viewer or the runner: written as escapes.
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        let ordered = diagnostics.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        var out = ""
        for d in ordered {
            var message = d.message
            for note in d.notes { message += "\nnote: \(note.location.path):\(note.location.start): \(note.message)" }
            if let help = d.help { message += "\nhelp: \(help)" }
            let l = d.location
            out += "::\(Self.command(d.severity)) file=\(Self.escapeProperty(l.path)),line=\(l.start.line),endLine=\(l.end.line)"
            out += ",col=\(l.start.column),endColumn=\(l.end.column),title=\(Self.escapeProperty("sequencelint \(d.rule)"))"
            out += "::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// A Markdown summary for `$GITHUB_STEP_SUMMARY`: counts and a table of findings.
    public static func stepSummary(_ result: LintResult, diagnostics: [Diagnostic]) -> String {
        // Markdown table cells: control characters escaped, and the punctuation that Markdown or
        // HTML would read (a `|` ends the cell, a backtick opens code, `<` a tag) backslash-escaped.
        func cell(_ text: String) -> String {
            var out = ""
            for c in text.escapingControls {
                if "\\`*_[]<>|#!~&".contains(c) { out.append("\\") }
                out.append(c)
            }
            return out
        }
        var out = "## sequencelint\n\n\(result.summary(of: result.diagnostics))\n\n"
        guard !diagnostics.isEmpty else { return out }
        out += "| severity | rule | location | message |\n|---|---|---|---|\n"
        for d in diagnostics.prefix(500) {
            out += "| \(d.severity.rawValue) | `\(d.rule)` | \(cell(d.location.path)):\(d.location.start) | \(cell(d.message)) |\n"
        }
        if diagnostics.count > 500 { out += "\n\(diagnostics.count - 500) more findings are not listed.\n" }
        return out + "\n"
    }
}
