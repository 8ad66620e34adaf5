/// SARIF 2.1.0 as code-scanning services accept it: every rule in `tool.driver.rules`,
/// repository-relative URIs, regions with start and end, notes as related locations, stable
/// partial fingerprints, and columns counted in Unicode code points.
public struct SARIFReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        case .off: "none"
        }
    }

    /// `prerequisite-order` → `PrerequisiteOrder`.
    static func name(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A URI reference for a path: relative paths percent-encoded under %SRCROOT%, others as file URIs.
    static func artifact(_ path: String) -> JSON {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + encode(path)))])
        }
        return .object([("uri", .string(encode(path))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    static func region(_ location: Location) -> JSON {
        // SARIF's endColumn is the column after the region; ours is its last character.
        .object([("startLine", .int(location.start.line)), ("startColumn", .int(location.start.column)),
                 ("endLine", .int(location.end.line)), ("endColumn", .int(location.end.column + 1))])
    }

    static func physical(_ location: Location) -> JSON {
        .object([("artifactLocation", artifact(location.path)), ("region", region(location))])
    }

    public func report(_ result: LintResult, diagnostics: [Diagnostic], color: Bool) -> String {
        let rules = result.rules
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSON] = rules.map { rule in
            var configuration: [(String, JSON)] = [("level", .string(Self.level(rule.reportingSeverity)))]
            if rule.defaultSeverity == .off { configuration.insert(("enabled", .bool(false)), at: 0) }
            let text = "\(rule.summary)\n\n\(rule.rationale)\n\nHow to fix: \(rule.howToFix)"
            let markdown = "**\(rule.id)** fires when \(rule.summary).\n\n\(rule.rationale)\n\n**How to fix:** \(rule.howToFix)\n\n`sequencelint explain \(rule.id)` shows examples."
            return .object([
                ("id", .string(rule.id)),
                ("name", .string(Self.name(rule.id))),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([("text", .string(text)), ("markdown", .string(markdown))])),
                ("defaultConfiguration", .object(configuration)),
                ("properties", .object([("tags", .array([.string(rule.family.rawValue)]))])),
            ])
        }
        let prints = diagnostics.uniqueFingerprints
        let results: [JSON] = zip(diagnostics, prints).map { d, print in
            var fields: [(String, JSON)] = [("ruleId", .string(d.rule))]
            if let i = index[d.rule] { fields.append(("ruleIndex", .int(i))) }
            fields.append(("level", .string(Self.level(d.severity))))
            let text = d.help.map { "\(d.message)\nhelp: \($0)" } ?? d.message
            fields.append(("message", .object([("text", .string(text))])))
            fields.append(("locations", .array([.object([("physicalLocation", Self.physical(d.location))])])))
            if !d.notes.isEmpty {
                fields.append(("relatedLocations", .array(d.notes.enumerated().map { i, note in
                    .object([("id", .int(i + 1)), ("physicalLocation", Self.physical(note.location)),
                             ("message", .object([("text", .string(note.message))]))])
                })))
            }
            fields.append(("partialFingerprints", .object([("sequencelint/v1", .string(print))])))
            if let fix = d.fix, fix.applicability == .safe {
                fields.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(fix.message))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", Self.artifact(fix.location.path)),
                        ("replacements", .array([.object([
                            ("deletedRegion", Self.region(fix.location)),
                            ("insertedContent", .object([("text", .string(fix.replacement))])),
                        ])])),
                    ])])),
                ])])))
            }
            return .object(fields)
        }
        let root = SourceDiscovery.currentDirectory().map { "file://" + Self.encode($0.hasSuffix("/") ? $0 : $0 + "/") } ?? "file:///"
        return JSON.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("sequencelint")),
                    ("version", .string(SequenceLintVersion.current)),
                    ("semanticVersion", .string(SequenceLintVersion.current)),
                    ("rules", .array(driverRules)),
                ]))])),
                ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(root))]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }
}
