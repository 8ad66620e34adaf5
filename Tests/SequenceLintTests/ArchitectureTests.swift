import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// The house rules of the code base (issue 15): rule ids live in the rules and in one mapping,
/// and load problems do not depend on the catalog.
@Suite struct ArchitectureTests {
    @Test func noRuleIDOutsideTheRulesAndTheMapping() throws {
        let ids = RuleRegistry.all.map { $0.description.id } + LoadProblem.allCases.map(\.ruleID)
        // Words that are also a rule's id, used here as something else.
        let otherMeanings: Set<String> = ["Engine/Rule.swift: balance",  // the family of rules
                                          "Review/ReviewHTML.swift: balance"]  // a section of the page
        var offenders: [String] = []
        for folder in ["Sources/SequenceLint", "Sources/CLI"] {
            let root = TestSupport.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            #expect(files.count > 5)
            for file in files where file.hasSuffix(".swift") && !file.hasSuffix("LoadProblem.swift") {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("///") || code.hasPrefix("//") { continue }
                    for id in ids where line.contains("\"\(id)\"") && !otherMeanings.contains("\(file): \(id)") {
                        offenders.append("\(folder)/\(file):\(n + 1): \(id)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    @Test func aCatalogWithoutTheirRulesStillShowsLoadProblems() {
        let yaml = "curriculum: c\ngrade: 6\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptal}\n      - {id: l2, kind: review, kind: review}\n"
        let catalog = RuleRegistry.all.filter { ![SchemaRule.description.id, DuplicateKeyRule.description.id].contains($0.description.id) }
        let result = Linter(rules: catalog).lint(sources: [("c.yml", Array(yaml.utf8))], request: LintRequest(paths: []))
        #expect(result.diagnostics.contains { $0.isProblem(.schema) && $0.severity == .error })
        #expect(result.diagnostics.contains { $0.isProblem(.duplicateKey) && $0.severity == .error })
        // Turned off, they are off.
        var request = LintRequest(paths: [])
        request.disable = [SchemaRule.description.id]
        let off = Linter(rules: RuleRegistry.all).lint(sources: [("c.yml", Array(yaml.utf8))], request: request)
        #expect(!off.diagnostics.contains { $0.isProblem(.schema) })
        #expect(off.diagnostics.contains { $0.isProblem(.duplicateKey) })
    }

    @Test func everyLoadProblemHasItsRuleInTheCatalog() {
        let catalog = Set(RuleRegistry.all.map { $0.description.id })
        // The configuration's problems stop a run (exit status 2); every other kind is a rule.
        for kind in LoadProblem.allCases where kind != .configuration {
            #expect(catalog.contains(kind.ruleID), "\(kind)")
        }
    }
}
