#!/bin/sh
# Prints the version of sequencelint as its source states it (SequenceLintVersion.current, the
# value `sequencelint --version` prints), without building anything. Used by action.yml to pick
# the release archive, and by scripts/package.sh to check that the two agree.
# Usage: scripts/source-version.sh [REPOSITORY-ROOT]
set -eu
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
version="$(grep -rh -A4 'enum SequenceLintVersion' "$root/Sources" 2>/dev/null \
    | sed -n 's/.*static let current *= *"\([^"]*\)".*/\1/p' | head -n 1)"
if [ -z "$version" ]; then
    echo "source-version.sh: no 'static let current = \"...\"' in 'enum SequenceLintVersion' under $root/Sources" >&2
    exit 1
fi
printf '%s\n' "$version"
