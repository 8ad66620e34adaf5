import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON-RPC 2.0 over a byte stream with LSP's `Content-Length` framing.
enum JSONRPC {
    /// The largest message accepted (a whole document sent on every change fits well within it).
    static let maxMessage = 256 << 20

    /// Reads framed messages from a file descriptor.
    struct Reader {
        let fd: Int32
        var buffer: [UInt8] = []
        var start = 0

        init(fd: Int32) { self.fd = fd }

        /// More bytes from the stream; false at its end.
        mutating func fill() -> Bool {
            if start > 0, start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
            if start > 1 << 20 { buffer.removeSubrange(0..<start); start = 0 }
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return true }
                if n < 0, errno == EINTR { continue }
                return false
            }
        }

        /// The next message's body; nil at the end of the stream. A malformed header is skipped
        /// up to the next blank line.
        mutating func next() -> [UInt8]? {
            while true {
                // The header ends at an empty line.
                var headerEnd: Int?
                while headerEnd == nil {
                    if buffer.count - start >= 4 {
                        var i = start
                        while i + 3 < buffer.count {
                            if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A { headerEnd = i; break }
                            i += 1
                        }
                    }
                    if headerEnd == nil {
                        if buffer.count - start > 64 << 10 { return nil }  // no header this long
                        guard fill() else { return nil }
                    }
                }
                let header = String(decoding: buffer[start..<headerEnd!], as: UTF8.self)
                start = headerEnd! + 4
                var length: Int?
                for line in header.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }
                }
                guard let length, length >= 0, length <= maxMessage else { continue }
                while buffer.count - start < length {
                    guard fill() else { return nil }
                }
                let body = Array(buffer[start..<(start + length)])
                start += length
                return body
            }
        }
    }

    /// Writes one framed message.
    static func send(_ message: [String: Any], to fd: Int32) {
        var object = message
        object["jsonrpc"] = "2.0"
        var text = ""
        encode(object, into: &text)
        let body = Array(text.utf8)
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            written += n
        }
    }
}

extension JSONRPC {
    /// Compact JSON for the values messages are built from (strings, integers, booleans, null,
    /// arrays and string-keyed dictionaries, keys sorted): Foundation's serializer bridges every
    /// dictionary to an NSDictionary, which cost three times the lint itself per published file.
    static func encode(_ value: Any, into out: inout String) {
        switch value {
        case let raw as RawJSON: out += raw.text
        case let string as String: JSON.quote(string, into: &out)
        // A number parsed by JSONSerialization is an NSNumber, which casts to Bool and Int alike:
        // its own type says which it is (an id of 1 must not go back as `true`).
        case let number as NSNumber where type(of: value) is NSNumber.Type:
            switch String(cString: number.objCType) {
            case "c", "B": out += number.boolValue ? "true" : "false"
            case "f", "d": out += number.doubleValue.isFinite ? "\(number.doubleValue)" : "null"
            default: out += String(number.int64Value)
            }
        case let flag as Bool where type(of: value) == Bool.self: out += flag ? "true" : "false"
        case let number as Int where type(of: value) == Int.self: out += String(number)
        case let object as [String: Any]:
            out += "{"
            for (i, key) in object.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSON.quote(key, into: &out)
                out += ":"
                encode(object[key]!, into: &out)
            }
            out += "}"
        case let objects as [[String: Any]]: encodeArray(objects, into: &out)
        case let items as [Any]: encodeArray(items, into: &out)
        case let number as Double: out += number.isFinite ? "\(number)" : "null"
        case let text as Substring: JSON.quote(String(text), into: &out)
        default: out += "null"
        }
    }
}

extension JSONRPC {
    /// A JSON array of values `encode` writes.
    static func encodeArray<T>(_ items: [T], into out: inout String) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            encode(item, into: &out)
        }
        out += "]"
    }
}

/// JSON text made beforehand (diagnostics, which are many), written as it is.
struct RawJSON {
    var text: String
}

/// Messages handed from the reading thread to the server, with a wait that can time out (the
/// debounce of diagnostics after an edit).
final class MessageQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [[UInt8]?] = []

    /// Adds a message (nil: the stream ended).
    func push(_ item: [UInt8]?) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next message, waiting at most until `deadline`; `.timedOut` when it passed first.
    func pop(until deadline: Date?) -> PopResult {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            if let deadline {
                if !condition.wait(until: deadline) && items.isEmpty { return .timedOut }
            } else {
                condition.wait()
            }
        }
        let item = items.removeFirst()
        return item.map { .message($0) } ?? .ended
    }

    /// Whether a message is waiting.
    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return items.isEmpty
    }

    enum PopResult {
        case message([UInt8])
        case ended
        case timedOut
    }
}
