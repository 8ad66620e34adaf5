import SequenceLintKit
import SequenceLintRules

/// libFuzzer's entry point: load and lint the input as a curriculum map (and, after a
/// `---8<---` line, the rest as a framework), then render every output format. Any trap is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var files: [(path: String, bytes: [UInt8])] = []
    let cut = Array("\n---8<---\n".utf8)
    if let at = bytes.indices.first(where: { bytes[$0...].starts(with: cut) }) {
        files = [("fuzz.yml", Array(bytes[..<at])), ("framework.yml", Array(bytes[(at + cut.count)...]))]
    } else {
        files = [("fuzz.yml", bytes)]
    }
    var request = LintRequest(paths: [])
    request.enable = ["stale-prerequisite", "unassessed-standard", "required-practice"]
    let result = Linter(rules: RuleRegistry.all).lint(sources: files, request: request)
    for format in OutputFormat.allCases where format != .sarif || size % 8 == 0 {
        // SARIF repeats every rule's documentation: render it for one input in eight, to keep runs fast.
        _ = format.reporter.report(result, diagnostics: result.diagnostics, color: true)
    }
    _ = Baseline(result.diagnostics).filter(result.diagnostics)
    return 0
}
