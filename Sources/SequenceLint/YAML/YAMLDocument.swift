/// A position in a source file: 1-based line, 1-based column counted in Unicode scalars.
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored in 32 bits: positions are in every node and reference, and files stop at 64 MiB.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// 1-based column, counted in Unicode scalar values.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a position from 1-based line and column.
    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (a: Position, b: Position) -> Bool {
        a.storedLine != b.storedLine ? a.storedLine < b.storedLine : a.storedColumn < b.storedColumn
    }

    public var description: String { "\(line):\(column)" }
}

/// The kind of a YAML node.
public enum YAMLNodeKind: UInt8, Sendable {
    case scalar, sequence, mapping
}

/// One node of a loaded YAML document, stored flat: children live in `YAMLDocument.children`
/// and scalar text in `YAMLDocument.text`, so loading makes no per-node objects.
public struct YAMLNode: Sendable {
    /// Scalar, sequence or mapping.
    public var kind: YAMLNodeKind
    /// True for a plain (unquoted, non-block) scalar: only those can be null.
    public var isPlain: Bool
    /// The first character of the node.
    public var start: Position
    /// The last character of the node (inclusive).
    public var end: Position
    /// Scalar: byte offset of the value in `text`. Collection: index of the first child in `children`.
    var first: Int32
    /// Scalar: byte length of the value. Collection: number of children (a mapping stores key, value, key, value…).
    var count: Int32
}

/// A YAML document loaded with positions: flat node storage, raw scalar text, no implicit typing.
public struct YAMLDocument: Sendable {
    /// Every node; aliases share the node of their anchor.
    public internal(set) var nodes: [YAMLNode] = []
    /// Child node indices of all collections, each collection's children contiguous.
    var children: [Int32] = []
    /// The bytes of every scalar value, concatenated.
    var text: [UInt8] = []
    /// The root node of the first document, if there is one.
    public internal(set) var root: Int32?
    /// Where a second document starts, if the stream has more than one.
    public internal(set) var secondDocumentStart: Position?
    /// Spans of quoted and block scalars, in which a `#` starts no comment.
    public internal(set) var textSpans: [(start: Position, end: Position)] = []

    /// Creates an empty document.
    public init() {}

    /// The node at `index`.
    @inlinable public subscript(index: Int32) -> YAMLNode { nodes[Int(index)] }

    /// The children of a collection (for a mapping: key, value, key, value…).
    public func childIndices(_ index: Int32) -> ArraySlice<Int32> {
        let node = nodes[Int(index)]
        if node.kind == .scalar { return [] }
        return children[Int(node.first)..<Int(node.first + node.count)]
    }

