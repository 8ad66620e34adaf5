import CYAML
import Foundation

/// Safety limits for loading one file; past any of them the file gets a `yaml-syntax` diagnostic.
public struct YAMLLimits: Sendable {
    /// Largest file, in bytes.
    public var maxBytes: Int = 64 << 20
    /// Deepest nesting of collections.
    public var maxDepth: Int = 200
    /// Most nodes that aliases may add when expanded.
    public var maxAliasExpansion: Int = 1_000_000
    /// Alias expansion left for the whole run, shared by its files (nil: only the per-file limit):
    /// ten files just under the per-file limit would otherwise add up.
    public var runAliasBudget: SuggestionBudget?

    /// The default limits.
    public init() {}
}

/// The outcome of loading one file: the document (possibly partial) and the problems found.
public struct YAMLLoadResult: Sendable {
    /// The nodes loaded; `root` is nil when nothing usable was read.
    public var document: YAMLDocument
    /// `yaml-syntax` and `duplicate-key` diagnostics.
    public var diagnostics: [Diagnostic]
    /// True when the YAML could not be read to its end.
    public var failed: Bool
    /// True when the file is not text at all (invalid UTF-8, control characters) or too large.
    public var notText: Bool = false
}

/// Drives libyaml event by event into a `YAMLDocument`, keeping start and end positions.
public enum YAMLLoader {
    /// The result for a file larger than the limit, without reading it.
    public static func oversized(path: String, limits: YAMLLimits = YAMLLimits()) -> YAMLLoadResult {
        var builder = Builder(path: path, limits: limits, source: [])
        builder.notText = true
        builder.syntaxError("the file is larger than \(limits.maxBytes >> 20) MiB, the limit for curriculum files",
                            at: Position(line: 1, column: 1))
        return builder.result()
    }

    /// Loads YAML from bytes; `path` is used in diagnostics.
    public static func load(_ bytes: [UInt8], path: String, limits: YAMLLimits = YAMLLimits()) -> YAMLLoadResult {
        load(bytes, path: path, limits: limits, fast: true)
    }

    /// Loads YAML from bytes. With `fast`, a file written in the common subset of block YAML is
    /// read by `FastYAMLScanner`, which makes the events libyaml would make; any other file (or
    /// with `fast` false, every file) is read by libyaml. The result is the same either way.
    static func load(_ bytes: [UInt8], path: String, limits: YAMLLimits, fast: Bool) -> YAMLLoadResult {
        if let refused = refusal(bytes, path: path, limits: limits) { return refused }
        if fast, let result = loadFast(bytes, path: path, limits: limits) {
            return result
        }
        return loadWithLibYAML(bytes, path: path, limits: limits)
    }

    /// The result for a file that is not parsed at all: too large, or UTF-16.
    static func refusal(_ bytes: [UInt8], path: String, limits: YAMLLimits) -> YAMLLoadResult? {
        if bytes.count > limits.maxBytes {
            return oversized(path: path, limits: limits)
        }
        // libyaml reads UTF-16 with a byte-order mark, but every position here counts UTF-8 bytes:
        // such a file (or one without the mark, a NUL in every other byte) is refused in plain words.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
            || (bytes.count >= 4 && (bytes[0] == 0 || bytes[1] == 0) && (bytes[2] == 0 || bytes[3] == 0) && bytes[0] != bytes[1]) {
            var builder = Builder(path: path, limits: limits, source: bytes)
            builder.notText = true
            builder.syntaxError("the file is encoded as UTF-16; save it as UTF-8 (most editors: \"Save with encoding\", UTF-8)",
                                at: Position(line: 1, column: 1))
            return builder.result()
        }
        return nil
    }

    /// The fast path: nil when the file is not in the subset `FastYAMLScanner` reads (the caller
    /// then reads it with libyaml, from scratch).
    static func loadFast(_ bytes: [UInt8], path: String, limits: YAMLLimits) -> YAMLLoadResult? {
        // The scanner refuses U+2028, U+2029 and NEL, so the builder needs no line map.
        var builder = Builder(path: path, limits: limits, source: bytes, mayHaveUnicodeBreaks: false)
        let accepted = bytes.withUnsafeBufferPointer { buffer in
            var scanner = FastYAMLScanner(buffer)
            builder.reserve(forBytes: buffer.count)
            return scanner.run(into: &builder)
        }
        // A builder that stopped early (past a limit) stops where libyaml's would only if libyaml
        // would also have read that far without an error: leave such files to libyaml.
        guard accepted, !builder.stopped else { return nil }
        return builder.result()
    }

