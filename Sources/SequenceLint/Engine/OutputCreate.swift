#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Output {
    /// Whether anything (a file, a folder, a symlink, even a dangling one) is at `path`.
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return SourceDiscovery.withRawPath(path) { lstat($0, &info) } == 0
    }

    /// Creates a new file holding `bytes`; never replaces anything already at `path` (not even a
    /// dangling symlink): the file is opened with `O_EXCL`, so a file made since a check is safe too.
    package static func createFile(_ bytes: [UInt8], at path: String) throws(WriteFailure) {
        guard !path.isEmpty else { throw .failed(target: "''", reason: "the file name is empty") }
        let fd = SourceDiscovery.withRawPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard fd >= 0 else {
            throw .failed(target: path, reason: errno == EEXIST ? "it already exists" : String(cString: strerror(errno)))
        }
        try finish(bytes, fd: fd, path: path)
    }
}
