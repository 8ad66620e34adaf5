#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a rule reads: the model, each curriculum's graph, problems found while loading, and options.
public struct LintContext: Sendable {
    /// The curricula read.
    public let model: Model
    /// The prerequisite graph of each curriculum, index for index.
    public let graphs: [PrerequisiteGraph]
    /// `yaml-syntax`, `schema` and `duplicate-key` findings made while loading.
    public let loadDiagnostics: [Diagnostic]
    /// Option values set in configuration, by rule id.
    public let options: [String: [String: OptionValue]]
    /// The configuration (milestones, assumes, code matching).
    public let configuration: Configuration
    /// The standards of each curriculum, resolved against its frameworks, index for index.
    public let standards: [CurriculumStandards]
    /// "Did you mean" comparisons left for the run, shared by every rule.
    public let suggestionBudget: SuggestionBudget
    /// Analyses several rules share (progression-gap and early-pass read one), made once per run.
    public let shared = SharedAnalyses()
    /// Graph search steps left for the run (`redundant-prerequisite`), shared by every curriculum.
    public let searchBudget = SuggestionBudget(100_000_000)

    /// Creates a context, building each curriculum's graph and resolving its standards.
    public init(model: Model, loadDiagnostics: [Diagnostic] = [], options: [String: [String: OptionValue]] = [:],
                configuration: Configuration = Configuration(), suggestionBudget: SuggestionBudget = SuggestionBudget()) {
        self.model = model
        self.suggestionBudget = suggestionBudget
        self.loadDiagnostics = loadDiagnostics
        self.options = options
        self.configuration = configuration
        // Graphs and standards are independent: build them on two cores.
        (graphs, standards) = inParallel({ model.curricula.map(PrerequisiteGraph.init) }, {
            model.curricula.map {
                CurriculumStandards($0, frameworks: model.frameworks, configAssumes: configuration.assumes,
                                    looseMatching: configuration.looseMatching, addressLaterGrades: configuration.addressLaterGrades)
            }
        })
    }

    /// A rule option: configured, else its declared default (a rule asks only for options it declares).
    private func option(_ name: String, of rule: RuleDescription) -> OptionValue {
        if let value = options[rule.id]?[name] { return value }
        guard let declared = rule.options.first(where: { $0.name == name }) else {
            preconditionFailure("rule \(rule.id) declares no option \(name)")
        }
        return declared.defaultValue
    }

    /// A numeric option of a rule.
    public func number(_ name: String, of rule: RuleDescription) -> Double {
        guard case .number(let value) = option(name, of: rule) else { preconditionFailure("\(name) is no number") }
        return value
    }

    /// A whole-number option of a rule (validated against its kind's range when read).
    public func count(_ name: String, of rule: RuleDescription) -> Int {
        let value = number(name, of: rule)
        guard value.isFinite, value >= 0, value <= 1e15 else { return 0 }
        return Int(value)
    }

    /// A list option of a rule.
    public func strings(_ name: String, of rule: RuleDescription) -> [String] {
        guard case .strings(let value) = option(name, of: rule) else { preconditionFailure("\(name) is no list") }
        return value
    }

    /// A true/false option of a rule.
    public func flag(_ name: String, of rule: RuleDescription) -> Bool {
        guard case .bool(let value) = option(name, of: rule) else { preconditionFailure("\(name) is no flag") }
        return value
    }
}

extension Curriculum {
    /// "2 lessons later", "in grade 7, 14 lessons later", "1 lesson earlier".
    public func distance(from position: Int, to other: Int) -> String {
        let gap = abs(other - position)
        var text = "\(gap) lesson\(gap == 1 ? "" : "s") \(other > position ? "later" : "earlier")"
        if other == position { text = "at the same point" }
        let here = file(ofLesson: position).grade, there = file(ofLesson: other).grade
        if let here, let there, here != there {
            text = "in grade \(there), \(text)"
        }
        return text
    }
}

/// Results that several rules of one run derive alike, computed by the first rule that asks and
/// handed to the others (rules run side by side: a second asker waits rather than recomputes).
public final class SharedAnalyses: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var values: [String: Any] = [:]

    public init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    /// The value stored under `key`, computed by `make` the first time.
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        if let known = values[key] as? T { return known }
        let made = make()
        values[key] = made
        return made
    }
}
