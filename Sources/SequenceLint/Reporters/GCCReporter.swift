/// One line per diagnostic and per note, `path:line:column: severity: message [rule]`, for
/// editors' problem matchers and quickfix lists.
public struct GCCReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.location.path.escapingControls):\(d.location.start): \(d.severity.rawValue): \(d.message.escapingControls) [\(d.rule)]\n"
            for note in d.notes {
                out += "\(note.location.path.escapingControls):\(note.location.start): note: \(note.message.escapingControls)\n"
            }
        }
        return out
    }
}
