import CYAML
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drops `value` on another thread: its memory is freed there, not on the caller's path.
func releaseInBackground<T>(_ value: consuming T) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
}

private final class ReleaseBox<T>: @unchecked Sendable {
    var value: T?
    init(_ value: consuming T) { self.value = value }
}

/// A problem that stops a run before linting (exit status 2).
public enum LintError: Error, Equatable, CustomStringConvertible {
    case noSuchPath(String)
    case unreadable(String, String)
    case unknownRule(String, suggestion: String?)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "no such file or directory: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unknownRule(let id, let suggestion):
            "unknown rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (`sequencelint rules` lists them)"
        }
    }
}

/// What to lint and how.
public struct LintRequest: Sendable {
    /// Files and folders to lint.
    public var paths: [String]
    /// Rules to turn on for this run (at their reporting severity unless configured).
    public var enable: [String] = []
    /// Rules to turn off for this run.
    public var disable: [String] = []
    /// Configured severities by rule id.
    public var severities: [String: Severity] = [:]
    /// Configured options by rule id.
    public var options: [String: [String: OptionValue]] = [:]
    /// Loader limits.
    public var limits = YAMLLimits()
    /// The configuration (severities and options above are applied over it).
    public var configuration = Configuration()
    /// Framework files given on the command line.
    public var frameworks: [String] = []
    /// A document read from standard input, linted as if it were the file at `path`.
    public var stdin: (path: String, bytes: [UInt8])?
    /// Whether the result carries the text of the files its findings point into (for snippets):
    /// files on disk are read again for it. Formats that quote no text turn it off.
    public var quotesSources = true

    /// Creates a request for paths.
    public init(paths: [String]) {
        self.paths = paths
    }
}

/// The outcome of a run: sorted diagnostics, the sources for snippets, and counts.
public struct LintResult: Sendable {
    /// Every reported diagnostic, sorted by path, line, column, rule.
    public var diagnostics: [Diagnostic]
    /// File contents by displayed path, for snippets.
    public var sources: [ByteKey: [UInt8]]
    /// Curriculum files linted (and files that could not be read as YAML).
    public var fileCount: Int
    /// Units in the linted curricula.
    public var unitCount: Int
    /// Lessons in the linted curricula.
    public var lessonCount: Int
    /// YAML files skipped because they are not curriculum maps.
    public var skipped: [String]
    /// The rules the run used (for SARIF's rule metadata).
    public var rules: [RuleDescription] = []
    /// Findings hidden by a baseline.
    public var baselined = 0
    /// Findings hidden by inline suppressions.
    public var suppressed = 0
    /// Every file the run read (curriculum maps, frameworks, configuration), as shown.
    public var filesRead: [String] = []
    /// How many curriculum maps were read.
    public var curriculumFileCount = 0
    /// The curriculum maps read, as shown (the only files `--fix` may rewrite).
    public var curriculumPaths: [String] = []
    /// Framework files read (built-in frameworks not counted).
    public var frameworkFileCount = 0
    /// The built-in frameworks the run used.
    public var builtinFrameworks: [String] = []
    /// What the run did on its own that `--verbose` reports (an inferred hierarchy, say).
    public var notices: [String] = []

    /// Creates a result.
    public init(diagnostics: [Diagnostic], sources: [ByteKey: [UInt8]], fileCount: Int, unitCount: Int, lessonCount: Int,
                skipped: [String], rules: [RuleDescription] = []) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.fileCount = fileCount
        self.unitCount = unitCount
        self.lessonCount = lessonCount
        self.skipped = skipped
        self.rules = rules
    }

    /// Count of diagnostics at a severity.
    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// The engine: finds files, loads them on every core, builds the model and graph, runs the rules,
/// applies severities and sorts.
public struct Linter: Sendable {
    /// The rule catalog.
    public let rules: [any Rule.Type]

    /// Creates an engine over a rule catalog.
    public init(rules: [any Rule.Type]) {
        self.rules = rules
    }

    /// The description of a rule id, if there is such a rule.
    public func rule(_ id: String) -> (any Rule.Type)? {
        rules.first { $0.description.id == id }
    }

