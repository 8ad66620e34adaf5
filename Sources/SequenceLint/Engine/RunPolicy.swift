#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What stops a command before or after its run: exit status 2 with one line on standard error,
/// after `details` (positioned problems, rendered) when there are any.
package struct RunFailure: Error, CustomStringConvertible {
    /// The line for standard error (without the `sequencelint: error: ` prefix).
    package var message: String
    /// Text printed before it (a configuration's problems, with snippets).
    package var details: String?

    package init(_ message: String, details: String? = nil) {
        self.message = message
        self.details = details
    }

    package var description: String { message }
}

/// A file's identity, size and modification time: what tells that it changed without reading it
/// (`--watch` and the language server).
package struct FileStamp: Equatable, Sendable {
    package var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    /// The stamp of a regular file (following symlinks); nil when there is none.
    package init?(_ path: String) {
        var info = stat()
        guard SourceDiscovery.withRawPath(path, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec); nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec); nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }
}

/// How every command that lints (`lint`, `review`, `graph`) sets up its run and ends it: the
/// configuration, the request, the baseline, the files it may write, the exit status. The
/// command line only parses options and prints.
package enum RunPolicy {
    /// The configuration named (`--config`), else the one discovered from `folder` upward (the
    /// current folder when nil), else the defaults. Problems are a failure with them rendered.
    package static func configuration(named: String?, discoveringFrom folder: String? = nil, rules: [RuleDescription],
                                     color: Bool) throws(RunFailure) -> Configuration {
        let path: String
        if let named {
            guard SourceDiscovery.isReadableFile(named) else { throw RunFailure("cannot read configuration \(named): no such file") }
            path = SourceDiscovery.displayPath(named)
        } else if let found = ConfigurationReader.discover(from: folder) {
            path = found
        } else {
            return Configuration()
        }
        let (configuration, problems) = ConfigurationReader.read(path, rules: rules)
        guard problems.isEmpty else {
            var sources: [ByteKey: [UInt8]] = [:]
            sources[ByteKey(path)] = try? SourceDiscovery.readFile(path, limit: 4 << 20)
            throw RunFailure("invalid configuration \(path) (\(problems.count) problem\(problems.count == 1 ? "" : "s"))",
                             details: TextReporter().render(problems, sources: sources, color: color))
        }
        return configuration
    }

    /// A request for the command line's inputs; an unknown rule id or built-in framework is a failure.
    package static func request(paths: [String], stdin: (path: String, bytes: [UInt8])? = nil, enable: [String] = [],
                               disable: [String] = [], frameworks: [String] = [], configuration: Configuration,
                               linter: Linter) throws(RunFailure) -> LintRequest {
        var request = LintRequest(paths: paths.isEmpty && stdin == nil ? ["."] : paths)
        request.stdin = stdin
        request.enable = enable
        request.disable = disable
        request.frameworks = frameworks
        for reference in frameworks {
            if let id = BuiltinFrameworks.id(fromReference: reference), !BuiltinFrameworks.ids.contains(id) {
                throw RunFailure("no framework '\(id)' is built in\(Suggestions.didYouMean(id, among: BuiltinFrameworks.ids)) (built in: \(BuiltinFrameworks.ids.joined(separator: ", ")))")
            }
        }
        request.configuration = configuration
        for id in enable + disable {
            do { try linter.validateRuleID(id) } catch { throw RunFailure("\(error)") }
        }
        return request
    }

    /// Runs the request, a problem that stops it (an unreadable path, say) being a failure.
    package static func lint(_ request: LintRequest, with linter: Linter) throws(RunFailure) -> LintResult {
        do { return try linter.lint(request) } catch let error as LintError { throw RunFailure(error.description) } catch {
            throw RunFailure("\(error)")
        }
    }

    /// Reads a baseline file (`--baseline`).
    package static func baseline(_ path: String) throws(RunFailure) -> Baseline {
        let bytes: [UInt8]
        do { bytes = try SourceDiscovery.readFile(path, limit: 256 << 20) } catch {
            throw RunFailure((error as? LintError).map { "\($0)" } ?? "cannot read baseline \(path): \(error)")
        }
        let (parsed, problem) = Baseline.parse(bytes, path: path)
        guard let parsed else { throw RunFailure("\(path): \(problem ?? "not a baseline")") }
        return parsed
    }

    /// Hides the baseline's findings from a result; returns the notice about entries that match
    /// nothing any more, if any.
    package static func apply(_ baseline: Baseline, to result: inout LintResult) -> String? {
        let filtered = baseline.filter(result.diagnostics)
        result.diagnostics = filtered.kept
        result.baselined = filtered.hidden
        guard !filtered.stale.isEmpty else { return nil }
        let n = filtered.stale.count
        return "\(n) baseline entr\(n == 1 ? "y matches" : "ies match") no finding any more (fixed?); run with --write-baseline to drop \(n == 1 ? "it" : "them"):\n"
            + filtered.stale.prefix(20).map { "  \($0.path.escapingControls): [\($0.rule)] \($0.message.escapingControls)\n" }.joined()
    }

    /// Fails when a file the command would write is one it reads (the same file through any
    /// path, symlink or hard link), before anything is written.
    package static func checkWrites(_ targets: [String?], reads: [String]) throws(RunFailure) {
        for target in targets.compactMap({ $0 }) {
            if let input = Output.conflict(writing: target, reads: reads) {
                throw RunFailure(WriteFailure.wouldOverwriteInput(target: target, input: input).description)
            }
        }
    }

    /// Writes a file the command produces, never over one it reads.
    package static func write(_ text: String, to path: String, reads: [String], append: Bool = false) throws(RunFailure) {
        do { try Output.writeFile(Array(text.utf8), to: path, reads: reads, append: append) } catch { throw RunFailure(error.description) }
    }

    /// The exit status of a run's findings: 1 when an error is reported, or a warning under
    /// `strict`, or more warnings than `maxWarnings`; else 0.
    package static func exitStatus(_ diagnostics: [Diagnostic], strict: Bool = false, maxWarnings: Int? = nil) -> Int32 {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        return errors > 0 || (strict && warnings > 0) || (maxWarnings.map { warnings > $0 } ?? false) ? 1 : 0
    }
}
