import Foundation
import Testing
@testable import SequenceLintKit
@testable import SequenceLintRules

/// The complete CCSS-M framework inside the binary: its data equals the dataset's, its hierarchy
/// the CASE Network's, and a curriculum that names it is checked against it with no flags.
@Suite(.serialized) struct BuiltinFrameworkTests {
    static let grade3 = """
        curriculum: c
        framework: ccss-math
        grade: 3
        units:
          - id: u
            lessons:
              - {id: l1, kind: conceptual, standards: [3.NF.A.3]}
              - {id: l2, kind: conceptual, standards: [3.NF.A.1, 3.NF.A.2]}

        """

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func theBuiltInTextIsTheCommittedFrameworkFile() throws {
        let file = try String(contentsOf: TestSupport.root.appendingPathComponent("curricula/frameworks/ccss-math.yml"), encoding: .utf8)
        #expect(BuiltinFrameworks.text("ccss-math") == file)
        let framework = try #require(BuiltinFrameworks.framework("ccss-math"))
        #expect(framework.findings.isEmpty)
        var levels: [StandardLevel: Int] = [:]
        for s in framework.standards { levels[s.level, default: 0] += 1 }
        #expect(levels == [.domain: 65, .cluster: 147, .standard: 364, .component: 116])
        #expect(framework.standards.reduce(0) { $0 + $1.requires.count } == 757)
        // Every cluster, standard and component has a parent; every item a grade.
        #expect(framework.standards.allSatisfy { $0.level == .domain || $0.parent >= 0 })
        #expect(framework.standards.allSatisfy { $0.grade != nil })
    }

    @Test(.enabled(if: TestSupport.shared != nil && TestSupport.python(), "needs ../shared and python3"))
    func theConverterReproducesTheCommittedOutput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/convert-coherence-map.py", "--check"]
        process.currentDirectoryURL = TestSupport.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test func itsHierarchyEqualsTheCASENetworkPackage() throws {
        guard let shared = TestSupport.shared else { return }
        let bytes = try [UInt8](Data(contentsOf: shared.appendingPathComponent("data/case/ccss-math-casenetwork.json")))
        let doc = YAMLLoader.load(bytes, path: "case.json", limits: { var l = YAMLLimits(); l.maxBytes = 64 << 20; return l }()).document
        let caseFramework = try #require(FrameworkReader.read(doc, path: "case.json").0)
        let builtin = try #require(BuiltinFrameworks.framework("ccss-math"))
        var shared_ = 0, differs: [String] = []
        for s in builtin.standards where s.level != .domain {
            guard let code = s.code, let other = caseFramework.lookup(code, looseMatching: false) else { continue }
            shared_ += 1
            let mine = s.parent >= 0 ? builtin.standards[Int(s.parent)].code : nil
            let theirsIndex = caseFramework.standards[Int(other)].parent
            // CASE domains have no codes: compare a cluster's domain by the clusters' shared prefix.
            let theirs = theirsIndex >= 0 ? caseFramework.standards[Int(theirsIndex)].code : nil
            if s.level == .cluster { continue }
            if mine != theirs { differs.append("\(code): \(mine ?? "-") vs \(theirs ?? "-")") }
        }
        #expect(shared_ > 500)
        #expect(differs == [])
    }

