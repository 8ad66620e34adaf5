import SequenceLintKit

/// A standard code that the curriculum's framework does not define.
public struct UnknownStandardRule: Rule {
    public init() {}

    static let framework = """
        framework: demo-math
        standards:
          - {code: 6.RP.A.1, grade: 6}
          - {code: 6.RP.A.2, grade: 6}

        """

    public static let description = RuleDescription(
        id: "unknown-standard", family: .alignment, defaultSeverity: .error,
        summary: "a `standards`, `builds-on`, `builds-towards` or `assumes` code is not in the curriculum's framework (\"did you mean\"), or the framework a curriculum names is neither loaded nor built in",
        rationale: """
            Alignment checks only see codes the framework defines. A mistyped or invented code is \
            a lesson whose standard nobody checks: it may be taught out of order, never assessed, \
            and the standard it meant may show up as uncovered. Codes match as FORMAT.md says: \
            exactly, then ignoring case and the separators `.`, `-`, `_` and spaces.
            """,
        howToFix: "Correct the code to one the framework defines (`6.RP.A.3a` and `6.RP.A.3.a` both match), or load the framework that defines it.",
        triggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                assumes: [↓5.NF.Z.9]
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, ↓6.PR.A.2]}
                      - {id: ratios-02, kind: procedural, standards: [6.rp.a.1]}

                """, framework: framework),
        ],
        nonTriggering: [
            RuleExample("""
                curriculum: demo
                framework: demo-math
                grade: 6
                units:
                  - id: ratios
                    lessons:
                      - {id: ratios-01, kind: conceptual, standards: [6.RP.A.1, 6-RP-A-2]}

                """, framework: framework),
        ])

    /// The code a mistyped one most likely meant. Codes are compared without case and
    /// separators; among equally close codes, one that only adds characters wins (`6.RP.3`
    /// means `6.RP.A.3`, not `6.RP.A`), then one of the same length (a mistyped digit).
    static func closestCode(to word: String, among codes: [String]) -> String? {
        let key = StandardCode.looseKey(word)
        let limit = max(1, min(3, (key.count + 1) / 3))
        func isSubsequence(_ small: String, of big: String) -> Bool {
            var it = big.makeIterator()
            return small.allSatisfy { c in
                while let d = it.next() { if d == c { return true } }
                return false
            }
        }
        var best: (code: String, distance: Int, adds: Bool, gap: Int)?
        // Two codes equally close by every measure: no clear winner, so no suggestion (RULES.md).
        var tied = false
        for code in codes where abs(code.utf8.count - word.utf8.count) <= limit * 3 {
            let other = StandardCode.looseKey(code)
            if other == key { continue }
            let d = Suggestions.distance(key, other, limit: limit)
            guard d <= limit else { continue }
            let adds = isSubsequence(key, of: other)
            let gap = abs(other.count - key.count)
            if let b = best {
                if d > b.distance { continue }
                if d == b.distance {
                    if b.adds && !adds { continue }
                    if b.adds == adds && gap == b.gap && code != b.code { tied = true }
                    if b.adds == adds && gap >= b.gap { continue }
                }
            }
            best = (code, d, adds, gap)
            tied = false
        }
        return tied ? nil : best?.code
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let all = context.model.frameworks
        var out: [Diagnostic] = []
        for (curriculum, standards) in zip(context.model.curricula, context.standards) {
            // One curriculum is checked against one framework: a file naming another is reported.
            if let selected = standards.selected {
                for file in curriculum.files {
                    guard let other = file.framework, other.text != selected.text else { continue }
                    out.append(Self.report(message: "this file of curriculum '\(curriculum.id)' selects framework '\(other.text)', but the curriculum is checked against '\(selected.text)'",
                        location: other.location, notes: [Note("'\(selected.text)' is selected here, first in teaching order", at: selected.location)],
                        help: "name one framework in every file of the curriculum"))
                }
            }
            // Never silent: a named framework that is neither loaded nor built in means the standards
            // checks did not run, and the author is told which.
            if let selected = standards.selected, standards.frameworks.isEmpty {
                let ids = Array(Set(all.map(\.id) + BuiltinFrameworks.ids)).sorted()
                let loaded = all.map(\.id)
                out.append(Self.report(message: "curriculum '\(curriculum.id)' selects framework '\(selected.text)', which is neither loaded nor built in, so its codes were not checked "
                        + "(unknown-standard, progression-gap, early-pass, builds-on-untaught, above-grade-standard, coarse-alignment, uncovered-standard, major-work and milestone skipped)"
                        + Suggestions.didYouMean(selected.text, among: ids),
                    location: selected.location,
                    help: (loaded.isEmpty ? "" : "loaded: \(loaded.joined(separator: ", ")); ")
                        + "built in: \(BuiltinFrameworks.ids.joined(separator: ", ")); name one of them, or load '\(selected.text)' with --framework or `frameworks:` in .sequencelint.yml"))
                continue
            }
            guard !standards.frameworks.isEmpty else { continue }
            let names = standards.frameworks.map { all[$0].displayName }
            let scope = names.count == 1 ? "framework \(names[0])" : "any loaded framework (\(names.joined(separator: ", ")))"
            var codes: [String]?
            // The same unknown code is usually written many times: suggest for each spelling once.
            var suggestions: [String: String?] = [:]
            func report(_ ref: Ref, _ what: String) {
                var message = "\(what) '\(ref.text)' is not a standard of \(scope)"
                let near: String?
                if let known = suggestions[ref.text] {
                    near = known
                } else {
                    if codes == nil { codes = standards.frameworks.flatMap { all[$0].standards.compactMap(\.code) } }
                    var found: String?
                    if context.suggestionBudget.spend(codes!.count) {
                        found = Self.closestCode(to: ref.text, among: codes!)
                    }
                    suggestions[ref.text] = found
                    near = found
                }
                if let near { message += "; did you mean '\(near)'?" }
                out.append(Self.report(message: message, location: ref.location,
                                      help: "use a code the framework defines, or remove it",
                                      fix: near.map { Fix("replace with '\($0)'", location: ref.location, replacement: $0) }))
            }
            for (text, location) in zip(context.configuration.assumes, context.configuration.assumeLocations)
                where standards.configUnknown.contains(text) {
                report(Ref(text, at: location), "assumed code")
            }
            for (f, file) in curriculum.files.enumerated() {
                for (ref, node) in zip(file.assumes, standards.fileAssumes[f]) where !standards.isKnown(node) {
                    report(ref, "assumed code")
                }
            }
            for unit in curriculum.units {
                for (ref, node) in zip(unit.buildsOn, standards.unitBuildsOn[unit.position]) where !standards.isKnown(node) {
                    report(ref, "builds-on code")
                }
                for (ref, node) in zip(unit.buildsTowards, standards.unitBuildsTowards[unit.position]) where !standards.isKnown(node) {
                    report(ref, "builds-towards code")
                }
            }
            for lesson in curriculum.lessons {
                for (ref, node) in zip(lesson.standards, standards.lessonStandards[lesson.position]) where !standards.isKnown(node) {
                    report(ref, "code")
                }
                for (ref, node) in zip(lesson.buildsOn, standards.lessonBuildsOn[lesson.position]) where !standards.isKnown(node) {
                    report(ref, "builds-on code")
                }
                for (ref, node) in zip(lesson.buildsTowards, standards.lessonBuildsTowards[lesson.position]) where !standards.isKnown(node) {
                    report(ref, "builds-towards code")
                }
            }
        }
        return out
    }
}
