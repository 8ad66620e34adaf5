import Foundation

/// A rule: a pure check over the model and graph that reports diagnostics.
public protocol Rule: Sendable {
    /// What the rule is: id, documentation, severity, options, examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// Checks the linted curricula; diagnostics carry the rule's default severity (the engine applies configuration).
    func check(_ context: LintContext) -> [Diagnostic]
    /// Checks the run's suppressions once every rule's findings are known and suppressed: what
    /// each suppression hid (`unused-suppression`). Most rules have nothing to say here.
    func checkSuppressions(_ usage: SuppressionUsage) -> [Diagnostic]
}

extension Rule {
    public func checkSuppressions(_ usage: SuppressionUsage) -> [Diagnostic] { [] }

    /// A finding of this rule, at its default severity unless given (the engine applies the
    /// configured one).
    public static func report(message: String, location: Location, notes: [Note] = [], help: String? = nil, fix: Fix? = nil,
                              severity: Severity? = nil) -> Diagnostic {
        description.report(message: message, location: location, notes: notes, help: help, fix: fix, severity: severity)
    }
}

extension RuleDescription {
    /// A finding of this rule, at its default severity unless given.
    public func report(message: String, location: Location, notes: [Note] = [], help: String? = nil, fix: Fix? = nil,
                       severity: Severity? = nil) -> Diagnostic {
        Diagnostic(rule: id, severity: severity ?? defaultSeverity, message: message, location: location, notes: notes, help: help, fix: fix)
    }
}

/// The family a rule belongs to.
public enum RuleFamily: String, Sendable, CaseIterable {
    case input = "input"
    case progression = "logical progression"
    case balance = "balance"
    case alignment = "alignment"
}

/// A YAML example for a rule. In a triggering example, `↓` marks where each diagnostic must point.
public struct RuleExample: Sendable {
    /// The example file, with `↓` markers.
    public var yaml: String
    /// Rule options the example runs with.
    public var options: [String: OptionValue]
    /// A standards framework (YAML) linted with the example, if it needs one.
    public var framework: String?
    /// A `.sequencelint.yml` the example runs with, if it needs one.
    public var configuration: String?
    /// Other curriculum files linted with it (name, YAML), e.g. an earlier grade.
    public var otherFiles: [(name: String, yaml: String)]

    /// Creates an example.
    public init(_ yaml: String, options: [String: OptionValue] = [:], framework: String? = nil, configuration: String? = nil,
                otherFiles: [(name: String, yaml: String)] = []) {
        self.otherFiles = otherFiles
        self.yaml = yaml
        self.options = options
        self.framework = framework
        self.configuration = configuration
    }

    /// The example without markers.
    public var text: String { Self.strip(yaml) }

    /// The configuration without markers.
    public var configurationText: String? { configuration.map(Self.strip) }

    /// Where the markers are, as positions in `text`.
    public var markers: [Position] { Self.markers(in: yaml) }

    /// Every marked place: (`example.yml` or `.sequencelint.yml`, position).
    public var marks: [Location] {
        markers.map { Location(path: "example.yml", start: $0, end: $0) }
            + (configuration.map(Self.markers) ?? []).map { Location(path: ".sequencelint.yml", start: $0, end: $0) }
    }

    static func strip(_ text: String) -> String { text.replacingOccurrences(of: "↓", with: "") }

    static func markers(in text: String) -> [Position] {
        var result: [Position] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                result.append(Position(line: line, column: column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }
}

/// What a rule option takes; configuration validates a value by its kind, never by its name.
public enum OptionKind: Sendable, Equatable {
    /// A share between 0 and 1.
    case share
    /// A whole number from 0 to `max`.
    case count(max: Int)
    /// true or false.
    case flag
    /// A list of text values: non-empty, unless the default is the empty list.
    case list
    /// One of the given words; its value is a one-element list (read with `strings(_:of:).first`).
    case choice([String])
}

/// A rule option: its name, what it takes, its default.
public struct RuleOption: Sendable {
    /// The option's key in configuration.
    public var name: String
    /// What it takes.
    public var kind: OptionKind
    /// The default value.
    public var defaultValue: OptionValue
    /// One line on what it does.
    public var summary: String
    /// For a lower bound: the option of the same rule it must not exceed (`min-share` ≤ `max-share`).
    public var atMost: String?

    /// Creates an option of an explicit kind.
    public init(_ name: String, kind: OptionKind, default defaultValue: OptionValue, _ summary: String, atMost: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.atMost = atMost
    }

    /// A share between 0 and 1; `atMost` names the option it must not exceed.
    public static func share(_ name: String, default value: Double, _ summary: String, atMost: String? = nil) -> RuleOption {
        RuleOption(name, kind: .share, default: .number(value), summary, atMost: atMost)
    }

    /// A whole number from 0 to `max` (a million by default: beyond any curriculum, within any integer).
    public static func count(_ name: String, default value: Int, _ summary: String, max: Int = 1_000_000) -> RuleOption {
        RuleOption(name, kind: .count(max: max), default: .number(Double(value)), summary)
    }

    /// true or false.
    public static func flag(_ name: String, default value: Bool, _ summary: String) -> RuleOption {
        RuleOption(name, kind: .flag, default: .bool(value), summary)
    }

    /// A list of text values; an empty default lets configuration set the empty list too.
    public static func list(_ name: String, default value: [String], _ summary: String) -> RuleOption {
        RuleOption(name, kind: .list, default: .strings(value), summary)
    }

    /// One of `choices` (`scope: lesson | unit`); the value is a one-element list.
    public static func choice(_ name: String, default value: String, among choices: [String], _ summary: String) -> RuleOption {
        RuleOption(name, kind: .choice(choices), default: .strings([value]), summary)
    }

    /// The default as documentation shows it: a choice's word bare, anything else as its value reads.
    public var defaultText: String {
        if case .choice = kind, case .strings(let value) = defaultValue, let word = value.first { return word }
        return defaultValue.description
    }
}

/// A configuration value of a rule option.
public enum OptionValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case strings([String])

    public var description: String {
        switch self {
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): String(b)
        case .strings(let s): "[" + s.joined(separator: ", ") + "]"
        }
    }
}

/// Everything a rule is, for documentation, configuration and tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id.
    public var id: String
    /// Family of practice it checks.
    public var family: RuleFamily
    /// The severity when not configured.
    public var defaultSeverity: Severity
    /// One line: when it fires.
    public var summary: String
    /// Why it matters for learners.
    public var rationale: String
    /// How to fix what it reports.
    public var howToFix: String
    /// Options it reads.
    public var options: [RuleOption]
    /// Files it must report on, with `↓` where.
    public var triggering: [RuleExample]
    /// Files it must not report on.
    public var nonTriggering: [RuleExample]
    /// Whether its findings point at text that does nothing (an editor shows it faded).
    public var marksUnnecessary = false

    /// Creates a description.
    public init(id: String, family: RuleFamily, defaultSeverity: Severity, summary: String, rationale: String,
                howToFix: String, options: [RuleOption] = [], triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.family = family
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.howToFix = howToFix
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// The severity the rule reports at: the default, or `warning` for a rule that is off by default.
    public var reportingSeverity: Severity { defaultSeverity == .off ? .warning : defaultSeverity }
}
