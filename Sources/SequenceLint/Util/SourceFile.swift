/// How a column is counted: in Unicode scalars (the tool's own columns, LSP's `utf-32`), in
/// UTF-16 code units (LSP's default) or in UTF-8 bytes.
public enum ColumnEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A file's text with its line index: bytes, where each line starts, and conversions between
/// byte offsets, positions (1-based line, column in Unicode scalars) and other column counts.
/// Lines end at LF, CRLF or a lone CR; a UTF-8 byte-order mark is not part of line 1.
public struct SourceFile: Sendable {
    /// The text.
    public let bytes: [UInt8]
    /// Byte offset where each line starts (line 1 after a byte-order mark).
    public let lineStarts: [Int]

    /// Indexes `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = lineStartOffsets(bytes)
        if Self.hasByteOrderMark(bytes) { starts[0] = 3 }
        lineStarts = starts
    }

    /// Whether the text starts with a UTF-8 byte-order mark.
    public static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// How many lines there are (an empty text has one).
    public var lineCount: Int { lineStarts.count }

    /// The bytes of a 1-based line, without its line break (empty past the end).
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// A line's text, without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The byte offset of a position; a column past the line's end gives the line's end, a line
    /// past the text's end gives nil.
    public func offset(of position: Position) -> Int? {
        guard position.line >= 1, position.line <= lineStarts.count else { return nil }
        let range = lineRange(position.line)
        var i = range.lowerBound, column = 1
        while i < range.upperBound, column < position.column {
            i += 1
            while i < range.upperBound, (bytes[i] & 0xC0) == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    /// The byte offset of a position that is in the text: nil for a line or column past it. The
    /// column just past a line's last character (its line break, or the end of the text) is in it.
    public func exactOffset(of position: Position) -> Int? {
        guard position.line >= 1, position.column >= 1, position.column <= lineLength(position.line) + 1 else { return nil }
        return offset(of: position)
    }

    /// The position of a byte offset (clamped to the text).
    public func position(ofByte offset: Int) -> Position {
        let offset = max(0, min(offset, bytes.count))
        // The last line starting at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1, i = lineStarts[low]
        while i < offset {
            if (bytes[i] & 0xC0) != 0x80 { column += 1 }
            i += 1
        }
        return Position(line: low + 1, column: column)
    }

    /// A line's length in Unicode scalars, without its line break.
    public func lineLength(_ line: Int) -> Int {
        var count = 0
        for i in lineRange(line) where (bytes[i] & 0xC0) != 0x80 { count += 1 }
        return count
    }

    /// Walks a line's characters while `more(scalars, units)` holds, where `scalars` is the
    /// 1-based column reached and `units` the 0-based column in `encoding`'s units.
    private func walk(line: Int, in encoding: ColumnEncoding, while more: (Int, Int) -> Bool) -> (scalars: Int, units: Int) {
        let range = lineRange(line)
        var i = range.lowerBound, scalars = 1, units = 0
        while i < range.upperBound, more(scalars, units) {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            switch encoding {
            case .utf8: units += length
            case .utf16: units += length == 4 ? 2 : 1
            case .utf32: units += 1
            }
            i += length
            scalars += 1
        }
        return (scalars, units)
    }

    /// The 0-based column, in `encoding`'s units, of a 1-based scalar column on a line.
    public func units(line: Int, column: Int, in encoding: ColumnEncoding) -> Int {
        let (scalars, units) = walk(line: line, in: encoding) { scalars, _ in scalars < column }
        // Past the line's end (an inclusive end on the line break): count the rest as scalars.
        return scalars < column ? units + column - scalars : units
    }

    /// The 1-based scalar column of a 0-based column in `encoding`'s units; one that falls inside
    /// a character counts as that character, one past the line's end as the line's end.
    public func column(line: Int, units target: Int, in encoding: ColumnEncoding) -> Int {
        walk(line: line, in: encoding) { _, units in units < target }.scalars
    }

    /// The byte offset of a 0-based line and a 0-based column in `encoding`'s units (LSP's
    /// positions); a line past the end gives the text's end.
    public func offset(line: Int, units: Int, in encoding: ColumnEncoding) -> Int {
        guard line + 1 <= lineStarts.count else { return bytes.count }
        return offset(of: Position(line: line + 1, column: column(line: line + 1, units: units, in: encoding))) ?? bytes.count
    }
}
