import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The language server's view of a workspace: the files of its folder, the editor's unsaved
/// buffers over them, each file's last load (reused while its text is unchanged) and the last
/// run's findings. Every check is the engine's own: a lint here is `Linter.runWithContext` over
/// the loaded files, as on the command line.
final class LSPWorkspace {
    /// A document the editor has open: its text wins over the file on disk.
    struct OpenDocument {
        var uri: String
        var version: Int
        var source: SourceFile
    }

    /// One file's last load, and what it was loaded from.
    struct CachedFile {
        var bytes: [UInt8]
        var stamp: FileStamp?
        var loaded: Linter.LoadedFile
        /// Whether the YAML did not parse (the last good load is used for the other files).
        var failed: Bool
    }

    let linter: Linter
    /// The workspace folder, as shown (relative to the server's current folder when under it).
    var root: String
    /// Open documents by path as shown.
    var open: [ByteKey: OpenDocument] = [:]
    /// The YAML files of the workspace folder (refreshed when files are created or deleted).
    var files: [String] = []
    var cache: [ByteKey: CachedFile] = [:]
    /// The last load that parsed, for documents whose current text does not.
    var lastGood: [ByteKey: Linter.LoadedFile] = [:]
    /// The configuration in force (the last valid one when the file has problems).
    var configuration = Configuration()
    /// Problems of the configuration file, shown on it.
    var configurationProblems: [Diagnostic] = []
    /// The last run: its findings by file, its context (for hover, definition, completion).
    var findings: [ByteKey: [Diagnostic]] = [:]
    var context: LintContext?
    /// Files the last run read, as shown.
    var filesRead: [String] = []

    init(linter: Linter, root: String) {
        self.linter = linter
        self.root = SourceDiscovery.displayPath(root)
        refresh()
    }

    /// Finds the workspace's files and reads its configuration again.
    func refresh() {
        files = (try? SourceDiscovery.discover([root]).files) ?? []
        loadConfiguration()
        // Forget files that are gone, and the text of files that may have changed on disk.
        let present = Set(files.map { ByteKey($0) })
        cache = cache.filter { present.contains($0.key) || open[$0.key] != nil }
        lastGood = lastGood.filter { present.contains($0.key) || open[$0.key] != nil }
        indexed = indexed.filter { $0.key.string.hasPrefix(BuiltinFrameworks.prefix) }
    }

    func loadConfiguration() {
        guard let path = ConfigurationReader.discover(from: root) else {
            configuration = Configuration()
            configurationProblems = []
            return
        }
        let (read, problems) = ConfigurationReader.read(path, rules: linter.rules.map { $0.description })
        configurationProblems = problems
        if problems.isEmpty { configuration = read }
    }

    /// The text of files that are not open, with their line index (kept while the file is the
    /// same: every note into a framework needs its lines).
    private var indexed: [ByteKey: SourceFile] = [:]

    /// The text of a file: the editor's buffer when open, else the file (nil when unreadable).
    func source(_ path: String) -> SourceFile? {
        let key = ByteKey(path)
        if let document = open[key] { return document.source }
        if let known = indexed[key], cache[key].map({ $0.bytes == known.bytes }) ?? true { return known }
        let made: SourceFile?
        if let cached = cache[key] {
            made = SourceFile(cached.bytes)
        } else if path.hasPrefix(BuiltinFrameworks.prefix), let text = BuiltinFrameworks.text(String(path.dropFirst(BuiltinFrameworks.prefix.count))) {
            made = SourceFile(Array(text.utf8))
        } else {
            made = (try? SourceDiscovery.readFile(path, limit: YAMLLimits().maxBytes)).map(SourceFile.init)
        }
        indexed[key] = made
        return made
    }

