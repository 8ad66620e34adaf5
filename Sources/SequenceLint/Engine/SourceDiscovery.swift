#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the YAML files under the given paths and reads them; never writes.
public enum SourceDiscovery {
    /// Files to lint, sorted: named files as given, `*.yml`/`*.yaml` under named folders (hidden
    /// folders and `.sequencelint.yml` skipped; symlink loops visited once).
    public static func files(in paths: [String]) throws -> [String] {
        var result: [String] = []
        var seenDirectories = Set<String>()
        var seenFiles = Set<String>()
        for raw in paths {
            let path = displayPath(raw)
            var info = stat()
            guard stat(path, &info) == 0 else { throw LintError.noSuchPath(raw) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, into: &result, seen: &seenDirectories)
            } else {
                result.append(path)
            }
        }
        // One file named twice (other spelling, symlink) is read once.
        return result.sorted().filter { seenFiles.insert(canonical($0)).inserted }
    }

    private static func walk(_ directory: String, into result: inout [String], seen: inout Set<String>) throws {
        var stack = [directory]
        while let current = stack.popLast() {
            guard let real = realpath(current, nil) else { continue }
            let key = String(cString: real)
            free(real)
            guard seen.insert(key).inserted else { continue }
            guard let dir = opendir(current) else {
                throw LintError.unreadable(current, String(cString: strerror(errno)))
            }
            var entries: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name.hasPrefix(".") { continue }
                entries.append(name)
            }
            closedir(dir)
            for name in entries.sorted() {
                let child = current == "." ? name : (current.hasSuffix("/") ? current + name : current + "/" + name)
                var info = stat()
                guard stat(child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(child)
                } else if (info.st_mode & S_IFMT) == S_IFREG, isYAMLName(name) {
                    result.append(child)
                }
            }
        }
    }

    /// Whether a path names a regular file this process can read.
    public static func isReadableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, R_OK) == 0
    }

    /// The canonical path of a file (symlinks resolved), or the path itself.
    public static func canonical(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
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
    public static func displayPath(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        guard let cwd = currentDirectory() else { return path }
        let normalized = absolutePath(path, from: cwd)
        if normalized == cwd { return "." }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if normalized.hasPrefix(prefix) { return String(normalized.dropFirst(prefix.count)) }
        return normalized
    }

    /// The absolute form of a path, with `.` and `..` resolved lexically.
    public static func absolutePath(_ path: String, from cwd: String? = currentDirectory()) -> String {
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
    public static func currentDirectory() -> String? {
        guard let buffer = getcwd(nil, 0) else { return nil }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Reads a whole file; files larger than `limit` are read only up to `limit + 1` bytes
    /// so the loader reports them without holding them in memory.
    public static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LintError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LintError.unreadable(path, String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw LintError.unreadable(path, "it is a folder") }
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
