import Foundation
import Testing
@testable import SequenceLintKit
import SequenceLintRules

/// `sequencelint review --format html`: one mark per lesson, self-contained, byte-identical
/// from run to run, escaped, and drawn by a real browser (headless Chromium).
@Suite(.serialized) struct ReviewHTMLTests {
    static let riverside = "curricula/riverside"

    /// Riverside, and Maplewood before it when the repository has it.
    static var both: [String] {
        FileManager.default.fileExists(atPath: TestSupport.root.appendingPathComponent("curricula/maplewood").path)
            ? ["curricula/maplewood", riverside] : [riverside]
    }

    /// The lesson ids of the Riverside maps, read from the YAML (lessons sit at six spaces).
    static func riversideLessonIDs() throws -> [String] {
        let dir = TestSupport.root.appendingPathComponent(riverside)
        var ids: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".yml") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("      - id: ") {
                ids.append(String(line.dropFirst("      - id: ".count)).trimmingCharacters(in: .whitespaces))
            }
        }
        return ids
    }

    static func page(_ arguments: [String] = [riverside]) throws -> String {
        let run = try TestSupport.run(["review", "--format", "html"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    static func matches(_ pattern: String, in text: String, group: Int = 0) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let r = m.range(at: group)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
    }

    @Test func everyLessonIsExactlyOneMark() throws {
        let html = try Self.page()
        let ids = try Self.riversideLessonIDs()
        #expect(ids.count == 241)
        let marked = Self.matches(#"data-lesson="([^"]*)""#, in: html, group: 1)
        #expect(marked.count == 241)
        #expect(marked.sorted() == ids.sorted())
        #expect(Set(marked).count == marked.count)
        // The attribute is used for nothing else: every occurrence is a `data-lesson="…"`
        // attribute of a mark.
        #expect(html.components(separatedBy: "data-lesson").count - 1 == 241)
        #expect(Self.matches(#"<use [^>]*data-lesson=""#, in: html).count == 241)
    }

    @Test func thePageIsSelfContained() throws {
        for arguments in [[Self.riverside], Self.both] {
            let html = try Self.page(arguments)
            // Every reference by src, href, xlink:href, srcset or data is a data: URI or a #fragment.
            let attribute = #"[\s"'](src|href|xlink:href|srcset|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#
            let values = Self.matches(attribute, in: html, group: 2).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            #expect(!values.isEmpty, "the page links its own fragments")
            for value in values {
                #expect(value.hasPrefix("#") || value.lowercased().hasPrefix("data:"), "refers elsewhere: \(value)")
            }
            // No CSS url() but to a fragment or a data: URI, no @import, no script.
            for call in Self.matches(#"url\(\s*['"]?([^)'"]*)"#, in: html, group: 1) {
                #expect(call.hasPrefix("#") || call.lowercased().hasPrefix("data:"), "url(\(call))")
            }
            #expect(!html.lowercased().contains("@import"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("javascript:"))
            #expect(Self.matches(#"\son[a-z]+\s*="#, in: html).isEmpty, "no event handler attributes")
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.utf8.count < 3_000_000)
        }
    }

    @Test func twoRunsAreByteIdentical() throws {
        let first = try TestSupport.run(["review", "--format", "html", Self.riverside])
        let second = try TestSupport.run(["review", "--format", "html", Self.riverside])
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        let both = try Self.page(Self.both)
        #expect(both == (try Self.page(Self.both)))
    }

    @Test func thePageHoldsTheTablesAndPictures() throws {
        let html = try Self.page()
        for part in ["Indicators", "Evidence", "The sequence", "Balance", "Coverage", "The four practices", "Major work", "Measured, not rated",
                     "1b-major-work", "not an EdReports rating", ReviewHTML.escape(ReviewReport.notice)] {
            #expect(html.contains(part), "missing \(part)")
        }
        // Every picture has a title and a description, and a text equivalent.
        let svgs = Self.matches(#"<svg [^>]*role="img""#, in: html).count
        #expect(svgs >= 7)
        #expect(Self.matches(#"<title id="#, in: html).count == svgs)
        #expect(Self.matches(#"<desc id="#, in: html).count == svgs)
        #expect(Self.matches(#"<figcaption>"#, in: html).count >= svgs)
        // The letter of each kind, and the legend.
        for name in ["C conceptual", "P procedural", "A application", "T assessment", "R review"] { #expect(html.contains(name)) }
    }

    /// A review built by hand, with hostile text everywhere a string reaches the page.
    static func hostileReview() -> Review {
        let evil = "<script>alert('x')</script> & \"q\" 'a'"
        let location = Location(path: "maps/\(evil).yml", start: Position(line: 3, column: 7), end: Position(line: 3, column: 9))
        let finding = Diagnostic(rule: "major-work", severity: .warning, message: "too little \(evil)", location: location)
        let indicators = [
            Indicator(id: "1b-major-work", title: "time \(evil)", measure: .share(0.5), detail: evil, verdict: .doesNotMeet,
                      rules: ["major-work"], findings: [finding]),
            Indicator(id: "2-practices", title: evil, measure: nil, reason: "because \(evil)", verdict: nil, rules: [], findings: []),
        ]
        let grade = GradeReview(grade: Grade(rank: 6), lessonCount: 2, unitCount: 1, indicators: indicators)
        let marks = [
            SequencePicture.Mark(id: "l1\(evil)", title: evil, kind: .conceptual, grade: "6", unit: 0, location: location),
            SequencePicture.Mark(id: "l2&amp;", title: nil, kind: nil, grade: "6", unit: 0, location: location),
        ]
        let picture = SequencePicture(
            marks: marks,
            units: [.init(id: "u\(evil)", title: evil, grade: "6", lessons: 0..<2, weights: [1, 0, 0, 0, 0])],
            arcs: [.init(from: 0, to: 1, kind: .requires, label: evil), .init(from: 1, to: 0, kind: .backward, label: evil),
                   .init(from: 1, to: nil, kind: .gap, label: evil)],
            coverage: [.init(grade: "6", units: ["u\(evil)"], standards: [evil], cells: [[true]])])
        let curriculum = CurriculumReview(id: "c\(evil)", title: "\(evil), Grade 6", grades: [grade],
                                          practices: [PracticeLine(name: evil, summary: evil, findingCount: 1)], sequence: picture)
        return Review(curricula: [curriculum])
    }

    @Test func hostileTextIsEscaped() throws {
        let html = ReviewHTML.render(Self.hostileReview())
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        // Ids stay inside their attribute: exactly two marks, both escaped.
        let marked = Self.matches(#"data-lesson="([^"]*)""#, in: html, group: 1)
        #expect(marked == ["l1&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;", "l2&amp;amp;"])
        #expect(html.components(separatedBy: "data-lesson").count - 1 == 2)
        // Nothing unescaped leaks into a tag: every '<' opens a tag the renderer wrote.
        for tag in Self.matches(#"<([a-zA-Z][a-zA-Z0-9]*)"#, in: html, group: 1) {
            #expect(!["script", "img", "iframe", "object", "embed"].contains(tag.lowercased()), "<\(tag)")
        }
        // And through the command line: a hostile title in a map.
        let dir = try TestSupport.temporaryDirectory()
        let yaml = """
            curriculum: hostile
            title: "Evil & <script>alert('t')</script> \\"Math\\", Grade 6"
            grade: 6
            units:
              - id: u1
                title: "<img src=x onerror=alert(1)> & 'more'"
                lessons:
                  - {id: l1, title: "<script>alert('x')</script> & \\"quotes\\"", kind: conceptual}
                  - {id: l2, title: ok, kind: procedural, requires: [l1]}

            """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("g6.yml"))
        let run = try TestSupport.run(["review", "--format", "html", "g6.yml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("<script"))
        #expect(!run.stdout.contains("<img"))
        #expect(run.stdout.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(Self.matches(#"data-lesson="([^"]*)""#, in: run.stdout, group: 1) == ["l1", "l2"])
    }

    @Test func everyArcKindIsDrawn() throws {
        let html = ReviewHTML.render(Self.hostileReview())
        #expect(html.contains("class=\"a-req\""))
        #expect(html.contains("class=\"a-back\""))
        #expect(html.contains("marker-end=\"url(#ah-back)\""))
        #expect(html.contains("class=\"never\""))
        #expect(html.contains("not measured"))
        #expect(html.contains("because &lt;script&gt;"))
    }

    // MARK: a real browser

    /// `chromium` on PATH, or nil.
    static func chromium() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    @Test func headlessChromiumDrawsThePage() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not on PATH: .ci/run installs it (apt-get install -y chromium); install it to run this test")
            return
        }
        let dir = try TestSupport.temporaryDirectory()
        let html = dir.appendingPathComponent("review.html"), png = dir.appendingPathComponent("review.png")
        try Data(try Self.page().utf8).write(to: html)
        let flags = "--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir='\(dir.path)/profile'"
        let shot = try TestSupport.run([], viaShell: """
            timeout 180 '\(chromium)' \(flags) --screenshot='\(png.path)' --window-size=1400,2400 'file://\(html.path)' >/dev/null 2>&1
            echo "status $?"
            """)
        let attributes = try? FileManager.default.attributesOfItem(atPath: png.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 20_000, "screenshot of \(size) bytes (\(shot.stdout))")
        guard size > 0 else { return }
        // Not a single color: count colors with PIL when there is one, else distinct bytes.
        let colors = try TestSupport.run([], viaShell: """
            for py in python3 /usr/bin/python3; do
              if "$py" -c 'import PIL' 2>/dev/null; then
                exec "$py" -c 'import sys; from PIL import Image; im = Image.open(sys.argv[1]).convert("RGB"); print("colors", len(im.getcolors(1 << 24) or []))' '\(png.path)'
              fi
            done
            echo "bytes $(od -An -v -tu1 '\(png.path)' | tr -s ' ' '\\n' | sort -u | wc -l)"
            """)
        let words = colors.stdout.split(whereSeparator: \.isWhitespace)
        #expect(words.count == 2, "\(colors.stdout) \(colors.stderr)")
        if words.count == 2, let n = Int(words[1]) {
            #expect(n > (words[0] == "colors" ? 16 : 64), "\(colors.stdout)")
        }
        // The DOM Chromium built holds one mark per lesson.
        let dom = try TestSupport.run([], viaShell: """
            timeout 180 '\(chromium)' \(flags) --dump-dom 'file://\(html.path)' 2>/dev/null
            """)
        #expect(Self.matches(#"<use [^>]*data-lesson=""#, in: dom.stdout).count == 241, "dump-dom: \(dom.stdout.prefix(200))")
        #expect(dom.stdout.components(separatedBy: "data-lesson=").count - 1 == 241)
    }
}
