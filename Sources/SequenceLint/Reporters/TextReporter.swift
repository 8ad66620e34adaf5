/// Compiler-style output: a header per diagnostic, the source line with the span underlined,
/// notes with their own snippets, help lines, and a summary line.
public struct TextReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Lines wider than this are shown as a window around the span.
    static let maxLineWidth = 120

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        render(diagnostics, sources: result.sources, color: color) + result.summary(of: result.diagnostics) + "\n"
            + (diagnostics.first.map { Paint(enabled: color).dim(Self.explainHint(rule: $0.rule)) + "\n" } ?? "")
    }

    /// The last line when there are findings: where to read about them (the first one's rule).
    public static func explainHint(rule: String) -> String {
        "run `sequencelint explain \(rule.escapingControls)` for a rule's documentation"
    }

    /// Most notes shown with snippets under one diagnostic in text output.
    static let maxNotes = 8

    /// The diagnostics with their snippets, without the summary line.
    public func render(_ diagnostics: [Diagnostic], sources: [ByteKey: [UInt8]], color: Bool) -> String {
        var out = ""
        var lines = SourceLines(sources: sources)
        let paint = Paint(enabled: color)
        for d in diagnostics {
            let gutter = max(String(d.location.start.line).count,
                             d.notes.map { String($0.location.start.line).count }.max() ?? 0)
            out += paint.bold("\(d.location.path.escapingControls):\(d.location.start): ")
                + paint.severity(d.severity, d.severity.rawValue + ":") + " "
                + paint.bold(d.message.escapingControls) + " " + paint.dim("[\(d.rule)]") + "\n"
            out += snippet(d.location, severity: d.severity, gutter: gutter, lines: &lines, paint: paint)
            // A long list of places (an uncovered grade's standards) stays readable: the first few
            // with their snippets, then a count; gcc and JSON output keep every one.
            let shown = d.notes.count > Self.maxNotes ? Self.maxNotes - 1 : d.notes.count
            for note in d.notes.prefix(shown) {
                out += paint.bold("\(note.location.path.escapingControls):\(note.location.start): ") + paint.note("note:") + " " + note.message.escapingControls + "\n"
                out += snippet(note.location, severity: nil, gutter: gutter, lines: &lines, paint: paint)
            }
            if shown < d.notes.count {
                out += String(repeating: " ", count: gutter + 1) + paint.gutter("=") + " " + paint.note("note:")
                    + " \(d.notes.count - shown) more places, listed by `--format gcc` or `--format json`\n"
            }
            if let help = d.help {
                out += String(repeating: " ", count: gutter + 1) + paint.gutter("=") + " " + paint.bold("help:") + " " + help.escapingControls + "\n"
            }
            out += "\n"
        }
        return out
    }

    private func snippet(_ location: Location, severity: Severity?, gutter: Int, lines: inout SourceLines, paint: Paint) -> String {
        guard let text = lines.line(location.start.line, of: location.path) else { return "" }
        var scalars = Array(text.unicodeScalars)
        var startColumn = max(1, location.start.column)
        var endColumn = location.end.line == location.start.line ? max(startColumn, location.end.column) : scalars.count
        endColumn = max(startColumn, min(endColumn, max(scalars.count, startColumn)))
        var prefix = "", suffix = ""
        if scalars.count > Self.maxLineWidth {
            let from = max(0, min(startColumn - 1 - 20, scalars.count - Self.maxLineWidth))
            let to = min(scalars.count, from + Self.maxLineWidth)
            if from > 0 { prefix = "…" }
            if to < scalars.count { suffix = "…" }
            scalars = Array(scalars[from..<to])
            startColumn -= from - (prefix.isEmpty ? 0 : 1)
            endColumn = min(endColumn - from + (prefix.isEmpty ? 0 : 1), scalars.count + (prefix.isEmpty ? 0 : 1))
        }
        var shown = String(String.UnicodeScalarView(scalars))
        shown = prefix + shown + suffix
        let shownScalars = Array(shown.unicodeScalars)
        // Keep tabs under tabs so the carets line up in a terminal, and count cells as a terminal
        // shows them: a wide character (an emoji, CJK) takes two, a combining mark none.
        var pad = ""
        for i in 0..<max(0, startColumn - 1) {
            if i < shownScalars.count, shownScalars[i] == "\t" { pad += "\t"; continue }
            pad += String(repeating: " ", count: i < shownScalars.count ? DisplayWidth.of(shownScalars[i]) : 1)
        }
        var width = 0
        for i in max(0, startColumn - 1)..<max(startColumn - 1, min(endColumn, shownScalars.count)) { width += DisplayWidth.of(shownScalars[i]) }
        let carets = String(repeating: "^", count: max(1, width == 0 ? endColumn - startColumn + 1 : width))
        let blank = String(repeating: " ", count: gutter + 1) + paint.gutter("|")
        let number = String(location.start.line)
        var out = blank + "\n"
        out += paint.gutter(String(repeating: " ", count: gutter - number.count) + number + " |") + " " + shown + "\n"
        out += blank + " " + pad + (severity.map { paint.severity($0, carets) } ?? paint.note(carets)) + "\n"
        return out
    }
}

/// Source lines by path, indexed on first use.
struct SourceLines {
    let sources: [ByteKey: [UInt8]]
    var indexed: [ByteKey: SourceFile] = [:]

    init(sources: [ByteKey: [UInt8]]) {
        self.sources = sources
    }

    mutating func line(_ number: Int, of path: String) -> String? {
        let key = ByteKey(path)
        if indexed[key] == nil {
            guard let bytes = sources[key] else { return nil }
            indexed[key] = SourceFile(bytes)
        }
        let source = indexed[key]!
        guard number >= 1, number <= source.lineCount else { return nil }
        // Control characters would garble the terminal; show them as replacement marks.
        let text = source.lineText(number)
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
    }
}

/// ANSI colors, or nothing.
struct Paint {
    let enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
    func gutter(_ text: String) -> String { wrap("1;34", text) }
    func note(_ text: String) -> String { wrap("1;36", text) }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap("1;31", text)
        case .warning: wrap("1;33", text)
        case .info, .off: wrap("1;36", text)
        }
    }
}

/// How many terminal cells a character takes, as terminals (and rustc's underlines) count them.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        let props = scalar.properties
        // Combining marks, zero-width joiners and variation selectors take no cell of their own.
        if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        if props.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
