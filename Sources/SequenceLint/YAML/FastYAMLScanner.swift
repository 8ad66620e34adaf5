/// Reads the common subset of block YAML straight from the UTF-8 bytes and makes the events, with
/// the marks, that libyaml's parser makes for the same text, so that `Builder` builds the same
/// document from them. Anything outside the subset (or anything it is not sure of) makes `run`
/// return false, and the file is read by libyaml instead, from scratch.
///
/// The subset: one document (an optional `---` line first, with nothing else on it), whose root
/// is a block mapping or a block sequence; block mappings and block sequences, `- key: value`
/// (a mapping in a list item), a list as a mapping value at the indentation of its key or deeper,
/// `key:` and `-` with nothing after them (an empty value, or a collection on the following
/// lines); scalars each on one line: plain, single-quoted, double-quoted (with libyaml's
/// escapes); flow sequences of such scalars on one line (`[a, "b", c]`, `[]`); comments and
/// blank lines; LF or CRLF line ends.
///
/// Everything else is refused: anchors, aliases, tags, block scalars, flow mappings, nested or
/// multi-line flow collections, scalars that go on to another line, `?` keys, directives, a
/// second document or `...`, a tab or any other control character, a lone CR, a byte-order mark,
/// U+2028, U+2029 and NEL, invalid UTF-8 or characters libyaml does not accept, keys longer than
/// 1000 bytes, `- - x`, a value on the line after its key, and every syntax error.
struct FastYAMLScanner {
    private enum Kind { case mapping, sequence }

    /// An open block collection: its kind and the column of its keys or dashes. A sequence that is
    /// a mapping value at the key's column (`indentless`) shares its column with the mapping.
    private struct Frame {
        var kind: Kind
        var column: Int
        var indentless: Bool
    }

    /// A `key:` or `-` with nothing after it on its line: its value is a collection on the next
    /// lines or, failing that, an empty scalar at `mark`.
    private struct Pending {
        var mark: YAMLMark
        /// The column of the collection the `key:` or `-` belongs to.
        var column: Int
        var afterKey: Bool
    }

    /// A scalar found on a line: its bytes (source bytes, or in `scratch` when escapes were
    /// resolved), its marks' columns (end exclusive), and where the scan stopped.
    private struct Scalar {
        var first: Int
        var count: Int
        var inScratch: Bool
        var plain: Bool
        var startColumn: Int
        var endColumn: Int
    }

    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    /// What each byte is to a plain scalar in the block context, and in a flow sequence.
    private let blockClass = FastYAMLScanner.blockClasses
    private let flowClass = FastYAMLScanner.flowClasses

    private var frames: [Frame] = []
    private var pending: Pending?
    private var scratch: [UInt8] = []
    private var documentStarted = false
    private var rootClosed = false
    /// The line being read: 0-based number, first byte, end (before its CR LF or LF).
    private var line = 0
    private var lineStart = 0
    private var lineEnd = 0
    private var lineIsASCII = true

    /// Byte classes: 0 ordinary, 1 space, 2 `:`, 3 `#`, 4 a flow indicator (`,[]{}`, in a flow
    /// sequence only). Made once, then only read (from any thread).
    private nonisolated(unsafe) static let blockClasses = classTable(flowIndicators: false)
    private nonisolated(unsafe) static let flowClasses = classTable(flowIndicators: true)