    /// Throws `unknownRule` for an id not in the catalog.
    public func validateRuleID(_ id: String) throws {
        if rule(id) == nil {
            throw LintError.unknownRule(id, suggestion: Suggestions.closest(to: id, among: rules.map { $0.description.id }))
        }
    }

    /// The severity a rule runs at in this request.
    public func severity(of description: RuleDescription, in request: LintRequest) -> Severity {
        if request.disable.contains(description.id) { return .off }
        if let configured = request.severities[description.id] ?? request.configuration.severities[description.id] {
            if configured == .off, request.enable.contains(description.id) { return description.reportingSeverity }
            return configured
        }
        if request.enable.contains(description.id) { return description.reportingSeverity }
        return description.defaultSeverity
    }

    /// Lints the request's paths.
    public func lint(_ request: LintRequest) throws -> LintResult {
        try review(request) { _, _, _ in () }.0
    }

    /// Adds the built-in frameworks a run uses: those named as `builtin:ID` in the configuration or
    /// on the command line, and those a curriculum selects by id when no loaded framework has it (a
    /// loaded file of the same id wins). Returns their ids.
    @discardableResult
    static func attachBuiltins(to model: inout Model, request: LintRequest) -> [String] {
        var wanted: [String] = []
        for reference in request.configuration.frameworks + request.frameworks {
            if let id = BuiltinFrameworks.id(fromReference: reference) { wanted.append(id) }
        }
        for curriculum in model.curricula {
            if let selected = curriculum.files.lazy.compactMap(\.framework).first?.text, BuiltinFrameworks.ids.contains(selected) {
                wanted.append(selected)
            }
        }
        var added: [String] = []
        for id in wanted where !added.contains(id) && !model.frameworks.contains(where: { $0.id == id }) {
            guard let framework = BuiltinFrameworks.framework(id) else { continue }
            model.frameworks.append(framework)
            added.append(id)
        }
        return added
    }

    /// The curricula and frameworks of the request's paths, without checking them (`sequencelint graph`).
    public func model(_ request: LintRequest) throws -> Model {
        try modelAndReads(request).model
    }

    /// The model, and every file read to make it (a command must not write over any of them).
    public func modelAndReads(_ request: LintRequest) throws -> (model: Model, reads: [String]) {
        let (model, reads, _) = try modelReadsAndProblems(request)
        return (model, reads)
    }

    /// The model, the files read, and the files that could not be read as YAML: `graph` reports
    /// those rather than draw a graph without them.
    public func modelReadsAndProblems(_ request: LintRequest) throws -> (model: Model, reads: [String], problems: [Diagnostic]) {
        let loaded = try loadFiles(request).files
        var model = ModelBuilder.build(loaded.compactMap(\.model))
        model.frameworks = loaded.compactMap(\.framework).sorted { $0.path < $1.path }
        Self.attachBuiltins(to: &model, request: request)
        if request.configuration.inferHierarchy {
            for i in model.frameworks.indices { model.frameworks[i].inferHierarchy() }
        }
        let problems = loaded.filter { $0.kind != .other }.flatMap(\.diagnostics).filter { $0.isProblem(.syntax) && $0.severity == .error }
            .sorted(by: Diagnostic.ordered)
        return (model, loaded.map(\.path) + (request.configuration.path.map { [$0] } ?? []), problems)
    }

    func loadFiles(_ request: LintRequest, budget: SuggestionBudget = SuggestionBudget()) throws -> (files: [LoadedFile], outside: [String]) {
        let named = Set(request.paths.map { ByteKey(SourceDiscovery.displayPath($0)) })
        let stdinPath = request.stdin.map { SourceDiscovery.displayPath($0.path) }
        let found = try Timing.measure("discover") { try SourceDiscovery.discover(request.paths) }
        let files = found.files
            .filter { stdinPath == nil || ByteKey(SourceDiscovery.canonical($0)) != ByteKey(SourceDiscovery.canonical(stdinPath!)) }
            .filter { named.contains(ByteKey($0)) || !request.configuration.isExcluded($0) }
        let frameworkFiles = (request.configuration.frameworks + request.frameworks.map(SourceDiscovery.displayPath))
            .filter { BuiltinFrameworks.id(fromReference: $0) == nil }
        for path in frameworkFiles where access(path, R_OK) != 0 { throw LintError.noSuchPath(path) }
        // The same file named twice (or also found among the linted paths) is loaded once.
        var seen = Set<ByteKey>()
        var all: [(String, Bool)] = []
        for (path, forced) in frameworkFiles.map({ ($0, true) }) + files.map({ ($0, false) }) {
            if seen.insert(ByteKey(SourceDiscovery.canonical(path))).inserted { all.append((path, forced)) }
        }
        var loaded = try Timing.measure("load (read, parse, model; parallel)") { try loadAll(all, named: named, limits: request.limits, budget: budget) }
        if let stdin = request.stdin, let stdinPath {
            loaded.append(Self.load(path: stdinPath, bytes: stdin.bytes, limits: request.limits, asFramework: false, budget: budget))
        }
        return (loaded, found.outside)
    }

