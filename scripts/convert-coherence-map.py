#!/usr/bin/env python3
"""Converts Student Achievement Partners' Coherence Map dataset into sequencelint's CCSS-M framework.

Usage:
    scripts/convert-coherence-map.py [--data PATH] [--check]

Reads the Coherence Map dataset (`data.js`, default ../shared/data/coherence-map/data.js
relative to the repository root) and writes

    curricula/frameworks/ccss-math.yml                      the framework, in FORMAT.md's YAML
    Sources/SequenceLint/Builtin/CCSSMath.generated.swift   the same text, embedded in the binary

With --check nothing is written: the script exits 1, naming each file that differs from what
it would produce, or 0 when both are up to date (2 on an error, such as unreadable data).

`data.js` assigns one object to `window.cc`; the JSON after the first `{` holds `domains`,
`clusters`, `standards`, `edges` (directed prerequisites) and `nd_edges` (undirected
"related" pairs), plus ELA and task blocks that are not mathematics and are ignored.

Standard library only; the output depends on the input file alone (no dates, no paths).
"""
import argparse
import hashlib
import json
import os
import re
import sys
import textwrap
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "coherence-map", "data.js")
YAML_PATH = "curricula/frameworks/ccss-math.yml"
SWIFT_PATH = "Sources/SequenceLint/Builtin/CCSSMath.generated.swift"

GRADES = ["K", "1", "2", "3", "4", "5", "6", "7", "8", "HS"]
GRADE_NAMES = {"K": "Kindergarten", "HS": "High school"}
# High-school conceptual categories in published order: Number and Quantity, Algebra,
# Functions, Geometry, Statistics and Probability.
HS_CATEGORIES = ["N", "A", "F", "G", "S"]
EMPHASIS = {"0": "major", "1": "supporting", "2": "additional"}

# Two high-school domains that the data's clusters point at (ccmathdomain_id 120 and 121)
# but that its `domains` table does not define: every standard of theirs is a (+) standard
# the dataset leaves out, so only their cluster headings are present. Their identity comes
# from the CASE Network's CCSS-M package, whose HSS-MD and HSN-VM clusters carry exactly
# these cluster names; the names are written in the dataset's title case. `ordering` puts
# each last in its conceptual category, as published.
MISSING_DOMAINS = {
    "120": {"grade": "HS", "ordinal": "S-MD", "name": "Using Probability To Make Decisions",
            "ordering": "3", "clusters": {"Calculate Expected Values And Use Them To Solve Problems",
                                          "Use Probability To Evaluate Outcomes Of Decisions"}},
    "121": {"grade": "HS", "ordinal": "N-VM", "name": "Vector And Matrix Quantities",
            "ordering": "3", "clusters": {"Represent And Model With Vector Quantities.",
                                          "Perform Operations On Vectors.",
                                          "Perform Operations On Matrices And Use Matrices In Applications."}},
}

# Cluster rows that are defects of the dataset, with the fix applied. Each is matched on its
# id AND its content, so a corrected or renumbered dataset fails loudly instead of being
# "fixed" wrongly.
#  - Cluster 100 (S-MD "B") has no standards, and its name is the tail of S-MD.A.3's example
#    ("...guessing on all five questions of a multiple-choice test where each question has
#    four choices, and find the expected grade under various grading schemes."): not a cluster.
#  - Cluster 150 is S-MD's second cluster, which CCSS (and the CASE package) letter B, but the
#    data letters it C (after the bogus B above).
DROP_CLUSTERS = {"100": ("120", "B", "All Five Questions Of A Multiple-Choice Test")}
RELETTER_CLUSTERS = {"150": ("120", "C", "Use Probability To Evaluate Outcomes Of Decisions", "B")}


class ConversionError(Exception):
    pass


# ---------------------------------------------------------------------------- HTML to text

