#!/usr/bin/env python3
"""The language server's benchmark: a 1,300-lesson K-8 workspace (9 curriculum maps against
the built-in CCSS-M), one document edited 1,000 times; how long after each edit its
diagnostics arrive (the debounce set to 0, so this is the lint and publish alone), and the
server's resident memory every 100 edits.

Usage: Benchmarks/lsp.py [BINARY] [--edits N] [--wrap "valgrind --tool=callgrind"]
(default: the release build, built if missing; 1,000 edits)
"""
import json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def send(proc, message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait_for(proc, predicate):
    while True:
        message = receive(proc)
        if predicate(message):
            return message


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    args = sys.argv[1:]
    edits = int(args[args.index("--edits") + 1]) if "--edits" in args else 1000
    wrap = args[args.index("--wrap") + 1].split() if "--wrap" in args else []
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
    binary = os.path.abspath(positional[0]) if positional else None
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "sequencelint"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                             capture_output=True, text=True).stdout.strip(), "sequencelint")
    folder = tempfile.mkdtemp(prefix="sequencelint-lsp-bench-")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), "1300", folder, "--per-file", "145",
                    "--last-grade", "8", "--framework", os.path.join(ROOT, "curricula", "frameworks", "ccss-math.yml")], check=True)
    files = sorted(f for f in os.listdir(folder) if f.endswith(".yml"))
    target = os.path.join(folder, files[len(files) // 2])
    uri = "file://" + target
    text = open(target).read()
    proc = subprocess.Popen([*wrap, binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=folder)
    send(proc, {"id": 1, "method": "initialize", "params": {"rootUri": "file://" + folder, "capabilities": {},
                                                             "initializationOptions": {"debounceMs": 0}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"method": "initialized", "params": {}})
    send(proc, {"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    # Each edit renames the first `requires` id to an unknown one and back: the document's
    # findings change every time, so every edit is published.
    line_number = next(i for i, l in enumerate(text.splitlines()) if "requires: [" in l)
    line = text.splitlines()[line_number]
    start = line.index("[") + 1
    end = line.index("]") if "," not in line else line.index(",")
    original = line[start:end]
    latencies, memory = [], []
    for n in range(edits):
        new = original + "x" if n % 2 == 0 else original
        old_end = end if n % 2 == 0 else end + 1
        began = time.perf_counter()
        send(proc, {"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": n + 2},
            "contentChanges": [{"range": {"start": {"line": line_number, "character": start},
                                          "end": {"line": line_number, "character": old_end}}, "text": new}]}})
        wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        latencies.append(time.perf_counter() - began)
        if n % 100 == 0 or n == edits - 1:
            memory.append((n, rss_kib(proc.pid)))
    send(proc, {"id": 2, "method": "shutdown"})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"method": "exit"})
    proc.wait()
    latencies.sort()
    ms = lambda s: f"{s * 1000:.1f} ms"
    print(f"workspace: 1,300 lessons in {len(files)} files; edited {os.path.basename(target)} {edits:,} times")
    at = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"diagnostics after an edit: median {ms(at(0.5))}, 90th percentile {ms(at(0.9))}, "
          f"99th {ms(at(0.99))}, worst {ms(latencies[-1])}")
    print("resident memory (MiB) at edit: " + ", ".join(f"{n}: {kib / 1024:.1f}" for n, kib in memory))


if __name__ == "__main__":
    main()