    @Test func aCurriculumNamingCCSSMathIsCheckedWithNoFlags() throws {
        let dir = try folder(["g3.yml": Self.grade3])
        let quiet = ["--disable", "uncovered-standard", "--disable", "balance", "--disable", "major-work"]
        let run = try TestSupport.run(["--format", "gcc"] + quiet + ["g3.yml"], in: dir)
        #expect(run.status == 0)
        // 3.NF.A.3 builds on 3.NF.A.1 and 3.NF.A.2 in the Coherence Map: l1 comes first and 3.NF.A.3 never comes back.
        #expect(run.stdout.hasPrefix("g3.yml:7:48: warning: 'l1' addresses 3.NF.A.3 (Explain equivalence of fractions in special cases"))
        #expect(run.stdout.contains("[progression-gap]"))
        #expect(run.stdout.contains("builtin:ccss-math:"))
        let text = try TestSupport.run(quiet + ["g3.yml"], in: dir)
        #expect(text.stdout.hasSuffix("0 errors, 1 warning in 1 curriculum map, with the built-in ccss-math (1 unit, 2 lessons)\n"
            + "run `sequencelint explain progression-gap` for a rule's documentation\n"))
    }

    @Test func aLoadedFrameworkOfTheSameIdWinsAndBuiltinNamesOneExplicitly() throws {
        let own = "framework: ccss-math\nstandards:\n  - {code: 3.NF.A.1, grade: 3}\n  - {code: 3.NF.A.2.a, grade: 3}\n"
        let dir = try folder(["g3.yml": Self.grade3, "own.yml": own.replacingOccurrences(of: "3.NF.A.2.a", with: "3.NF.A.2").replacingOccurrences(of: "3.NF.A.1, grade: 3}", with: "3.NF.A.1, grade: 3}\n  - {code: 3.NF.A.3, grade: 3}"),
                              "c.yml": "curriculum: d\ngrade: 3\nunits:\n  - id: u\n    lessons:\n      - {id: l1, kind: conceptual, standards: [CCSS.Math.Content.3.NF.A.2a, 3.XX.A.1]}\n"])
        let loaded = try TestSupport.run(["--format", "gcc", "--disable", "uncovered-standard", "--disable", "balance", "--framework", "own.yml", "g3.yml"], in: dir)
        #expect(loaded.stdout == "")
        let explicit = try TestSupport.run(["--format", "gcc", "--disable", "uncovered-standard", "--disable", "balance", "--disable", "major-work",
                                            "--framework", "builtin:ccss-math", "c.yml"], in: dir)
        #expect(explicit.stdout.hasPrefix("c.yml:6:77: error: code '3.XX.A.1' is not a standard of framework 'ccss-math'"))
        #expect(explicit.stdout.split(separator: "\n").filter { !$0.contains(": note:") }.count == 1)
        let unknown = try TestSupport.run(["--framework", "builtin:ccss-maths", "c.yml"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("sequencelint: error: no framework 'ccss-maths' is built in; did you mean 'ccss-math'?"))
    }

    @Test func publishedSpellingsMatch() throws {
        let framework = try #require(BuiltinFrameworks.framework("ccss-math"))
        for (written, code) in [("CCSS.Math.Content.6.RP.A.3a", "6.RP.A.3.a"), ("6.RP.A.3a", "6.RP.A.3.a"), ("G-CO.A.1", "HSG-CO.A.1"),
                                ("HSG.CO.A.1", "HSG-CO.A.1"), ("HSG-CO.A.1", "HSG-CO.A.1"), ("ccss.math.content.hsa-apr.a.1", "HSA-APR.A.1")] {
            let found = framework.lookup(written).map { framework.standards[Int($0)].code }
            #expect(found == code, "\(written)")
        }
    }

    @Test func aNamedFrameworkThatIsMissingIsNeverSilent() throws {
        let dir = try folder(["g3.yml": Self.grade3.replacingOccurrences(of: "framework: ccss-math", with: "framework: ccss-mth")])
        let run = try TestSupport.run(["--format", "gcc", "g3.yml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("g3.yml:2:12: error: curriculum 'c' selects framework 'ccss-mth', which is neither loaded nor built in, so its codes were not checked"))
        #expect(run.stdout.contains("; did you mean 'ccss-math'? [unknown-standard]"))
    }

    @Test func theFrameworksAndStandardCommands() throws {
        let list = try TestSupport.run(["frameworks"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("ccss-math  (built in)\n"))
        #expect(list.stdout.contains("65 domains, 147 clusters, 364 standards, 116 components; 757 prerequisite edges"))
        let standard = try TestSupport.run(["standard", "6.RP.A.3a"])
        #expect(standard.status == 0)
        #expect(standard.stdout.hasPrefix("6.RP.A.3.a  (ccss-math, built in)\n  Make tables of equivalent ratios"))
        #expect(standard.stdout.contains("  grade: 6   level: component   emphasis: major\n"))
        #expect(standard.stdout.contains("  part of: 6.RP.A.3 (Use ratio and rate reasoning"))
        let whole = try TestSupport.run(["standard", "4.NF.B.3"])
        #expect(whole.stdout.contains("  parts:\n    4.NF.B.3.a"))
        let first = try TestSupport.run(["standard", "3.NF.A.1"])
        #expect(first.stdout.contains("  builds toward:\n    3.NF.A.3 (Explain equivalence"))
        #expect(first.stdout.contains("  related:\n    3.NF.A.2 (Understand a fraction as a number"))
        let missing = try TestSupport.run(["standard", "6.RP.A.9"])
        #expect(missing.status == 2)
        // 6.RP.A.1, 6.RP.A.2 and 6.RP.A.3 are equally close: no "did you mean".
        #expect(missing.stderr == "sequencelint: error: '6.RP.A.9' is no standard of 'ccss-math'\n")
    }
}

/// `StandardCode.plainText` returns most texts as they are without the long way; the two must agree.
@Suite struct PlainTextTests {
    @Test func theShortcutAgreesWithTheLongWay() throws {
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("curricula/frameworks/ccss-math.yml"), encoding: .utf8)
        var samples = text.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "text: ") else { return nil }
            return String(line[r.upperBound...])
        }
        #expect(samples.count > 600)
        samples += ["", " ", "a  b", " a", "a ", "a .", "a\tb", "a\u{00A0}b", "x < y", "<b>bold</b> text", "a &amp; b",
                    "a \u{301}b", "a \u{200D}b", "e\u{301} f", "🍕 pizza", "a\r\nb", "a\u{2028}b", "(a) b, c; d: e! f? g)"]
        var shortcuts = 0
        for sample in samples {
            #expect(StandardCode.plainText(sample) == StandardCode.cleaned(sample), "\(sample)")
            if StandardCode.isPlain(sample) { shortcuts += 1 }
        }
        // Most of the framework takes the shortcut.
        #expect(shortcuts > 500)
    }
}
