import ArgumentParser
import Foundation
import SequenceLintKit
import SequenceLintRules

extension SequenceLintCommand.Lint {
    /// `--fix` and `--diff`: applies the fixes of `result`'s findings (safe ones; unsafe ones too with
    /// `--unsafe-fixes`) to the curriculum maps the run linted, then lints again and returns what is
    /// left. With `--diff`, prints what would change and writes nothing: returns nil when nothing
    /// would, exits 1 when something would. The document read from standard input is printed
    /// fixed on standard output rather than written anywhere.
    func applyFixes(_ result: LintResult, request: LintRequest, linter: Linter) throws -> LintResult? {
        let stdinPath = request.stdin.map { SourceDiscovery.displayPath($0.path) }
        var changed: [(path: String, old: [UInt8], new: [UInt8])] = []
        var applied = 0, skipped = 0
        var fixedStdin = request.stdin?.bytes
        for (path, fixes) in Fixer.fixes(result.diagnostics, includeUnsafe: unsafeFixes, in: result.curriculumPaths) {
            let old: [UInt8]
            if let stdinPath, ByteKey(path) == ByteKey(stdinPath), let bytes = request.stdin?.bytes {
                old = bytes
            } else {
                do {
                    old = try SourceDiscovery.readFile(path, limit: request.limits.maxBytes)
                } catch {
                    printError((error as? LintError).map { "\($0)" } ?? "cannot read \(path): \(error)")
                    throw ioFailure
                }
            }
            let fixed = Fixer.apply(fixes, to: old)
            applied += fixed.applied
            skipped += fixed.skipped
            if fixed.bytes != old { changed.append((path, old, fixed.bytes)) }
        }
        let unsafeLeft = unsafeFixes ? 0 : result.diagnostics.filter { $0.fix?.applicability == .unsafe }.count
        let hint = unsafeLeft > 0 ? "; \(unsafeLeft) more with --unsafe-fixes" : ""
        let files = "\(changed.count) file\(changed.count == 1 ? "" : "s")"
        if diff {
            var text: [UInt8] = []
            for file in changed { text += Fixer.unifiedDiff(path: file.path, old: file.old, new: file.new) }
            do { try Output.write(text, to: STDOUT_FILENO, name: "standard output") } catch .closedPipe {} catch {
                printError(error.description)
                throw ioFailure
            }
            Output.standardError("sequencelint: \(applied) fix\(applied == 1 ? "" : "es") would change \(files)\(hint)\n")
            if changed.isEmpty { return nil }
            throw ExitCode(1)
        }
        for file in changed {
            if let stdinPath, ByteKey(file.path) == ByteKey(stdinPath), request.stdin != nil {
                fixedStdin = file.new
                continue
            }
            do { try Fixer.write(file.new, to: file.path) } catch {
                printError(error.description)
                throw ioFailure
            }
        }
        if let fixedStdin {
            do { try Output.write(fixedStdin, to: STDOUT_FILENO, name: "standard output") } catch .closedPipe {} catch {
                printError(error.description)
                throw ioFailure
            }
        }
        Output.standardError("sequencelint: applied \(applied) fix\(applied == 1 ? "" : "es") in \(files)"
            + (skipped > 0 ? "; \(skipped) overlapping left for another run" : "") + "\(hint)\n")
        var again = request
        if let fixedStdin { again.stdin?.bytes = fixedStdin }
        do {
            return try linter.lint(again)
        } catch let error as LintError {
            printError(error.description)
            throw ioFailure
        }
    }
}
