#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A required-content milestone: these standards addressed by the end of a grade.
public struct Milestone: Sendable {
    /// The milestone's name.
    public var name: String
    /// Where the name is written (the anchor of `milestone` findings).
    public var location: Location
    /// The grade by whose end the standards must be addressed.
    public var byGrade: Grade
    /// Globs over framework codes (`8.EE.*`).
    public var standards: [String]
    /// Where each of `standards` is written.
    public var standardLocations: [Location] = []
}

/// The effective configuration: `.sequencelint.yml` plus defaults.
public struct Configuration: Sendable {
    /// The file it was read from, if any.
    public var path: String?
    /// Framework files, as paths usable from the current folder.
    public var frameworks: [String] = []
    /// Globs (relative to the configuration's folder) of files not to lint.
    public var exclude: [String] = []
    /// Standard codes assumed taught before every curriculum.
    public var assumes: [String] = []
    /// Where each of `assumes` is written.
    public var assumeLocations: [Location] = []
    /// `loose` (default) or `exact` code matching.
    public var looseMatching = true
    /// Whether frameworks with no parent links get them from their codes (`infer-hierarchy`).
    public var inferHierarchy = true
    /// Whether later-grade codes in `standards` count as addressed (`later-grade-standards:
    /// address`) rather than as `builds-towards` (the default).
    public var addressLaterGrades = false
    /// Rule severities set in configuration.
    public var severities: [String: Severity] = [:]
    /// Rule options set in configuration.
    public var options: [String: [String: OptionValue]] = [:]
    /// Milestones.
    public var milestones: [Milestone] = []
    /// The folder relative paths start from ("." without a file).
    public var baseDirectory = "."

    /// The defaults.
    public init() {}

    /// Whether a path (as shown) is excluded.
    public func isExcluded(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = ConfigurationReader.relative(SourceDiscovery.absolutePath(path), to: SourceDiscovery.absolutePath(baseDirectory))
        return exclude.contains { Glob.matches($0, relative) || Glob.matches($0 + "/**", relative) }
    }
}

/// Glob matching: `*` within a path segment, `**` across segments, `?` one character.
public enum Glob {
    /// Whether `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        // reachable[j]: the pattern consumed so far can match the first j characters of text.
        var reachable = [Bool](repeating: false, count: t.count + 1)
        reachable[0] = true
        var i = 0
        while i < p.count {
            var next = [Bool](repeating: false, count: t.count + 1)
            if p[i] == "*" {
                let double = i + 1 < p.count && p[i + 1] == "*"
                if double {
                    // `**` matches anything, slashes included; `**/` may also match nothing.
                    let slash = i + 2 < p.count && p[i + 2] == "/"
                    var any = false
                    for j in 0...t.count {
                        any = any || reachable[j]
                        next[j] = any
                    }
                    if slash {
                        // `**/x` also matches `x` and `a/b/x`: consume through the slash.
                        var after = [Bool](repeating: false, count: t.count + 1)
                        for j in 0...t.count where reachable[j] { after[j] = true }
                        for j in 0..<t.count where next[j] && t[j] == "/" { after[j + 1] = true }
                        next = after
                        i += 3
                    } else {
                        i += 2
                    }
                } else {
                    var any = false
                    for j in 0...t.count {
                        if reachable[j] { any = true }
                        next[j] = any
                        if j < t.count, t[j] == "/" { any = false }
                    }
                    i += 1
                }
            } else {
                for j in 0..<t.count where reachable[j] && (p[i] == "?" ? t[j] != "/" : p[i] == t[j]) { next[j + 1] = true }
                i += 1
            }
            reachable = next
            // Nothing can match any more: the rest of the pattern need not be read.
            if !reachable.contains(true) { return false }
        }
        return reachable[t.count]
    }
}

/// Reads and checks `.sequencelint.yml`.
public enum ConfigurationReader {
    /// The configuration's file name.
    public static let fileName = ".sequencelint.yml"

    /// Finds `.sequencelint.yml` in the current folder or the nearest folder above it.
    public static func discover(from start: String? = nil) -> String? {
        guard var dir = start.map({ SourceDiscovery.absolutePath($0) }) ?? SourceDiscovery.currentDirectory() else { return nil }
        while true {
            let candidate = dir == "/" ? "/" + fileName : dir + "/" + fileName
            if access(candidate, F_OK) == 0 { return SourceDiscovery.displayPath(candidate) }
            guard let slash = dir.lastIndex(of: "/"), dir != "/" else { return nil }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
        }
    }

