import Foundation
import Testing
@testable import SequenceLintKit

@Suite struct LoaderTests {
    /// The node that is the value of `key` in the root mapping.
    func value(_ result: YAMLLoadResult, _ key: StaticString) throws -> YAMLNode {
        let doc = result.document
        let root = try #require(doc.root)
        return doc[try #require(doc.value(root, forKey: key))]
    }

    @Test func positionsAreOneBasedAndInclusive() throws {
        let result = TestSupport.load("a: hello\nbb:   [x, yz]\n")
        #expect(result.diagnostics.isEmpty)
        let a = try value(result, "a")
        #expect(a.start == Position(line: 1, column: 4))
        #expect(a.end == Position(line: 1, column: 8))
        let list = try value(result, "bb")
        #expect(list.start == Position(line: 2, column: 7))
        #expect(list.end == Position(line: 2, column: 13))
        let items = result.document.childIndices(result.document.value(result.document.root!, forKey: "bb")!)
        #expect(result.document[items.last!].start == Position(line: 2, column: 11))
        #expect(result.document[items.last!].end == Position(line: 2, column: 12))
    }

    @Test func columnsCountUnicodeScalarsWithCRLFAndBOM() throws {
        let yaml = "\u{FEFF}title: Fractions – éé\r\nnext: 日本語 ok\r\n"
        let result = TestSupport.load(yaml)
        #expect(result.diagnostics.isEmpty)
        let title = try value(result, "title")
        #expect(title.start == Position(line: 1, column: 8))
        #expect(title.end == Position(line: 1, column: 21))
        #expect(result.document.string(result.document.value(result.document.root!, forKey: "title")!) == "Fractions – éé")
        let next = try value(result, "next")
        #expect(next.start == Position(line: 2, column: 7))
        #expect(next.end == Position(line: 2, column: 12))
    }

    @Test func scalarsStayRawText() throws {
        let result = TestSupport.load("a: no\nb: 010\nc: 1:30\nd: '7'\n")
        let doc = result.document
        #expect(doc.string(doc.value(doc.root!, forKey: "a")!) == "no")
        #expect(doc.string(doc.value(doc.root!, forKey: "b")!) == "010")
        #expect(doc.string(doc.value(doc.root!, forKey: "c")!) == "1:30")
        #expect(doc.string(doc.value(doc.root!, forKey: "d")!) == "7")
    }

    @Test func duplicateKeyIsReportedAndFirstValueKept() throws {
        let result = TestSupport.load("a: 1\nb: 2\na: 3\n")
        #expect(result.diagnostics.map(\.rule) == ["duplicate-key"])
        let d = try #require(result.diagnostics.first)
        #expect(d.location.start == Position(line: 3, column: 1))
        #expect(d.notes.first?.location.start == Position(line: 1, column: 1))
        #expect(!result.failed)
        #expect(result.document.string(result.document.value(result.document.root!, forKey: "a")!) == "1")
    }

    @Test func manyKeysAreCheckedForDuplicatesByHash() {
        var yaml = ""
        for i in 0..<500 { yaml += "k\(i): \(i)\n" }
        yaml += "k7: again\n"
        let result = TestSupport.load(yaml)
        #expect(result.diagnostics.map(\.location.start) == [Position(line: 501, column: 1)])
    }

    @Test func aliasesShareTheirAnchorAndMergeKeysWork() throws {
        let result = TestSupport.load("base: &b {kind: conceptual, minutes: 45}\nlesson:\n  <<: *b\n  minutes: 50\n")
        #expect(result.diagnostics.isEmpty)
        let doc = result.document
        let lesson = try #require(doc.value(doc.root!, forKey: "lesson"))
        #expect(doc.string(try #require(doc.value(lesson, forKey: "kind"))) == "conceptual")
        #expect(doc.string(try #require(doc.value(lesson, forKey: "minutes"))) == "50")
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombHitsTheBudget() {
        let yaml = TestSupport.aliasBomb()
        let result = TestSupport.load(yaml)
        #expect(result.failed)
        #expect(result.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(result.diagnostics.first?.message.contains("aliases expand") == true)
        #expect(result.diagnostics.first?.location.start.line == 6)
    }

    @Test func aliasBombAsMappingKeyIsBounded() {
        var yaml = TestSupport.aliasBomb()
        yaml += "? *i\n: value\n"
        let result = TestSupport.load(yaml, limits: { var l = YAMLLimits(); l.maxAliasExpansion = 10_000_000; return l }())
        #expect(result.failed)
    }

    @Test func undefinedAliasIsASyntaxError() {
        let result = TestSupport.load("a: *nope\n")
        #expect(result.diagnostics.map(\.rule) == ["yaml-syntax"])
    }

    @Test func depthLimitStopsDeepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = TestSupport.load("a: " + deep + "\n")
        #expect(result.failed)
        let d = result.diagnostics.first
        #expect(d?.rule == "yaml-syntax")
        #expect(d?.message.contains("nesting is deeper than 200 levels") == true)
        #expect(d?.location.start == Position(line: 1, column: 4 + 199))
    }

    @Test func invalidUTF8IsPositioned() {
        var bytes = Array("curriculum: x\ngrade: 6\ntitle: ab".utf8)
        bytes.append(0xFF)
        bytes += Array("c\n".utf8)
        let result = YAMLLoader.load(bytes, path: "t.yml")
        #expect(result.failed)
        #expect(result.diagnostics.first?.message.contains("not valid UTF-8") == true)
        #expect(result.diagnostics.first?.location.start == Position(line: 3, column: 10))
    }

    @Test func controlCharactersAreReported() {
        let result = YAMLLoader.load(Array("a: b\u{0}c\n".utf8), path: "t.yml")
        #expect(result.failed)
        #expect(result.diagnostics.first?.message.contains("control character") == true)
        #expect(result.diagnostics.first?.location.start == Position(line: 1, column: 5))
    }

    @Test func sizeLimitIsADiagnostic() {
        var limits = YAMLLimits()
        limits.maxBytes = 10
        let result = TestSupport.load("a: 0123456789\n", limits: limits)
        #expect(result.failed)
        #expect(result.diagnostics.first?.message.contains("limit") == true)
    }

    @Test func syntaxErrorUsesLibyamlProblemPosition() {
        let result = TestSupport.load("a: [1, 2\nb: 3\n")
        #expect(result.failed)
        #expect(result.diagnostics.first?.rule == "yaml-syntax")
        #expect(result.diagnostics.first?.location.start == Position(line: 2, column: 2))
    }

    @Test func secondDocumentIsNoted() {
        let result = TestSupport.load("a: 1\n---\nb: 2\n")
        #expect(result.document.secondDocumentStart == Position(line: 2, column: 1))
    }

    @Test func emptyInputLoadsNothing() {
        let result = YAMLLoader.load([], path: "t.yml")
        #expect(!result.failed)
        #expect(result.document.root == nil)
    }
}
