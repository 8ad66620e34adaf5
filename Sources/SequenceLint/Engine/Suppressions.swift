import CYAML

/// An inline suppression comment: `# sequencelint-disable-line RULE[, RULE] [-- reason]`,
/// `# sequencelint-disable-next-line …`, `# sequencelint-disable-file …`.
public struct Suppression: Sendable {
    /// What the comment covers.
    public enum Scope: String, Sendable {
        case line = "disable-line"
        case nextLine = "disable-next-line"
        case file = "disable-file"
    }

    /// What it covers.
    public var scope: Scope
    /// Rule ids named, each with where it is written; empty means every rule.
    public var rules: [(id: String, location: Location)]
    /// The whole comment.
    public var location: Location
    /// The reason after `--`, if given.
    public var reason: String?

    /// The line whose findings it covers (nil: the whole file).
    public var coveredLine: Int? {
        switch scope {
        case .line: location.start.line
        case .nextLine: location.start.line + 1
        case .file: nil
        }
    }
}

/// Finds suppression comments in a file's text.
public enum SuppressionScanner {
    static let marker = Array("sequencelint-".utf8)

    /// The suppressions of a file. `textSpans` are the quoted and block scalars, where `#` is text.
    public static func scan(_ bytes: [UInt8], path: String, textSpans: [(start: Position, end: Position)]) -> [Suppression] {
        var out: [Suppression] = []
        let source = SourceFile(bytes)
        let starts = source.lineStarts
        var lineIndex = 0
        var i = 0
        let n = bytes.count
        while i + marker.count <= n {
            guard bytes[i] == UInt8(ascii: "s"), bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            while lineIndex + 1 < starts.count, starts[lineIndex + 1] <= i { lineIndex += 1 }
            let lineStart = starts[lineIndex]
            let lineEnd = source.lineRange(lineIndex + 1).upperBound
            // A marker that is not a suppression comment (an id like `sequencelint-intro`) does
            // not hide one later on the same line: the search goes on from the next byte.
            var consumed = false
            defer { i = consumed ? max(i + 1, lineEnd) : i + 1 }
            // The comment's `#`: at the line start or after a blank, and before the marker.
            var hash = -1
            var j = lineStart
            while j < i {
                if bytes[j] == UInt8(ascii: "#"), j == lineStart || bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 {
                    let column = source.position(ofByte: j).column
                    let at = Position(line: lineIndex + 1, column: column)
                    if !textSpans.contains(where: { at >= $0.start && at <= $0.end }) {
                        hash = j
                        break
                    }
                }
                j += 1
            }
            guard hash >= 0 else { continue }
            // Only blanks between `#` and the marker.
            guard bytes[(hash + 1)..<i].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            consumed = true
            let text = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
            let body = text.dropFirst("sequencelint-".count)
            let scope: Suppression.Scope
            if body.hasPrefix("disable-next-line") { scope = .nextLine }
            else if body.hasPrefix("disable-line") { scope = .line }
            else if body.hasPrefix("disable-file") { scope = .file }
            else { continue }
            var rest = Substring(body.dropFirst(scope.rawValue.count))
            if let first = rest.first, first != " ", first != "\t" { continue }
            var reason: String?
            if let dash = rest.range(of: "--") {
                reason = String(rest[dash.upperBound...]).trimmingSpaces
                rest = rest[..<dash.lowerBound]
            }
            // Rule ids with their columns.
            var rules: [(String, Location)] = []
            let restStart = source.position(ofByte: i).column + "sequencelint-".count + scope.rawValue.count
            var column = restStart
            var current = ""
            var currentStart = column
            for ch in rest.unicodeScalars {
                if ch == "," || ch == " " || ch == "\t" {
                    if !current.isEmpty {
                        rules.append((current, Location(path: path, start: Position(line: lineIndex + 1, column: currentStart),
                                                         end: Position(line: lineIndex + 1, column: column - 1))))
                        current = ""
                    }
                } else {
                    if current.isEmpty { currentStart = column }
                    current.unicodeScalars.append(ch)
                }
                column += 1
            }
            if !current.isEmpty {
                rules.append((current, Location(path: path, start: Position(line: lineIndex + 1, column: currentStart),
                                                 end: Position(line: lineIndex + 1, column: column - 1))))
            }
            let commentStart = source.position(ofByte: hash).column
            let commentEnd = source.position(ofByte: lineEnd).column - 1
            out.append(Suppression(scope: scope, rules: rules,
                                   location: Location(path: path, start: Position(line: lineIndex + 1, column: commentStart),
                                                      end: Position(line: lineIndex + 1, column: max(commentStart, commentEnd))),
                                   reason: reason))
        }
        return out
    }

    /// Whether the text mentions a suppression at all (a quick check before scanning).
    public static func mayContain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { haystack in
            marker.withUnsafeBytes { needle in
                // Led by its `q`, a rare letter: `s` would stop the search at every other word.
                haystack.count >= needle.count
                    && sequencelint_contains_by(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count, 2) != 0
            }
        }
    }
}

/// What the suppressions of a run hid: handed to the rules after the others ran
/// (`Rule.checkSuppressions`), since whether a suppression hides anything depends on their findings.
public struct SuppressionUsage: Sendable {
    /// Every file's suppressions.
    public let suppressions: [ByteKey: [Suppression]]
    /// For each suppression, whether each rule it names hid a finding (one entry when it names none).
    public let used: [ByteKey: [[Bool]]]
    /// The rule ids of the catalog.
    public let known: Set<String>
    /// The rules that ran this time: a suppression of a rule that did not run hid nothing by chance.
    public let ran: Set<String>
}

/// Applies suppressions to findings.
public enum SuppressionEngine {
    /// The findings left, how many were suppressed, and which suppressions hid something.
    public static func apply(_ suppressions: [ByteKey: [Suppression]], to diagnostics: [Diagnostic])
        -> (kept: [Diagnostic], suppressed: Int, used: [ByteKey: [[Bool]]]) {
        var used: [ByteKey: [[Bool]]] = suppressions.mapValues { $0.map { s in Array(repeating: false, count: max(1, s.rules.count)) } }
        // Each file's suppressions by the line they cover (file-wide ones apart): a finding looks
        // only at its own line's, so applying them is linear in findings plus suppressions.
        var fileWide: [ByteKey: [Int]] = [:]
        var byLine: [ByteKey: [Int: [Int]]] = [:]
        for (path, list) in suppressions {
            for (k, s) in list.enumerated() {
                if let line = s.coveredLine { byLine[path, default: [:]][line, default: []].append(k) } else { fileWide[path, default: []].append(k) }
            }
        }
        var kept: [Diagnostic] = []
        var suppressed = 0
        for d in diagnostics {
            var hidden = false
            let path = ByteKey(d.location.path)
            if let list = suppressions[path] {
                for k in (fileWide[path] ?? []) + (byLine[path]?[d.location.start.line] ?? []) {
                    let s = list[k]
                    if s.rules.isEmpty {
                        used[path]![k][0] = true
                        hidden = true
                    } else if let r = s.rules.firstIndex(where: { $0.id == d.rule }) {
                        used[path]![k][r] = true
                        hidden = true
                    }
                }
            }
            if hidden { suppressed += 1 } else { kept.append(d) }
        }
        return (kept, suppressed, used)
    }
}