    /// `path` relative to `base` when under it (both as shown), else unchanged.
    static func relative(_ path: String, to base: String) -> String {
        if base == "." { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// `path` (relative to `base`) as a path usable from the current folder.
    static func resolve(_ path: String, from base: String) -> String {
        if path.hasPrefix("/") || base == "." { return SourceDiscovery.displayPath(path) }
        return SourceDiscovery.displayPath(base + "/" + path)
    }

    /// Reads a configuration file; problems are `configuration` diagnostics (exit status 2).
    public static func read(_ path: String, rules: [RuleDescription]) -> (Configuration, [Diagnostic]) {
        var config = Configuration()
        config.path = path
        if let slash = path.lastIndex(of: "/") {
            config.baseDirectory = String(path[..<slash])
            if config.baseDirectory.isEmpty { config.baseDirectory = "/" }
        }
        let bytes: [UInt8]
        do {
            bytes = try SourceDiscovery.readFile(path, limit: 4 << 20)
        } catch {
            return (config, [Diagnostic(problem: .configuration, severity: .error, message: "\(error)",
                                        location: Location(path: path, start: Position(line: 1, column: 1), end: Position(line: 1, column: 1)))])
        }
        return read(bytes: bytes, path: path, into: config, rules: rules)
    }

    /// Reads configuration text as if it were the file at `path`.
    public static func read(bytes: [UInt8], path: String, rules: [RuleDescription]) -> (Configuration, [Diagnostic]) {
        var config = Configuration()
        config.path = path
        if let slash = path.lastIndex(of: "/") { config.baseDirectory = String(path[..<slash]) }
        return read(bytes: bytes, path: path, into: config, rules: rules)
    }

    private static func read(bytes: [UInt8], path: String, into config: Configuration, rules: [RuleDescription]) -> (Configuration, [Diagnostic]) {
        var limits = YAMLLimits()
        limits.maxBytes = 4 << 20
        let load = YAMLLoader.load(bytes, path: path, limits: limits)
        var reader = ConfigReading(doc: load.document, path: path, config: config, rules: rules)
        reader.diagnostics = load.diagnostics.map { var d = $0; d.rule = LoadProblem.configuration.ruleID; return d }
        if !load.failed { reader.read() }
        return (reader.config, reader.diagnostics.sorted(by: Diagnostic.ordered))
    }
}

private struct ConfigReading {
    let doc: YAMLDocument
    let path: String
    var config: Configuration
    let rules: [RuleDescription]
    var diagnostics: [Diagnostic] = []

    static let keys = ["frameworks", "exclude", "assumes", "code-matching", "infer-hierarchy", "later-grade-standards", "rules", "milestones"]

    mutating func error(_ message: String, at node: Int32, help: String? = nil) {
        diagnostics.append(Diagnostic(problem: .configuration, severity: .error, message: message,
                                      location: Location(path: path, node: doc[node]), help: help))
    }

    func text(_ node: Int32) -> String? {
        doc[node].kind == .scalar && !doc.isNull(node) ? doc.string(node) : nil
    }

    mutating func strings(_ node: Int32, what: String) -> [String] {
        if doc.isNull(node) { return [] }
        let items: [Int32] = doc[node].kind == .sequence ? Array(doc.childIndices(node)) : [node]
        var out: [String] = []
        for item in items {
            if let t = text(item)?.trimmingSpaces, !t.isEmpty { out.append(t) } else { error("expected \(what), found \(kindName(item))", at: item) }
        }
        return out
    }

    func kindName(_ node: Int32) -> String {
        if doc.isNull(node) { return "nothing" }
        switch doc[node].kind {
        case .scalar: return "'\(doc.string(node))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    mutating func read() {
        guard let root = doc.root else { return }
        guard doc[root].kind == .mapping else {
            if !doc.isNull(root) { error("expected the configuration to be a mapping of settings", at: root) }
            return
        }
        doc.forEachPair(root) { key, value in
            guard let name = text(key) else {
                error("expected a setting name, found \(kindName(key)) used as a key", at: key,
                      help: "the keys of .sequencelint.yml are \(Self.keys.andList)")
                return
            }
            switch name {
            case "frameworks":
                // `builtin:ID` names a framework compiled into sequencelint; anything else is a path.
                config.frameworks = strings(value, what: "a framework file path").map {
                    BuiltinFrameworks.id(fromReference: $0) != nil ? $0 : ConfigurationReader.resolve($0, from: config.baseDirectory)
                }
                for (item, file) in zip(doc[value].kind == .sequence ? Array(doc.childIndices(value)) : [value], config.frameworks) {
                    if let id = BuiltinFrameworks.id(fromReference: file) {
                        if !BuiltinFrameworks.ids.contains(id) {
                            error("no framework '\(id)' is built in\(Suggestions.didYouMean(id, among: BuiltinFrameworks.ids))", at: item,
                                  help: "built in: \(BuiltinFrameworks.ids.map { BuiltinFrameworks.prefix + $0 }.joined(separator: ", "))")
                        }
                    } else if !SourceDiscovery.isReadableFile(file) {
                        error("framework file '\(file)' does not exist or is not a readable file", at: item)
                    }
                }
            case "exclude":
                config.exclude = strings(value, what: "a glob")
            case "assumes":
                config.assumes = strings(value, what: "a standard code")
                let items = doc[value].kind == .sequence ? Array(doc.childIndices(value)) : [value]
                config.assumeLocations = items.filter { text($0) != nil }.map { Location(path: path, node: doc[$0]) }
            case "code-matching":
                switch text(value)?.trimmingSpaces {
                case "loose": config.looseMatching = true
                case "exact": config.looseMatching = false
                default: error("invalid code-matching \(kindName(value)); expected loose or exact", at: value)
                }
            case "infer-hierarchy":
                switch text(value)?.trimmingSpaces.lowercased() {
                case "true", "yes", "on": config.inferHierarchy = true
                case "false", "no", "off": config.inferHierarchy = false
                default: error("invalid infer-hierarchy \(kindName(value)); expected true or false", at: value)
                }
            case "later-grade-standards":
                switch text(value)?.trimmingSpaces {
                case "build-towards": config.addressLaterGrades = false
                case "address": config.addressLaterGrades = true
                default: error("invalid later-grade-standards \(kindName(value)); expected build-towards or address", at: value,
                               help: "build-towards (the default) counts a later grade's code in `standards` as prepared, not taught; address counts it as taught (compacted courses)")
                }
            case "rules":
                readRules(value)
            case "milestones":
                readMilestones(value)
            default:
                error("unknown key '\(name)' in configuration\(Suggestions.didYouMean(name, among: Self.keys))", at: key,
                      help: "the keys of .sequencelint.yml are \(Self.keys.andList)")
            }
        }
    }

    mutating func severity(_ node: Int32) -> Severity? {
        guard let t = text(node)?.trimmingSpaces, let s = Severity(rawValue: t) else {
            error("invalid severity \(kindName(node)); expected off, info, warning or error", at: node)
            return nil
        }
        return s
    }

    mutating func readRules(_ node: Int32) {
        if doc.isNull(node) { return }
        guard doc[node].kind == .mapping else {
            error("expected `rules` to map rule ids to a severity or settings, found \(kindName(node))", at: node)
            return
        }
        doc.forEachPair(node) { key, value in
            guard let id = text(key) else {
                error("expected a rule id, found \(kindName(key)) used as a key", at: key)
                return
            }
            guard let rule = rules.first(where: { $0.id == id }) else {
                error("unknown rule '\(id)'\(Suggestions.didYouMean(id, among: rules.map(\.id)))", at: key,
                      help: "`sequencelint rules` lists the rule ids")
                return
            }
            if doc[value].kind == .scalar {
                if let s = severity(value) { config.severities[id] = s }
                return
            }
            guard doc[value].kind == .mapping else {
                error("expected a severity or a mapping of settings for '\(id)', found \(kindName(value))", at: value)
                return
            }
            var options: [String: OptionValue] = [:]
            doc.forEachPair(value) { optionKey, optionValue in
                guard let name = text(optionKey) else {
                    error("expected an option name, found \(kindName(optionKey)) used as a key", at: optionKey)
                    return
                }
                if name == "severity" {
                    if let s = severity(optionValue) { config.severities[id] = s }
                    return
                }
                guard let option = rule.options.first(where: { $0.name == name }) else {
                    let names = ["severity"] + rule.options.map(\.name)
                    error("unknown option '\(name)' for rule '\(id)'\(Suggestions.didYouMean(name, among: names))", at: optionKey,
                          help: "'\(id)' takes \(names.orList)")
                    return
                }
                if let parsed = parse(optionValue, as: option) { options[name] = parsed }
            }
            if !options.isEmpty { config.options[id] = options }
        }
        // Paired bounds must make sense together.
        for rule in rules {
            let values = config.options[rule.id] ?? [:]
            for option in rule.options {
                guard let high = option.atMost, let upper = rule.options.first(where: { $0.name == high }) else { continue }
                let l = number(values[option.name]) ?? number(option.defaultValue) ?? 0
                let h = number(values[high]) ?? number(upper.defaultValue) ?? 1
                if l > h, let anchor = optionNode(rule.id, values[option.name] != nil ? option.name : high, in: node) {
                    error("'\(rule.id)': \(option.name) (\(l)) is greater than \(high) (\(h))", at: anchor)
                }
            }
        }
    }

    func number(_ value: OptionValue?) -> Double? {
        if case .number(let n)? = value { return n }
        return nil
    }

    func optionNode(_ rule: String, _ option: String, in rulesNode: Int32) -> Int32? {
        var found: Int32?
        doc.forEachPair(rulesNode) { key, value in
            guard text(key) == rule, doc[value].kind == .mapping else { return }
            doc.forEachPair(value) { k, v in if text(k) == option { found = v } }
        }
        return found
    }

    /// Reads an option's value by its declared kind.
    mutating func parse(_ node: Int32, as option: RuleOption) -> OptionValue? {
        let name = option.name
        switch option.kind {
        case .share:
            guard let t = text(node)?.trimmingSpaces, let n = Double(t), n.isFinite, n >= 0, n <= 1 else {
                error("invalid value \(kindName(node)) for '\(name)'; expected a share between 0 and 1", at: node)
                return nil
            }
            return .number(n)
        case .count(let max):
            guard let t = text(node)?.trimmingSpaces, let n = Double(t), n.isFinite, n >= 0, n == n.rounded(), n <= Double(max) else {
                error("invalid value \(kindName(node)) for '\(name)'; expected a whole number from 0 to \(max)", at: node)
                return nil
            }
            return .number(n)
        case .flag:
            switch text(node)?.trimmingSpaces.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default:
                error("invalid value \(kindName(node)) for '\(name)'; expected true or false", at: node)
                return nil
            }
        case .list:
            let values = strings(node, what: "a text value")
            // An option whose default is the empty list (`allow`) may be set to it; others need a value.
            if values.isEmpty, option.defaultValue != .strings([]) {
                error("'\(name)' lists nothing; give at least one value, or turn the rule off", at: node)
                return nil
            }
            return .strings(values)
        case .choice(let choices):
            guard let t = text(node)?.trimmingSpaces, choices.contains(t) else {
                error("invalid value \(kindName(node)) for '\(name)'; expected \(choices.orList)", at: node)
                return nil
            }
            return .strings([t])
        }
    }

    mutating func readMilestones(_ node: Int32) {
        if doc.isNull(node) { return }
        guard doc[node].kind == .sequence else {
            error("expected `milestones` to be a list, found \(kindName(node))", at: node)
            return
        }
        let keys = ["name", "by-grade", "standards"]
        for item in doc.childIndices(node) {
            guard doc[item].kind == .mapping else {
                error("expected a milestone (name, by-grade, standards), found \(kindName(item))", at: item)
                continue
            }
            var name: (String, Int32)?
            var grade: Grade?
            var standards: [String] = []
            var standardLocations: [Location] = []
            var seen = Set<String>()
            doc.forEachPair(item) { key, value in
                guard let k = text(key) else {
                    error("expected a milestone key (name, by-grade, standards), found \(kindName(key)) used as a key", at: key)
                    return
                }
                seen.insert(k)
                switch k {
                case "name":
                    if let t = text(value) { name = (t, value) } else { error("expected a milestone name, found \(kindName(value))", at: value) }
                case "by-grade":
                    if let t = text(value), let g = Grade(parsing: t) { grade = g } else {
                        error("invalid by-grade \(kindName(value)); expected PK, K or 1 to 12", at: value)
                    }
                case "standards":
                    standards = strings(value, what: "a code or glob")
                    let items = doc[value].kind == .sequence ? Array(doc.childIndices(value)) : [value]
                    standardLocations = items.filter { text($0) != nil }.map { Location(path: path, node: doc[$0]) }
                    if standards.isEmpty { error("milestone lists no standards", at: value) }
                default:
                    error("unknown key '\(k)' in a milestone\(Suggestions.didYouMean(k, among: keys))", at: key,
                          help: "a milestone has \(keys.andList)")
                }
            }
            for k in keys where !seen.contains(k) {
                error("milestone is missing '\(k)'", at: doc.childIndices(item).first ?? item)
            }
            if let name, let grade, !standards.isEmpty {
                config.milestones.append(Milestone(name: name.0, location: Location(path: path, node: doc[name.1]),
                                                   byGrade: grade, standards: standards, standardLocations: standardLocations))
            }
        }
    }
}