    /// The scalar's raw text (no implicit typing).
    public func string(_ index: Int32) -> String {
        let node = nodes[Int(index)]
        guard node.kind == .scalar else { return "" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(node.first)..<Int(node.first + node.count)]), as: UTF8.self)
        }
    }

    /// Whether the node is a scalar whose text equals `literal`, compared without making a String.
    public func scalarEquals(_ index: Int32, _ literal: StaticString) -> Bool {
        let node = nodes[Int(index)]
        guard node.kind == .scalar, Int(node.count) == literal.utf8CodeUnitCount else { return false }
        return text.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress! + Int(node.first)
            return memcmpBytes(base, literal.utf8Start, literal.utf8CodeUnitCount)
        }
    }

    /// Whether the scalar's text contains `needle` (ASCII), without making a String.
    func scalarContains(_ index: Int32, _ needle: StaticString) -> Bool {
        let node = nodes[Int(index)]
        let n = needle.utf8CodeUnitCount
        guard node.kind == .scalar, Int(node.count) >= n, n > 0 else { return false }
        return text.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress! + Int(node.first)
            var i = 0
            while i + n <= Int(node.count) {
                if base[i] == needle.utf8Start[0] && memcmpBytes(base + i, needle.utf8Start, n) { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether two scalar nodes have the same text.
    func sameScalarText(_ a: Int32, _ b: Int32) -> Bool {
        let x = nodes[Int(a)], y = nodes[Int(b)]
        guard x.kind == .scalar, y.kind == .scalar, x.count == y.count else { return false }
        return text.withUnsafeBufferPointer { buffer in
            memcmpBytes(buffer.baseAddress! + Int(x.first), buffer.baseAddress! + Int(y.first), Int(x.count))
        }
    }

    /// Whether the node is YAML null: an empty plain scalar, `~`, or `null`.
    public func isNull(_ index: Int32) -> Bool {
        let node = nodes[Int(index)]
        guard node.kind == .scalar, node.isPlain, node.count <= 4 else { return false }
        return node.count == 0 || scalarEquals(index, "~") || scalarEquals(index, "null")
            || scalarEquals(index, "Null") || scalarEquals(index, "NULL")
    }

    /// Calls `body` with each key and value of a mapping, own keys first, then keys brought in
    /// by `<<` merge keys that the mapping does not set itself.
    public func forEachPair(_ mapping: Int32, _ body: (_ key: Int32, _ value: Int32) -> Void) {
        let items = childIndices(mapping)
        var merges: [Int32] = []
        var index = items.startIndex
        while index < items.endIndex {
            let key = items[index], value = items[index + 1]
            if nodes[Int(key)].isPlain && scalarEquals(key, "<<") {
                merges.append(value)
            } else {
                body(key, value)
            }
            index += 2
        }
        guard !merges.isEmpty else { return }
        // Keys already given win over merged ones; compared by their scalar bytes through a hash
        // set (a merge into a large mapping stays linear), and each merged mapping is visited once
        // (a merge chain that repeats sources cannot grow exponentially).
        var seen = Set<[UInt8]>()
        func textKey(_ node: Int32) -> [UInt8]? {
            let n = nodes[Int(node)]
            guard n.kind == .scalar else { return nil }
            return Array(text[Int(n.first)..<(Int(n.first) + Int(n.count))])
        }
        index = items.startIndex
        while index < items.endIndex {
            if let key = textKey(items[index]) { seen.insert(key) }
            index += 2
        }
        // Depth first, in order: a merged mapping's own merges before the next merged mapping.
        func sources(of merge: Int32) -> [Int32] {
            nodes[Int(merge)].kind == .sequence ? Array(childIndices(merge)) : [merge]
        }
        var stack: [Int32] = merges.flatMap(sources).reversed()
        var visited = Set<Int32>([mapping])
        while let source = stack.popLast() {
            guard nodes[Int(source)].kind == .mapping, visited.insert(source).inserted else { continue }
            let sourceItems = childIndices(source)
            var nested: [Int32] = []
            var i = sourceItems.startIndex
            while i < sourceItems.endIndex {
                let key = sourceItems[i], value = sourceItems[i + 1]
                i += 2
                if nodes[Int(key)].isPlain && scalarEquals(key, "<<") {
                    nested.append(contentsOf: sources(of: value))
                    continue
                }
                if let text = textKey(key) {
                    guard seen.insert(text).inserted else { continue }
                }
                body(key, value)
            }
            stack.append(contentsOf: nested.reversed())
        }
    }

    /// The value for a scalar key of a mapping (merge keys included), if present.
    public func value(_ mapping: Int32, forKey key: StaticString) -> Int32? {
        var found: Int32?
        forEachPair(mapping) { k, v in
            if found == nil && scalarEquals(k, key) { found = v }
        }
        return found
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// Unchecked views of a document's storage, for reading it without copies, reference counting
/// or bounds checks: valid only inside `YAMLDocument.withStorage`, and only for indices the
/// document itself hands out.
struct YAMLStorage {
    let nodes: UnsafePointer<YAMLNode>
    let children: UnsafePointer<Int32>
    let text: UnsafePointer<UInt8>

    @inline(__always) subscript(index: Int32) -> YAMLNode { nodes[Int(index)] }

    /// The children of a collection (none for a scalar).
    @inline(__always) func items(_ index: Int32) -> UnsafeBufferPointer<Int32> {
        let node = nodes[Int(index)]
        if node.kind == .scalar { return UnsafeBufferPointer(start: children, count: 0) }
        return UnsafeBufferPointer(start: children + Int(node.first), count: Int(node.count))
    }

    /// The scalar's raw text ("" for a collection), as `YAMLDocument.string`.
    @inline(__always) func string(_ index: Int32) -> String {
        let node = nodes[Int(index)]
        guard node.kind == .scalar else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text + Int(node.first), count: Int(node.count)), as: UTF8.self)
    }

    /// Whether the node is a scalar whose text is `literal`.
    @inline(__always) func equals(_ index: Int32, _ literal: StaticString) -> Bool {
        let node = nodes[Int(index)]
        guard node.kind == .scalar, Int(node.count) == literal.utf8CodeUnitCount else { return false }
        return memcmpBytes(text + Int(node.first), literal.utf8Start, literal.utf8CodeUnitCount)
    }

    /// Whether the node is YAML null, as `YAMLDocument.isNull`.
    @inline(__always) func isNull(_ index: Int32) -> Bool {
        let node = nodes[Int(index)]
        guard node.kind == .scalar, node.isPlain, node.count <= 4 else { return false }
        if node.count == 0 { return true }
        let p = text + Int(node.first)
        if node.count == 1 { return p[0] == UInt8(ascii: "~") }
        return node.count == 4 && (memcmpBytes(p, ("null" as StaticString).utf8Start, 4) || memcmpBytes(p, ("Null" as StaticString).utf8Start, 4)
            || memcmpBytes(p, ("NULL" as StaticString).utf8Start, 4))
    }

    /// The scalar's text without leading and trailing spaces and tabs, or nil when nothing is left
    /// (or the node is a collection).
    @inline(__always) func trimmedString(_ index: Int32) -> String? {
        let node = nodes[Int(index)]
        guard node.kind == .scalar else { return nil }
        var first = Int(node.first), end = first + Int(node.count)
        while first < end, text[first] == 0x20 || text[first] == 0x09 { first += 1 }
        while end > first, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        if first == end { return nil }
        return String(decoding: UnsafeBufferPointer(start: text + first, count: end - first), as: UTF8.self)
    }

    /// The scalar's text when it is a valid id (`SchemaReader.isValidID`: an ASCII letter or
    /// digit, then ASCII letters, digits, `.`, `_` and `-`), else nil.
    @inline(__always) func validID(_ index: Int32) -> String? {
        let node = nodes[Int(index)]
        guard node.kind == .scalar, node.count > 0 else { return nil }
        let p = text + Int(node.first)
        @inline(__always) func alnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard alnum(p[0]) else { return nil }
        // Plain null spellings are not ids: the slow path reports them.
        if node.isPlain && node.count == 4 && (p[0] == 0x6E || p[0] == 0x4E) && isNull(index) { return nil }
        var i = 1
        while i < Int(node.count) {
            let c = p[i]
            guard alnum(c) || c == 0x2E || c == 0x5F || c == 0x2D else { return nil }
            i += 1
        }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(node.count)), as: UTF8.self)
    }

    /// The lesson kind the scalar names exactly (once spaces and tabs around it are trimmed).
    @inline(__always) func lessonKind(_ index: Int32) -> LessonKind? {
        let node = nodes[Int(index)]
        guard node.kind == .scalar else { return nil }
        var first = Int(node.first), end = first + Int(node.count)
        while first < end, text[first] == 0x20 || text[first] == 0x09 { first += 1 }
        while end > first, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        let p = text + first, n = end - first
        @inline(__always) func matches(_ literal: StaticString) -> Bool {
            n == literal.utf8CodeUnitCount && memcmpBytes(p, literal.utf8Start, n)
        }
        switch n {
        case 6: return matches("review") ? .review : nil
        case 10:
            if matches("conceptual") { return .conceptual }
            if matches("procedural") { return .procedural }
            if matches("assessment") { return .assessment }
            return nil
        case 11: return matches("application") ? .application : nil
        default: return nil
        }
    }

    /// The scalar's value when it is written as 1 to 7 ASCII digits (spaces and tabs around them
    /// allowed) of a number from 1 to 1,000,000; else nil.
    @inline(__always) func smallPositiveNumber(_ index: Int32) -> Int? {
        let node = nodes[Int(index)]
        guard node.kind == .scalar else { return nil }
        var first = Int(node.first), end = first + Int(node.count)
        while first < end, text[first] == 0x20 || text[first] == 0x09 { first += 1 }
        while end > first, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        guard end > first, end - first <= 7 else { return nil }
        var value = 0
        while first < end {
            let c = text[first]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
            first += 1
        }
        return value > 0 && value <= 1_000_000 ? value : nil
    }

    /// The index in `names` of the scalar key's text; nil for another text or a collection.
    @inline(__always) func slot(of key: Int32, among names: UnsafeBufferPointer<StaticString>) -> Int? {
        let node = nodes[Int(key)]
        guard node.kind == .scalar else { return nil }
        let count = Int(node.count)
        let base = text + Int(node.first)
        var i = 0
        while i < names.count {
            let name = names[i]
            if name.utf8CodeUnitCount == count && memcmpBytes(base, name.utf8Start, count) { return i }
            i += 1
        }
        return nil
    }
}

extension YAMLDocument {
    /// Runs `body` with unchecked views of the document's storage.
    func withStorage<R>(_ body: (YAMLStorage) throws -> R) rethrows -> R {
        try nodes.withUnsafeBufferPointer { nodes in
            try children.withUnsafeBufferPointer { children in
                try text.withUnsafeBufferPointer { text in
                    // Empty storage has no address; none of it is ever read then.
                    try body(YAMLStorage(nodes: nodes.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<YAMLNode>.alignment)!,
                                         children: children.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Int32>.alignment)!,
                                         text: text.baseAddress ?? UnsafePointer(bitPattern: 1)!))
                }
            }
        }
    }
}
