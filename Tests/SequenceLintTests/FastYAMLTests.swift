import Foundation
import Testing
@testable import SequenceLintKit

/// The fast YAML path (`FastYAMLScanner`) against libyaml: on every input it either leaves the
/// file to libyaml or loads it to exactly the same result.
@Suite struct FastYAMLTests {
    /// Every .yml and .yaml file under a folder, recursively, in a stable order.
    static func yamlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    static var curricula: URL { TestSupport.root.appendingPathComponent("curricula") }

    /// Bundled files that are outside the fast subset on purpose (they show syntax errors).
    static let expectedToBail: Set<String> = [
        "curricula/examples/yaml-syntax.yml",   // a tab in indentation
        "curricula/.sequencelint.yml",          // a configuration, with flow mappings
    ]

    /// python3, for the benchmark generator, if it is installed.
    static let python3: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// The benchmark's synthetic curriculum at `lessons` lessons, generated once per run.
    static func benchmarkFiles(lessons: Int, seed: Int) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sequencelint-fast-yaml-\(ProcessInfo.processInfo.processIdentifier)-\(lessons)-\(seed)")
        try? FileManager.default.removeItem(at: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python3))
        process.arguments = [TestSupport.root.appendingPathComponent("Benchmarks/generate.py").path, "\(lessons)", folder.path,
                             "--seed", "\(seed)"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return yamlFiles(under: folder)
    }

    func relative(_ url: URL) -> String {
        String(url.path.dropFirst(TestSupport.root.path.count + 1))
    }

    func check(_ bytes: [UInt8], _ name: String) -> FastPathComparison {
        let outcome = YAMLLoader.compareFastPath(bytes, path: name)
        if case .mismatch(let difference) = outcome {
            Issue.record("\(name): the fast path differs from libyaml: \(difference)")
        }
        return outcome
    }

    @Test func bundledFilesTakeTheFastPathAndMatch() throws {
        var compared = 0, fast = 0
        for url in Self.yamlFiles(under: Self.curricula) + Self.yamlFiles(under: TestSupport.fixtures) {
            let name = relative(url)
            let outcome = check(Array(try Data(contentsOf: url)), name)
            compared += 1
            if outcome == .identical { fast += 1 } else { print("fast YAML: \(name) left to libyaml") }
            if name.hasPrefix("curricula/") {
                if Self.expectedToBail.contains(name) {
                    #expect(outcome == .bailed, "\(name) should be left to libyaml")
                } else {
                    #expect(outcome == .identical, "\(name) should take the fast path")
                }
            }
        }
        #expect(compared >= 30)
        #expect(fast >= compared - 10)
        print("fast YAML: \(compared) bundled files compared, \(fast) on the fast path")
    }

    @Test(.enabled(if: FastYAMLTests.python3 != nil, "python3 runs Benchmarks/generate.py"))
    func benchmarkFilesTakeTheFastPathAndMatch() throws {
        let files = try Self.benchmarkFiles(lessons: 2_500, seed: 7)
        #expect(files.count == 3)
        for url in files {
            #expect(check(Array(try Data(contentsOf: url)), url.lastPathComponent) == .identical)
        }
        try? FileManager.default.removeItem(at: files[0].deletingLastPathComponent())
    }

    @Test func theBuiltinFrameworkTakesTheFastPath() {
        for id in BuiltinFrameworks.ids {
            #expect(check(Array((BuiltinFrameworks.text(id) ?? "").utf8), id) == .identical)
        }
    }

    /// The seeded generator of the tests, so a failure can be replayed.
    struct Random {
        var generator: TestSupport.SeededGenerator
        init(state: UInt64) { generator = TestSupport.SeededGenerator(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test func mutationsMatchOrBail() throws {
        var seeds = try (Self.yamlFiles(under: Self.curricula) + Self.yamlFiles(under: TestSupport.fixtures))
            .map { Array(try Data(contentsOf: $0)) }
        if Self.python3 != nil {
            let files = try Self.benchmarkFiles(lessons: 1_000, seed: 3)
            seeds += try files.map { Array(try Data(contentsOf: $0)) }
            try? FileManager.default.removeItem(at: files[0].deletingLastPathComponent())
        }
        let alphabet = Array(" -:#'\"[],\nab0Z9\r\t&*|".utf8) + [0xC3, 0xA9, 0xE2, 0x80, 0xA8]
        // Whole tokens too: they keep a file valid YAML more often than single bytes do.
        let tokens = [": ", "- ", "  ", "\n  ", "\n- ", "\n", "# ", "\"", "'", "[", "]", ", ", "\\", "---\n", "é", ":", "\r\n"]
            .map { Array($0.utf8) }
        var random = Random(state: 2026)
        var fast = 0, bailed = 0
        let mutations = 4_000
        for round in 0..<mutations {
            var bytes = seeds[random.below(seeds.count)]
            // A window of lines keeps each input small (every file is loaded twice).
            if bytes.count > 3_000 {
                let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
                let first = random.below(2) == 0 ? 0 : starts[random.below(starts.count)]
                let lines = 10 + random.below(60)
                var end = first
                var taken = 0
                while end < bytes.count, taken < lines {
                    if bytes[end] == 0x0A { taken += 1 }
                    end += 1
                }
                bytes = Array(bytes[first..<end])
            }
            for _ in 0..<(1 + random.below(3)) {
                let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
                let byte = alphabet[random.below(alphabet.count)]
                switch random.below(4) {
                case 3: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
                case 0: bytes.insert(byte, at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = byte } else { bytes.append(byte) }
                }
            }
            switch check(bytes, "mutation-\(round).yml") {
            case .identical: fast += 1
            case .bailed: bailed += 1
            case .mismatch:
                print(String(decoding: bytes, as: UTF8.self))
            }
        }
        print("fast YAML: \(mutations) mutations, \(fast) on the fast path, \(bailed) left to libyaml")
        // Most single-byte edits keep a file in the subset: the comparison is not vacuous.
        #expect(fast > mutations / 4)
        #expect(bailed > mutations / 20)
    }

    /// A random document of the fast subset (and, now and then, just outside it): block mappings
    /// and sequences at varied indentation, compact `- key:` items, lists at their key's column,
    /// empty values, flow sequences, plain, quoted and escaped scalars, Unicode, comments, blank
    /// lines, trailing spaces, repeated keys, CRLF.
    static func randomDocument(_ random: inout Random) -> String {
        var lines: [String] = []
        func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
        func chance(_ n: Int) -> Bool { random.below(n) == 0 }
        func word() -> String {
            // Now and then a word that the fast path leaves to libyaml where it starts a node.
            if chance(40) { return pick(["[x]", "{x}", "?x", "&a", "*a", "!t", "|", ">", "@x", "%x", "`x"]) }
            return pick(["id", "title", "kind", "standards", "a", "b", "key", "x-y", "l1", "3.NF.A.1", "é", "日本", "k:v", "a#b",
                         "-n", "null", "~", "Null", "a b", "1", "0.5", "http://x", "(x)", "a,b", "x'y", "x\"y", "x]", "x}", "e\u{301}"])
        }
        func plain() -> String {
            var text = word()
            for _ in 0..<random.below(3) { text += pick([" ", "  ", "-", ".", ":", "#", ","]) + word() }
            return text
        }
        func quoted() -> String {
            if chance(2) {
                return "'" + plain().replacingOccurrences(of: "'", with: "''") + pick(["", "''", " "]) + "'"
            }
            var inner = plain().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            inner += pick(["", "\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\x41", "\\U0001F600", "\\N", "\\L", "\\_", "\\0",
                           "\\/", "\\ ", "\\e", "\\q", "\\u12", "\\uD800"])
            return "\"" + inner + "\""
        }
        func scalar() -> String {
            switch random.below(10) {
            case 0, 1: return quoted()
            case 2: return "[" + (0..<random.below(4)).map { _ in chance(3) ? quoted() : word() }.joined(separator: pick([", ", ",", " , "])) + "]"
            default: return plain()
            }
        }
        func comment() -> String { chance(3) ? pick([" # note", "  #c", " #: x", " # é"]) : "" }
        func trailing() -> String { chance(6) ? pick([" ", "  "]) : "" }
        func filler(_ indent: Int) {
            if chance(8) { lines.append("") }
            if chance(10) { lines.append(String(repeating: " ", count: random.below(indent + 3)) + "# comment") }
        }
        func mapping(_ indent: Int, depth: Int, first: String? = nil) {
            let pad = String(repeating: " ", count: indent)
            let count = 1 + random.below(4)
            var keys: [String] = []
            for i in 0..<count {
                filler(indent)
                var key = chance(6) ? quoted() : word()
                if chance(12), let repeated = keys.randomElement() { key = repeated }
                keys.append(key)
                let lead = i == 0 && first != nil ? first! : pad
                let colon = chance(12) ? " :" : ":"
                switch depth > 3 ? 0 : random.below(6) {
                case 0, 1, 2: lines.append(lead + key + colon + " " + scalar() + trailing() + comment())
                case 3: lines.append(lead + key + colon + trailing() + comment())
                case 4:
                    lines.append(lead + key + colon + comment())
                    mapping(indent + pick([1, 2, 4]), depth: depth + 1)
                default:
                    lines.append(lead + key + colon + comment())
                    sequence(indent + pick([0, 0, 2, 3]), depth: depth + 1)
                }
            }
        }
        func sequence(_ indent: Int, depth: Int) {
            let pad = String(repeating: " ", count: indent)
            for _ in 0..<(1 + random.below(4)) {
                filler(indent)
                let dash = pad + pick(["- ", "- ", "-  "])
                switch depth > 3 ? 0 : random.below(6) {
                case 0, 1: lines.append(dash + scalar() + trailing() + comment())
                case 2, 3: mapping(dash.count, depth: depth + 1, first: dash)
                case 4:
                    lines.append(pad + "-" + comment())
                    if chance(2) { mapping(indent + pick([1, 2]), depth: depth + 1) }
                default:
                    lines.append(pad + "-" + trailing())
                }
            }
        }
        if chance(6) { lines.append(pick(["---", "--- # doc", "# head"])) }
        let indent = chance(8) ? 2 : 0
        if chance(4) { sequence(indent, depth: 0) } else { mapping(indent, depth: 0) }
        if chance(20) { lines.append(pick(["...", "---", "a: &x 1", "b: *x", "c: |", "  d", "\tx: 1", "e: {f: 1}", "? g"])) }
        let eol = chance(4) ? "\r\n" : "\n"
        return lines.joined(separator: eol) + (chance(8) ? "" : eol)
    }

    @Test func randomDocumentsMatchOrBail() {
        var random = Random(state: 7_2026)
        var fast = 0
        let documents = 10_000
        for round in 0..<documents {
            let yaml = Self.randomDocument(&random)
            switch check(Array(yaml.utf8), "random-\(round).yml") {
            case .identical: fast += 1
            case .bailed:
                if ProcessInfo.processInfo.environment["FAST_YAML_PEEK"] != nil, !YAMLLoader.load(Array(yaml.utf8), path: "p.yml", limits: YAMLLimits(), fast: false).failed {
                    print("BAILED-VALID: \(yaml.debugDescription)")
                }
            case .mismatch: print(yaml.debugDescription)
            }
        }
        print("fast YAML: \(documents) random documents, \(fast) on the fast path")
        #expect(fast > documents / 2)
    }

    /// Small inputs, each meant to take the fast path (true) or be left to libyaml (false).
    static let cases: [(String, Bool)] = [
        ("", true),
        ("# only a comment\n\n", true),
        ("a: 1\n", true),
        ("a: 1", true),
        ("a: 1\r\nb: 2\r\n", true),
        ("a:\n", true),
        ("a:\nb: 2\n", true),
        ("a:   # c\nb:\n", true),
        ("---\na: 1\n", true),
        ("--- # doc\na: 1\n", true),
        ("# c\n---\na: 1\n", true),
        ("a:\n- x\n- y\nb: 2\n", true),
        ("a:\n  - x\n  -\n  - y\n", true),
        ("- a: 1\n  b: 2\n- c: 3\n", true),
        ("- a:\n  - x\n- b\n", true),
        ("- a:\n    b: 1\n", true),
        ("-\n  a: 1\n-\n", true),
        ("-\n", true),
        ("-   a: 1\n    b: 2\n", true),
        ("a: [x, 'y', \"z\"]\nb: []\nc: [ p q ,r ]\n", true),
        ("a: 'it''s'\nb: \"tab\\tnew\\nq\\\"u\\u00e9\\x41\\U0001F600\"\n", true),
        ("a: \"\"\nb: ''\n\"k\": v\n'k 2' : w\n", true),
        ("title: Fractions – éé\nnext: 日本語 ok # c\n", true),
        ("a: b#c\nd: e #f\ng: h:i\nurl: http://x.y/z\n", true),
        ("a: 1\na: 2\n", true),
        ("  a: 1\n  b: 2\n", true),
        ("a: -1\nb: --x\n-c: d\n", true),
        ("k: [-1, a-b]\n", true),
        ("- - x\n", false),
        ("a: &x 1\nb: *x\n", false),
        ("a: !!str 1\n", false),
        ("a: |\n  x\n", false),
        ("a: {b: 1}\n", false),
        ("a: b\n  c\n", false),
        ("a:\n  b\n", false),
        ("a: \"x\n  y\"\n", false),
        ("? a\n: b\n", false),
        ("%YAML 1.1\n---\na: 1\n", false),
        ("a: 1\n---\nb: 2\n", false),
        ("a: 1\n...\n", false),
        ("---\n", false),
        ("a:\n\t- x\n", false),
        ("\u{FEFF}a: 1\n", false),
        ("a: x\u{2028}y\n", false),
        ("a: b: c\n", false),
        ("a: b\n- c\n", false),
        ("- a\nb: c\n", false),
        ("a: [x,\n  y]\n", false),
        ("a: [x, ]\n", false),
        ("a: [x: y]\n", false),
        ("a: \"\\q\"\n", false),
        ("a: 1\r", false),
        ("plain scalar\n", false),
        ("[a, b]\n", false),
        ("a: 1\n b: 2\n", false),
    ]

    @Test func smallCases() {
        for (yaml, expectFast) in Self.cases {
            let outcome = check(Array(yaml.utf8), "case.yml")
            if expectFast {
                #expect(outcome == .identical, "\(yaml.debugDescription) should take the fast path")
            } else {
                #expect(outcome == .bailed, "\(yaml.debugDescription) should be left to libyaml")
            }
        }
        // Invalid UTF-8 and control characters keep libyaml's reader errors.
        for bytes: [UInt8] in [Array("a: b".utf8) + [0xE9, 0x0A], Array("a: b\u{0}c\n".utf8), Array("a: \u{7F}\n".utf8),
                               Array("a: b".utf8) + [0xC2, 0x80, 0x0A], Array("a: b".utf8) + [0xED, 0xA0, 0x80, 0x0A]] {
            #expect(check(bytes, "bad.yml") == .bailed)
            #expect(YAMLLoader.load(bytes, path: "bad.yml").notText)
        }
    }

    @Test func limitsAreLeftToLibYAML() {
        // Past the nesting limit the builder stops: libyaml, which would have stopped there too,
        // reads such a file (it may have found a reader error further on first).
        var deep = ""
        for level in 0..<250 { deep += String(repeating: " ", count: level) + "k\(level):\n" }
        let bytes = Array(deep.utf8)
        #expect(check(bytes, "deep.yml") == .bailed)
        #expect(YAMLLoader.load(bytes, path: "deep.yml").diagnostics.first?.message.contains("nesting is deeper") == true)
        var shallow = YAMLLimits()
        shallow.maxDepth = 300
        #expect(YAMLLoader.compareFastPath(bytes, path: "deep.yml", limits: shallow) == .identical)
    }

    @Test func theSwitchForcesLibYAML() {
        let bytes = Array("a: 1\nb: [x, y]\n".utf8)
        let fast = YAMLLoader.load(bytes, path: "t.yml", limits: YAMLLimits(), fast: true)
        let slow = YAMLLoader.load(bytes, path: "t.yml", limits: YAMLLimits(), fast: false)
        #expect(fast.difference(from: slow) == nil)
        #expect(fast.document.nodes.count == 7)
    }
}

/// The faster "did you mean" search against the plain one it replaced: the same answers.
@Suite struct SuggestionSpeedTests {
    /// The search as it was written before (every candidate, the full table, the given limit).
    static func referenceClosest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, (word.count + 1) / 3))
        let x = Array(word.lowercased().unicodeScalars).map(\.value)
        var best: (String, Int)?
        var tied = false
        for candidate in candidates where candidate != word {
            if abs(candidate.utf8.count - word.utf8.count) > limit * 2 { continue }
            var y: [UInt32] = []
            for scalar in candidate.unicodeScalars {
                if scalar.value < 0x80 {
                    y.append(scalar.value >= 65 && scalar.value <= 90 ? scalar.value + 32 : scalar.value)
                } else {
                    y.append(contentsOf: String(scalar).lowercased().unicodeScalars.map(\.value))
                }
            }
            var rows = Suggestions.Rows()
            let d = rows.distance(x, y, limit: limit)
            if d <= limit, best == nil || d < best!.1 {
                best = (candidate, d)
                tied = false
            } else if d <= limit, d == best!.1, candidate != best!.0 {
                tied = true
            }
        }
        return tied ? nil : best?.0
    }

    @Test func closestAgreesWithTheReference() {
        var random = FastYAMLTests.Random(state: 99)
        let letters: [String] = "abcdeAB1-é.".map(String.init) + ["e\u{301}", "İ"]
        func word() -> String { (0..<(1 + random.below(7))).map { _ in letters[random.below(letters.count)] }.joined() }
        for _ in 0..<3_000 {
            let candidates = (0..<random.below(40)).map { _ in word() }
            let target = random.below(4) == 0 && !candidates.isEmpty ? candidates[random.below(candidates.count)] : word()
            #expect(Suggestions.closest(to: target, among: candidates) == Self.referenceClosest(to: target, among: candidates),
                    "\(target) among \(candidates)")
        }
    }

    @Test func withinOneAgreesWithTheTable() {
        var random = FastYAMLTests.Random(state: 5)
        for _ in 0..<20_000 {
            let x = (0..<random.below(6)).map { _ in UInt32(random.below(3)) }
            let y = (0..<random.below(6)).map { _ in UInt32(random.below(3)) }
            var rows = Suggestions.Rows()
            let table = rows.distance(x, y, limit: 1)
            #expect(Suggestions.withinOne(x, y) == (table <= 1 ? table : 2), "\(x) \(y)")
        }
    }
}