class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment: tags dropped (only real tags: a `<` that opens
    no tag stays text), character references decoded, block elements separated by a space.
    `<sup>` is kept legible: a footnote (`<sup>*...</sup>`) stays as plain text after a space;
    any other superscript is an exponent, written `^2`, `^t`, or `^(1/3)` when it is more
    than digits or one letter (adjacent superscripts form one exponent)."""

    BLOCK = {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3",
             "h4", "h5", "h6", "blockquote", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.sup_depth = 0
        self.sup = []          # text of the superscript being read
        self.pending = None    # a finished exponent, not yet written (the next <sup> may continue it)

    def _flush(self):
        if self.pending is not None:
            text = collapse(self.pending)
            if text:
                bare = text.isdigit() or (len(text) == 1 and text.isalpha())
                self.out.append("^" + text if bare else "^(" + text + ")")
                if self.pending != self.pending.rstrip():   # `<sup>12t </sup>to`: keep the space
                    self.out.append(" ")
            self.pending = None

    def handle_starttag(self, tag, attrs):
        if tag == "sup":
            if self.sup_depth == 0:
                self.sup = [self.pending] if self.pending is not None else []
                self.pending = None
            self.sup_depth += 1
            return
        if self.sup_depth == 0:
            self._flush()
        if tag in self.BLOCK:
            self._text(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "sup":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "sup" and self.sup_depth > 0:
            self.sup_depth -= 1
            if self.sup_depth == 0:
                text = "".join(self.sup)
                self.sup = []
                if collapse(text).startswith("*"):
                    self.out.append(" " + text)
                else:
                    self.pending = text
            return
        if self.sup_depth == 0:
            self._flush()
        if tag in self.BLOCK:
            self._text(" ")

    def handle_data(self, data):
        if self.sup_depth == 0 and data:
            self._flush()
        self._text(data)

    def _text(self, s):
        (self.sup if self.sup_depth > 0 else self.out).append(s)

    def text(self):
        self.close()
        if self.sup_depth > 0:          # an unclosed <sup>: keep its text
            self.out.append("".join(self.sup))
        self._flush()
        return collapse("".join(self.out))


def collapse(s):
    """Whitespace (incl. the no-break spaces of &nbsp;) collapsed to single spaces, trimmed."""
    return " ".join(s.replace("\u00a0", " ").split())


def plain_text(fragment):
    parser = _TextExtractor()
    parser.feed(fragment)
    return tidy(parser.text())


def tidy(text):
    """Leftovers of the dataset's source: `\\$` for a dollar sign (a TeX escape), and words a
    PDF broke at a line end (`whole- number` -> `whole-number`; `2- and 3-digit` is left alone)."""
    text = text.replace("\\$", "$")
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)


# ---------------------------------------------------------------------------- reading

def load_dataset(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    start = text.find("{")
    if start < 0:
        raise ConversionError(f"{path}: no JSON object found (expected `window.cc = {{...}}`)")
    try:
        obj, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as e:
        raise ConversionError(f"{path}: the object after the first '{{' is not JSON: {e}")
    rest = text[end:].strip()
    if rest not in ("", ";"):
        raise ConversionError(f"{path}: unexpected text after the JSON object: {rest[:40]!r}")
    for key in ("domains", "clusters", "standards", "edges", "nd_edges"):
        if key not in obj:
            raise ConversionError(f"{path}: the dataset has no '{key}'")
    return obj, hashlib.sha256(raw).hexdigest()


def read_provenance(data_path, sha):
    """Source URL and fetch date from PROVENANCE.md beside the data, if its checksum is this file's."""
    path = os.path.join(os.path.dirname(os.path.abspath(data_path)), "PROVENANCE.md")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return None
    url = re.search(r"\*\*Source URL:\*\*\s*(\S+)", text)
    date = re.search(r"\*\*Fetched:\*\*\s*([0-9-]+)", text)
    recorded = re.search(r"\*\*SHA-256:\*\*\s*`?([0-9a-fA-F]{64})", text)
    if not (url and date and recorded):
        return None
    if recorded.group(1).lower() != sha:
        print(f"warning: {path} records SHA-256 {recorded.group(1)}, but the data's is {sha}; "
              "the header will not cite its source and date", file=sys.stderr)
        return None
    return {"url": url.group(1), "date": date.group(1)}


