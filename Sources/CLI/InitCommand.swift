import ArgumentParser
import Foundation
import SequenceLintKit

extension SequenceLintCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starter .sequencelint.yml and a one-unit curriculum map; never overwrites (exit 2).",
            discussion: "Writes FOLDER/\(StarterFiles.configurationName) and FOLDER/\(StarterFiles.curriculumName), commented, "
                + "creating FOLDER when needed. When either file exists, nothing is written and the exit status is 2.")

        @Argument(help: "The folder to write the files into (default: the current folder).")
        var folder: String = "."

        func run() throws {
            let targets = StarterFiles.all.map { (path: folder == "." ? $0.name : (folder.hasSuffix("/") ? folder : folder + "/") + $0.name, text: $0.text) }
            for target in targets where Output.exists(target.path) {
                printError("refusing to overwrite \(target.path): it exists (nothing was written)")
                throw ioFailure
            }
            if !Output.exists(folder) {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    printError("cannot create folder \(folder): \(error.localizedDescription)")
                    throw ioFailure
                }
            }
            var written: [String] = []
            for target in targets {
                do {
                    try Output.createFile(Array(target.text.utf8), at: target.path)
                } catch {
                    // Nothing is left half done: a file written a moment ago is taken back.
                    for path in written { _ = unlink(path) }
                    printError(error.description + (written.isEmpty ? "" : " (nothing was written)"))
                    throw ioFailure
                }
                written.append(target.path)
            }
            try emit(written.map { "wrote \($0)\n" }.joined()
                + "next: run `sequencelint`\(folder == "." ? "" : " in \(folder)") to lint the map, then make both files your own\n")
        }
    }
}
