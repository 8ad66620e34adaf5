import Foundation
import SequenceLintKit
import SequenceLintRules

private let yamlOnly = ProcessInfo.processInfo.environment["SEQUENCELINT_FUZZ_YAML"] == "1"

/// How many inputs the fast path read (and matched libyaml on) and left to libyaml: printed at
/// exit, so a campaign shows it exercised the fast path.
nonisolated(unsafe) private var fastPathCounts = (identical: 0, bailed: 0)
private let printCountsAtExit: Void = {
    atexit {
        let line = "fast YAML path: \(fastPathCounts.identical) inputs read and identical to libyaml, \(fastPathCounts.bailed) left to libyaml\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}()

private func compare(_ bytes: [UInt8]) {
    _ = printCountsAtExit
    switch YAMLLoader.compareFastPath(bytes) {
    case .identical: fastPathCounts.identical += 1
    case .bailed: fastPathCounts.bailed += 1
    case .mismatch(let difference): fatalError("the fast YAML path differs from libyaml: \(difference)")
    }
}

/// libFuzzer's entry point: the input is a curriculum map, then (after a `---8<---` line) a
/// framework, YAML or CASE JSON, then (after another) a `.sequencelint.yml`. Each part, and the
/// whole input, is loaded by the fast YAML path and by libyaml, which must agree (or the fast path
/// must leave the part to libyaml). The configuration is read and, whatever problems it has,
/// applied; everything is linted and rendered in every output format, and a baseline of the
/// findings filters them. Any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // SEQUENCELINT_FUZZ_YAML=1: only the fast YAML path against libyaml, many times faster.
    if yamlOnly {
        compare(bytes)
        return 0
    }
    let cut = Array("\n---8<---\n".utf8)
    var parts: [[UInt8]] = []
    var rest = bytes[...]
    while parts.count < 2, let at = rest.indices.first(where: { rest[$0...].starts(with: cut) }) {
        parts.append(Array(rest[..<at]))
        rest = rest[(at + cut.count)...]
    }
    parts.append(Array(rest))
    // The fast YAML path must load every part exactly as libyaml does, or leave it to libyaml;
    // so must it the whole input (every byte sequence, separators included).
    for part in parts + [bytes] { compare(part) }
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
