/// What a problem found while reading files is, before any rule runs. The loader, the readers
/// and the configuration reader say which kind they found; this is the one place a kind meets
/// the id it is reported under (the id configuration and suppressions name). The engine reports
/// load problems itself, so a catalog without their rule still shows them.
public enum LoadProblem: String, CaseIterable, Sendable {
    /// YAML that does not parse, is not text, or is too large.
    case syntax
    /// A mapping key given twice.
    case duplicateKey
    /// A value of the wrong type, a missing or unknown key, a file that is no curriculum map.
    case schema
    /// A framework code, or a framework id, defined twice.
    case duplicateID
    /// A framework's reference to a code it does not define.
    case unknownReference
    /// A framework's prerequisites that lead back to themselves.
    case cycle
    /// A problem in `.sequencelint.yml` (exit status 2 on the command line).
    case configuration

    /// The id the problem is reported under.
    public var ruleID: String {
        switch self {
        case .syntax: "yaml-syntax"
        case .duplicateKey: "duplicate-key"
        case .schema: "schema"
        case .duplicateID: "duplicate-id"
        case .unknownReference: "unknown-reference"
        case .cycle: "prerequisite-cycle"
        case .configuration: "configuration"
        }
    }

    /// The kind a diagnostic's id stands for, if it is a load problem's.
    public init?(ruleID: String) {
        guard let kind = Self.allCases.first(where: { $0.ruleID == ruleID }) else { return nil }
        self = kind
    }
}

extension Diagnostic {
    /// A load problem of `kind`.
    public init(problem kind: LoadProblem, severity: Severity, message: String, location: Location,
                notes: [Note] = [], help: String? = nil, fix: Fix? = nil) {
        self.init(rule: kind.ruleID, severity: severity, message: message, location: location, notes: notes, help: help, fix: fix)
    }

    /// Whether this is a load problem of `kind`.
    public func isProblem(_ kind: LoadProblem) -> Bool { rule == kind.ruleID }
}
