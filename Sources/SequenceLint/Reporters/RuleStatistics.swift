/// `lint --statistics`: how many findings each rule reported.
package enum RuleStatistics {
    /// One line per rule, its count right-aligned then its id, most frequent first (ties by id),
    /// e.g. `   3  progression-gap`. Empty when there are no findings.
    package static func render(_ diagnostics: [Diagnostic]) -> String {
        var counts: [String: Int] = [:]
        for d in diagnostics { counts[d.rule, default: 0] += 1 }
        let width = max(4, String(counts.values.max() ?? 0).count)
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { String(repeating: " ", count: width - String($0.value).count) + "\($0.value)  \($0.key)\n" }
            .joined()
    }
}