    private static func classTable(flowIndicators: Bool) -> UnsafePointer<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        table[0x20] = 1
        table[0x3A] = 2
        table[0x23] = 3
        if flowIndicators {
            for c in [0x2C, 0x5B, 0x5D, 0x7B, 0x7D] { table[c] = 4 }
        }
        return UnsafePointer(table)
    }

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty input has no base address; no byte of it is ever read.
        bytes = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        frames.reserveCapacity(16)
    }

    // MARK: - Driving

    /// Makes the events of the whole input into `sink`; false when the input is outside the
    /// subset (the events made so far are then meaningless) or the sink stopped.
    mutating func run<S: YAMLEventSink>(into sink: inout S) -> Bool {
        var p = 0
        var sawDocumentMarker = false
        while p < count {
            lineStart = p
            guard let (end, next) = scanLine(from: p) else { return false }
            lineEnd = end
            p = next
            var i = lineStart
            while i < end, bytes[i] == 0x20 { i += 1 }
            if i < end, bytes[i] != 0x23 {   // not blank, not a comment
                if i == lineStart, end - i >= 3, (bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D)
                    || (bytes[i] == 0x2E && bytes[i + 1] == 0x2E && bytes[i + 2] == 0x2E) {
                    // `---` alone (or before a comment) as the first thing in the file; any other
                    // line starting with `---` or `...` is left to libyaml.
                    guard !documentStarted, !sawDocumentMarker, bytes[i] == 0x2D, restIsBlank(from: i + 3) else {
                        return false
                    }
                    sawDocumentMarker = true
                    documentStarted = true
                    guard sink.handle(.documentStart(start: YAMLMark(line: line, column: 0))) else { return false }
                } else {
                    guard contentLine(at: i, into: &sink) else { return false }
                }
            }
            line += 1
        }
        // The end of the stream: a pending value is empty; every collection ends.
        if sawDocumentMarker && frames.isEmpty && !rootClosed { return false }
        let mark = YAMLMark(line: line, column: 0)
        if let pending {
            guard emitEmpty(pending, into: &sink) else { return false }
            self.pending = nil
        }
        while !frames.isEmpty {
            guard closeTop(mark, into: &sink) else { return false }
        }
        return true
    }

    /// Finds the end of the line starting at `p` and checks every byte of it is a character
    /// libyaml reads without complaint and this scanner accepts: printable ASCII, or valid UTF-8
    /// of the ranges libyaml allows other than line and paragraph separators, NEL and the
    /// byte-order mark. Returns the line's end (before CR LF or LF) and the next line's start.
    private mutating func scanLine(from start: Int) -> (Int, Int)? {
        lineIsASCII = true
        var p = start
        // Eight bytes at a time while they are all printable ASCII (0x20...0x7E).
        while p + 8 <= count {
            let word = UnsafeRawPointer(bytes + p).loadUnaligned(as: UInt64.self)
            let low: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            // Bytes under 0x20, and bytes of 0x7F or more: the exact tests (no false positives
            // below the first hit).
            let under = (word &- low &* 0x20) & ~word & high
            let over = ((word &+ low &* 1) | word) & high
            if under | over == 0 {
                p += 8
                continue
            }
            p += (under | over).trailingZeroBitCount >> 3
            if !special(&p) { return nil }
            if p < 0 { let end = -p - 1; return (end, bytes[end] == 0x0D ? end + 2 : end + 1) }
        }
        while p < count {
            let b = bytes[p]
            if b >= 0x20 && b < 0x7F {
                p += 1
                continue
            }
            if !special(&p) { return nil }
            if p < 0 { let end = -p - 1; return (end, bytes[end] == 0x0D ? end + 2 : end + 1) }
        }
        return (count, count)
    }

    /// At a byte that is not printable ASCII: a line end (`p` becomes -(end + 1)), a valid
    /// character (`p` moves past it), or anything else (false).
    @inline(__always)
    private mutating func special(_ p: inout Int) -> Bool {
        let b = bytes[p]
        if b == 0x0A { p = -(p + 1); return true }
        if b == 0x0D {
            guard p + 1 < count, bytes[p + 1] == 0x0A else { return false }
            p = -(p + 1)
            return true
        }
        guard b >= 0xC2 else { return false }   // controls, tab, DEL, stray or overlong leads
        lineIsASCII = false
        if b < 0xE0 {
            guard p + 1 < count, bytes[p + 1] & 0xC0 == 0x80 else { return false }
            // U+0080...U+009F (C1 controls, NEL) are not allowed or are line breaks.
            if b == 0xC2 && bytes[p + 1] < 0xA0 { return false }
            p += 2
            return true
        }
        if b < 0xF0 {
            guard p + 2 < count, bytes[p + 1] & 0xC0 == 0x80, bytes[p + 2] & 0xC0 == 0x80 else { return false }
            let value = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[p + 1] & 0x3F) << 6) | UInt32(bytes[p + 2] & 0x3F)
            // Overlong forms, surrogates, U+2028 and U+2029, the byte-order mark, U+FFFE, U+FFFF.
            if value < 0x800 || (value >= 0xD800 && value <= 0xDFFF) || value == 0x2028 || value == 0x2029
                || value == 0xFEFF || value >= 0xFFFE {
                return false
            }
            p += 3
            return true
        }
        guard b < 0xF5, p + 3 < count, bytes[p + 1] & 0xC0 == 0x80, bytes[p + 2] & 0xC0 == 0x80,
              bytes[p + 3] & 0xC0 == 0x80 else { return false }
        let value = (UInt32(b & 0x07) << 18) | (UInt32(bytes[p + 1] & 0x3F) << 12) | (UInt32(bytes[p + 2] & 0x3F) << 6)
            | UInt32(bytes[p + 3] & 0x3F)
        if value < 0x10000 || value > 0x10FFFF { return false }
        p += 4
        return true
    }

    /// The column of byte `p` of the current line, in Unicode scalars as libyaml counts.
    @inline(__always)
    private func column(_ p: Int) -> Int {
        if lineIsASCII { return p - lineStart }
        var column = 0
        var i = lineStart
        while i < p {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// Whether only spaces, then optionally a comment after at least one space, follow `start`
    /// on the line. (libyaml also takes `"a"#b` as a comment; such lines are left to it.)
    private func restIsBlank(from start: Int) -> Bool {
        var p = start
        while p < lineEnd, bytes[p] == 0x20 { p += 1 }
        return p == lineEnd || (bytes[p] == 0x23 && p > start)
    }

    /// Whether `p` holds a `-` that is a block entry (followed by a space or the line end).
    @inline(__always)
    private func isDash(_ p: Int) -> Bool {
        bytes[p] == 0x2D && (p + 1 == lineEnd || bytes[p + 1] == 0x20)
    }

    // MARK: - Lines

    /// A line with content; `i` is its first non-space byte.
    private mutating func contentLine<S: YAMLEventSink>(at i: Int, into sink: inout S) -> Bool {
        let c = i - lineStart   // only spaces before: bytes are columns
        let mark = YAMLMark(line: line, column: c)
        if let pending {
            self.pending = nil
            if c > pending.column {
                // The value of the `key:` or `-` above: a collection starting on this line.
                return openCollection(at: i, column: c, indentless: false, into: &sink)
            }
            if c == pending.column && pending.afterKey && isDash(i) {
                // A list as a mapping value at the key's column.
                return openCollection(at: i, column: c, indentless: true, into: &sink)
            }
            guard emitEmpty(pending, into: &sink) else { return false }
        }
        while let top = frames.last, top.column > c {
            guard closeTop(mark, into: &sink) else { return false }
        }
        guard let top = frames.last else {
            // The root collection.
            guard !rootClosed else { return false }
            if !documentStarted {
                documentStarted = true
                guard sink.handle(.documentStart(start: mark)) else { return false }
            }
            return openCollection(at: i, column: c, indentless: false, into: &sink)
        }
        guard top.column == c else { return false }
        if top.kind == .sequence {
            if isDash(i) { return sequenceEntry(at: i, into: &sink) }
            // A key after the items of a list at its mapping's column ends the list.
            guard top.indentless else { return false }
            guard closeTop(mark, into: &sink) else { return false }
            return mappingEntry(at: i, into: &sink)
        }
        if isDash(i) { return false }
        return mappingEntry(at: i, into: &sink)
    }

    /// Opens the block collection whose first entry is at `i` (`- ` or a key).
    private mutating func openCollection<S: YAMLEventSink>(at i: Int, column c: Int, indentless: Bool,
                                                           into sink: inout S) -> Bool {
        let mark = YAMLMark(line: line, column: c)
        if isDash(i) {
            frames.append(Frame(kind: .sequence, column: c, indentless: indentless))
            guard sink.handle(.collectionStart(mapping: false, start: mark, end: YAMLMark(line: line, column: c + 1),
                                               anchor: nil, tagged: false, flow: false)) else { return false }
            return sequenceEntry(at: i, into: &sink)
        }
        frames.append(Frame(kind: .mapping, column: c, indentless: false))
        guard sink.handle(.collectionStart(mapping: true, start: mark, end: mark, anchor: nil, tagged: false, flow: false)) else {
            return false
        }
        return mappingEntry(at: i, into: &sink)
    }

    /// Ends the innermost open collection.
    private mutating func closeTop<S: YAMLEventSink>(_ mark: YAMLMark, into sink: inout S) -> Bool {
        frames.removeLast()
        if frames.isEmpty { rootClosed = true }
        return sink.handle(.collectionEnd(start: mark, end: mark))
    }

    private mutating func emitEmpty<S: YAMLEventSink>(_ pending: Pending, into sink: inout S) -> Bool {
        sink.handle(.scalar(start: pending.mark, end: pending.mark, value: UnsafeBufferPointer(start: nil, count: 0),
                            plain: true, anchor: nil, tagged: false))
    }

    /// `- …` at `i`, in the sequence on top.
    private mutating func sequenceEntry<S: YAMLEventSink>(at i: Int, into sink: inout S) -> Bool {
        var j = i + 1
        while j < lineEnd, bytes[j] == 0x20 { j += 1 }
        if j == lineEnd || bytes[j] == 0x23 {
            // `-` alone: its value is on the next lines, or empty.
            pending = Pending(mark: YAMLMark(line: line, column: column(i) + 1), column: frames.last!.column, afterKey: false)
            return true
        }
        if isDash(j) { return false }   // `- - x`
        var after = j
        if bytes[j] == 0x5B {
            guard flowSequence(at: j, into: &sink, after: &after) else { return false }
            return restIsBlank(from: after)
        }
        // A mapping in the item (`- key: value`), or a scalar.
        var scalar = Scalar(first: 0, count: 0, inScratch: false, plain: true, startColumn: 0, endColumn: 0)
        guard let isKey = scanKeyOrNode(at: j, scalar: &scalar, after: &after) else { return false }
        if isKey {
            let c = j - lineStart
            frames.append(Frame(kind: .mapping, column: c, indentless: false))
            guard sink.handle(.collectionStart(mapping: true, start: YAMLMark(line: line, column: c),
                                               end: YAMLMark(line: line, column: c), anchor: nil, tagged: false, flow: false)) else {
                return false
            }
            return keyAndValue(scalar, colon: after, into: &sink)
        }
        guard emit(scalar, into: &sink) else { return false }
        return restIsBlank(from: after)
    }

    /// `key: …` at `i`, in the mapping on top.
    private mutating func mappingEntry<S: YAMLEventSink>(at i: Int, into sink: inout S) -> Bool {
        var scalar = Scalar(first: 0, count: 0, inScratch: false, plain: true, startColumn: 0, endColumn: 0)
        var after = i
        guard let isKey = scanKeyOrNode(at: i, scalar: &scalar, after: &after), isKey else { return false }
        return keyAndValue(scalar, colon: after, into: &sink)
    }

    /// The key scanned, its `:` at `colon`, and the value after it.
    private mutating func keyAndValue<S: YAMLEventSink>(_ key: Scalar, colon: Int, into sink: inout S) -> Bool {
        guard emit(key, into: &sink) else { return false }
        var j = colon + 1
        while j < lineEnd, bytes[j] == 0x20 { j += 1 }
        if j == lineEnd || bytes[j] == 0x23 {
            pending = Pending(mark: YAMLMark(line: line, column: column(colon) + 1), column: frames.last!.column, afterKey: true)
            return true
        }
        var after = j
        switch bytes[j] {
        case 0x5B:   // [
            guard flowSequence(at: j, into: &sink, after: &after) else { return false }
        case 0x22, 0x27:   // " '
            var scalar = Scalar(first: 0, count: 0, inScratch: false, plain: false, startColumn: 0, endColumn: 0)
            guard quoted(at: j, scalar: &scalar, after: &after), emit(scalar, into: &sink) else { return false }
        default:
            guard startsPlain(j, flow: false) else { return false }
            var scalar = Scalar(first: 0, count: 0, inScratch: false, plain: true, startColumn: 0, endColumn: 0)
            // A plain value ends at a comment or the line end; `: ` in it is left to libyaml.
            guard plainInBlock(at: j, scalar: &scalar, after: &after) == false, emit(scalar, into: &sink) else { return false }
        }
        return restIsBlank(from: after)
    }

    // MARK: - Scalars

    /// Scans the node at `j` as a possible key: true (with the key in `scalar` and the `:` at
    /// `after`) for a single-line key followed by `: ` or `:` at the line end; false for a scalar
    /// or flow sequence that is no key (`scalar` and `after` set for a scalar; a flow sequence is
    /// not read here); nil when outside the subset.
    private mutating func scanKeyOrNode(at j: Int, scalar: inout Scalar, after: inout Int) -> Bool? {
        let b = bytes[j]
        if b == 0x22 || b == 0x27 {
            guard quoted(at: j, scalar: &scalar, after: &after) else { return nil }
            var k = after
            while k < lineEnd, bytes[k] == 0x20 { k += 1 }
            if k < lineEnd, bytes[k] == 0x3A, k + 1 == lineEnd || bytes[k + 1] == 0x20 {
                guard k - j <= 1000 else { return nil }
                after = k
                return true
            }
            return false
        }
        // A flow sequence is never a key here (`[a]: b` is left to libyaml by the caller, which
        // finds the `:` after it).
        if b == 0x5B { return false }
        guard startsPlain(j, flow: false) else { return nil }
        let isKey = plainInBlock(at: j, scalar: &scalar, after: &after)
        if isKey && after - j > 1000 { return nil }
        return isKey
    }

    /// Whether a plain scalar may start at `j` (in this subset: no indicator, or `-` before a
    /// character that is not a space).
    @inline(__always)
    private func startsPlain(_ j: Int, flow: Bool) -> Bool {
        switch bytes[j] {
        case 0x2D:   // -
            guard j + 1 < lineEnd else { return false }
            let next = bytes[j + 1]
            if flow {
                // `-` before a letter or digit: no flow indicator or `:` can follow it at once.
                return (next >= 0x30 && next <= 0x39) || (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A)
            }
            return next != 0x20
        case 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return false
        default:
            return true
        }
    }

    /// A plain scalar in the block context starting at `j`: it ends before ` #`, at the line end,
    /// or (returning true: a key) before `:` followed by a space or the line end, `after` then at
    /// the `:`. Returns false for a scalar that is no key (`after` past its last character).
    @inline(__always)
    private func plainInBlock(at j: Int, scalar: inout Scalar, after: inout Int) -> Bool {
        var k = j
        var last = j   // past the last non-space byte
        var isKey = false
        while k < lineEnd {
            let c = blockClass[Int(bytes[k])]
            if c == 0 {
                k += 1
                last = k
                continue
            }
            if c == 1 {
                k += 1
                continue
            }
            if c == 2, k + 1 == lineEnd || bytes[k + 1] == 0x20 {
                isKey = true
                break
            }
            if c == 3, bytes[k - 1] == 0x20 { break }
            k += 1
            last = k
        }
        scalar = Scalar(first: j, count: last - j, inScratch: false, plain: true,
                        startColumn: column(j), endColumn: column(last))
        after = isKey ? k : last
        return isKey
    }

    /// A single- or double-quoted scalar at `j`, ending on the same line; `after` past its closing
    /// quote. Escapes are resolved into `scratch`.
    private mutating func quoted(at j: Int, scalar: inout Scalar, after: inout Int) -> Bool {
        let quote = bytes[j]
        var k = j + 1
        var escaped = false
        if quote == 0x27 {
            while true {
                guard k < lineEnd else { return false }
                if bytes[k] == 0x27 {
                    if k + 1 < lineEnd && bytes[k + 1] == 0x27 {
                        escaped = true
                        k += 2
                        continue
                    }
                    break
                }
                k += 1
            }
        } else {
            while true {
                guard k < lineEnd else { return false }
                let b = bytes[k]
                if b == 0x22 { break }
                if b == 0x5C {
                    escaped = true
                    k += 2   // the escape's letter; hex digits are read again below
                    continue
                }
                k += 1
            }
        }
        // k is at the closing quote.
        scalar.plain = false
        scalar.startColumn = column(j)
        scalar.endColumn = column(k) + 1
        after = k + 1
        if !escaped {
            scalar.first = j + 1
            scalar.count = k - j - 1
            scalar.inScratch = false
            return true
        }
        let first = scratch.count
        var p = j + 1
        if quote == 0x27 {
            while p < k {
                scratch.append(bytes[p])
                p += bytes[p] == 0x27 ? 2 : 1
            }
        } else {
            while p < k {
                let b = bytes[p]
                if b != 0x5C {
                    scratch.append(b)
                    p += 1
                    continue
                }
                let e = bytes[p + 1]
                var length = 0
                switch e {
                case 0x30: scratch.append(0x00)
                case 0x61: scratch.append(0x07)
                case 0x62: scratch.append(0x08)
                case 0x74: scratch.append(0x09)
                case 0x6E: scratch.append(0x0A)
                case 0x76: scratch.append(0x0B)
                case 0x66: scratch.append(0x0C)
                case 0x72: scratch.append(0x0D)
                case 0x65: scratch.append(0x1B)
                case 0x20: scratch.append(0x20)
                case 0x22: scratch.append(0x22)
                case 0x2F: scratch.append(0x2F)
                case 0x5C: scratch.append(0x5C)
                case 0x4E: scratch.append(contentsOf: [0xC2, 0x85])
                case 0x5F: scratch.append(contentsOf: [0xC2, 0xA0])
                case 0x4C: scratch.append(contentsOf: [0xE2, 0x80, 0xA8])
                case 0x50: scratch.append(contentsOf: [0xE2, 0x80, 0xA9])
                case 0x78: length = 2
                case 0x75: length = 4
                case 0x55: length = 8
                default: return false   // an unknown escape: libyaml's error
                }
                p += 2
                if length > 0 {
                    // The digits must all be before the closing quote found above (an escaped
                    // quote among them would have moved it).
                    guard p + length <= k else { return false }
                    var value: UInt32 = 0
                    for d in 0..<length {
                        let h = bytes[p + d]
                        let digit: UInt32
                        switch h {
                        case 0x30...0x39: digit = UInt32(h - 0x30)
                        case 0x41...0x46: digit = UInt32(h - 0x41 + 10)
                        case 0x61...0x66: digit = UInt32(h - 0x61 + 10)
                        default: return false
                        }
                        value = (value << 4) | digit
                    }
                    if (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF { return false }
                    if value <= 0x7F {
                        scratch.append(UInt8(value))
                    } else if value <= 0x7FF {
                        scratch.append(UInt8(0xC0 + (value >> 6)))
                        scratch.append(UInt8(0x80 + (value & 0x3F)))
                    } else if value <= 0xFFFF {
                        scratch.append(UInt8(0xE0 + (value >> 12)))
                        scratch.append(UInt8(0x80 + ((value >> 6) & 0x3F)))
                        scratch.append(UInt8(0x80 + (value & 0x3F)))
                    } else {
                        scratch.append(UInt8(0xF0 + (value >> 18)))
                        scratch.append(UInt8(0x80 + ((value >> 12) & 0x3F)))
                        scratch.append(UInt8(0x80 + ((value >> 6) & 0x3F)))
                        scratch.append(UInt8(0x80 + (value & 0x3F)))
                    }
                    p += length
                }
            }
            // An escape that swallowed the closing quote (`"a\"`) left p past k.
            guard p == k else { return false }
        }
        scalar.first = first
        scalar.count = scratch.count - first
        scalar.inScratch = true
        return true
    }

    /// A flow sequence of scalars at `j` (`[`), all on this line; `after` past its `]`.
    private mutating func flowSequence<S: YAMLEventSink>(at j: Int, into sink: inout S, after: inout Int) -> Bool {
        let open = column(j)
        guard sink.handle(.collectionStart(mapping: false, start: YAMLMark(line: line, column: open),
                                           end: YAMLMark(line: line, column: open + 1), anchor: nil, tagged: false, flow: true)) else {
            return false
        }
        var k = j + 1
        while k < lineEnd, bytes[k] == 0x20 { k += 1 }
        guard k < lineEnd else { return false }
        if bytes[k] != 0x5D {
            while true {
                guard k < lineEnd else { return false }
                var scalar = Scalar(first: 0, count: 0, inScratch: false, plain: true, startColumn: 0, endColumn: 0)
                let b = bytes[k]
                if b == 0x22 || b == 0x27 {
                    var end = k
                    guard quoted(at: k, scalar: &scalar, after: &end) else { return false }
                    k = end
                } else {
                    guard startsPlain(k, flow: true) else { return false }
                    var m = k
                    var last = k
                    while m < lineEnd {
                        let c = flowClass[Int(bytes[m])]
                        if c == 0 {
                            m += 1
                            last = m
                            continue
                        }
                        if c == 1 { m += 1; continue }
                        if c == 4 { break }
                        if c == 2 { return false }
                        if bytes[m - 1] == 0x20 { return false }   // a comment: the sequence goes on below
                        m += 1
                        last = m
                    }
                    guard m < lineEnd else { return false }
                    scalar = Scalar(first: k, count: last - k, inScratch: false, plain: true,
                                    startColumn: column(k), endColumn: column(last))
                    k = m
                }
                guard emit(scalar, into: &sink) else { return false }
                while k < lineEnd, bytes[k] == 0x20 { k += 1 }
                guard k < lineEnd else { return false }
                if bytes[k] == 0x2C {
                    k += 1
                    while k < lineEnd, bytes[k] == 0x20 { k += 1 }
                    // `[a, ]`, `[a,,b]`, and anything but a scalar next, are left to libyaml.
                    guard k < lineEnd, bytes[k] != 0x5D, bytes[k] != 0x2C else { return false }
                    continue
                }
                if bytes[k] == 0x5D { break }
                return false
            }
        }
        let close = column(k)
        after = k + 1
        return sink.handle(.collectionEnd(start: YAMLMark(line: line, column: close), end: YAMLMark(line: line, column: close + 1)))
    }

    @inline(__always)
    private func emit<S: YAMLEventSink>(_ scalar: Scalar, into sink: inout S) -> Bool {
        let start = YAMLMark(line: line, column: scalar.startColumn)
        let end = YAMLMark(line: line, column: scalar.endColumn)
        if scalar.inScratch {
            return scratch.withUnsafeBufferPointer { buffer in
                sink.handle(.scalar(start: start, end: end,
                                    value: UnsafeBufferPointer(rebasing: buffer[scalar.first..<(scalar.first + scalar.count)]),
                                    plain: scalar.plain, anchor: nil, tagged: false))
            }
        }
        return sink.handle(.scalar(start: start, end: end, value: UnsafeBufferPointer(start: bytes + scalar.first, count: scalar.count),
                                   plain: scalar.plain, anchor: nil, tagged: false))
    }
}

/// How the fast path did on one input, against libyaml (for the differential tests and the
/// fuzzing target).
public enum FastPathComparison: Sendable, Equatable {
    /// The fast path left the input to libyaml.
    case bailed
    /// The fast path read the input, to the same result as libyaml.
    case identical
    /// The fast path read the input to another result: the first difference.
    case mismatch(String)
}

extension YAMLLoader {
    /// Loads `bytes` with the fast path and with libyaml and compares the results field by field.
    public static func compareFastPath(_ bytes: [UInt8], path: String = "t.yml", limits: YAMLLimits = YAMLLimits()) -> FastPathComparison {
        if refusal(bytes, path: path, limits: limits) != nil { return .bailed }
        guard let fast = loadFast(bytes, path: path, limits: limits) else { return .bailed }
        let slow = loadWithLibYAML(bytes, path: path, limits: limits)
        if let difference = fast.difference(from: slow) { return .mismatch(difference) }
        return .identical
    }
}

extension YAMLLoadResult {
    /// The first field in which two results differ, described; nil when they are the same.
    func difference(from other: YAMLLoadResult) -> String? {
        let a = document, b = other.document
        if a.nodes.count != b.nodes.count { return "node count \(a.nodes.count) vs \(b.nodes.count)" }
        for i in a.nodes.indices {
            let x = a.nodes[i], y = b.nodes[i]
            if x.kind != y.kind || x.isPlain != y.isPlain || x.start != y.start || x.end != y.end || x.first != y.first || x.count != y.count {
                return "node \(i): \(x.kind) plain \(x.isPlain) \(x.start)-\(x.end) [\(x.first), \(x.count)] vs \(y.kind) plain \(y.isPlain) \(y.start)-\(y.end) [\(y.first), \(y.count)]"
            }
        }
        if a.children != b.children { return "children differ" }
        if a.text != b.text {
            return "text differs: \(String(decoding: a.text.prefix(200), as: UTF8.self)) vs \(String(decoding: b.text.prefix(200), as: UTF8.self))"
        }
        if a.root != b.root { return "root \(String(describing: a.root)) vs \(String(describing: b.root))" }
        if a.secondDocumentStart != b.secondDocumentStart { return "second document differs" }
        if a.textSpans.count != b.textSpans.count || zip(a.textSpans, b.textSpans).contains(where: { $0.start != $1.start || $0.end != $1.end }) {
            return "text spans differ"
        }
        if diagnostics != other.diagnostics { return "diagnostics differ: \(diagnostics.map(\.message)) vs \(other.diagnostics.map(\.message))" }
        if failed != other.failed { return "failed \(failed) vs \(other.failed)" }
        if notText != other.notText { return "notText \(notText) vs \(other.notText)" }
        return nil
    }
}
