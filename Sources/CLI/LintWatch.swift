import ArgumentParser
import Foundation
import SequenceLintKit
import SequenceLintRules

extension SequenceLintCommand.Lint {
    /// `--watch`: lints, then polls every half second the linted files (found again each time, so
    /// new files count), the configuration and the framework files, and lints again after a
    /// separator line when any of them changes. Runs until interrupted (Ctrl-C) or until standard
    /// output is closed.
    func runWatching() throws {
        if paths.contains("-") { throw ValidationError("--watch reads files: it does not go with `-` (standard input)") }
        if fix || diff { throw ValidationError("--watch does not go with --fix or --diff") }
        if printConfig || writeBaseline != nil { throw ValidationError("--watch does not go with --print-config or --write-baseline") }
        // Ctrl-C (and a polite SIGTERM) end the watch even when the parent started us with them blocked.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        var once = self
        once.watch = false
        var stamps = snapshot()
        var changed: [String] = []
        while true {
            if !changed.isEmpty {
                let names = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
                do {
                    try Output.standardOutput("\n──── \(names) changed; linting again ────\n\n")
                } catch {
                    return
                }
            }
            do {
                try once.run()
            } catch is ExitCode {
                // The status of one run does not end the watch.
            } catch let error as CleanExit {
                _ = error
            } catch {
                printError("\(error)")
            }
            while true {
                usleep(500_000)
                let now = snapshot()
                if now != stamps {
                    changed = Set(now.keys).union(stamps.keys).filter { now[$0] != stamps[$0] }.sorted()
                    stamps = now
                    break
                }
            }
        }
    }

    /// Every file a run depends on, with its stamp (nil when it does not exist).
    func snapshot() -> [String: FileStamp?] {
        // Folders themselves are not watched (an editor's swap file would count): the files found in them are.
        var files = (try? SourceDiscovery.discover(paths.isEmpty ? ["."] : paths).files) ?? []
        if let configuration = config ?? ConfigurationReader.discover() {
            files.append(configuration)
            if SourceDiscovery.isReadableFile(configuration) {
                let read = ConfigurationReader.read(configuration, rules: RuleRegistry.all.map { $0.description }).0
                files += read.frameworks.filter { BuiltinFrameworks.id(fromReference: $0) == nil }
            }
        }
        files += framework.filter { BuiltinFrameworks.id(fromReference: $0) == nil }
        var stamps: [String: FileStamp?] = [:]
        for path in files { stamps[path] = .some(FileStamp(path)) }
        return stamps
    }
}
