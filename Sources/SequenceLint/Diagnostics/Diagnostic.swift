import Foundation

/// How much a diagnostic matters: `error` fails the run, `warning` fails it under `--strict`
/// or past `--max-warnings`, `info` never does, `off` disables a rule.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case off, info, warning, error

    private var rank: Int {
        switch self {
        case .off: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A span in a file: path, first and last character (both inclusive, 1-based).
public struct Location: Hashable, Sendable {
    /// The file, interned: a location is plain data, so model values copy without reference counting.
    public var file: FileID
    /// The first character.
    public var start: Position
    /// The last character (inclusive).
    public var end: Position

    /// The file's path as shown in output.
    public var path: String {
        get { file.path }
        set { file = FileID(newValue) }
    }

    /// Creates a location.
    public init(file: FileID, start: Position, end: Position) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// Creates a location, interning the path.
    public init(path: String, start: Position, end: Position) {
        self.init(file: FileID(path), start: start, end: end)
    }

    /// A location covering one YAML node.
    public init(file: FileID, node: YAMLNode) {
        self.init(file: file, start: node.start, end: node.end)
    }

    /// A location covering one YAML node, interning the path.
    public init(path: String, node: YAMLNode) {
        self.init(file: FileID(path), start: node.start, end: node.end)
    }
}

/// An interned file path: one small number per distinct path for the whole process.
public struct FileID: Hashable, Sendable {
    let raw: Int32

    /// The id of a path (interned on first use).
    public init(_ path: String) { raw = PathTable.shared.intern(path) }

    /// The path.
    public var path: String { PathTable.shared.path(raw) }
}

/// The process's interned paths.
final class PathTable: @unchecked Sendable {
    static let shared = PathTable()
    private let lock = NSLock()
    private var paths: [String] = []
    // By bytes: names that differ only by Unicode normalization are different files.
    private var ids: [ByteKey: Int32] = [:]

    func intern(_ path: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[ByteKey(path)] { return id }
        let id = Int32(paths.count)
        paths.append(path)
        ids[ByteKey(path)] = id
        return id
    }

    func path(_ id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return paths[Int(id)]
    }
}

/// A related place, shown under the diagnostic with its own snippet.
public struct Note: Hashable, Sendable {
    /// What the place is, in the curriculum's terms.
    public var message: String
    /// Where it is.
    public var location: Location

    /// Creates a note.
    public init(_ message: String, at location: Location) {
        self.message = message
        self.location = location
    }
}

/// How safe a fix is to apply without asking (RULES.md).
public enum Applicability: String, Hashable, Sendable {
    /// Applying it cannot change what the author meant (quoting a title).
    case safe
    /// A guess, such as a "did you mean" with one clear winner.
    case unsafe
}

/// A machine-applicable edit: replace the text of `location` with `replacement`.
public struct Fix: Hashable, Sendable {
    /// What the edit does.
    public var message: String
    /// The span to replace.
    public var location: Location
    /// The new text (empty to delete).
    public var replacement: String
    /// Whether `--fix` applies it (`safe`) or only `--unsafe-fixes` does.
    public var applicability: Applicability

    /// Creates a fix; unsafe unless said otherwise.
    public init(_ message: String, location: Location, replacement: String, applicability: Applicability = .unsafe) {
        self.message = message
        self.location = location
        self.replacement = replacement
        self.applicability = applicability
    }
}

/// The one type for every problem sequencelint reports: YAML, schema and rule findings alike.
public struct Diagnostic: Hashable, Sendable {
    /// The rule id, e.g. `prerequisite-order`.
    public var rule: String
    /// The effective severity.
    public var severity: Severity
    /// Lower-case, no final period, in the curriculum's terms.
    public var message: String
    /// The anchor: the most specific place the problem is at.
    public var location: Location
    /// Related places.
    public var notes: [Note]
    /// How to fix it.
    public var help: String?
    /// A mechanical fix, where there is one.
    public var fix: Fix?

    /// Creates a diagnostic.
    public init(rule: String, severity: Severity, message: String, location: Location,
                notes: [Note] = [], help: String? = nil, fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
        self.fix = fix
    }

    /// The output order: path, line, column, rule, then message for ties.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.file != b.location.file, a.location.path != b.location.path { return a.location.path < b.location.path }
        if a.location.start != b.location.start { return a.location.start < b.location.start }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

extension Diagnostic {
    /// A key that survives edits which move lines: rule, file and the message with counts and
    /// distances blanked (`2 lessons later` → `# lessons later`), ids and codes kept.
    public var fingerprintKey: String {
        var normalized = ""
        let scalars = Array(message.unicodeScalars)
        var i = 0
        func isWordish(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "-" || s == "_"
        }
        while i < scalars.count {
            // A number in quotes is an id ('101'), kept; a bare one is a count or distance, blanked.
            if ("0"..."9").contains(scalars[i]), i == 0 || (!isWordish(scalars[i - 1]) && scalars[i - 1] != "'") {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                if j == scalars.count || (!isWordish(scalars[j]) && scalars[j] != "'") {
                    normalized += "#"
                    i = j
                    continue
                }
            }
            normalized.unicodeScalars.append(scalars[i])
            i += 1
        }
        // "1 lesson later" and "2 lessons later" are the same finding.
        for (plural, singular) in [(" lessons", " lesson"), (" grades", " grade"), (" minutes", " minute"), (" standards", " standard")] {
            normalized = normalized.replacingOccurrences(of: "#" + plural, with: "#" + singular)
        }
        return rule + "\u{1F}" + location.path + "\u{1F}" + normalized
    }

    /// A stable 64-bit hash of `fingerprintKey`, as 16 hex digits.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in fingerprintKey.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Array where Element == Diagnostic {
    /// Each diagnostic's fingerprint, with `:1`, `:2`… added to repeats so every one is unique
    /// within a report (identical findings in one file are told apart by their order).
    public var uniqueFingerprints: [String] {
        var seen: [String: Int] = [:]
        return map { d in
            let print = d.fingerprint
            let n = seen[print, default: 0]
            seen[print] = n + 1
            return n == 0 ? print : "\(print):\(n)"
        }
    }
}
