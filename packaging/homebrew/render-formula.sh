#!/usr/bin/env bash
# Fills in packaging/homebrew/sequencelint.rb (a template) and prints the formula:
# the version, the GitHub repository, and the checksum of each platform's release archive, read
# from the .sha256 files that scripts/package.sh writes next to the archives.
#
# Usage: packaging/homebrew/render-formula.sh --version VERSION --repo OWNER/NAME --dist DIR [--allow-missing]
#   --allow-missing  leave the placeholder of an archive that DIR lacks (for a local check)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
die() { echo "render-formula.sh: error: $*" >&2; exit 1; }

version="" repo="" dist="" allow_missing=false
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="${2:-}"; shift 2 ;;
        --repo) repo="${2:-}"; shift 2 ;;
        --dist) dist="${2:-}"; shift 2 ;;
        --allow-missing) allow_missing=true; shift ;;
        *) die "unknown argument '$1'" ;;
    esac
done
if [ -z "$version" ] || [ -z "$repo" ] || [ -z "$dist" ]; then
    die "usage: render-formula.sh --version VERSION --repo OWNER/NAME --dist DIR [--allow-missing]"
fi
[[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]] || die "'$version' is not a version"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || die "'$repo' is not OWNER/NAME"

# The template's opening comment (up to the class line) gives way to a line saying what this is.
formula="# sequencelint $version from https://github.com/$repo, written by packaging/homebrew/render-formula.sh
$(sed -n '/^class /,$p' "$here/sequencelint.rb")"
formula="${formula//@VERSION@/$version}"
formula="${formula//@REPO@/$repo}"
for platform in arm64-macos x86_64-linux aarch64-linux; do
    placeholder="@SHA256_$(echo "$platform" | tr 'a-z-' 'A-Z_')@"
    file="$dist/sequencelint-$version-$platform.tar.gz.sha256"
    if [ -f "$file" ]; then
        sum="$(cut -d ' ' -f 1 "$file")"
        [[ "$sum" =~ ^[0-9a-f]{64}$ ]] || die "$file does not hold a SHA-256 checksum"
        formula="${formula//$placeholder/$sum}"
    elif ! $allow_missing; then
        die "$file is missing"
    fi
done
printf '%s\n' "$formula"