def as_list(table):
    """The dataset stores its tables as objects keyed by id (or, possibly, as lists)."""
    return list(table.values()) if isinstance(table, dict) else list(table)


def natural_key(ordinal):
    """`3` < `3.a` < `3.b` < `4` < `10`."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in ordinal.split(".")]


# ---------------------------------------------------------------------------- conversion

def convert(obj):
    """Returns (items in published order, report lines, counts)."""
    notes = []
    domains = {str(d["id"]): dict(d) for d in as_list(obj["domains"])}
    for did, d in MISSING_DOMAINS.items():
        if did in domains:
            raise ConversionError(f"domain {did} is now defined by the data ({domains[did].get('ordinal')}); "
                                  "remove it from MISSING_DOMAINS")
        domains[did] = {"id": did, "grade": d["grade"], "ordinal": d["ordinal"], "name": d["name"],
                        "ordering": d["ordering"], "supplied": True}

    clusters = {}
    for c in as_list(obj["clusters"]):
        c = dict(c)
        cid = str(c["id"])
        if cid in DROP_CLUSTERS:
            dom, letter, prefix = DROP_CLUSTERS[cid]
            if (str(c["ccmathdomain_id"]), c["ordinal"]) != (dom, letter) or not c["name"].startswith(prefix):
                raise ConversionError(f"cluster {cid} no longer looks like the defect DROP_CLUSTERS names; review it")
            notes.append(f"The data's cluster {cid}, S-MD \"{letter}\", is left out: it has no standards and its name "
                         f"(\"{collapse(c['name'])[:44]}...\") is the tail of S-MD.A.3's example, not a cluster.")
            continue
        if cid in RELETTER_CLUSTERS:
            dom, letter, name, new = RELETTER_CLUSTERS[cid]
            if (str(c["ccmathdomain_id"]), c["ordinal"], collapse(c["name"])) != (dom, letter, name):
                raise ConversionError(f"cluster {cid} no longer looks like the defect RELETTER_CLUSTERS names; review it")
            notes.append(f"The data letters S-MD's second cluster ({name}) {letter}; it is written "
                         f"HSS-MD.{new}, as CCSS-M and the CASE package letter it.")
            c["ordinal"] = new
        did = str(c["ccmathdomain_id"])
        if did not in domains:
            raise ConversionError(f"cluster {cid} names domain {did}, which neither the data nor MISSING_DOMAINS defines")
        if did in MISSING_DOMAINS and collapse(plain_text(c["name"])) not in MISSING_DOMAINS[did]["clusters"]:
            raise ConversionError(f"cluster {cid} ({c['name']!r}) is not one MISSING_DOMAINS expects in domain {did}")
        clusters[cid] = c

    standards = {str(s["id"]): s for s in as_list(obj["standards"])}

    # Codes.
    def domain_code(d):
        if d["grade"] == "HS":
            return "HS" + d["ordinal"]                 # HSA-APR, as the CASE Network writes it
        return f"{d['grade']}.{d['ordinal']}"          # 6.RP

    items = []           # dicts: code, level, parent, grade, emphasis, text, sort, std_id
    by_code = {}

    def add(item):
        if item["code"] in by_code:
            raise ConversionError(f"two items have the code {item['code']}")
        by_code[item["code"]] = item
        items.append(item)

    for d in domains.values():
        if d["grade"] not in GRADES:
            raise ConversionError(f"domain {d['id']} has grade {d['grade']!r}")
        if d["grade"] == "HS":
            category = d["ordinal"].split("-")[0]
            if category not in HS_CATEGORIES:
                raise ConversionError(f"high-school domain {d['ordinal']} is in no known conceptual category")
            dkey = (HS_CATEGORIES.index(category), int(d["ordering"]), d["ordinal"])
        else:
            dkey = (0, int(d["ordering"]), d["ordinal"])
        add({"code": domain_code(d), "level": "domain", "parent": None, "grade": d["grade"],
             "emphasis": None, "text": plain_text(d["name"]),
             "sort": (GRADES.index(d["grade"]), dkey, ()), "supplied": d.get("supplied", False)})

    cluster_code = {}
    for cid, c in clusters.items():
        d = domains[str(c["ccmathdomain_id"])]
        if not re.fullmatch(r"[A-Z]", c["ordinal"]):
            raise ConversionError(f"cluster {cid} has ordinal {c['ordinal']!r}")
        parent = by_code[domain_code(d)]
        emphasis = None
        if d["grade"] != "HS":
            if str(c["msa"]) not in EMPHASIS:
                raise ConversionError(f"cluster {cid} has msa {c['msa']!r}")
            emphasis = EMPHASIS[str(c["msa"])]
        code = parent["code"] + "." + c["ordinal"]
        cluster_code[cid] = code
        add({"code": code, "level": "cluster", "parent": parent["code"], "grade": d["grade"],
             "emphasis": emphasis, "text": plain_text(c["name"]),
             "sort": parent["sort"][:2] + ((c["ordinal"],),)})

    std_code = {}
    # Whole standards before their parts, so a part's parent is always known.
    for sid, s in sorted(standards.items(), key=lambda kv: "." in kv[1]["ordinal"]):
        cid = str(s["ccmathcluster_id"])
        if cid not in clusters:
            raise ConversionError(f"standard {sid} names cluster {cid}, which the data does not define")
        if not re.fullmatch(r"[0-9]+(\.[a-z])?", s["ordinal"]):
            raise ConversionError(f"standard {sid} has ordinal {s['ordinal']!r}")
        cluster = by_code[cluster_code[cid]]
        code = cluster["code"] + "." + s["ordinal"]
        if "." in s["ordinal"]:
            level, parent = "component", cluster["code"] + "." + s["ordinal"].split(".")[0]
            if parent not in by_code:
                raise ConversionError(f"part {code} has no standard {parent} in the data")
        else:
            level, parent = "standard", cluster["code"]
        text = plain_text(s["desc"])
        if not text:
            raise ConversionError(f"standard {code} has no text")
        std_code[sid] = code
        add({"code": code, "level": level, "parent": parent, "grade": cluster["grade"],
             "emphasis": cluster["emphasis"], "text": text,
             "sort": cluster["sort"] + (tuple(natural_key(s["ordinal"])),)})

    items.sort(key=lambda it: it["sort"])
    order = {it["code"]: i for i, it in enumerate(items)}

    # Edges.
    requires, related = {}, {}
    unmapped = []
    for e in obj["edges"]:
        a, b = str(e["from"]), str(e["to"])
        if a not in std_code or b not in std_code:
            unmapped.append(f"edge {a} -> {b}: {'from' if a not in std_code else 'to'} is no standard of the data")
            continue
        if a == b:
            unmapped.append(f"edge {a} -> {b}: a standard requiring itself")
            continue
        requires.setdefault(std_code[b], set()).add(std_code[a])
    pairs = set()
    for e in obj["nd_edges"]:
        a, b = str(e["from"]), str(e["to"])
        if a not in std_code or b not in std_code:
            unmapped.append(f"related pair {a} - {b}: {a if a not in std_code else b} is no standard of the data")
            continue
        if a == b:
            unmapped.append(f"related pair {a} - {b}: a standard related to itself")
            continue
        related.setdefault(std_code[a], set()).add(std_code[b])
        related.setdefault(std_code[b], set()).add(std_code[a])
        pairs.add(frozenset((a, b)))
    for it in items:
        it["requires"] = sorted(requires.get(it["code"], ()), key=order.__getitem__)
        it["related"] = sorted(related.get(it["code"], ()), key=order.__getitem__)

    counts = {level: sum(1 for it in items if it["level"] == level)
              for level in ("domain", "cluster", "standard", "component")}
    counts["requires"] = sum(len(v) for v in requires.values())
    counts["edges"] = len(obj["edges"])
    counts["related rows"] = len(obj["nd_edges"])
    counts["related pairs"] = len(pairs)
    return items, notes, unmapped, counts


# ---------------------------------------------------------------------------- writing

def yaml_quote(s):
    """A YAML double-quoted scalar: only `\\`, `"` and non-printable characters escaped."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o in (0x2028, 0x2029, 0xFEFF) \
                or 0xD800 <= o < 0xE000 or o in (0xFFFE, 0xFFFF):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def code_scalar(code):
    if not CODE_RE.fullmatch(code) or re.fullmatch(r"[0-9.]+", code):
        raise ConversionError(f"code {code!r} would need quoting in YAML")
    return code