    /// Reads the file with libyaml's parser, converting each of its events.
    static func loadWithLibYAML(_ bytes: [UInt8], path: String, limits: YAMLLimits) -> YAMLLoadResult {
        var builder = Builder(path: path, limits: limits, source: bytes)
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                builder.syntaxError("the YAML parser could not start (out of memory)", at: Position(line: 1, column: 1))
                return
            }
            defer { yaml_parser_delete(&parser) }
            // libyaml reads a zero-length input as an empty stream; give it a valid pointer regardless.
            var empty: UInt8 = 0
            let base = buffer.baseAddress ?? withUnsafeMutablePointer(to: &empty) { UnsafePointer($0) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            while true {
                if yaml_parser_parse(&parser, &event) == 0 {
                    builder.parserError(parser)
                    return
                }
                let keepGoing = builder.handle(YAMLEvent(event))
                let type = event.type
                yaml_event_delete(&event)
                if !keepGoing || type == YAML_STREAM_END_EVENT { return }
            }
        }
        return builder.result()
    }
}

/// A place in the input as libyaml marks it: 0-based line and column, the column counted in
/// Unicode scalars.
struct YAMLMark {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line)
        column = Int(mark.column)
    }
}

/// One parser event, as libyaml makes it: what `Builder` reads, from libyaml (converted) or from
/// `FastYAMLScanner`. Pointers are valid only while the event is handled.
enum YAMLEvent {
    case documentStart(start: YAMLMark)
    /// `value` holds the scalar's bytes; `anchor` is a NUL-terminated name.
    case scalar(start: YAMLMark, end: YAMLMark, value: UnsafeBufferPointer<UInt8>, plain: Bool,
                anchor: UnsafePointer<UInt8>?, tagged: Bool)
    case collectionStart(mapping: Bool, start: YAMLMark, end: YAMLMark, anchor: UnsafePointer<UInt8>?,
                         tagged: Bool, flow: Bool)
    case collectionEnd(start: YAMLMark, end: YAMLMark)
    case alias(start: YAMLMark, end: YAMLMark, anchor: UnsafePointer<UInt8>)
    /// Stream start and end, document end: nothing to build.
    case other

    /// The event of a libyaml event (whose pointers it borrows).
    init(_ event: yaml_event_t) {
        let start = YAMLMark(event.start_mark), end = YAMLMark(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(start: start)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            self = .scalar(start: start, end: end, value: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                           plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, anchor: UnsafePointer(scalar.anchor),
                           tagged: scalar.tag != nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            self = .collectionStart(mapping: false, start: start, end: end, anchor: UnsafePointer(data.anchor),
                                    tagged: data.tag != nil, flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            self = .collectionStart(mapping: true, start: start, end: end, anchor: UnsafePointer(data.anchor),
                                    tagged: data.tag != nil, flow: data.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            self = .collectionEnd(start: start, end: end)
        case YAML_ALIAS_EVENT:
            self = .alias(start: start, end: end, anchor: UnsafePointer(event.data.alias.anchor))
        default:
            self = .other
        }
    }
}

/// What takes parser events (the builder; tests may count them).
protocol YAMLEventSink {
    /// Handles one event; false stops loading.
    mutating func handle(_ event: YAMLEvent) -> Bool
}

struct OpenCollection {
    var node: Int32
    var pendingStart: Int
    var expandedAtOpen: Int
    /// Whether the collection has an anchor (its name is on `Builder.openAnchors`).
    var hasAnchor: Bool
    var isFlow: Bool
}

/// A stack of node indices in storage of its own: the builder pushes every node on it, and
/// Swift arrays check for uniqueness on each change.
final class NodeStack {
    private var base: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) func append(_ value: Int32) {
        if count == capacity { grow() }
        base[count] = value
        count += 1
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    @inline(__always) subscript(index: Int) -> Int32 { base[index] }

    /// The entries from `start` to the top.
    @inline(__always) func entries(from start: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    /// Drops the entries from `start` up.
    @inline(__always) func truncate(to start: Int) { count = start }
}

/// The scalar text being built, in storage of its own (appending to an array costs more than
/// the copy itself for short scalars); it becomes `YAMLDocument.text` at the end.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func reserve(_ wanted: Int) {
        if wanted > capacity { grow(to: wanted) }
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > capacity { grow(to: max(count + n, capacity * 2)) }
        (base + count).update(from: bytes.baseAddress!, count: n)
        count += n
    }

    private func grow(to wanted: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = wanted
    }

    /// The bytes as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The text of `count` bytes from `first`, decoded as `YAMLDocument.string` does.
    func string(first: Int32, count: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: base + Int(first), count: Int(count)), as: UTF8.self)
    }

