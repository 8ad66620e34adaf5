#!/usr/bin/env python3
"""The benchmark: for each N (default 25k, 100k, 400k lessons), a full lint of a synthetic
curriculum (release build, all cores) against the floor (libyaml's parser events alone, one
core): best-of-3 wall time, ratio, peak memory, and the time per phase.

Usage: Benchmarks/run.py [N ...]   (set BENCH_DIR to keep the generated files elsewhere)
"""
import os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("BENCH_DIR", "/tmp/sequencelint-bench")


def timed(cmd, env=None):
    """Wall seconds, peak resident KB and CPU seconds (user + system) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def best(cmd, runs=3):
    """Best wall time, largest peak memory and least CPU time over `runs` runs."""
    results = [timed(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results), min(r[2] for r in results)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [25_000, 100_000, 400_000]
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sequencelint"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout.strip(), "sequencelint")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "yaml-0.1"], capture_output=True, text=True).stdout.split()
    floor = os.path.join(WORK, "floor")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(ROOT, "Benchmarks", "floor.c"), *flags], check=True)
    print(f"cores: {os.cpu_count()}; sequencelint {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}")
    print()
    print("| lessons | input MB | floor s | sequencelint s | ratio | CPU ratio | peak MB | memory / input |")
    print("|---|---|---|---|---|---|---|---|")
    rows = []
    for n in sizes:
        folder = os.path.join(WORK, f"n{n}")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), str(n), folder], check=True)
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yml"))
        size = sum(os.path.getsize(f) for f in files)
        floor_s, _, floor_cpu = best([floor, *files])
        lint_s, rss, lint_cpu = best([binary, "--format", "gcc", folder])
        rows.append((n, lint_s))
        print(f"| {n:,} | {size / 1e6:.1f} | {floor_s:.3f} | {lint_s:.3f} | {lint_s / floor_s:.2f}x | {lint_cpu / floor_cpu:.2f}x "
              f"| {rss / 1024:.0f} | {rss * 1024 / size:.1f}x |")
    if len(rows) > 1:
        print()
        for (a, ta), (b, tb) in zip(rows, rows[1:]):
            print(f"{b // a}x the input ({a:,} -> {b:,} lessons) costs {tb / ta:.2f}x the time")
    for n in sizes:
        print()
        print(f"phases at N={n:,}:")
        env = dict(os.environ, SEQUENCELINT_TIMING="1")
        out = subprocess.run([binary, "--format", "gcc", os.path.join(WORK, f"n{n}")], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
        for line in out.splitlines()[1:]:
            if not line.rstrip().endswith(": 0.000"):
                print("  " + line.strip())


if __name__ == "__main__":
    main()