    /// Loads a file, reusing its last load when the text is the same.
    private func load(_ path: String, asFramework: Bool) -> CachedFile? {
        let key = ByteKey(path)
        let limits = YAMLLimits()
        let bytes: [UInt8]
        var stamp: FileStamp?
        if let document = open[key] {
            bytes = document.source.bytes
            if let cached = cache[key], cached.stamp == nil, cached.bytes == bytes { return cached }
        } else {
            stamp = FileStamp(path)
            if let cached = cache[key], let stamp, cached.stamp == stamp { return cached }
            guard let read = try? SourceDiscovery.readFile(path, limit: limits.maxBytes) else { return nil }
            bytes = read
            if let cached = cache[key], cached.bytes == bytes {
                cache[key]?.stamp = stamp
                return cache[key]
            }
        }
        var loaded = Linter.load(path: path, bytes: bytes, limits: limits, asFramework: asFramework, named: false)
        // The report never quotes snippets here: no file is read again for them.
        loaded.bytes = []
        loaded.onDisk = false
        let failed = loaded.diagnostics.contains { $0.isProblem(.syntax) && $0.severity == .error }
        let entry = CachedFile(bytes: bytes, stamp: stamp, loaded: loaded, failed: failed)
        cache[key] = entry
        if !failed, loaded.kind != .other { lastGood[key] = loaded }
        return entry
    }

    /// Lints the workspace with the open buffers; returns the findings of every file.
    @discardableResult
    func lint() -> [ByteKey: [Diagnostic]] {
        var request = LintRequest(paths: [root])
        request.configuration = configuration
        var paths: [(String, Bool)] = []
        var seen = Set<ByteKey>()
        for path in configuration.frameworks where BuiltinFrameworks.id(fromReference: path) == nil {
            if seen.insert(ByteKey(SourceDiscovery.canonical(path))).inserted { paths.append((path, true)) }
        }
        let openPaths = open.keys.map(\.string).filter(Self.isYAML)
        for path in (files + openPaths) where !configuration.isExcluded(path) || open[ByteKey(path)] != nil {
            if seen.insert(ByteKey(SourceDiscovery.canonical(path))).inserted { paths.append((path, false)) }
        }
        var loaded: [Linter.LoadedFile] = []
        var fresh: [ByteKey: [Diagnostic]] = [:]
        for (path, asFramework) in paths {
            guard let entry = load(path, asFramework: asFramework) else { continue }
            let key = ByteKey(path)
            if entry.failed, let good = lastGood[key] {
                // A half-typed document keeps its last good graph for the other files; its own
                // findings are the YAML problems of its current text.
                loaded.append(good)
                fresh[key] = entry.loaded.diagnostics
            } else {
                loaded.append(entry.loaded)
            }
        }
        let (result, context) = linter.runWithContext(loaded, request: request, budget: SuggestionBudget())
        self.context = context
        filesRead = result.filesRead
        var byPath: [ByteKey: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics { byPath[ByteKey(diagnostic.location.path), default: []].append(diagnostic) }
        for (key, diagnostics) in fresh { byPath[key] = diagnostics.sorted(by: Diagnostic.ordered) }
        if let path = ConfigurationReader.discover(from: root), !configurationProblems.isEmpty {
            byPath[ByteKey(path), default: []] += configurationProblems
        }
        findings = byPath
        return byPath
    }

    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml") || path.hasSuffix(".json")
    }

    /// The curriculum a file belongs to, by index.
    func curriculum(of path: String) -> Int? {
        context?.model.curricula.firstIndex { $0.files.contains { ByteKey($0.path) == ByteKey(path) } }
    }

    /// The frameworks a file's codes are read against: its curriculum's, or the framework it defines.
    func frameworks(for path: String) -> [Framework] {
        guard let context else { return [] }
        if let c = curriculum(of: path) {
            return context.standards[c].frameworks.map { context.model.frameworks[$0] }
        }
        if let own = context.model.frameworks.first(where: { ByteKey($0.path) == ByteKey(path) }) { return [own] }
        return context.model.frameworks
    }
}