def header(provenance, sha, notes):
    if provenance:
        source = [f"# Source: {provenance['url']}, fetched {provenance['date']},",
                  f"# SHA-256 {sha}."]
    else:
        source = [f"# Source: a Coherence Map data.js with SHA-256 {sha}",
                  "# (not the snapshot PROVENANCE.md describes)."]
    lines = [
        "# Common Core State Standards for Mathematics (CCSS-M), kindergarten to high school, as a",
        "# sequencelint standards framework: every domain, cluster, standard and lettered part in",
        "# Student Achievement Partners' Coherence Map dataset (achievethecore.org).",
        "#",
        "# GENERATED by scripts/convert-coherence-map.py from the Coherence Map dataset",
        "# (../shared/data/coherence-map/data.js). DO NOT EDIT BY HAND: change the script and",
        "# rerun it; `scripts/convert-coherence-map.py --check` tells whether this file is current.",
        "# The same text is compiled into the binary (Sources/SequenceLint/Builtin/CCSSMath.generated.swift).",
        *source,
        "#",
        "# Entries, in published order: grade (K, 1-8, HS), domain, cluster, standard, part.",
        "#   code      K-8: 6.RP (domain), 6.RP.A (cluster), 6.RP.A.3 (standard), 6.RP.A.3.a (part);",
        "#             high school as the CASE Network's CCSS-M package writes them: HSA-APR,",
        "#             HSA-APR.A, HSA-APR.A.1, HSA-SSE.A.1.a.",
        "#   level     domain | cluster | standard | component.",
        "#   parent    the item this one belongs to (domains have none).",
        "#   grade     K, 1-8, or HS.",
        "#   emphasis  K-8 only: the cluster's major / supporting / additional classification in",
        "#             Achieve the Core's focus documents (the dataset's `msa`), written on the cluster",
        "#             and on each of its standards and parts (emphasis is not inherited). High-school",
        "#             clusters have none.",
        "#   text      the domain or cluster name, or the standard's text, as the dataset has it (its",
        "#             title case and any PDF-hyphenation artifacts included), HTML removed: superscript",
        "#             exponents written with ^ (10^8, (1.01)^(12t)), footnotes kept after the text.",
        "#   requires  prerequisites: the dataset's directed `edges` (from is a prerequisite of to).",
        "#   related   related standards: the dataset's undirected `nd_edges`, listed on both",
        "#             standards. Informational only: `related` is no prerequisite.",
        "#   (requires and related lists are in the file's order.)",
        "#",
        "# Coverage: what the dataset has. Against the CASE Network's CCSS-M package",
        "# (scripts/compare-case.py) every code and parent here agrees; the package also has the",
        "# 8 Standards for Mathematical Practice and 29 (+) high-school standards and parts that",
        "# this snapshot of the dataset leaves out: all of HSN-VM and HSS-MD (only their clusters",
        "# are here), HSA-REI.C.8, HSA-REI.C.9 and HSF-BF.A.1.c.",
    ]
    if notes:
        lines.append("#")
        lines.append("# Corrections to the dataset, made by the script:")
        for n in notes:
            wrapped = textwrap.wrap(n, width=92)
            lines.append("#   - " + wrapped[0])
            lines.extend("#     " + w for w in wrapped[1:])
    lines += [
        "#",
        "# Notices (see also NOTICE.md in this folder):",
        "# The Coherence Map data is Achieve the Core content by Student Achievement Partners,",
        "# dedicated to the public domain under the Creative Commons CC0 1.0 Universal Public Domain",
        "# Dedication (https://achievethecore.org/ccpd); items marked © are excluded from it.",
        "# The standards' text is from the Common Core State Standards for Mathematics, used under",
        "# their public license, which asks for this notice:",
        "# © Copyright 2010. National Governors Association Center for Best Practices and Council of",
        "# Chief State School Officers. All rights reserved.",
        "",
    ]
    return lines


