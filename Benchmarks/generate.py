#!/usr/bin/env python3
"""Generates a synthetic curriculum for benchmarks: N lessons over grades K-12 in files of
about 1,000 lessons, units of ~12 lessons, 0-3 backward `requires` each, 1-3 standards, and a
few forward references and duplicate ids so the rules have work to do.

Usage: Benchmarks/generate.py N OUTPUT_DIR [--seed S] [--framework FILE] [--per-file N] [--last-grade G]

With --framework, lessons use that framework's codes (of the file's grade when it has
some), so the framework rules do real work too.
"""
import os, random, sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    by_grade = {}
    if "--framework" in sys.argv:
        import re
        path = sys.argv[sys.argv.index("--framework") + 1]
        code = grade = None
        with open(path) as fh:
            for line in fh:
                m = re.match(r"\s*- code: (\S+)", line)
                if m:
                    code = m.group(1)
                    by_grade.setdefault(code.split(".")[0], []).append(code)
        all_codes = [c for cs in by_grade.values() for c in cs]
    last = int(sys.argv[sys.argv.index("--last-grade") + 1]) if "--last-grade" in sys.argv else 12
    grades = ["K"] + [str(g) for g in range(1, last + 1)]
    per_file = int(sys.argv[sys.argv.index("--per-file") + 1]) if "--per-file" in sys.argv else 1000
    files = max(1, (n + per_file - 1) // per_file)
    kinds = ["conceptual", "procedural", "conceptual", "procedural", "application", "review", "assessment"]
    domains = ["OA", "NBT", "NF", "RP", "EE", "G", "SP", "NS", "MD", "F"]
    lesson = 0
    for f in range(files):
        grade = grades[f * len(grades) // files]
        count = min(per_file, n - lesson)
        lines = [f"curriculum: bench", f"title: Synthetic curriculum, part {f + 1} of {files}", f"grade: {grade}",
                 *([f"framework: ccss-math"] if by_grade else []),
                 f"sequence: {f}", "units:"]
        u = 0
        while count > 0:
            size = min(count, 12)
            lines += [f"  - id: u{f}-{u}", f"    title: Unit {u + 1} of part {f + 1}", "    lessons:"]
            for k in range(size):
                i = lesson
                lesson += 1
                ident = f"l{i}"
                if i > 10 and rng.random() < 0.0005:
                    ident = f"l{i - 3}"  # a duplicate id
                g = "K" if grade == "K" else grade
                if by_grade:
                    pool = by_grade.get(g) or all_codes
                    standards = ", ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
                else:
                    standards = ", ".join(f"{g}.{rng.choice(domains)}.A.{rng.randint(1, 9)}" for _ in range(rng.randint(1, 3)))
                requires = sorted({f"l{rng.randint(max(0, i - 40), i - 1)}" for _ in range(rng.randint(0, 3))}) if i else []
                if i > 0 and rng.random() < 0.001:
                    requires.append(f"l{i + rng.randint(1, 20)}")  # a forward reference
                kind = kinds[k % len(kinds)]
                lines += [f"      - id: {ident}", f"        title: Lesson {i + 1} on {rng.choice(domains)}", f"        kind: {kind}",
                          f"        standards: [{standards}]"]
                if requires:
                    lines.append(f"        requires: [{', '.join(requires)}]")
                lines += [f"        minutes: {rng.choice([30, 45, 50, 60])}", "        practices: [identity, discourse]"]
            count -= size
            u += 1
        with open(os.path.join(out, f"part-{f:04d}.yml"), "w") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