    /// Lints in-memory files (path, bytes): for tests and standard input.
    /// Frameworks named in the configuration or the request (files, read from disk; built-in ones
    /// are added when the model is assembled) are loaded too, as `lint(_:)` loads them.
    public func lint(sources: [(path: String, bytes: [UInt8])], request: LintRequest) -> LintResult {
        var loaded = sources.map { Self.load(path: $0.path, bytes: $0.bytes, limits: request.limits, asFramework: false) }
        let given = Set(sources.map { ByteKey(SourceDiscovery.canonical($0.path)) })
        for path in request.configuration.frameworks + request.frameworks.map(SourceDiscovery.displayPath)
            where BuiltinFrameworks.id(fromReference: path) == nil && !given.contains(ByteKey(SourceDiscovery.canonical(path))) {
            if let bytes = try? SourceDiscovery.readFile(path, limit: request.limits.maxBytes) {
                loaded.append(Self.load(path: path, bytes: bytes, limits: request.limits, asFramework: true))
            }
        }
        return run(loaded, request: request)
    }

    struct LoadedFile: Sendable {
        var path: String
        var bytes: [UInt8]
        var kind: FileKind
        var model: FileModel?
        var framework: Framework?
        var diagnostics: [Diagnostic]
        var suppressions: [Suppression] = []
        var onDisk = false
    }

