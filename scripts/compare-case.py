#!/usr/bin/env python3
"""Compares the generated CCSS-M framework with the CASE Network's CCSS-M package.

Usage:
    scripts/compare-case.py [--yaml PATH] [--case PATH] [--all]

Compares codes and the parent hierarchy of curricula/frameworks/ccss-math.yml (written by
scripts/convert-coherence-map.py) with ../shared/data/case/ccss-math-casenetwork.json:
CASE items are keyed by `humanCodingScheme`, and an `isChildOf` association from A to B
makes B the parent of A. Prints the codes found in only one of the two (grouped, with counts
and examples), items whose level differs, and items whose parent differs.

The CASE package gives its domains no code (they are headings under "Grade 6" or a
conceptual category), so a CASE domain is named, for the comparison, by the code its
clusters extend (6.RP.A -> 6.RP); its own parents (grade levels, conceptual categories)
have no counterpart in the YAML and are not compared.

Needs PyYAML. Exits 0 (the report is informational); 2 when a file cannot be read.
"""
import argparse
import collections
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("compare-case.py needs PyYAML (pip install pyyaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_YAML = os.path.join(ROOT, "curricula", "frameworks", "ccss-math.yml")
DEFAULT_CASE = os.path.join(ROOT, "..", "shared", "data", "case", "ccss-math-casenetwork.json")

LEVEL_OF_TYPE = {"Domain": "domain", "Grade Level": "domain", "Conceptual Category": "domain",
                 "Cluster": "cluster", "Component": "component"}


def domain_of(code):
    """The domain a code belongs to: 6.RP.A.3.a -> 6.RP, HSA-APR.A.1 -> HSA-APR."""
    parts = code.split(".")
    if re.fullmatch(r"MP[0-9]+", code):
        return "MP (practices)"
    return parts[0] if code.startswith("HS") else ".".join(parts[:2])


def grade_of(code):
    if re.fullmatch(r"MP[0-9]+", code):
        return "MP"
    return "HS" if code.startswith("HS") else code.split(".")[0]


def band(code):
    g = grade_of(code)
    return g if g in ("HS", "MP") else "K-8"


def shape(code):
    """A code's pattern (digits -> 9, a lowercase part letter -> a), to group by spelling."""
    return re.sub(r"(?<=\.)[a-z]$", "a", re.sub(r"[0-9]+", "9", code))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    items = {}
    for s in doc["standards"]:
        items[str(s["code"])] = {"level": s.get("level", "standard"),
                                 "parent": str(s["parent"]) if s.get("parent") is not None else None,
                                 "text": s.get("text", "")}
    return items


def load_case(path):
    with open(path, encoding="utf-8") as f:
        pkg = json.load(f)
    by_id = {it["identifier"]: it for it in pkg["CFItems"]}
    parent_id = {}
    for a in pkg["CFAssociations"]:
        if a.get("associationType") == "isChildOf":
            parent_id.setdefault(a["originNodeURI"]["identifier"], []).append(a["destinationNodeURI"]["identifier"])
    # Uncoded domains: name each by the code its coded children extend.
    derived = {}
    children = collections.defaultdict(list)
    for cid, pids in parent_id.items():
        for pid in pids:
            children[pid].append(cid)
    for iid, it in by_id.items():
        if it.get("humanCodingScheme") or it.get("CFItemType") != "Domain":
            continue
        stems = {by_id[c]["humanCodingScheme"].rsplit(".", 1)[0]
                 for c in children[iid] if c in by_id and by_id[c].get("humanCodingScheme")}
        if len(stems) == 1:
            derived[iid] = stems.pop()
    items, multi = {}, []
    for iid, it in by_id.items():
        code = it.get("humanCodingScheme") or derived.get(iid)
        if not code:
            continue
        pids = parent_id.get(iid, [])
        if len(pids) > 1:
            multi.append(code)
        parent = None
        for pid in pids[:1]:
            p = by_id.get(pid)
            parent = (p.get("humanCodingScheme") or derived.get(pid)) if p else None
            if parent is None:
                parent = f"<{p.get('CFItemType') or 'item'}: {p['fullStatement']}>" if p else f"<outside: {pid}>"
        items[code] = {"level": LEVEL_OF_TYPE.get(it.get("CFItemType"), "standard"), "parent": parent,
                       "text": it.get("fullStatement", ""), "derived": iid in derived,
                       "type": it.get("CFItemType")}
    uncoded = sum(1 for iid, it in by_id.items() if not it.get("humanCodingScheme") and iid not in derived)
    return items, len(derived), uncoded, multi


def examples(codes, n=6):
    codes = sorted(codes, key=sort_key)
    return ", ".join(codes[:n]) + (f", ... (+{len(codes) - n})" if len(codes) > n else "")


GRADE_ORDER = {g: i for i, g in enumerate(["K", "1", "2", "3", "4", "5", "6", "7", "8", "HS", "MP"])}


def sort_key(code):
    return (GRADE_ORDER.get(grade_of(code), 99),
            [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.]|(?<=MP)(?=[0-9])", code)])


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compares ccss-math.yml with the CASE Network's CCSS-M package.")
    ap.add_argument("--yaml", default=DEFAULT_YAML)
    ap.add_argument("--case", default=DEFAULT_CASE)
    ap.add_argument("--all", action="store_true", help="list every differing code, not examples")
    args = ap.parse_args(argv)
    try:
        ours = load_yaml(args.yaml)
        case, derived, uncoded, multi = load_case(args.case)
    except (OSError, ValueError, KeyError, yaml.YAMLError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    n = None if args.all else 6
    show = (lambda c: ", ".join(sorted(c, key=sort_key))) if args.all else examples

    def counts(items):
        return collections.Counter(v["level"] for v in items.values())

    print(f"YAML: {len(ours)} codes {dict(counts(ours))}")
    print(f"CASE: {len(case)} codes {dict(counts(case))}; {derived} uncoded domains named from their "
          f"clusters; {uncoded} other uncoded items (grade levels, conceptual categories, headings) left out")
    if multi:
        print(f"CASE items with several parents (first used): {show(multi)}")

    only_ours = set(ours) - set(case)
    only_case = set(case) - set(ours)
    print()
    print(f"Codes only in the YAML: {len(only_ours)}")
    groups = collections.defaultdict(list)
    for c in only_ours:
        groups[(ours[c]["level"], band(c))].append(c)
    for (level, grades), cs in sorted(groups.items()):
        print(f"  {len(cs):4d} {level} ({grades}): {show(cs)}")

    print(f"Codes only in CASE: {len(only_case)}")
    groups = collections.defaultdict(list)
    for c in only_case:
        parent = case.get(case[c]["parent"] or "", {})
        plus = any(t.lstrip().startswith("(+)") for t in (case[c]["text"], parent.get("text", "")))
        key = (case[c]["level"], band(c), "(+) " if plus else "")
        groups[key].append(c)
    for (level, grades, plus), cs in sorted(groups.items()):
        print(f"  {len(cs):4d} {plus}{level} ({grades}): {show(cs)}")
    by_domain = collections.Counter(domain_of(c) for c in only_case)
    if by_domain:
        print("  by domain: " + ", ".join(f"{d} {k}" for d, k in sorted(by_domain.items())))
    # A loose spelling check: codes that differ only in separators or case.
    loose = collections.defaultdict(list)
    for c in only_ours | only_case:
        loose[re.sub(r"[.\-_ ]", "", c).lower()].append(c)
    respelled = [sorted(v) for v in loose.values() if len(v) > 1]
    print(f"  differing only in spelling (separators, case): {len(respelled)}"
          + (": " + "; ".join(" / ".join(v) for v in respelled[:n]) if respelled else ""))

    common = set(ours) & set(case)
    print()
    level_diff = sorted((c for c in common if ours[c]["level"] != case[c]["level"]), key=sort_key)
    print(f"Shared codes: {len(common)}; level differs: {len(level_diff)}"
          + (": " + ", ".join(f"{c} ({ours[c]['level']} / {case[c]['type']})" for c in level_diff[:n]) if level_diff else ""))
    parent_diff = []
    for c in sorted(common, key=sort_key):
        if ours[c]["level"] == "domain" and case[c]["derived"]:
            continue  # CASE domain parents are grade levels / conceptual categories
        if ours[c]["parent"] != case[c]["parent"]:
            parent_diff.append(c)
    print(f"Parent differs: {len(parent_diff)}")
    for c in parent_diff if args.all else parent_diff[:20]:
        print(f"  {c}: YAML {ours[c]['parent']}, CASE {case[c]['parent']}")
    if not args.all and len(parent_diff) > 20:
        print(f"  ... (+{len(parent_diff) - 20}; --all lists them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