    /// Whether two ranges hold the same bytes.
    func same(_ a: Int32, _ b: Int32, count: Int32) -> Bool {
        memcmpBytes(base + Int(a), base + Int(b), Int(count))
    }
}

struct Builder: YAMLEventSink {
    let path: String
    let limits: YAMLLimits
    let source: [UInt8]
    var document = YAMLDocument()
    var diagnostics: [Diagnostic] = []
    var failed = false
    var stack: [OpenCollection] = []
    /// The names of the anchored open collections, innermost last.
    var openAnchors: [String] = []
    /// Finished nodes waiting for their collection to close (shared storage: a builder is used
    /// in one place at a time).
    let pending = NodeStack()
    /// The scalar text so far (`document.text` is set from it by `result()`).
    let text = ByteBuffer()
    var anchors: [String: (node: Int32, weight: Int)] = [:]
    var expanded = 0
    var documents = 0
    var notText = false
    /// The text's line index, made when a message or a fix needs it.
    var file: SourceFile?
    /// For files with U+2028, U+2029 or NEL, which libyaml counts as line breaks and editors do
    /// not: the real line and column offset of each libyaml line.
    var lineMap: [(line: Int, offset: Int)]?

    /// Set when `handle` returned false: loading stopped before the end of the stream.
    var stopped = false

    init(path: String, limits: YAMLLimits, source: [UInt8], mayHaveUnicodeBreaks: Bool = true) {
        self.path = path
        self.limits = limits
        self.source = source
        if mayHaveUnicodeBreaks, Self.hasUnicodeBreaks(source) { lineMap = Self.buildLineMap(source) }
    }

    /// Reserves room for the nodes and text of a file of `bytes` bytes in the common layout
    /// (a few nodes a line).
    mutating func reserve(forBytes bytes: Int) {
        document.nodes.reserveCapacity(bytes / 32)
        document.children.reserveCapacity(bytes / 32)
        text.reserve(bytes / 2)
    }

    static func hasUnicodeBreaks(_ s: [UInt8]) -> Bool {
        s.withUnsafeBytes { raw in
            for needle: [UInt8] in [[0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]] {
                let found = needle.withUnsafeBytes { n in
                    raw.count >= n.count && sequencelint_contains(raw.baseAddress, raw.count, n.baseAddress, n.count) != 0
                }
                if found { return true }
            }
            return false
        }
    }

