import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths that are not valid UTF-8 on disk, by the escaped name they are shown under
/// (`caf\xE9.yml`): opened by their real bytes, reported by the escaped name.
final class RawPathTable: @unchecked Sendable {
    static let shared = RawPathTable()
    private var lock = pthread_mutex_t()
    private var bytes: [ByteKey: [CChar]] = [:]

    init() { pthread_mutex_init(&lock, nil) }

    func register(_ shown: String, _ raw: [CChar]) {
        pthread_mutex_lock(&lock)
        bytes[ByteKey(shown)] = raw
        pthread_mutex_unlock(&lock)
    }

    func raw(_ shown: String) -> [CChar]? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return bytes.isEmpty ? nil : bytes[ByteKey(shown)]
    }
}

/// A string compared by its UTF-8 bytes. Swift's `String` equality is canonical equivalence,
/// which merges file names that differ only by Unicode normalization (`é` as one code point or
/// as `e` and a combining accent): two different files on disk.
public struct ByteKey: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The string.
    public let string: String

    /// Wraps a string.
    public init(_ string: String) { self.string = string }

    public init(stringLiteral value: String) { string = value }

    public static func == (a: ByteKey, b: ByteKey) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    public func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Finds the YAML files under the given paths and reads them; never writes.
package enum SourceDiscovery {
    /// Files to lint, sorted: named files as given, `*.yml`/`*.yaml` under named folders (hidden
    /// folders and `.sequencelint.yml` skipped; symlink loops visited once; symlinks that lead
    /// out of the named folder not followed, and listed in `outside`).
    package static func files(in paths: [String]) throws -> [String] {
        try discover(paths).files
    }

    /// Files to lint, and the symlinks not followed because they lead out of the named folder.
    package static func discover(_ paths: [String]) throws -> (files: [String], outside: [String]) {
        var result: [String] = []
        var outside: [String] = []
        var seenDirectories = Set<ByteKey>()
        var seenFiles = Set<ByteKey>()
        for raw in paths {
            guard !raw.isEmpty else { throw LintError.noSuchPath("''") }
            let path = displayPath(raw)
            var info = stat()
            guard stat(path, &info) == 0 else { throw LintError.noSuchPath(raw) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, into: &result, outside: &outside, seen: &seenDirectories)
            } else {
                result.append(path)
            }
        }
        // One file named twice (other spelling, symlink) is read once; names are compared as bytes.
        result.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (result.filter { seenFiles.insert(ByteKey(canonical($0))).inserted }, outside)
    }

    /// Calls `body` with the bytes a shown path stands for on disk.
    package static func withRawPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        if let raw = RawPathTable.shared.raw(path) { return raw.withUnsafeBufferPointer { body($0.baseAddress!) } }
        return path.withCString(body)
    }

    /// A file name as shown: itself when valid UTF-8 without control characters, else with each
    /// offending byte as `\xNN` (the real bytes are kept for opening it).
    static func shownName(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        if let text = String(validating: raw, as: UTF8.self), !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return nil
        }
        var out = ""
        var i = 0
        while i < raw.count {
            // The longest valid UTF-8 sequence starting here, else one escaped byte.
            var taken = false
            for length in (1...4).reversed() where i + length <= raw.count {
                if let text = String(validating: UnsafeBufferPointer(rebasing: raw[i..<(i + length)]), as: UTF8.self),
                   text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F {
                    out += text
                    i += length
                    taken = true
                    break
                }
            }
            if !taken {
                out += "\\x" + String(raw[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }

    private static func walk(_ directory: String, into result: inout [String], outside: inout [String], seen: inout Set<ByteKey>) throws {
        // Symlinks are followed only while they stay inside the folder named on the command line.
        guard let rootReal = realpath(directory, nil) else { throw LintError.unreadable(directory, String(cString: strerror(errno))) }
        let root = String(cString: rootReal)
        free(rootReal)
        let rootPrefix = root.hasSuffix("/") ? root : root + "/"
        func inside(_ real: String) -> Bool { real == root || real.utf8.starts(with: rootPrefix.utf8) }
        var stack = [directory]
        while let current = stack.popLast() {
            guard let real = withRawPath(current, { realpath($0, nil) }) else { continue }
            let key = String(cString: real)
            free(real)
            guard seen.insert(ByteKey(key)).inserted else { continue }
            guard let dir = withRawPath(current, { opendir($0) }) else {
                throw LintError.unreadable(current, String(cString: strerror(errno)))
            }
            var entries: [(shown: String, raw: [CChar])] = []
            while let entry = readdir(dir) {
                let raw: [CChar] = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                    let chars = buffer.bindMemory(to: CChar.self)
                    let length = strnlen(chars.baseAddress!, chars.count)
                    return Array(chars[0..<length])
                }
                if raw.first == CChar(UInt8(ascii: ".")) { continue }
                let shown = raw.map { UInt8(bitPattern: $0) }.withUnsafeBufferPointer { shownName($0) }
                entries.append((shown ?? String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self), raw))
            }
            closedir(dir)
            entries.sort { $0.shown.utf8.lexicographicallyPrecedes($1.shown.utf8) }
            for (name, rawName) in entries {
                let child = current == "." ? name : (current.hasSuffix("/") ? current + name : current + "/" + name)
                let rawChild: [CChar]
                if let parentRaw = RawPathTable.shared.raw(current) {
                    rawChild = parentRaw + (current.hasSuffix("/") ? [] : [CChar(UInt8(ascii: "/"))]) + rawName + [0]
                } else {
                    rawChild = Array((current == "." ? "" : (current.hasSuffix("/") ? current : current + "/")).utf8CString.dropLast()) + rawName + [0]
                }
                if !child.utf8.elementsEqual(rawChild.dropLast().map { UInt8(bitPattern: $0) }) {
                    RawPathTable.shared.register(child, rawChild)
                }
                var link = stat()
                guard rawChild.withUnsafeBufferPointer({ lstat($0.baseAddress!, &link) }) == 0 else {
                    throw LintError.unreadable(child, String(cString: strerror(errno)))
                }
                var info = link
                if (link.st_mode & S_IFMT) == S_IFLNK {
                    guard let target = rawChild.withUnsafeBufferPointer({ realpath($0.baseAddress!, nil) }) else { continue }
                    let resolved = String(cString: target)
                    free(target)
                    guard inside(resolved) else {
                        outside.append(child)
                        continue
                    }
                    guard rawChild.withUnsafeBufferPointer({ stat($0.baseAddress!, &info) }) == 0 else { continue }
                }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    // A folder that can be listed but not searched hides its files: an error, as an unreadable one is.
                    if access(rawChild, X_OK) != 0 { throw LintError.unreadable(child, "the folder cannot be searched (no execute permission)") }
                    stack.append(child)
                } else if (info.st_mode & S_IFMT) == S_IFREG, isYAMLName(name) {
                    result.append(child)
                }
            }
        }
    }

    /// Whether a path names a regular file this process can read.
    package static func isReadableFile(_ path: String) -> Bool {
        var info = stat()
        return withRawPath(path, { stat($0, &info) }) == 0 && (info.st_mode & S_IFMT) == S_IFREG && withRawPath(path, { access($0, R_OK) }) == 0
    }

    /// The canonical path of a file (symlinks resolved), or the path itself.
    package static func canonical(_ path: String) -> String {
        guard let real = withRawPath(path, { realpath($0, nil) }) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether a file name ends in `.yml` or `.yaml` (any case).
    static func isYAMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
    }

    /// A path as shown in output: `.` and `..` resolved, relative to the current folder when
    /// under it, else absolute; so one file has one spelling whatever way it was named.
    package static func displayPath(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        guard let cwd = currentDirectory() else { return path }
        let normalized = absolutePath(path, from: cwd)
        if normalized == cwd { return "." }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if normalized.hasPrefix(prefix) { return String(normalized.dropFirst(prefix.count)) }
        return normalized
    }

    /// The absolute form of a path, with `.` and `..` resolved lexically.
    package static func absolutePath(_ path: String, from cwd: String? = currentDirectory()) -> String {
        let absolute = path.hasPrefix("/") ? path : (cwd ?? "") + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The current folder.
    package static func currentDirectory() -> String? {
        guard let buffer = getcwd(nil, 0) else { return nil }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Reads a whole file; files larger than `limit` are read only up to `limit + 1` bytes
    /// so the loader reports them without holding them in memory.
    package static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        // Non-blocking, so a FIFO cannot hang the run before it is found not to be a file.
        let fd = withRawPath(path) { open($0, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) }
        guard fd >= 0 else { throw LintError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LintError.unreadable(path, String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw LintError.unreadable(path, "it is a folder") }
        if (info.st_mode & S_IFMT) != S_IFREG { throw LintError.unreadable(path, "it is not a regular file") }
        // Kernel files (/proc, /sys) look regular but hold the process's environment and more.
        if sequencelint_is_kernel_file(fd) != 0 {
            throw LintError.unreadable(path, "it is a special file of the kernel")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        let expected = max(0, min(Int(info.st_size), limit + 1))
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LintError.unreadable(path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
