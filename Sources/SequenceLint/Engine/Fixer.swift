#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `lint --fix` and `lint --diff`: applies the edits of fixes to a file's bytes, each rewriting
/// only its own span, and shows the change as a unified diff.
public enum Fixer {
    /// The fixes of `diagnostics` that apply: safe ones, and unsafe ones too with `includeUnsafe`, in
    /// files listed in `paths` only (the curriculum maps of the run), by path in output order.
    public static func fixes(_ diagnostics: [Diagnostic], includeUnsafe: Bool, in paths: [String]) -> [(path: String, fixes: [Fix])] {
        let allowed = Set(paths.map { ByteKey($0) })
        var byPath: [ByteKey: [Fix]] = [:]
        var order: [String] = []
        for d in diagnostics.sorted(by: Diagnostic.ordered) {
            guard let fix = d.fix, fix.applicability == .safe || includeUnsafe else { continue }
            let key = ByteKey(fix.location.path)
            guard allowed.contains(key) else { continue }
            if byPath[key] == nil { order.append(fix.location.path) }
            byPath[key, default: []].append(fix)
        }
        return order.map { ($0, byPath[ByteKey($0)]!) }
    }

    /// The byte range `[start, end)` of a fix's inclusive span.
    static func range(of fix: Fix, in source: SourceFile) -> Range<Int>? {
        let bytes = source.bytes
        guard let start = source.exactOffset(of: fix.location.start), var end = source.exactOffset(of: fix.location.end) else { return nil }
        // The end is inclusive: past its last character (a whole UTF-8 sequence).
        if end < bytes.count {
            if bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A {
                end += 2
            } else {
                end += 1
                while end < bytes.count, (bytes[end] & 0xC0) == 0x80 { end += 1 }
            }
        }
        return start <= end ? start..<end : nil
    }

    /// One applied edit: the bytes `old` of the original became `replacement`.
    struct Edit {
        var old: Range<Int>
        var replacement: [UInt8]
    }