    static func buildLineMap(_ s: [UInt8]) -> [(line: Int, offset: Int)] {
        var map: [(line: Int, offset: Int)] = [(0, 0)]
        var line = 0, column = 0, i = 0
        if SourceFile.hasByteOrderMark(s) { i = 3 }
        while i < s.count {
            let b = s[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < s.count && s[i + 1] == 0x0A)) {
                line += 1
                column = 0
                map.append((line, 0))
            } else if b == 0xC2, i + 1 < s.count, s[i + 1] == 0x85 {
                column += 1
                map.append((line, column))
                i += 1
            } else if b == 0xE2, i + 2 < s.count, s[i + 1] == 0x80, s[i + 2] == 0xA8 || s[i + 2] == 0xA9 {
                column += 1
                map.append((line, column))
                i += 2
            } else if b != 0x0D, (b & 0xC0) != 0x80 {
                column += 1
            }
            i += 1
        }
        return map
    }

    func result() -> YAMLLoadResult {
        var document = self.document
        document.text = text.array
        return YAMLLoadResult(document: document, diagnostics: diagnostics, failed: failed, notText: notText)
    }

    /// A scalar node's text so far (as `YAMLDocument.string`).
    func string(_ index: Int32) -> String {
        let node = document.nodes[Int(index)]
        guard node.kind == .scalar else { return "" }
        return text.string(first: node.first, count: node.count)
    }

    mutating func syntaxError(_ message: String, at given: Position, notes: [Note] = [], help: String? = nil, fix: Fix? = nil) {
        failed = true
        var position = given
        if position.line > 1 {
            let lines = sourceFile().lineCount
            if position.line > lines {
                position = Position(line: lines, column: lineLength(lines) + 1)
            }
        }
        diagnostics.append(Diagnostic(problem: .syntax, severity: .error, message: message,
                                      location: Location(path: path, start: position, end: position), notes: notes,
                                      help: help, fix: fix))
    }

    func position(_ mark: yaml_mark_t) -> Position { position(YAMLMark(mark)) }

    @inline(__always)
    func position(_ mark: YAMLMark) -> Position {
        if let lineMap, mark.line < lineMap.count {
            let real = lineMap[mark.line]
            return Position(line: real.line + 1, column: real.offset + mark.column + 1)
        }
        return Position(line: mark.line + 1, column: mark.column + 1)
    }

    /// The inclusive end of a node from libyaml's exclusive end mark.
    @inline(__always)
    mutating func endPosition(_ mark: YAMLMark, start: Position) -> Position {
        if mark.column > 0 && lineMap == nil {
            return Position(line: mark.line + 1, column: mark.column)
        }
        return endPositionInGeneral(mark, start: start)
    }

    mutating func endPositionInGeneral(_ mark: YAMLMark, start: Position) -> Position {
        if mark.column > 0 {
            let after = position(mark)
            return Position(line: after.line, column: after.column - 1)
        }
        // The node ended at a line break (block scalars): its last character ends the previous line.
        let line = position(mark).line - 1
        if line < start.line { return start }
        return Position(line: line, column: max(1, lineLength(line)))
    }

    /// The text's line index.
    mutating func sourceFile() -> SourceFile {
        if let file { return file }
        let made = SourceFile(source)
        file = made
        return made
    }

    /// Byte offset of a position (real lines), or nil past the end.
    mutating func offset(of p: Position) -> Int? {
        sourceFile().offset(of: p)
    }

    /// Where a node's content starts when it carries an anchor (`&a`) or tag (`!!str`): after them.
    mutating func skipProperties(from start: Position) -> Position {
        guard var i = offset(of: start) else { return start }
        var p = start
        while i < source.count, source[i] == UInt8(ascii: "&") || source[i] == UInt8(ascii: "!") {
            let verbatim = i + 1 < source.count && source[i] == UInt8(ascii: "!") && source[i + 1] == UInt8(ascii: "<")
            while i < source.count {
                let b = source[i]
                if verbatim ? b == UInt8(ascii: ">") : (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { break }
                i += 1
                if (b & 0xC0) != 0x80 { p.column += 1 }
            }
            if verbatim, i < source.count { i += 1; p.column += 1 }
            while i < source.count {
                let b = source[i]
                if b == 0x20 || b == 0x09 { p.column += 1 } else if b == 0x0A { p.line += 1; p.column = 1 } else if b != 0x0D { break }
                i += 1
            }
        }
        return p
    }

    /// Length in Unicode scalars of a 1-based line, without its line break.
    mutating func lineLength(_ line: Int) -> Int {
        let file = sourceFile()
        return line >= 1 && line <= file.lineCount ? file.lineLength(line) : 1
    }

    /// Position of a byte offset (for libyaml reader errors, which give no line).
    mutating func position(ofByte offset: Int) -> Position {
        sourceFile().position(ofByte: offset)
    }

    mutating func parserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            notText = true
            var offset = Int(parser.problem_offset)
            if problem == "invalid trailing UTF-8 octet", offset > 0, offset <= source.count {
                // libyaml points at the bad trailing byte; the broken character starts at its lead byte.
                var lead = offset - 1
                while lead > 0, (source[lead] & 0xC0) == 0x80 { lead -= 1 }
                if source[lead] >= 0xC0 { offset = lead }
            }
            let at = position(ofByte: offset)
            let text: String
            switch problem {
            case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence",
                 "invalid length of a UTF-8 sequence", "invalid Unicode character":
                text = "the file is not valid UTF-8 (\(problem)); save it as UTF-8 (most editors: \"Save with encoding\", UTF-8)"
            case "control characters are not allowed":
                text = "the file contains a control character (byte 0x\(String(parser.problem_value, radix: 16, uppercase: true))), which YAML does not allow; is it a binary file?"
            default:
                text = "the file cannot be read as YAML text (\(problem))"
            }
            syntaxError(text, at: at)
            return
        }
        let at = position(parser.problem_mark)
        if problem == "mapping values are not allowed in this context", let (fix, help) = quoteFix(at: at) {
            syntaxError("a colon followed by a space starts a new key: quote the whole value", at: at, help: help, fix: fix)
            return
        }
        if problem.contains("tab") || problem == "found character that cannot start any token", let fix = tabFix(line: at.line) {
            syntaxError("indentation must use spaces, not tabs", at: fix.location.start,
                        help: "indent with spaces; YAML does not allow tabs in indentation", fix: fix)
            return
        }
        // A key dedented to the column of the list above it (`standards:` under `- id: l1`, two
        // spaces short): said as the writer's mistake, with the indentation that fixes it.
        if problem == "did not find expected '-' indicator", parser.context.map({ String(cString: $0) }) == "while parsing a block collection" {
            let at = position(parser.problem_mark), listAt = position(parser.context_mark)
            if let line = lineScalars(at.line), at.column - 1 < line.count, at.column == listAt.column,
               let listLine = lineScalars(listAt.line), listAt.column + 1 < listLine.count,
               listLine[listAt.column - 1] == "-", listLine[listAt.column] == " " {
                let text = String(String.UnicodeScalarView(line[(at.column - 1)...]))
                let key = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
                let first = String(line[at.column - 1])
                syntaxError("'\(key)' is indented like a new item of the list on line \(listAt.line), but has no `- `",
                            at: at, notes: [Note("the list's items start here", at: Location(path: path, start: listAt, end: listAt))],
                            help: "if it belongs to the item above, indent it 2 more spaces, under that item's keys; if it starts a new item, write `- ` before it",
                            fix: Fix("indent it under the item above", location: Location(path: path, start: at, end: at),
                                     replacement: "  " + first, applicability: .unsafe))
                return
            }
        }
        var message = problem
        var notes: [Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " \(context)"
            let contextAt = position(parser.context_mark)
            if contextAt != position(parser.problem_mark) {
                notes.append(Note("\(context.replacingOccurrences(of: "while ", with: "")) started here",
                                  at: Location(path: path, start: contextAt, end: contextAt)))
            }
        }
        syntaxError("invalid YAML: \(message)", at: position(parser.problem_mark), notes: notes)
    }

    /// Whether `- ` comes right before a position (the first key of a block list item).
    mutating func startsListItem(_ at: Position) -> Bool {
        guard let line = lineScalars(at.line) else { return false }
        let i = at.column - 1
        return i >= 2 && i <= line.count && line[i - 2] == "-" && line[i - 1] == " "
    }

    /// Whether only spaces, at least two, come before a position on its line.
    mutating func onlySpacesBefore(_ at: Position) -> Bool {
        guard let line = lineScalars(at.line) else { return false }
        let i = at.column - 1
        return i >= 2 && i <= line.count && line[0..<i].allSatisfy { $0 == " " }
    }

    /// A line's Unicode scalars (without its line break; on line 1, without a byte-order mark).
    mutating func lineScalars(_ line: Int) -> [Unicode.Scalar]? {
        let file = sourceFile()
        guard line >= 1, line <= file.lineCount else { return nil }
        return Array(file.lineText(line).unicodeScalars)
    }

    /// `title: Comparison: word problems`: the fix quoting the plain value that holds the colon at
    /// `at`, when the value is all on that line; and the help showing the result.
    mutating func quoteFix(at: Position) -> (Fix, String)? {
        guard let line = lineScalars(at.line) else { return nil }
        var i = 0
        while i < line.count, line[i] == " " { i += 1 }
        let indent = i
        while i + 1 < line.count, line[i] == "-", line[i + 1] == " " {
            i += 2
            while i < line.count, line[i] == " " { i += 1 }
        }
        let keyStart = i
        // The key: plain, up to the first ": ".
        while i + 1 < line.count, !(line[i] == ":" && line[i + 1] == " ") {
            if ["\"", "'", "[", "{", "#"].contains(line[i]) { return nil }
            i += 1
        }
        guard i + 1 < line.count, i > keyStart else { return nil }
        let keyEnd = i
        i += 1
        while i < line.count, line[i] == " " { i += 1 }
        let valueStart = i
        guard valueStart < line.count, !["\"", "'", "[", "{", "|", ">", "&", "*", "!", "#"].contains(line[valueStart]) else { return nil }
        // The value ends before a comment (` #`) or trailing spaces.
        var end = valueStart
        while end < line.count, !(line[end] == "#" && line[end - 1] == " ") { end += 1 }
        while end > valueStart, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
        guard at.column - 1 > valueStart, at.column - 1 < end else { return nil }
        // A value continued on the next line would not be whole: no fix then.
        if let next = lineScalars(at.line + 1) {
            let nextIndent = next.prefix { $0 == " " }.count
            if nextIndent < next.count, next[nextIndent] != "#", nextIndent > max(indent, keyStart - 1) { return nil }
        }
        var value = ""
        value.unicodeScalars.append(contentsOf: line[valueStart..<end])
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var key = ""
        key.unicodeScalars.append(contentsOf: line[keyStart..<keyEnd])
        let fix = Fix("quote the value", location: Location(path: path, start: Position(line: at.line, column: valueStart + 1),
                                                             end: Position(line: at.line, column: end)),
                      replacement: quoted, applicability: .safe)
        return (fix, "write `\(key): \(quoted)`")
    }

    /// The fix replacing the tabs in a line's indentation by spaces: the previous line's
    /// indentation, or two more where the line is clearly nested under it (after `key:`, or a key
    /// of a `- ` item); two spaces per tab when there is no previous line.
    mutating func tabFix(line: Int) -> Fix? {
        guard let text = lineScalars(line) else { return nil }
        let count = text.prefix { $0 == " " || $0 == "\t" }.count
        guard text[..<count].contains("\t"), count < text.count else { return nil }
        var width = text[..<count].reduce(0) { $0 + ($1 == "\t" ? 2 : 1) }
        var previous = line - 1
        while previous >= 1, let p = lineScalars(previous), p.allSatisfy({ $0 == " " || $0 == "\t" }) || p.first(where: { $0 != " " }) == "#" {
            previous -= 1
        }
        if previous >= 1, let p = lineScalars(previous), !p.contains("\t") {
            let indent = p.prefix { $0 == " " }.count
            var content = String(String.UnicodeScalarView(p[indent...]))
            if let comment = content.range(of: " #") { content = String(content[..<comment.lowerBound]) }
            content = content.trimmingCharacters(in: .whitespaces)
            let isItem = content.hasPrefix("- ")
            let current = String(String.UnicodeScalarView(text[count...]))
            width = content.hasSuffix(":") || (isItem && !current.hasPrefix("- ")) ? indent + 2 : indent
        }
        return Fix("indent with spaces", location: Location(path: path, start: Position(line: line, column: 1),
                                                             end: Position(line: line, column: count)),
                   replacement: String(repeating: " ", count: width), applicability: .safe)
    }

    /// Handles one event; false stops loading.
    mutating func handle(_ event: YAMLEvent) -> Bool {
        let keepGoing = handleEvent(event)
        if !keepGoing { stopped = true }
        return keepGoing
    }

    @inline(__always)
    mutating func handleEvent(_ event: YAMLEvent) -> Bool {
        switch event {
        case .documentStart(let mark):
            documents += 1
            if documents == 2 {
                document.secondDocumentStart = position(mark)
                return false
            }
        case let .scalar(startMark, endMark, value, plain, anchor, tagged):
            var start = position(startMark)
            if anchor != nil || tagged { start = skipProperties(from: start) }
            let offset = text.count
            text.append(value)
            let node = YAMLNode(kind: .scalar, isPlain: plain,
                                start: start, end: endPosition(endMark, start: start),
                                first: Int32(truncatingIfNeeded: offset), count: Int32(truncatingIfNeeded: value.count))
            let index = append(node)
            expanded += 1
            if !node.isPlain { document.textSpans.append((node.start, node.end)) }
            if let anchor { anchors[String(cString: anchor)] = (index, 1) }
            return attach(index)
        case let .collectionStart(isMapping, startMark, _, anchor, tagged, isFlow):
            if stack.count >= limits.maxDepth {
                syntaxError("nesting is deeper than \(limits.maxDepth) levels, the limit for curriculum files",
                            at: position(startMark))
                return false
            }
            var start = position(startMark)
            if tagged || anchor != nil { start = skipProperties(from: start) }
            let index = append(YAMLNode(kind: isMapping ? .mapping : .sequence, isPlain: false,
                                        start: start, end: start, first: 0, count: -1))
            expanded += 1
            if let anchor { openAnchors.append(String(cString: anchor)) }
            stack.append(OpenCollection(node: index, pendingStart: pending.count, expandedAtOpen: expanded,
                                        hasAnchor: anchor != nil, isFlow: isFlow))
        case .collectionEnd(_, let endMark):
            guard let open = stack.popLast() else { return true }
            close(open, end: endMark)
            if open.hasAnchor, let anchor = openAnchors.popLast() {
                anchors[anchor] = (open.node, expanded - open.expandedAtOpen + 1)
            }
            return attach(open.node)
        case let .alias(startMark, endMark, anchor):
            let name = String(cString: anchor)
            guard let (target, weight) = anchors[name] else {
                syntaxError("alias '*\(name)' refers to no anchor defined before it", at: position(startMark))
                return false
            }
            if document.nodes[Int(target)].count < 0 {
                syntaxError("alias '*\(name)' refers to a node that contains it", at: position(startMark))
                return false
            }
            expanded += weight
            if expanded - document.nodes.count > limits.maxAliasExpansion {
                syntaxError("aliases expand to more than \(limits.maxAliasExpansion) nodes, the limit for curriculum files",
                            at: position(startMark))
                return false
            }
            if let shared = limits.runAliasBudget, !shared.take(weight) {
                syntaxError("aliases in the files of this run expand to more than \(limits.maxAliasExpansion) nodes together, the limit for one run",
                            at: position(startMark))
                return false
            }
            // A scalar alias gets a node of its own, so findings about it point where it is used.
            var node = document.nodes[Int(target)]
            if node.kind == .scalar {
                node.start = position(startMark)
                node.end = endPosition(endMark, start: node.start)
                return attach(append(node))
            }
            return attach(target)
        case .other:
            break
        }
        return true
    }

    mutating func append(_ node: YAMLNode) -> Int32 {
        document.nodes.append(node)
        return Int32(document.nodes.count - 1)
    }

    /// Adds a finished node to its parent, or makes it the root.
    mutating func attach(_ index: Int32) -> Bool {
        if stack.isEmpty {
            if document.root == nil { document.root = index }
        } else {
            pending.append(index)
        }
        return true
    }

    /// Finishes a collection: moves its children into place, dropping repeated mapping keys.
    mutating func close(_ open: OpenCollection, end: YAMLMark) {
        let index = Int(open.node)
        let first = document.children.count
        let isMapping = document.nodes[index].kind == .mapping
        let entries = pending.count - open.pendingStart
        // (Up to 64 entries: past that, keys are compared as strings, below.)
        if isMapping && entries <= 64 && entries % 2 == 0 && !hasRepeatedKey(from: open.pendingStart) {
            // The common case: no key repeated, every pair kept as it is.
            document.children.append(contentsOf: pending.entries(from: open.pendingStart))
        } else if isMapping {
            var seen: [String: Int32]? = (pending.count - open.pendingStart) > 64 ? [:] : nil
            var i = open.pendingStart
            while i + 1 < pending.count {
                let key = pending[i]
                let earlier: Int32?
                if seen != nil {
                    if document.nodes[Int(key)].kind == .scalar {
                        let keyText = string(key)
                        earlier = seen![keyText]
                        if earlier == nil { seen![keyText] = key }
                    } else {
                        earlier = nil
                    }
                } else {
                    earlier = earlierKey(key, from: open.pendingStart, before: i)
                }
                if let earlier, earlier == pending[open.pendingStart], !open.isFlow, i > open.pendingStart,
                   document.nodes[Int(earlier)].start.column == document.nodes[Int(key)].start.column,
                   startsListItem(document.nodes[Int(earlier)].start), onlySpacesBefore(document.nodes[Int(key)].start) {
                    // The mapping's first key comes again at its column, after spaces only, in a list
                    // item: a `- ` is missing and a new item (a lesson, a unit) runs into this one.
                    // One error; the rest of the mapping is left out rather than read as repeated
                    // keys of the item above (which would cascade into more findings).
                    let keyNode = document.nodes[Int(key)]
                    let name = string(key)
                    let firstAt = document.nodes[Int(earlier)].start
                    diagnostics.append(Diagnostic(
                        problem: .syntax, severity: .error,
                        message: "'\(name)' starts a new item here, but the `- ` before it is missing, so it runs into the item above (whose '\(name)' is on line \(firstAt.line))",
                        location: Location(path: path, node: keyNode),
                        notes: [Note("the item above starts here", at: Location(path: path, start: firstAt, end: firstAt))],
                        help: "write `- \(name): …` as the item above does; this item is not read until then",
                        fix: Fix("add the `- `", location: Location(path: path, start: Position(line: keyNode.start.line, column: keyNode.start.column - 2),
                                                                     end: Position(line: keyNode.start.line, column: keyNode.start.column - 1)),
                                 replacement: "- ", applicability: .safe)))
                    break
                }
                if let earlier {
                    let keyNode = document.nodes[Int(key)]
                    diagnostics.append(Diagnostic(
                        problem: .duplicateKey, severity: .error,
                        message: "key '\(string(key))' is repeated in this mapping; the first value is used",
                        location: Location(path: path, node: keyNode),
                        notes: [Note("'\(string(key))' is first set here",
                                     at: Location(path: path, node: document.nodes[Int(earlier)]))],
                        help: "remove one of the two, or merge their values"))
                } else {
                    document.children.append(key)
                    document.children.append(pending[i + 1])
                }
                i += 2
            }
        } else {
            document.children.append(contentsOf: pending.entries(from: open.pendingStart))
        }
        // One at a time: cheaper than removing a range for the few children of a collection.
        pending.truncate(to: open.pendingStart)
        let count = document.children.count - first
        var node = document.nodes[index]
        node.first = Int32(truncatingIfNeeded: first)
        node.count = Int32(truncatingIfNeeded: count)
        if open.isFlow {
            node.end = endPosition(end, start: node.start)
        } else if count > 0 {
            // A block collection's end event sits at the next token; its last child ends it.
            node.end = max(document.nodes[Int(document.children[first + count - 1])].end, node.start)
        }
        document.nodes[index] = node
    }

    /// Whether two of the scalar keys (even positions) of `pending` from `start` have the same text.
    func hasRepeatedKey(from start: Int) -> Bool {
        let pending = self.pending.entries(from: 0)
        return document.nodes.withUnsafeBufferPointer { nodes in
            var i = start + 2
            while i < pending.count {
                let a = nodes[Int(pending[i])]
                if a.kind == .scalar {
                    var j = start
                    while j < i {
                        let b = nodes[Int(pending[j])]
                        if b.kind == .scalar && b.count == a.count && text.same(a.first, b.first, count: a.count) {
                            return true
                        }
                        j += 2
                    }
                }
                i += 2
            }
            return false
        }
    }

    /// An earlier scalar key of the open mapping with the same text as `key`.
    func earlierKey(_ key: Int32, from start: Int, before end: Int) -> Int32? {
        guard document.nodes[Int(key)].kind == .scalar else { return nil }
        var j = start
        while j < end {
            let a = document.nodes[Int(pending[j])], b = document.nodes[Int(key)]
            if a.kind == .scalar, b.kind == .scalar, a.count == b.count, text.same(a.first, b.first, count: a.count) { return pending[j] }
            j += 2
        }
        return nil
    }
}
