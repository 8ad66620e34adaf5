import SequenceLintKit

/// An inline suppression that suppresses nothing, or names an unknown rule.
///
/// Whether a suppression is used depends on the other rules' findings: the engine hands this rule
/// the suppressions' use after every other rule has run (`checkSuppressions`); `check` has
/// nothing to add.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public static let description: RuleDescription = {
        var description = RuleDescription(
            id: "unused-suppression", family: .input, defaultSeverity: .warning,
            summary: "an inline suppression suppressed nothing, or names an unknown rule",
            rationale: """
                A suppression outlives the problem it hid: once the lesson is fixed or moved, the \
                comment silently hides the next real problem on that line. Reporting suppressions \
                that hide nothing (and misspelled rule ids, which never hide anything) keeps them honest.
                """,
            howToFix: "Remove the comment (or the rule id that hides nothing), or correct the rule id.",
            triggering: [
                RuleExample("""
                    curriculum: demo
                    grade: 6
                    units:
                      - id: ratios
                        lessons:
                          - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1]}  ↓# sequencelint-disable-line empty-unit
                          - {id: ratios-02, kind: review}  # sequencelint-disable-line ↓empty-unt

                    """),
            ],
            nonTriggering: [
                RuleExample("""
                    curriculum: demo
                    grade: 6
                    units:
                      - id: ratios  # sequencelint-disable-line empty-unit -- lessons arrive next term
                        lessons: []
                      - id: rates
                        lessons:
                          - {id: rates-01, kind: conceptual, title: "not a # sequencelint-disable-line comment", standards: [6.RP.A.2]}

                    """),
            ])
        description.marksUnnecessary = true
        return description
    }()

    public func check(_ context: LintContext) -> [Diagnostic] { [] }

    public func checkSuppressions(_ usage: SuppressionUsage) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (path, list) in usage.suppressions {
            guard let used = usage.used[path] else { continue }
            for (k, s) in list.enumerated() {
                let what = s.scope == .file ? "in this file" : s.scope == .line ? "on this line" : "on the next line"
                if s.rules.isEmpty {
                    if !used[k][0] {
                        out.append(Self.report(message: "this suppression hides nothing: no finding \(what)",
                                              location: s.location, help: "remove the comment"))
                    }
                    continue
                }
                // Nothing at all hidden: one finding at the comment, naming its rules.
                if s.rules.count > 1, s.rules.allSatisfy({ usage.known.contains($0.id) && usage.ran.contains($0.id) }), !used[k].contains(true) {
                    let names = s.rules.map { "'\($0.id)'" }.joined(separator: ", ")
                    out.append(Self.report(message: "this suppression hides nothing: no \(names) finding \(what)",
                                          location: s.location, help: "remove the comment"))
                    continue
                }
                for (r, rule) in s.rules.enumerated() where !used[k][r] {
                    if !usage.known.contains(rule.id) {
                        out.append(Self.report(message: "suppression names unknown rule '\(rule.id)'\(Suggestions.didYouMean(rule.id, among: usage.known.sorted()))",
                                              location: rule.location, help: "`sequencelint rules` lists the rule ids"))
                    } else if usage.ran.contains(rule.id) {
                        out.append(Self.report(message: "suppression of '\(rule.id)' hides nothing: no '\(rule.id)' finding \(what)",
                                              location: s.rules.count == 1 ? s.location : rule.location,
                                              help: s.rules.count == 1 ? "remove the comment" : "remove '\(rule.id)' from the comment"))
                    }
                }
            }
        }
        return out
    }
}