def render_yaml(items, provenance, sha, notes):
    supplied = [it["code"] for it in items if it.get("supplied")]
    if supplied:
        ids = {"HS" + d["ordinal"]: did for did, d in MISSING_DOMAINS.items()}
        named = " and ".join(f"{c} (domain id {ids.get(c, '?')})" for c in supplied)
        notes = notes + [f"The domains {named}, which clusters of the data name but its domain table lacks, "
                         "are added: identified, and named, from the CASE package's clusters and domains of "
                         "the same names."]
    lines = header(provenance, sha, notes)
    lines += ["framework: ccss-math",
              "title: Common Core State Standards for Mathematics",
              "standards:"]
    grade = None
    for it in items:
        if it["grade"] != grade:
            grade = it["grade"]
            name = GRADE_NAMES.get(grade, f"Grade {grade}")
            lines += ["", f"  # {'-' * 60} {name}"]
        lines.append(f"  - code: {code_scalar(it['code'])}")
        lines.append(f"    level: {it['level']}")
        if it["parent"]:
            lines.append(f"    parent: {code_scalar(it['parent'])}")
        lines.append(f"    grade: {it['grade']}")
        if it["emphasis"]:
            lines.append(f"    emphasis: {it['emphasis']}")
        lines.append(f"    text: {yaml_quote(it['text'])}")
        if it["requires"]:
            lines.append(f"    requires: [{', '.join(map(code_scalar, it['requires']))}]")
        if it["related"]:
            lines.append(f"    related: [{', '.join(map(code_scalar, it['related']))}]")
    text = "\n".join(lines) + "\n"
    # The Swift raw string literal `#"""...."""#` ends at `"""#` and interpolates at `\#(`.
    for bad in ('"""#', "\\#", "\r"):
        if bad in text:
            raise ConversionError(f"the YAML contains {bad!r}, which the Swift raw string cannot hold")
    return text


