#!/usr/bin/env python3
"""Validates sequencelint's machine-readable outputs and JSON Schemas.

Usage: scripts/validate.py PATH/TO/sequencelint

1. SARIF from the bundled examples validates against the OASIS SARIF 2.1.0 schema
   (../shared/data/sarif-schema-2.1.0.json, when present).
2. SARIF results, JSON diagnostics and gcc lines are the same set of findings.
3. schemas/*.schema.json are valid draft-07 schemas; every bundled curriculum, framework and
   configuration validates against its schema, and known-bad documents are rejected.

Prints "N passed, N failed" and exits non-zero on any failure.
"""
import json, os, subprocess, sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def run(binary, *args):
    return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    examples = os.path.join("curricula", "examples")
    sarif = json.loads(run(binary, "--format", "sarif", examples).stdout)
    schema_path = os.path.join(ROOT, "..", "shared", "data", "sarif-schema-2.1.0.json")
    if os.path.exists(schema_path):
        with open(schema_path) as f:
            oasis = json.load(f)
        try:
            jsonschema.validate(sarif, oasis)
            check("sarif validates against the OASIS schema", True)
        except jsonschema.ValidationError as e:
            check("sarif validates against the OASIS schema", False, e.message)
    else:
        print("skip: ../shared/data/sarif-schema-2.1.0.json is absent")

    results = sarif["runs"][0]["results"]
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    check("sarif lists every rule", len(rules) == len(run(binary, "rules").stdout.splitlines()))
    check("sarif says how columns are counted", sarif["runs"][0]["columnKind"] == "unicodeCodePoints")
    check("every result has a fingerprint", all("sequencelint/v1" in r["partialFingerprints"] for r in results))
    from_sarif = sorted(
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
         r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"]) for r in results)
    doc = json.loads(run(binary, "--format", "json", examples).stdout)
    from_json = sorted((d["path"], d["start"]["line"], d["start"]["column"], d["rule"]) for d in doc["diagnostics"])
    from_gcc = []
    for line in run(binary, "--format", "gcc", examples).stdout.splitlines():
        head, _, rest = line.partition(": ")
        if rest.startswith("note:"):
            continue
        path, l, c = head.rsplit(":", 2)
        from_gcc.append((path, int(l), int(c), rest[rest.rindex("[") + 1:-1]))
    from_gcc.sort()
    check("sarif, json and gcc report the same findings", from_sarif == from_json == from_gcc,
          f"{len(from_sarif)} {len(from_json)} {len(from_gcc)}")
    check("the examples have findings", len(from_json) > 20)

    def load(name):
        with open(os.path.join(ROOT, "schemas", name)) as f:
            s = json.load(f)
        jsonschema.Draft7Validator.check_schema(s)
        return jsonschema.Draft7Validator(s)

    curriculum, framework, config = load("curriculum.schema.json"), load("framework.schema.json"), load("sequencelint-config.schema.json")
    good = [os.path.join("curricula", "riverside", n) for n in sorted(os.listdir(os.path.join(ROOT, "curricula", "riverside")))]
    for name in sorted(os.listdir(os.path.join(ROOT, examples))):
        if name.endswith(".yml") and name not in ("schema.yml", "yaml-syntax.yml"):
            good.append(os.path.join(examples, name))
    for path in good:
        with open(os.path.join(ROOT, path)) as f:
            errors = list(curriculum.iter_errors(yaml.safe_load(f)))
        check(f"{path} validates", not errors, "; ".join(e.message for e in errors[:3]))
    with open(os.path.join(ROOT, "curricula", "frameworks", "ccss-math.yml")) as f:
        check("ccss-math.yml validates", not list(framework.iter_errors(yaml.safe_load(f))))
    with open(os.path.join(ROOT, "curricula", ".sequencelint.yml")) as f:
        check("curricula/.sequencelint.yml validates", not list(config.iter_errors(yaml.safe_load(f))))
    with open(os.path.join(ROOT, examples, "schema.yml")) as f:
        check("examples/schema.yml is rejected", len(list(curriculum.iter_errors(yaml.safe_load(f)))) >= 2)
    bad = [
        (curriculum, {"curriculum": "c", "grade": 6, "units": [{"id": "u", "lessons": [{"id": "l", "kind": "lecture"}]}]}),
        (curriculum, {"curriculum": "c", "grade": 13, "units": []}),
        (curriculum, {"curriculum": "c", "units": []}),
        (curriculum, {"curriculum": "c", "grade": 6, "units": [{"id": "u", "lessons": [{"id": "l", "kind": "review", "requries": ["x"]}]}]}),
        (framework, {"framework": "f", "standards": [{"code": "A", "emphasis": "main"}]}),
        (config, {"rules": {"prerequisite-ordr": "error"}}),
        (config, {"rules": {"balance": {"min-conceptual": 2}}}),
        (config, {"code-matching": "fuzzy"}),
    ]
    for i, (validator, document) in enumerate(bad):
        check(f"bad document {i + 1} is rejected", not validator.is_valid(document))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
