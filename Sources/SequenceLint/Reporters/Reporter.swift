/// An output format; each case maps to one reporter.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, gcc, json, sarif, github

    /// The reporter for this format.
    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .gcc: GCCReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        }
    }
}

/// Turns a run's sorted diagnostics into output text.
public protocol Reporter: Sendable {
    /// The whole report.
    func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String
}

/// The version of sequencelint.
public enum SequenceLintVersion {
    /// Semantic version of the tool.
    public static let current = "0.1.0"
}

extension LintResult {
    /// `2 errors, 3 warnings in 3 curriculum maps and 1 framework file (12 units, 140 lessons)`;
    /// infos are named when there are any, and a built-in framework when one was used.
    public func summary(of diagnostics: [Diagnostic]) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let infos = diagnostics.filter { $0.severity == .info }.count
        var text = "\(plural(errors, "error")), \(plural(warnings, "warning"))"
        if infos > 0 { text += ", \(plural(infos, "info"))" }
        text += " in \(plural(curriculumFileCount, "curriculum map"))"
        if frameworkFileCount > 0 { text += " and \(plural(frameworkFileCount, "framework file"))" }
        if !builtinFrameworks.isEmpty { text += ", with the built-in \(builtinFrameworks.joined(separator: ", "))" }
        text += " (\(plural(unitCount, "unit")), \(plural(lessonCount, "lesson")))"
        var hidden: [String] = []
        if baselined > 0 { hidden.append("\(baselined) hidden by the baseline") }
        if suppressed > 0 { hidden.append("\(suppressed) suppressed") }
        if !hidden.isEmpty { text += "; " + hidden.joined(separator: ", ") }
        return text
    }
}

extension String {
    /// The text with control characters written as escapes (`\n`, `\u{1B}`), so that text from
    /// a curriculum cannot break a line-per-diagnostic format or drive the terminal.
    public var escapingControls: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
