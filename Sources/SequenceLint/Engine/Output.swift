#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a write failed.
package enum WriteFailure: Error, Equatable, CustomStringConvertible {
    /// The reader went away (a closed pipe): the run ends quietly.
    case closedPipe
    /// Refused: the target is one of the files the run reads.
    case wouldOverwriteInput(target: String, input: String)
    /// The operating system refused.
    case failed(target: String, reason: String)
    /// Reading failed.
    case unreadable(source: String, reason: String)

    package var description: String {
        switch self {
        case .closedPipe: "the reader closed the pipe"
        case .wouldOverwriteInput(let target, let input):
            target == input ? "refusing to write \(target): it is one of the files this run reads"
                : "refusing to write \(target): it is the same file as \(input), which this run reads"
        case .failed(let target, let reason): "cannot write \(target): \(reason)"
        case .unreadable(let source, let reason): "cannot read \(source): \(reason)"
        }
    }
}

/// Every byte a command writes goes through here: standard streams with no trap on a full
/// disk, a closed descriptor or a closed pipe, and files only where the run reads nothing.
package enum Output {
    /// Makes a closed pipe an error code rather than a signal; call once at start.
    package static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `bytes` to a descriptor.
    package static func write(_ bytes: [UInt8], to fd: Int32, name: String) throws(WriteFailure) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                if errno == EPIPE { throw .closedPipe }
                throw .failed(target: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// Writes text to standard output.
    package static func standardOutput(_ text: String) throws(WriteFailure) {
        try write(Array(text.utf8), to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes text to standard error; a failure there has nowhere to be reported, so it is dropped.
    package static func standardError(_ text: String) {
        try? write(Array(text.utf8), to: STDERR_FILENO, name: "standard error")
    }

    /// The file identity (device, inode) a path names, following symlinks; nil when it does not exist.
    static func identity(_ path: String) -> (dev: UInt64, ino: UInt64)? {
        var info = stat()
        guard SourceDiscovery.withRawPath(path, { stat($0, &info) }) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// The read file that `target` is (the same file through a path, a symlink or a hard link), if any.
    package static func conflict(writing target: String, reads: [String]) -> String? {
        guard let id = identity(target) else { return nil }
        for path in reads {
            if let other = identity(path), other == id { return path }
        }
        return nil
    }

    /// Writes (or, with `append`, appends) a file that must not be any of `reads`.
    package static func writeFile(_ bytes: [UInt8], to path: String, reads: [String], append: Bool = false) throws(WriteFailure) {
        guard !path.isEmpty else { throw .failed(target: "''", reason: "the file name is empty") }
        if let input = conflict(writing: path, reads: reads) {
            throw .wouldOverwriteInput(target: path, input: input)
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = SourceDiscovery.withRawPath(path) { open($0, flags, 0o644) }
        guard fd >= 0 else { throw .failed(target: path, reason: String(cString: strerror(errno))) }
        // Checked again on the open file: a link made after the first check is caught too.
        var info = stat()
        if fstat(fd, &info) == 0 {
            for input in reads {
                if let other = identity(input), other == (UInt64(info.st_dev), UInt64(info.st_ino)) {
                    close(fd)
                    throw .wouldOverwriteInput(target: path, input: input)
                }
            }
        }
        try finish(bytes, fd: fd, path: path)
    }

    /// Writes all of `bytes` to an open file and closes it; the descriptor is closed whatever happens.
    static func finish(_ bytes: [UInt8], fd: Int32, path: String) throws(WriteFailure) {
        do {
            try write(bytes, to: fd, name: path)
        } catch {
            close(fd)
            throw error == .closedPipe ? .failed(target: path, reason: "the reader closed the pipe") : error
        }
        if close(fd) != 0 { throw .failed(target: path, reason: String(cString: strerror(errno))) }
    }

    /// Reads standard input up to `limit + 1` bytes (the loader reports a larger document as too big).
    package static func readStandardInput(limit: Int) throws(WriteFailure) -> [UInt8] {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else {
            throw .unreadable(source: "standard input", reason: "it is closed")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(source: "standard input", reason: "it is a folder")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(source: "standard input", reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