    /// Whether the text mentions a `curriculum` or `framework` key anywhere (block or flow
    /// style): a broken file that does is reported rather than skipped.
    static func looksLikeLintTarget(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            ["curriculum", "framework"].contains { key in
                Array(key.utf8).withUnsafeBytes { needle in
                    sequencelint_contains(raw.baseAddress, raw.count, needle.baseAddress, needle.count) != 0
                }
            }
        }
    }

    static func load(path: String, bytes: [UInt8], limits: YAMLLimits, asFramework: Bool, named: Bool = true,
                     budget: SuggestionBudget = SuggestionBudget()) -> LoadedFile {
        let parseStart = Timing.shared != nil ? Timing.now() : 0
        let result = YAMLLoader.load(bytes, path: path, limits: limits)
        let modelStart = Timing.shared != nil ? Timing.now() : 0
        Timing.shared?.add("parse", modelStart - parseStart)
        defer { Timing.shared?.add("model", Timing.now() - modelStart) }
        var kind = CurriculumReader.kind(of: result.document)
        var diagnostics = result.diagnostics
        var model: FileModel?
        var framework: Framework?
        if asFramework && !result.failed || kind == .framework {
            kind = .framework
            let (read, schema) = FrameworkReader.read(result.document, path: path, budget: budget)
            framework = read
            diagnostics += schema
        } else if kind == .curriculum {
            let (read, schema) = CurriculumReader.read(result.document, path: path)
            model = read
            diagnostics += schema
        } else if asFramework {
            // A framework named in the configuration or on the command line that does not parse
            // is reported, and counted as a framework file.
            kind = .framework
        } else if result.failed && (named || result.notText || Self.looksLikeLintTarget(bytes)) {
            // A broken file named on the command line, or one that mentions a curriculum or
            // framework key, is reported; other broken YAML (templates, say) is skipped.
            kind = .curriculum
        } else if kind == .other && named && !asFramework {
            // A file named on the command line must be a curriculum map or a framework
            // (FORMAT.md): an empty one, or other YAML, is reported, never passed over in silence.
            let empty = result.document.root.map { result.document.isNull($0) } ?? true
            let at = result.document.root.map { Location(path: path, node: result.document[$0]) }
                ?? Location(path: path, start: Position(line: 1, column: 1), end: Position(line: 1, column: 1))
            diagnostics = [Diagnostic(
                problem: .schema, severity: .error,
                message: empty ? "this file is empty: it is named to be linted, but holds no curriculum map"
                    : "this file is neither a curriculum map (`curriculum:`) nor a standards framework (`framework:`)",
                location: at,
                help: empty ? "write a curriculum map here (`sequencelint init` writes a starter), or do not name this file"
                    : "add `curriculum:` (and `grade:`, `units:`) to make it a curriculum map, or do not name this file")]
            kind = .curriculum
        } else if kind == .other {
            diagnostics = []
        }
        var loaded = LoadedFile(path: path, bytes: bytes, kind: kind, model: model, framework: framework, diagnostics: diagnostics)
        // A file that did not parse ran no rules, and its quoted strings are unknown: its
        // comments are not read as suppressions.
        if kind != .other, !result.failed, SuppressionScanner.mayContain(bytes) {
            loaded.suppressions = SuppressionScanner.scan(bytes, path: path, textSpans: result.document.textSpans)
            // A second document is not read: a comment in it suppresses nothing (and is not reported).
            if let second = result.document.secondDocumentStart {
                loaded.suppressions.removeAll { $0.location.start >= second }
            }
        }
        return loaded
    }

    /// Reads and loads files in parallel, one per core at a time.
    func loadAll(_ paths: [(path: String, asFramework: Bool)], named: Set<ByteKey>, limits: YAMLLimits,
                 budget: SuggestionBudget) throws -> [LoadedFile] {
        let results = parallelMap(paths.count) { i -> Result<LoadedFile, LintError> in
            let (path, asFramework) = paths[i]
            do {
                // A file over the limit is reported without being read (twelve of them would
                // otherwise hold 64 MiB each).
                var info = stat()
                if SourceDiscovery.withRawPath(path, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limits.maxBytes {
                    return .success(LoadedFile(path: path, bytes: [], kind: .curriculum, model: nil, framework: nil,
                                               diagnostics: YAMLLoader.oversized(path: path, limits: limits).diagnostics, onDisk: true))
                }
                let readStart = Timing.shared != nil ? Timing.now() : 0
                let bytes = try SourceDiscovery.readFile(path, limit: limits.maxBytes)
                Timing.shared?.add("read", Timing.now() - readStart)
                var file = Self.load(path: path, bytes: bytes, limits: limits, asFramework: asFramework,
                                     named: asFramework || named.contains(ByteKey(path)), budget: budget)
                // The text is read again for the few files a report quotes: holding every
                // file until the end would double the memory of a large run.
                file.bytes = []
                file.onDisk = true
                return .success(file)
            } catch let error as LintError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(path, "\(error)"))
            }
        }
        return try results.map { try $0.get() }
    }

    func run(_ files: consuming [LoadedFile], request: LintRequest, budget: SuggestionBudget = SuggestionBudget()) -> LintResult {
        runWithContext(files, request: request, budget: budget).result
    }

    /// Lints, then hands the run's context and result to `build` (`sequencelint review`): the
    /// review measures the same model the rules saw, and takes its verdicts from their findings
    /// at the severities this request runs them at.
    public func review<T>(_ request: LintRequest,
                          build: (LintContext, LintResult, _ severity: (RuleDescription) -> Severity) -> T) throws -> (LintResult, T) {
        for id in request.enable + request.disable + Array(request.severities.keys) + Array(request.options.keys) {
            try validateRuleID(id)
        }
        let budget = SuggestionBudget()
        var request = request
        if request.limits.runAliasBudget == nil { request.limits.runAliasBudget = SuggestionBudget(request.limits.maxAliasExpansion) }
        let (files, outside) = try loadFiles(request, budget: budget)
        let (linted, context) = runWithContext(files, request: request, budget: budget)
        var result = linted
        result.notices = outside.map { "not following \($0): the symlink leads out of the folder being linted" } + result.notices
        let built = build(context, result) { self.severity(of: $0, in: request) }
        // Tearing down the model, graphs and standards of a large run takes a while: another
        // thread does it while the caller goes on to report.
        releaseInBackground(consume context)
        return (result, built)
    }

    /// `review` over in-memory files (path, bytes): for tests and the fuzzer.
    public func reviewSources<T>(_ sources: [(path: String, bytes: [UInt8])], request: LintRequest,
                                 build: (LintContext, LintResult, _ severity: (RuleDescription) -> Severity) -> T) throws -> (LintResult, T) {
        let loaded = sources.map { Self.load(path: $0.path, bytes: $0.bytes, limits: request.limits, asFramework: false) }
        let (result, context) = runWithContext(loaded, request: request, budget: SuggestionBudget())
        return (result, build(context, result) { self.severity(of: $0, in: request) })
    }

    func runWithContext(_ files: consuming [LoadedFile], request: LintRequest, budget: SuggestionBudget) -> (result: LintResult, context: LintContext) {
        // Taken apart as it is read, so each file's model is freed once the curricula hold it.
        var loaded = files
        var loadDiagnostics: [Diagnostic] = []
        var fileModels: [FileModel] = []
        var frameworks: [Framework] = []
        var sources: [ByteKey: [UInt8]] = [:]
        var skipped: [String] = []
        var fileCount = 0
        var suppressions: [ByteKey: [Suppression]] = [:]
        var allPaths: [String] = []
        var curriculumFiles = 0
        var curriculumPaths: [String] = []
        var frameworkFiles = 0
        for i in loaded.indices {
            let file = loaded[i]
            allPaths.append(file.path)
            // A curriculum map that does not parse is still one (it is reported, not skipped).
            if file.model != nil || (file.kind == .curriculum && file.framework == nil) {
                curriculumFiles += 1
                curriculumPaths.append(file.path)
            }
            if file.kind == .framework { frameworkFiles += 1 }
            loaded[i].model = nil
            loaded[i].bytes = []
            if file.kind == .other {
                skipped.append(file.path)
                continue
            }
            fileCount += 1
            loadDiagnostics += file.diagnostics
            if !file.suppressions.isEmpty { suppressions[ByteKey(file.path)] = file.suppressions }
            if let model = file.model { fileModels.append(model) }
            if let framework = file.framework { frameworks.append(framework) }
            if !file.onDisk { sources[ByteKey(file.path)] = file.bytes }
        }
        if let path = request.configuration.path, let bytes = try? SourceDiscovery.readFile(path, limit: 4 << 20) {
            sources[ByteKey(path)] = bytes
            if SuppressionScanner.mayContain(bytes) {
                suppressions[ByteKey(path)] = SuppressionScanner.scan(bytes, path: path, textSpans: YAMLLoader.load(bytes, path: path).document.textSpans)
            }
        }
        loaded = []
        var model = Timing.measure("assemble curricula") { ModelBuilder.build(fileModels) }
        fileModels = []
        model.frameworks = frameworks.sorted { $0.path < $1.path }
        let builtins = Self.attachBuiltins(to: &model, request: request)
        for id in builtins {
            if let text = BuiltinFrameworks.text(id) { sources[ByteKey(BuiltinFrameworks.path(id))] = Array(text.utf8) }
        }
        var notices: [String] = []
        if request.configuration.inferHierarchy {
            for i in model.frameworks.indices {
                let made = model.frameworks[i].inferHierarchy()
                if made > 0 {
                    notices.append("framework \(model.frameworks[i].displayName) (\(model.frameworks[i].path)) has no parent links; \(made) inferred from its codes (`infer-hierarchy: false` turns this off)")
                }
            }
        }
        var options = request.configuration.options
        for (rule, values) in request.options { options[rule, default: [:]].merge(values) { $1 } }
        let context = Timing.measure("graph and standards") {
            LintContext(model: model, loadDiagnostics: loadDiagnostics, options: options, configuration: request.configuration,
                        suggestionBudget: budget)
        }
        let rulesStart = Timing.shared != nil ? Timing.now() : 0
        var diagnostics: [Diagnostic] = []
        // Rules only read the context: they run side by side, and their findings are joined in
        // catalog order (then sorted), so the output does not depend on which finished first.
        // Each rule's severity, once: it decides which rules run and how their findings are reported.
        let levels: [Severity] = rules.map { severity(of: $0.description, in: request) }
        let active: [any Rule.Type] = zip(rules, levels).filter { $0.1 != .off }.map { $0.0 }
        let activeLevels = levels.filter { $0 != .off }
        let findings = parallelMap(active.count) { i in
            Timing.measure("rule \(active[i].description.id)") { active[i].init().check(context) }
        }
        // A rule may report some findings below its severity (an unresolved CASE reference is a
        // warning); configuration or --enable sets them all.
        func leveled(_ found: [Diagnostic], _ index: Int) -> [Diagnostic] {
            let description = active[index].description
            let severity = activeLevels[index]
            let configured = request.severities[description.id] != nil || request.configuration.severities[description.id] != nil
                || (request.enable.contains(description.id) && description.defaultSeverity == .off)
            return found.map { diagnostic in
                var diagnostic = diagnostic
                if configured || diagnostic.severity >= description.reportingSeverity { diagnostic.severity = severity }
                return diagnostic
            }
        }
        for (index, found) in findings.enumerated() { diagnostics += leveled(found, index) }
        // Load problems, and the frameworks' own, are the engine's to report, under their kind's
        // id at the severity configured for it; one whose id no rule of the catalog has keeps its
        // own severity, so a catalog without `schema` still shows schema errors.
        var activeIndex: [String: Int] = [:]
        for (i, rule) in active.enumerated() { activeIndex[rule.description.id] = i }
        let catalog = Set(rules.map { $0.description.id })
        for problem in loadDiagnostics + model.frameworks.flatMap(\.findings) {
            if let i = activeIndex[problem.rule] {
                diagnostics += leveled([problem], i)
            } else if !catalog.contains(problem.rule) {
                diagnostics.append(problem)
            }
        }
        Timing.shared?.record("rules (all)", since: rulesStart)
        let finishStart = Timing.shared != nil ? Timing.now() : 0
        defer { Timing.shared?.record("suppress, sort", since: finishStart) }
        var suppressed = 0
        if !suppressions.isEmpty {
            let applied = SuppressionEngine.apply(suppressions, to: diagnostics)
            diagnostics = applied.kept
            suppressed = applied.suppressed
            // Rules that judge the suppressions themselves run now that every finding is known.
            let usage = SuppressionUsage(suppressions: suppressions, used: applied.used,
                                         known: Set(rules.map { $0.description.id }), ran: Set(active.map { $0.description.id }))
            for (index, rule) in active.enumerated() { diagnostics += leveled(rule.init().checkSuppressions(usage), index) }
        }
        diagnostics.sort(by: Diagnostic.ordered)
        // The same finding twice (an aliased lesson, say) is reported once.
        var unique: [Diagnostic] = []
        unique.reserveCapacity(diagnostics.count)
        for d in diagnostics where unique.last != d { unique.append(d) }
        diagnostics = unique
        // Snippets need the text of the files findings point into; those on disk are read again.
        if request.quotesSources {
            // Gathered by interned file first (one path per file id), then as paths.
            var quotedFiles = Set<FileID>()
            for d in diagnostics {
                quotedFiles.insert(d.location.file)
                for note in d.notes { quotedFiles.insert(note.location.file) }
            }
            let quoted = Set(quotedFiles.map { ByteKey($0.path) })
            // A file over the size limit was never loaded: quote at most its first MiB, not all of it.
            let oversized = Set(diagnostics.lazy.filter { $0.isProblem(.syntax) && $0.message.contains("larger than") }.map { ByteKey($0.location.path) })
            for path in quoted where sources[path] == nil {
                sources[path] = try? SourceDiscovery.readFile(path.string, limit: oversized.contains(path) ? 1 << 20 : request.limits.maxBytes)
            }
        }
        var result = LintResult(diagnostics: diagnostics, sources: sources, fileCount: fileCount,
                          unitCount: model.curricula.reduce(0) { $0 + $1.units.count },
                          lessonCount: model.curricula.reduce(0) { $0 + $1.lessons.count },
                          skipped: skipped.sorted(), rules: rules.map { $0.description })
        result.suppressed = suppressed
        result.filesRead = allPaths + (request.configuration.path.map { [$0] } ?? [])
        result.curriculumFileCount = curriculumFiles
        result.curriculumPaths = curriculumPaths
        result.notices = notices
        result.frameworkFileCount = frameworkFiles
        result.builtinFrameworks = builtins
        return (result, context)
    }
}
