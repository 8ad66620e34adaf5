import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sequencelint lsp`: a Language Server Protocol (3.17) server over two file descriptors.
/// Diagnostics on open, change (debounced) and save, for every file whose findings change; code
/// actions (fixes, suppressions); hover; definition; references; completion. One thread answers
/// messages in order; another only reads them.
public final class LanguageServer {
    let linter: Linter
    let input: Int32
    let output: Int32
    /// How the client counts columns (negotiated; UTF-16 unless the client offers another).
    var encoding: ColumnEncoding = .utf16
    /// How long after an edit the workspace is linted again (initialization option `debounceMs`).
    var debounce: TimeInterval = 0.2
    var workspace: LSPWorkspace?
    var initialized = false
    var shutdownRequested = false
    /// When the pending lint runs (after the last edit plus the debounce); nil when none is due.
    var lintDue: Date?
    /// What each file's published diagnostics were, to publish only what changed.
    var published: [ByteKey: [Diagnostic]] = [:]
    /// Files whose text changed since their diagnostics were last published.
    var changedSincePublish = Set<ByteKey>()
    /// Where the built-in frameworks' text is written for go-to-definition.
    var builtinFiles: [String: String] = [:]
    /// The URIs of files already named.
    var uris: [ByteKey: String] = [:]
    var ruleDocumentationBase = "https://github.com/sequencelint/sequencelint/blob/main/docs/rules.md#"

    /// A server for a rule catalog, reading `input` and writing `output`.
    public init(linter: Linter, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.linter = linter
        self.input = input
        self.output = output
    }

    /// Serves until `exit`; returns the exit status (0 after `shutdown`, 1 otherwise).
    public func run() -> Int32 {
        let queue = MessageQueue()
        let fd = input
        let thread = Thread {
            var reader = JSONRPC.Reader(fd: fd)
            while let message = reader.next() { queue.push(message) }
            queue.push(nil)
        }
        thread.stackSize = 1 << 20
        thread.start()
        while true {
            switch queue.pop(until: lintDue) {
            case .timedOut:
                lintAndPublish()
            case .ended:
                return shutdownRequested ? 0 : 1
            case .message(let bytes):
                if let status = handle(bytes) { return status }
            }
        }
    }

    // MARK: Messages

    /// Handles one message; returns an exit status on `exit`.
    func handle(_ bytes: [UInt8]) -> Int32? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let message = object as? [String: Any] else {
            send(["id": NSNull(), "error": ["code": -32700, "message": "parse error: the message is not a JSON object"]])
            return nil
        }
        let method = message["method"] as? String
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        guard let method else { return nil }  // a response to a request of ours
        if method == "exit" { return shutdownRequested ? 0 : 1 }
        if id != nil {
            if !initialized && method != "initialize" {
                send(["id": id!, "error": ["code": -32002, "message": "the server is not initialized"]])
                return nil
            }
            if shutdownRequested {
                send(["id": id!, "error": ["code": -32600, "message": "the server is shutting down"]])
                return nil
            }
            let result: Any? = request(method, params)
            if let result {
                send(["id": id!, "result": result])
            } else {
                send(["id": id!, "error": ["code": -32601, "message": "method not supported: \(method)"]])
            }
            return nil
        }
        guard initialized else { return nil }
        notification(method, params)
        return nil
    }

    /// Answers a request (NSNull for an empty answer); nil for an unknown method.
    func request(_ method: String, _ params: [String: Any]) -> Any? {
        switch method {
        case "initialize": return initialize(params)
        case "shutdown":
            shutdownRequested = true
            return NSNull()
        case "textDocument/codeAction": flush(); return codeActions(params)
        case "textDocument/hover": flush(); return hover(params) ?? NSNull()
        case "textDocument/definition": flush(); return definition(params) ?? NSNull()
        case "textDocument/references": flush(); return references(params)
        case "textDocument/completion": flush(); return completion(params)
        default: return nil
        }
    }

    func notification(_ method: String, _ params: [String: Any]) {
        switch method {
        case "initialized":
            registerWatchers()
            lintAndPublish()
        case "textDocument/didOpen":
            guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
                  let path = Self.path(fromURI: uri), let text = document["text"] as? String else { return }
            workspace?.open[ByteKey(path)] = .init(uri: uri, version: document["version"] as? Int ?? 0, source: SourceFile(Array(text.utf8)))
            changedSincePublish.insert(ByteKey(path))
            lintAndPublish()
        case "textDocument/didChange":
            guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
                  let path = Self.path(fromURI: uri), var open = workspace?.open[ByteKey(path)],
                  let changes = params["contentChanges"] as? [[String: Any]] else { return }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                if let range = change["range"] as? [String: Any], let (start, end) = byteRange(range, in: open.source) {
                    var bytes = open.source.bytes
                    bytes.replaceSubrange(start..<max(start, end), with: Array(text.utf8))
                    open.source = SourceFile(bytes)
                } else {
                    open.source = SourceFile(Array(text.utf8))
                }
            }
            open.version = document["version"] as? Int ?? open.version + 1
            workspace?.open[ByteKey(path)] = open
            changedSincePublish.insert(ByteKey(path))
            lintDue = Date().addingTimeInterval(debounce)
        case "textDocument/didSave":
            lintAndPublish()
        case "textDocument/didClose":
            guard let document = params["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
                  let path = Self.path(fromURI: uri) else { return }
            workspace?.open[ByteKey(path)] = nil
            changedSincePublish.insert(ByteKey(path))
            lintAndPublish()
        case "workspace/didChangeWatchedFiles":
            workspace?.refresh()
            lintAndPublish()
        default:
            break
        }
    }

    func send(_ message: [String: Any]) {
        JSONRPC.send(message, to: output)
    }

    // MARK: Initialization

    func initialize(_ params: [String: Any]) -> [String: Any] {
        let capabilities = params["capabilities"] as? [String: Any] ?? [:]
        let general = capabilities["general"] as? [String: Any] ?? [:]
        let offered = (general["positionEncodings"] as? [String] ?? []).compactMap(ColumnEncoding.init(rawValue:))
        // The tool counts in scalars: UTF-32 is exact, UTF-8 next; UTF-16 is the protocol's default.
        encoding = [ColumnEncoding.utf32, .utf8, .utf16].first { offered.contains($0) } ?? .utf16
        if let options = params["initializationOptions"] as? [String: Any] {
            if let ms = options["debounceMs"] as? Double, ms >= 0, ms <= 10_000 { debounce = ms / 1000 }
            if let base = options["ruleDocumentationBase"] as? String { ruleDocumentationBase = base }
        }
        var root = FileManager.default.currentDirectoryPath
        if let folders = params["workspaceFolders"] as? [[String: Any]], let uri = folders.first?["uri"] as? String,
           let path = Self.path(fromURI: uri) {
            root = path
        } else if let uri = params["rootUri"] as? String, let path = Self.path(fromURI: uri) {
            root = path
        } else if let path = params["rootPath"] as? String {
            root = path
        }
        workspace = LSPWorkspace(linter: linter, root: root)
        initialized = true
        dynamicWatchers = ((capabilities["workspace"] as? [String: Any])?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool ?? false
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll.sequencelint"]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "completionProvider": ["triggerCharacters": [" ", "[", ",", "-"]],
            ] as [String: Any],
            "serverInfo": ["name": "sequencelint", "version": SequenceLintVersion.current],
        ]
    }

    var dynamicWatchers = false

    func registerWatchers() {
        guard dynamicWatchers else { return }
        send(["id": "sequencelint-watch", "method": "client/registerCapability", "params": [
            "registrations": [[
                "id": "sequencelint-files", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": [["globPattern": "**/*.{yml,yaml,json}"], ["globPattern": "**/.sequencelint.yml"]]],
            ]],
        ]])
    }

    // MARK: Diagnostics

    /// Runs a pending lint now (a request must see the latest text).
    func flush() {
        if lintDue != nil { lintAndPublish() }
    }

    /// Lints the workspace and publishes the diagnostics of every file whose findings changed,
    /// and of every document whose text changed.
    func lintAndPublish() {
        lintDue = nil
        guard let workspace else { return }
        let findings = workspace.lint()
        var keys = Set(findings.keys).union(published.keys).union(changedSincePublish)
        // Files that are neither open nor linted any more get an empty list once, then are forgotten.
        keys = keys.filter { findings[$0] != nil || published[$0] != nil || workspace.open[$0] != nil }
        for key in keys.sorted(by: { $0.string < $1.string }) {
            let now = findings[key] ?? []
            if published[key] == now && !changedSincePublish.contains(key) { continue }
            publish(key.string, now)
            published[key] = now.isEmpty && workspace.open[key] == nil ? nil : now
        }
        changedSincePublish = []
    }

    func publish(_ path: String, _ diagnostics: [Diagnostic]) {
        guard let workspace else { return }
        let source = workspace.source(path) ?? SourceFile([])
        var params: [String: Any] = ["uri": uri(path), "diagnostics": diagnostics.map { lspDiagnostic($0, in: source) }]
        if let version = workspace.open[ByteKey(path)]?.version { params["version"] = version }
        send(["method": "textDocument/publishDiagnostics", "params": params])
    }

    /// A diagnostic as LSP's JSON, written directly (a file can have hundreds).
    func lspDiagnostic(_ d: Diagnostic, in source: SourceFile) -> RawJSON {
        var out = "{\"range\":"
        appendRange(d.location, in: source, to: &out)
        out += ",\"severity\":" + (d.severity == .error ? "1" : d.severity == .warning ? "2" : "3")
        out += ",\"source\":\"sequencelint\",\"code\":"
        JSON.quote(d.rule, into: &out)
        // Only a rule has a page (a configuration problem has none).
        if let rule = linter.rule(d.rule) {
            out += ",\"codeDescription\":{\"href\":"
            JSON.quote(ruleDocumentationBase + d.rule, into: &out)
            out += "}"
            if rule.description.marksUnnecessary { out += ",\"tags\":[1]" }
        }
        out += ",\"message\":"
        JSON.quote(d.message + (d.help.map { "\nhelp: \($0)" } ?? ""), into: &out)
        var first = true
        for note in d.notes {
            guard let (uri, noteSource) = place(note.location.path) else { continue }
            out += first ? ",\"relatedInformation\":[" : ","
            first = false
            out += "{\"location\":{\"uri\":"
            JSON.quote(uri, into: &out)
            out += ",\"range\":"
            appendRange(note.location, in: noteSource, to: &out)
            out += "},\"message\":"
            JSON.quote(note.message, into: &out)
            out += "}"
        }
        if !first { out += "]" }
        out += "}"
        return RawJSON(text: out)
    }

    func appendRange(_ location: Location, in source: SourceFile, to out: inout String) {
        let start = location.start, end = location.end
        out += "{\"start\":{\"line\":\(max(0, start.line - 1)),\"character\":\(source.units(line: start.line, column: start.column, in: encoding))}"
        out += ",\"end\":{\"line\":\(max(0, end.line - 1)),\"character\":\(source.units(line: end.line, column: end.column + 1, in: encoding))}}"
    }

    // MARK: Positions

    /// The LSP range of a location (whose end is inclusive).
    func range(_ location: Location, in source: SourceFile) -> [String: Any] {
        let start = location.start, end = location.end
        return [
            "start": ["line": max(0, start.line - 1), "character": source.units(line: start.line, column: start.column, in: encoding)],
            "end": ["line": max(0, end.line - 1), "character": source.units(line: end.line, column: end.column + 1, in: encoding)],
        ]
    }

    /// The tool's position of an LSP position.
    func position(_ lsp: [String: Any]?, in source: SourceFile) -> Position? {
        guard let lsp, let line = lsp["line"] as? Int, let character = lsp["character"] as? Int, line >= 0, character >= 0 else { return nil }
        return Position(line: line + 1, column: source.column(line: line + 1, units: character, in: encoding))
    }

    /// The byte offsets of an LSP range.
    func byteRange(_ range: [String: Any], in source: SourceFile) -> (Int, Int)? {
        guard let start = range["start"] as? [String: Any], let end = range["end"] as? [String: Any],
              let sl = start["line"] as? Int, let sc = start["character"] as? Int,
              let el = end["line"] as? Int, let ec = end["character"] as? Int, sl >= 0, sc >= 0, el >= 0, ec >= 0 else { return nil }
        return (source.offset(line: sl, units: sc, in: encoding), source.offset(line: el, units: ec, in: encoding))
    }

    // MARK: Paths and URIs

    static func path(fromURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return SourceDiscovery.displayPath(url.path)
    }

    /// The URI of a path as shown: the editor's own for an open document.
    func uri(_ path: String) -> String {
        let key = ByteKey(path)
        if let open = workspace?.open[key] { return open.uri }
        if let known = uris[key] { return known }
        let made: String
        if path.hasPrefix(BuiltinFrameworks.prefix), let file = builtinFile(String(path.dropFirst(BuiltinFrameworks.prefix.count))) {
            made = URL(fileURLWithPath: file).absoluteString
        } else {
            made = URL(fileURLWithPath: SourceDiscovery.absolutePath(path)).absoluteString
        }
        // Paths are the workspace's files: a handful, kept for the session.
        if uris.count < 100_000 { uris[key] = made }
        return made
    }

    /// The URI and text of a place a location points into, if it can be shown.
    func place(_ path: String) -> (String, SourceFile)? {
        guard let source = workspace?.source(path) else { return nil }
        if path.hasPrefix(BuiltinFrameworks.prefix), builtinFile(String(path.dropFirst(BuiltinFrameworks.prefix.count))) == nil { return nil }
        return (uri(path), source)
    }

    /// A built-in framework's text written to the user's cache folder (once), so an editor can
    /// open it: `$XDG_CACHE_HOME/sequencelint/VERSION/ID.yml`.
    func builtinFile(_ id: String) -> String? {
        if let file = builtinFiles[id] { return file }
        guard let text = BuiltinFrameworks.text(id) else { return nil }
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["XDG_CACHE_HOME"].flatMap({ $0.isEmpty ? nil : $0 })
                ?? environment["HOME"].map({ $0 + "/.cache" }) else { return nil }
        let folder = base + "/sequencelint/" + SequenceLintVersion.current
        let file = folder + "/" + id + ".yml"
        if (try? String(contentsOfFile: file, encoding: .utf8)) != text {
            guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
                  (try? text.write(toFile: file, atomically: true, encoding: .utf8)) != nil else { return nil }
        }
        builtinFiles[id] = file
        return file
    }
}
