import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// Reporters against golden files. Re-record with `SEQUENCELINT_RECORD=1 swift test --filter ReporterGoldenTests`.
@Suite struct ReporterGoldenTests {
    static let dir = TestSupport.fixtures.appendingPathComponent("golden")

    func result() throws -> LintResult {
        let yaml = try String(contentsOf: Self.dir.appendingPathComponent("input.yml"), encoding: .utf8)
        return TestSupport.lint(yaml, path: "input.yml")
    }

    func compare(_ output: String, golden name: String) throws {
        let url = Self.dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SEQUENCELINT_RECORD"] == "1" {
            try Data(output.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected)
    }

    @Test(arguments: [OutputFormat.text, .gcc])
    func matchesGolden(format: OutputFormat) throws {
        let result = try result()
        try compare(format.reporter.report(result, diagnostics: result.diagnostics, color: false), golden: "output.\(format.rawValue)")
    }

    @Test func colorIsOnlyAddedWhenAsked() throws {
        let result = try result()
        let plain = TextReporter().report(result, diagnostics: result.diagnostics, color: false)
        let colored = TextReporter().report(result, diagnostics: result.diagnostics, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror:"))
        #expect(colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
    }

    @Test func gccLinesMatchTextHeaders() throws {
        let result = try result()
        let text = TextReporter().report(result, diagnostics: result.diagnostics, color: false)
        let gcc = GCCReporter().report(result, diagnostics: result.diagnostics, color: false)
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("input.yml:") }
        #expect(headers == gcc.split(separator: "\n"))
        #expect(result.diagnostics.count >= 8)
        #expect(Set(result.diagnostics.map(\.rule)).count >= 8)
    }

    @Test func snippetOfAVeryLongLineIsAWindow() {
        let long = String(repeating: "x", count: 5000)
        let yaml = "curriculum: c\ngrade: 6\ntitle: \(long)\nunits:\n  - id: u\n    lessons: []\n    extra: \(long)\n"
        let result = TestSupport.lint(yaml, path: "long.yml")
        let text = TextReporter().report(result, diagnostics: result.diagnostics, color: false)
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 200 })
        #expect(text.contains("7 |     extra: xxxx"))
    }
}
