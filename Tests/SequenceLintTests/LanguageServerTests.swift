import Foundation
import Testing
@testable import SequenceLintKit

/// `sequencelint lsp`: positions, the protocol's framing and lifecycle, and the end-to-end
/// session through a real LSP client (Tests/lsp, pytest-lsp).
@Suite struct LanguageServerTests {
    @Test func columnsInEveryEncoding() {
        // 🍕 is one scalar, two UTF-16 units, four UTF-8 bytes; é two bytes.
        let source = SourceFile(Array("a: \"🍕é\" x\r\nsecond\n".utf8))
        #expect(source.lineCount == 3)
        #expect(source.lineText(1) == "a: \"🍕é\" x")
        // The `x` is scalar column 9.
        #expect(source.units(line: 1, column: 9, in: .utf32) == 8)
        #expect(source.units(line: 1, column: 9, in: .utf16) == 9)
        #expect(source.units(line: 1, column: 9, in: .utf8) == 12)
        for encoding in [ColumnEncoding.utf8, .utf16, .utf32] {
            #expect(source.column(line: 1, units: source.units(line: 1, column: 9, in: encoding), in: encoding) == 9)
        }
        // Inside the emoji's surrogate pair: that character.
        #expect(source.column(line: 1, units: 5, in: .utf16) == 6)
        #expect(source.offset(line: 1, units: 2, in: .utf16) == source.lineStarts[1] + 2)
        #expect(source.position(ofByte: source.lineStarts[1] + 3) == Position(line: 2, column: 4))
        // Past the end of a line: the line's end; past the text: its end.
        #expect(source.offset(of: Position(line: 2, column: 99)) == source.lineStarts[1] + 6)
        #expect(source.offset(line: 10, units: 0, in: .utf16) == source.bytes.count)
    }

    @Test func aByteOrderMarkIsNotOnLineOne() {
        let source = SourceFile([0xEF, 0xBB, 0xBF] + Array("ab\n".utf8))
        #expect(source.lineText(1) == "ab")
        #expect(source.offset(of: Position(line: 1, column: 2)) == 4)
    }

    /// Frames messages as a client would.
    static func frame(_ objects: [[String: Any]]) throws -> String {
        try objects.map { object in
            let body = String(decoding: try JSONSerialization.data(withJSONObject: object.merging(["jsonrpc": "2.0"]) { a, _ in a }), as: UTF8.self)
            return "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        }.joined()
    }

    /// The bodies of the framed messages in `text`.
    static func messages(_ text: String) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var rest = Substring(text)
        while let header = rest.range(of: "\r\n\r\n") {
            let length = Int(rest[..<header.lowerBound].split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
            let body = rest.utf8[header.upperBound...].prefix(length)
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] { out.append(object) }
            rest = Substring(String(decoding: rest.utf8[header.upperBound...].dropFirst(length), as: UTF8.self))
        }
        return out
    }

    @Test func lifecycleAndBadInputNeverCrash() throws {
        let folder = try TestSupport.temporaryDirectory()
        let uri = folder.appendingPathComponent("a.yml").absoluteString
        var input = try Self.frame([
            ["id": 1, "method": "textDocument/hover", "params": [:]],  // before initialize
            ["id": 2, "method": "initialize", "params": ["rootUri": folder.absoluteString, "capabilities": [:]]],
            ["method": "initialized", "params": [:]],
        ])
        input += "Content-Length: 7\r\n\r\nnot{js}"  // malformed JSON
        input += "X-Junk: 1\r\n\r\n"  // no length: skipped
        input += try Self.frame([
            ["method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1,
                                                                            "text": "curriculum: c\ngrade: 5\nunits:\n  - id: u\n    lessons:\n      - id: [\n"]]],
            ["id": 3, "method": "textDocument/hover", "params": ["textDocument": ["uri": uri], "position": ["line": 99, "character": 99]]],
            ["id": 4, "method": "textDocument/completion", "params": ["textDocument": ["uri": uri], "position": ["line": 5, "character": 14]]],
            ["id": 5, "method": "no/suchMethod", "params": [:]],
            ["id": 6, "method": "shutdown"],
            ["method": "exit"],
        ])
        let run = try TestSupport.run(["lsp"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let replies = Self.messages(run.stdout)
        // Ids go back as they came: numbers stay numbers (Neovim drops a reply whose id is `true`).
        for id in 1...6 { #expect(run.stdout.contains("\"id\":\(id)"), "id \(id)") }
        #expect(!run.stdout.contains("\"id\":true"))
        func reply(_ id: Int) -> [String: Any]? { replies.first { ($0["id"] as? Int) == id } }
        #expect((reply(1)?["error"] as? [String: Any])?["code"] as? Int == -32002)
        let capabilities = (reply(2)?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-16")
        #expect(replies.contains { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 })
        #expect(reply(3)?["result"] is NSNull)
        #expect(reply(4)?["result"] != nil)
        #expect((reply(5)?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(reply(6)?["result"] is NSNull)
        // The half-typed document gets its YAML error, positioned.
        let published = replies.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let diagnostics = published.compactMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }.last ?? []
        #expect(diagnostics.map { $0["code"] as? String } == ["yaml-syntax"])
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        let run = try TestSupport.run(["lsp"], stdin: try Self.frame([["method": "exit"]]))
        #expect(run.status == 1)
        // The input ending without `exit`: status 1 too, no hang.
        #expect(try TestSupport.run(["lsp"], stdin: "").status == 1)
    }

    /// The whole editor session through pytest-lsp: Tests/lsp/test_lsp.py.
    @Test(.enabled(if: TestSupport.python(has: "pytest", "pytest_lsp"), "needs python3 with pytest-lsp (.ci/run installs it)"))
    func endToEndWithARealLSPClient() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/lsp"]
        process.currentDirectoryURL = TestSupport.root
        var environment = ProcessInfo.processInfo.environment
        environment["SEQUENCELINT_BINARY"] = TestSupport.binary.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed") && !text.contains("skipped"), "\(text)")
    }
}
