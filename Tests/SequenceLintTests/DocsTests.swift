import Foundation
import Testing
import SequenceLintRules

/// Generated documentation stays in step with the code.
@Suite struct DocsTests {
    @Test func rulesMarkdownIsCurrent() throws {
        let url = TestSupport.root.appendingPathComponent("docs/rules.md")
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == RuleDocumentation.catalogMarkdown(),
                "docs/rules.md is stale: run `swift run sequencelint rules --markdown > docs/rules.md`")
    }

    @Test func readmeOpensWithTheTwoCommands() throws {
        let readme = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = readme.split(separator: "\n").filter { $0.hasPrefix("swift ") }
        let main = "swift run sequencelint curricula/maplewood curricula/riverside"
        #expect(commands.prefix(2) == [main[...], "swift test"])
        let ci = try String(contentsOf: TestSupport.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("\nswift test\n"))
        #expect(ci.contains("\n" + main + "\n"))
    }
}