def render_swift(yaml_text):
    # The blank line before the closing delimiter keeps the file's final newline in the string
    # (a multi-line literal drops the line break just before `"""#`), so the string equals the
    # file byte for byte.
    return ("// Generated by scripts/convert-coherence-map.py from the Coherence Map dataset. Do not edit.\n"
            "// The text is curricula/frameworks/ccss-math.yml, byte for byte.\n"
            "\n"
            "extension BuiltinFrameworks {\n"
            "    /// The Common Core State Standards for Mathematics, from Student Achievement Partners' Coherence Map.\n"
            "    static let ccssMathYAML = #\"\"\"\n"
            + yaml_text +
            "\n"
            "\"\"\"#\n"
            "}\n")


def write_atomic(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="the Coherence Map data.js (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the committed outputs differ from what would be written")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors and differences")
    args = ap.parse_args(argv)

    try:
        obj, sha = load_dataset(args.data)
        items, notes, unmapped, counts = convert(obj)
        yaml_text = render_yaml(items, read_provenance(args.data, sha), sha, notes)
    except (OSError, UnicodeDecodeError, ConversionError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    outputs = [(YAML_PATH, yaml_text), (SWIFT_PATH, render_swift(yaml_text))]

    if args.check:
        stale = []
        for rel, text in outputs:
            try:
                with open(os.path.join(ROOT, rel), encoding="utf-8", newline="") as f:
                    current = f.read()
            except OSError:
                current = None
            if current != text:
                stale.append(rel)
                print(f"{rel}: {'missing' if current is None else 'differs from what the script produces'}")
        if stale:
            print("run scripts/convert-coherence-map.py to regenerate")
            return 1
        if not args.quiet:
            print("up to date")
        return 0

    for rel, text in outputs:
        write_atomic(os.path.join(ROOT, rel), text)
    if not args.quiet:
        print("; ".join(f"{k}: {v}" for k, v in counts.items()))
        for n in notes:
            print("note: " + n)
        for u in unmapped:
            print("unmapped: " + u)
        for rel, _ in outputs:
            print("wrote " + rel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
