import Foundation
import Testing
import SequenceLintKit
@testable import SequenceLintRules

/// Every rule's examples are its tests: triggering examples report exactly at the `↓` markers,
/// non-triggering ones report nothing.
@Suite struct RuleExampleTests {
    static let ids = RuleRegistry.all.map { $0.description.id }

    @Test(arguments: ids)
    func triggeringExamplesReportAtMarkers(id: String) throws {
        let rule = try #require(RuleRegistry.all.first { $0.description.id == id })
        #expect(!rule.description.triggering.isEmpty, "\(id) has no triggering example")
        for example in rule.description.triggering {
            let found = RuleDocumentation.findings(of: rule, on: example)
            #expect(!example.marks.isEmpty)
            let expected = example.marks.map { "\($0.path):\($0.start)" }.sorted()
            #expect(found.map { "\($0.location.path):\($0.location.start)" }.sorted() == expected, "\(id): \(found.map(\.message))")
            #expect(found.allSatisfy { $0.rule == id && !$0.message.isEmpty })
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesAreSilent(id: String) throws {
        let rule = try #require(RuleRegistry.all.first { $0.description.id == id })
        #expect(!rule.description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in rule.description.nonTriggering {
            #expect(!example.yaml.contains("↓") && example.configuration?.contains("↓") != true)
            let found = RuleDocumentation.findings(of: rule, on: example)
            #expect(found.isEmpty, "\(id): \(found.map(\.message))")
        }
    }

    @Test func registryIsAlphabeticalAndMatchesRuleFiles() throws {
        #expect(Self.ids == Self.ids.sorted())
        #expect(Set(Self.ids).count == Self.ids.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.root.appendingPathComponent("Sources/Rules").path)
            .filter { $0.hasSuffix("Rule.swift") }
        #expect(files.count == RuleRegistry.all.count)
        for rule in RuleRegistry.all {
            #expect(files.contains("\(String(describing: rule)).swift"), "no file for \(rule)")
        }
    }

    @Test func severitiesFollowTheCatalog() {
        let expected: [String: Severity] = [
            "yaml-syntax": .error, "schema": .error, "duplicate-key": .error, "duplicate-id": .error,
            "unknown-reference": .error, "prerequisite-cycle": .error, "prerequisite-order": .error,
            "redundant-prerequisite": .info, "balance": .warning, "procedure-before-concept": .warning,
            "empty-unit": .warning, "untagged-lesson": .info,
            "unknown-standard": .error, "progression-gap": .warning, "stale-prerequisite": .off, "major-work": .warning,
            "assessment-before-instruction": .error, "unassessed-standard": .off, "uncovered-standard": .warning,
            "milestone": .error, "required-practice": .off, "unused-suppression": .warning,
            "early-pass": .info, "builds-on-untaught": .warning, "above-grade-standard": .info, "coarse-alignment": .info,
            "above-grade-assessment": .warning, "school-year-length": .warning, "off-grade-lesson": .info,
            "isolated-supporting-work": .info, "rigor-balance": .warning, "practice-coverage": .warning,
        ]
        for rule in RuleRegistry.all {
            #expect(expected[rule.description.id] == rule.description.defaultSeverity, "\(rule.description.id)")
        }
    }
}

/// The sample files in curricula/examples fire exactly the diagnostics their `.expected` files list.
@Suite struct BundledExampleTests {
    static let examples: [String] = {
        let dir = TestSupport.root.appendingPathComponent("curricula/examples")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".yml") }.sorted()
    }()

    @Test func everyCoreRuleHasAnExample() {
        for id in ["yaml-syntax", "schema", "duplicate-key", "duplicate-id", "unknown-reference", "prerequisite-cycle",
                   "prerequisite-order", "redundant-prerequisite", "balance", "procedure-before-concept",
                   "empty-unit", "untagged-lesson"] {
            #expect(Self.examples.contains("\(id).yml"))
        }
    }

    @Test(arguments: examples)
    func exampleFiresAsExpected(file: String) throws {
        let dir = TestSupport.root.appendingPathComponent("curricula/examples")
        let yaml = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        let expected = try String(contentsOf: dir.appendingPathComponent(file.replacingOccurrences(of: ".yml", with: ".expected")), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let result = TestSupport.lint(yaml, path: file)
        #expect(result.diagnostics.map(\.brief) == expected)
    }
}
