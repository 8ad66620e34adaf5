/// The documented, versioned JSON output (docs/json-output.md): stable key order.
public struct JSONReporter: Reporter {
    /// The schema version of the output.
    public static let version = 1

    /// Creates the reporter.
    public init() {}

    static func position(_ p: Position) -> JSON {
        .object([("line", .int(p.line)), ("column", .int(p.column))])
    }

    static func span(_ location: Location) -> [(String, JSON)] {
        [("path", .string(location.path)), ("start", position(location.start)), ("end", position(location.end))]
    }

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        let prints = diagnostics.uniqueFingerprints
        let items: [JSON] = zip(diagnostics, prints).map { d, print in
            var fields: [(String, JSON)] = [("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)),
                                             ("message", .string(d.message))]
            fields += Self.span(d.location)
            fields.append(("notes", .array(d.notes.map { .object([("message", .string($0.message))] + Self.span($0.location)) })))
            fields.append(("help", .string(d.help)))
            fields.append(("fixes", .array(d.fix.map { fix in
                [.object([("applicability", .string(fix.applicability.rawValue)), ("message", .string(fix.message)),
                          ("path", .string(fix.location.path)),
                          ("edits", .array([.object([("start", Self.position(fix.location.start)), ("end", Self.position(fix.location.end)),
                                                     ("replacement", .string(fix.replacement))])]))])]
            } ?? [])))
            fields.append(("fingerprint", .string(print)))
            return .object(fields)
        }
        let all = result.diagnostics
        let summary: JSON = .object([
            ("errors", .int(all.filter { $0.severity == .error }.count)),
            ("warnings", .int(all.filter { $0.severity == .warning }.count)),
            ("infos", .int(all.filter { $0.severity == .info }.count)),
            ("files", .int(result.fileCount)),
            ("curriculumMaps", .int(result.curriculumFileCount)),
            ("frameworkFiles", .int(result.frameworkFileCount)),
            ("units", .int(result.unitCount)),
            ("lessons", .int(result.lessonCount)),
            ("baselined", .int(result.baselined)),
            ("suppressed", .int(result.suppressed)),
        ])
        return JSON.object([
            ("version", .int(Self.version)),
            ("tool", .object([("name", .string("sequencelint")), ("version", .string(SequenceLintVersion.current))])),
            ("diagnostics", .array(items)),
            ("summary", summary),
            ("builtinFrameworks", .array(result.builtinFrameworks.map { .string($0) })),
        ]).rendered()
    }
}