    /// Applies `fixes` to `bytes`. Each rewrites only its span; of fixes whose spans overlap (or
    /// touch the same place), the first in output order is applied and the rest skipped (a second
    /// run picks them up); a fix whose span is not in the text is skipped.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int, skipped: Int) {
        let (result, edits, skipped) = edits(fixes, to: bytes)
        return (result, edits.count, skipped)
    }

    static func edits(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], edits: [Edit], skipped: Int) {
        let source = SourceFile(bytes)
        var chosen: [Edit] = []
        var skipped = 0
        for fix in fixes {
            guard let range = range(of: fix, in: source) else { skipped += 1; continue }
            if chosen.contains(where: { $0.old.overlaps(range) || $0.old.lowerBound == range.lowerBound }) {
                skipped += 1
                continue
            }
            chosen.append(Edit(old: range, replacement: Array(fix.replacement.utf8)))
        }
        chosen.sort { $0.old.lowerBound < $1.old.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for edit in chosen {
            out.append(contentsOf: bytes[at..<edit.old.lowerBound])
            out.append(contentsOf: edit.replacement)
            at = edit.old.upperBound
        }
        out.append(contentsOf: bytes[at...])
        return (out, chosen, skipped)
    }

    /// A unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context) from `old` to
    /// `new`; empty when they are the same. Lines keep their own line breaks (CRLF stays CRLF).
    public static func unifiedDiff(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> [UInt8] {
        guard old != new else { return [] }
        let a = lines(old), b = lines(new)
        // Unchanged lines at both ends, then the changed lines between, compared line by line
        // from both ends: the edits of fixes are small, so blocks of changed lines are found by
        // walking matching lines (a longest-common-subsequence pass over the middle).
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        // Pairs of equal lines in the middle (indices into a and b), in order.
        // The same number of lines (fixes seldom add or remove a line break): line by line.
        let common = midA.count == midB.count ? midA.indices.filter { midA[$0] == midB[$0] }.map { ($0, $0) } : commonLines(midA, midB)
        let matches = common.map { ($0.0 + prefix, $0.1 + prefix) }
        var blocks: [(a: Range<Int>, b: Range<Int>)] = []
        var i = prefix, j = prefix
        for (x, y) in matches + [(a.count - suffix, b.count - suffix)] {
            if x > i || y > j { blocks.append((i..<x, j..<y)) }
            i = x + 1
            j = y + 1
        }
        var out: [UInt8] = Array("--- a/\(path)\n+++ b/\(path)\n".utf8)
        var k = 0
        while k < blocks.count {
            var last = k
            while last + 1 < blocks.count, blocks[last + 1].a.lowerBound - blocks[last].a.upperBound <= 2 * context { last += 1 }
            let aStart = max(0, blocks[k].a.lowerBound - context)
            let aEnd = min(a.count, blocks[last].a.upperBound + context)
            let bStart = blocks[k].b.lowerBound - (blocks[k].a.lowerBound - aStart)
            let bEnd = blocks[last].b.upperBound + (aEnd - blocks[last].a.upperBound)
            func header(_ start: Int, _ count: Int) -> String {
                count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
            }
            out += Array("@@ -\(header(aStart, aEnd - aStart)) +\(header(bStart, bEnd - bStart)) @@\n".utf8)
            func line(_ mark: UInt8, _ text: [UInt8]) {
                out.append(mark)
                out += text
                if text.last != 0x0A {
                    if text.last != 0x0D { out += Array("\n\\ No newline at end of file".utf8) }
                    out.append(0x0A)
                }
            }
            var ai = aStart
            for block in blocks[k...last] {
                while ai < block.a.lowerBound { line(0x20, a[ai]); ai += 1 }
                for x in block.a { line(0x2D, a[x]) }
                for y in block.b { line(0x2B, b[y]) }
                ai = block.a.upperBound
            }
            while ai < aEnd { line(0x20, a[ai]); ai += 1 }
            k = last + 1
        }
        return out
    }

    /// The lines of a text, each with its line break (LF, CRLF or a lone CR).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var starts = lineStartOffsets(bytes)
        if starts.last == bytes.count { starts.removeLast() }
        return starts.indices.map { n in Array(bytes[starts[n]..<(n + 1 < starts.count ? starts[n + 1] : bytes.count)]) }
    }

    /// A longest common subsequence of two short lists of lines, as index pairs.
    static func commonLines(_ a: [[UInt8]], _ b: [[UInt8]]) -> [(Int, Int)] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        // Too large a middle for a table: no common lines (one block of changes; still a valid diff).
        guard a.count * b.count <= 4_000_000 else { return [] }
        let w = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * w)
        for x in stride(from: a.count - 1, through: 0, by: -1) {
            for y in stride(from: b.count - 1, through: 0, by: -1) {
                table[x * w + y] = a[x] == b[y] ? table[(x + 1) * w + y + 1] + 1 : max(table[(x + 1) * w + y], table[x * w + y + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var x = 0, y = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] {
                pairs.append((x, y)); x += 1; y += 1
            } else if table[(x + 1) * w + y] >= table[x * w + y + 1] {
                x += 1
            } else {
                y += 1
            }
        }
        return pairs
    }

    /// Replaces the file at `path` with `bytes` atomically: a temporary file in the same folder,
    /// given the file's mode, renamed over it (through a symlink, the file it points to).
    package static func write(_ bytes: [UInt8], to path: String) throws(WriteFailure) {
        var target = path
        if let real = SourceDiscovery.withRawPath(path, { realpath($0, nil) }) {
            target = String(cString: real)
            free(real)
        }
        var info = stat()
        guard SourceDiscovery.withRawPath(target, { stat($0, &info) }) == 0 else {
            throw .failed(target: path, reason: String(cString: strerror(errno)))
        }
        let folder = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        let name = target.contains("/") ? String(target[target.index(after: target.lastIndex(of: "/")!)...]) : target
        var template = Array("\(folder.isEmpty ? "" : folder)/.\(name).sequencelint-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .failed(target: path, reason: String(cString: strerror(errno))) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure: WriteFailure?
        do {
            try Output.write(bytes, to: fd, name: path)
            if fchmod(fd, info.st_mode & 0o7777) != 0 || fsync(fd) != 0 {
                failure = .failed(target: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            failure = error
        }
        if let failure {
            close(fd)
            unlink(temporary)
            throw failure
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failed(target: path, reason: reason)
        }
    }
}
