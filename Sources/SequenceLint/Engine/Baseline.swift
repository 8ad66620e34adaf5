/// A baseline: the findings a team has accepted for now, keyed by rule, file and the ids and
/// codes in the message (not lines), so it survives inserted lines, reordered units and
/// reformatting.
public struct Baseline: Sendable {
    /// One recorded finding.
    public struct Entry: Sendable, Equatable {
        /// The rule id.
        public var rule: String
        /// The file.
        public var path: String
        /// The fingerprint (hash of rule, file and normalized message).
        public var fingerprint: String
        /// The message when recorded, for people reading the file.
        public var message: String
    }

    /// The entries.
    public var entries: [Entry]

    /// The baseline of a run's findings.
    public init(_ diagnostics: [Diagnostic]) {
        entries = diagnostics.map { Entry(rule: $0.rule, path: $0.location.path, fingerprint: $0.fingerprint, message: $0.message) }
    }

    /// As JSON, sorted for stable diffs.
    public func rendered() -> String {
        let sorted = entries.sorted { ($0.path, $0.rule, $0.fingerprint, $0.message) < ($1.path, $1.rule, $1.fingerprint, $1.message) }
        return JSON.object([
            ("version", .int(1)),
            ("tool", .string("sequencelint \(SequenceLintVersion.current)")),
            ("findings", .array(sorted.map {
                .object([("rule", .string($0.rule)), ("path", .string($0.path)), ("fingerprint", .string($0.fingerprint)),
                         ("message", .string($0.message))])
            })),
        ]).rendered()
    }

    /// Reads a baseline file's text; nil with a reason when it is not one.
    public static func parse(_ bytes: [UInt8], path: String) -> (Baseline?, String?) {
        let load = YAMLLoader.load(bytes, path: path)
        let doc = load.document
        guard !load.failed, let root = doc.root, doc[root].kind == .mapping,
              let findings = doc.value(root, forKey: "findings"), doc[findings].kind == .sequence else {
            return (nil, "not a sequencelint baseline (expected a JSON object with `findings`)")
        }
        // A later format might mean something else by the same fields: refuse it rather than guess.
        if let versionNode = doc.value(root, forKey: "version") {
            let version = doc[versionNode].kind == .scalar ? doc.string(versionNode) : ""
            guard version == "1" else {
                return (nil, "baseline version '\(version)' is not one this sequencelint reads (it reads version 1); write it again with --write-baseline")
            }
        }
        var baseline = Baseline([])
        for item in doc.childIndices(findings) where doc[item].kind == .mapping {
            func field(_ key: StaticString) -> String? {
                doc.value(item, forKey: key).flatMap { doc[$0].kind == .scalar ? doc.string($0) : nil }
            }
            guard let rule = field("rule"), let file = field("path"), let fingerprint = field("fingerprint") else {
                return (nil, "a baseline entry lacks rule, path or fingerprint (line \(doc[item].start.line))")
            }
            baseline.entries.append(Entry(rule: rule, path: file, fingerprint: fingerprint, message: field("message") ?? ""))
        }
        return (baseline, nil)
    }

    /// Findings not in the baseline, how many it hid, and its entries that matched nothing.
    public func filter(_ diagnostics: [Diagnostic]) -> (kept: [Diagnostic], hidden: Int, stale: [Entry]) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        var kept: [Diagnostic] = []
        var hidden = 0
        for d in diagnostics {
            let print = d.fingerprint
            if let n = remaining[print], n > 0 {
                remaining[print] = n - 1
                hidden += 1
            } else {
                kept.append(d)
            }
        }
        var stale: [Entry] = []
        for entry in entries where (remaining[entry.fingerprint] ?? 0) > 0 {
            remaining[entry.fingerprint]! -= 1
            stale.append(entry)
        }
        return (kept, hidden, stale)
    }
}
