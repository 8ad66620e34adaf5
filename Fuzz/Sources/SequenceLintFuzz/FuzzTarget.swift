import SequenceLintKit
import SequenceLintRules

/// libFuzzer's entry point: the input is a curriculum map, then (after a `---8<---` line) a
/// framework, YAML or CASE JSON, then (after another) a `.sequencelint.yml`. The configuration is
/// read and, whatever problems it has, applied; everything is linted and rendered in every
/// output format, and a baseline of the findings filters them. Any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = Array("\n---8<---\n".utf8)
    var parts: [[UInt8]] = []
    var rest = bytes[...]
    while parts.count < 2, let at = rest.indices.first(where: { rest[$0...].starts(with: cut) }) {
        parts.append(Array(rest[..<at]))
        rest = rest[(at + cut.count)...]
    }
    parts.append(Array(rest))
    var files: [(path: String, bytes: [UInt8])] = [("fuzz.yml", parts[0])]
    if parts.count > 1 { files.append(("framework.yml", parts[1])) }
    var request = LintRequest(paths: [])
    request.enable = ["stale-prerequisite", "unassessed-standard", "required-practice"]
    if parts.count > 2 {
        let (configuration, problems) = ConfigurationReader.read(bytes: parts[2], path: ".sequencelint.yml",
                                                                 rules: RuleRegistry.all.map { $0.description })
        request.configuration = configuration
        _ = TextReporter().render(problems, sources: [".sequencelint.yml": parts[2]], color: false)
    }
    let result = Linter(rules: RuleRegistry.all).lint(sources: files, request: request)
    for format in OutputFormat.allCases where format != .sarif || size % 8 == 0 {
        // SARIF repeats every rule's documentation: render it for one input in eight, to keep runs fast.
        _ = format.reporter.report(result, diagnostics: result.diagnostics, color: true)
    }
    _ = Baseline(result.diagnostics).filter(result.diagnostics)
    // The review measures the same model: one input in four, to keep runs fast.
    if size % 4 == 1, let (_, review) = try? Linter(rules: RuleRegistry.all).reviewSources(files, request: request, build: { context, result, severity in
        ReviewBuilder.build(context, result, severity: severity)
    }) {
        _ = ReviewReport.json(review)
        _ = ReviewReport.text(review)
        _ = ReviewReport.markdown(review)
        _ = ReviewHTML.render(review)
    }
    _ = Baseline.parse(Array(Baseline(result.diagnostics).rendered().utf8), path: "baseline.json")
    return 0
}
