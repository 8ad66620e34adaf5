import Foundation
import SequenceLintKit

extension SequenceLintCommand.Lint {
    /// Prints the statistics after the report: on standard output when the report went there in a
    /// format for people (text, gcc), else on standard error, so that machine output stays valid.
    func printStatistics(_ diagnostics: [Diagnostic], toStandardOutput: Bool) throws {
        let text = RuleStatistics.render(diagnostics)
        if toStandardOutput && (format == .text || format == .gcc) {
            try emit(text)
        } else {
            Output.standardError(text)
        }
    }
}
