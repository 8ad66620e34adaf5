#!/bin/sh
# Installs sequencelint from a release archive, without a Swift toolchain.
#
#   curl -fsSL https://github.com/OWNER/REPO/releases/latest/download/install.sh | sh
#   sh install.sh 0.1.0              # a given version (0.1.0 or v0.1.0); default: the latest release
#   PREFIX=/usr/local sh install.sh  # where to install; default: $HOME/.local
#
# It downloads sequencelint-VERSION-PLATFORM.tar.gz and its .sha256 from the GitHub release,
# checks the checksum, checks that the binary runs here, and installs
#   PREFIX/bin/sequencelint
#   PREFIX/share/man/man1/sequencelint.1
#   PREFIX/share/bash-completion/completions/sequencelint, PREFIX/share/zsh/site-functions/_sequencelint,
#   PREFIX/share/fish/vendor_completions.d/sequencelint.fish
#
# Environment:
#   PREFIX                     the installation prefix (default: $HOME/.local); --prefix DIR also sets it
#   SEQUENCELINT_REPO          the GitHub repository OWNER/NAME to download from
#   SEQUENCELINT_DOWNLOAD_URL  a folder holding the archives and their .sha256 files, to use instead
#                              of the GitHub release: http://..., https://..., file:///... or a path
#
# Needs: uname, tar, gzip, curl or wget (for downloads), and sha256sum, shasum or openssl.
set -eu

# The release workflow writes the repository it runs in here, in the install.sh it attaches to a
# release; in a clone, set SEQUENCELINT_REPO or SEQUENCELINT_DOWNLOAD_URL.
DEFAULT_REPO="YOUR-ORG/sequencelint"

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    if [ -f "$0" ] && grep -q 'SEQUENCELINT_DOWNLOAD_URL' "$0" 2>/dev/null; then
        sed -n '2,/^set -eu/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    else
        echo "usage: install.sh [--prefix DIR] [VERSION]   (environment: PREFIX, SEQUENCELINT_REPO, SEQUENCELINT_DOWNLOAD_URL)"
    fi
}

version=""
prefix="${PREFIX:-${HOME:-}/.local}"
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        -*) die "unknown option '$1' (see --help)" ;;
        *) [ -z "$version" ] || die "one version at most (got '$version' and '$1')"; version="$1"; shift ;;
    esac
done
if [ -z "$prefix" ] || [ "$prefix" = "/.local" ]; then
    die "HOME is not set: set PREFIX to the folder to install into"
fi
[ "$version" = latest ] && version=""
version="${version#v}"

# --- The platform ---------------------------------------------------------------------------------
os="$(uname -s)"
machine="$(uname -m)"
case "$os" in
    Linux) os_name=linux ;;
    Darwin) os_name=macos ;;
    *) die "no release archive for the operating system '$os' (there are archives for Linux and macOS); build from source instead: see docs/install.md" ;;
esac
case "$machine" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) if [ "$os_name" = macos ]; then arch=arm64; else arch=aarch64; fi ;;
    *) die "no release archive for the machine '$machine' (there are archives for x86_64 and arm64); build from source instead: see docs/install.md" ;;
esac
platform="$arch-$os_name"
if [ "$os_name" = linux ] && ldd --version 2>&1 | grep -qi musl; then
    die "the Linux archives need the GNU C library (glibc), and this system uses musl; use the Docker image or build from source: see docs/install.md"
fi

# --- Downloading ----------------------------------------------------------------------------------
tmp="$(mktemp -d 2>/dev/null || mktemp -d -t sequencelint)" || die "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fetch URL-OR-PATH DESTINATION
fetch() {
    case "$1" in
        http://*|https://*)
            if command -v curl >/dev/null 2>&1; then
                curl --proto '=https,http' -fsSL --retry 3 -o "$2" "$1"
            elif command -v wget >/dev/null 2>&1; then
                wget -q -O "$2" "$1"
            else
                die "neither curl nor wget is installed: install one of them"
            fi ;;
        file://*) cp "${1#file://}" "$2" ;;
        *) cp "$1" "$2" ;;
    esac
}

if [ -n "${SEQUENCELINT_DOWNLOAD_URL:-}" ]; then
    base="${SEQUENCELINT_DOWNLOAD_URL%/}"
    if [ -z "$version" ]; then
        # A local folder: take the one archive for this platform, if there is exactly one.
        case "$base" in
            http://*|https://*) die "give the version to install (for example: sh install.sh 0.1.0) when SEQUENCELINT_DOWNLOAD_URL is a web address" ;;
        esac
        dir="${base#file://}"
        found=""
        for f in "$dir"/sequencelint-*-"$platform".tar.gz; do
            [ -f "$f" ] || continue
            [ -z "$found" ] || die "several archives for $platform in $dir: give the version to install"
            found="$f"
        done
        [ -n "$found" ] || die "no archive for $platform (sequencelint-VERSION-$platform.tar.gz) in $dir"
        version="${found##*/sequencelint-}"
        version="${version%-"$platform".tar.gz}"
    fi
else
    repo="${SEQUENCELINT_REPO:-$DEFAULT_REPO}"
    case "$repo" in
        YOUR-ORG/*) die "this install.sh does not know which GitHub repository to download from: set SEQUENCELINT_REPO=OWNER/NAME (or SEQUENCELINT_DOWNLOAD_URL)" ;;
        */*) ;;
        *) die "SEQUENCELINT_REPO='$repo' is not OWNER/NAME" ;;
    esac
    if [ -z "$version" ]; then
        fetch "https://api.github.com/repos/$repo/releases/latest" "$tmp/latest.json" \
            || die "cannot ask GitHub for the latest release of $repo; give the version to install (for example: sh install.sh 0.1.0)"
        tag="$(sed -n 's/.*"tag_name"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$tmp/latest.json" | head -n 1)"
        [ -n "$tag" ] || die "no release found for $repo"
        version="${tag#v}"
    fi
    base="https://github.com/$repo/releases/download/v$version"
fi

case "$version" in
    *[!0-9A-Za-z.+-]*|"") die "'$version' is not a version (like 0.1.0)" ;;
esac
archive="sequencelint-$version-$platform.tar.gz"

say "downloading $archive from $base"
fetch "$base/$archive" "$tmp/$archive" \
    || die "cannot download $base/$archive: is there a release $version with an archive for $platform?"
fetch "$base/$archive.sha256" "$tmp/$archive.sha256" \
    || die "cannot download the checksum $base/$archive.sha256"

# --- Checking -------------------------------------------------------------------------------------
expected="$(sed -n '1s/^\([0-9A-Fa-f]\{64\}\).*/\1/p' "$tmp/$archive.sha256" | tr 'A-F' 'a-f')"
[ -n "$expected" ] || die "$archive.sha256 does not hold a SHA-256 checksum"
if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$tmp/$archive" | cut -d ' ' -f 1)"
elif command -v shasum >/dev/null 2>&1; then
    actual="$(shasum -a 256 "$tmp/$archive" | cut -d ' ' -f 1)"
elif command -v openssl >/dev/null 2>&1; then
    actual="$(openssl dgst -sha256 "$tmp/$archive" | sed 's/.*= *//')"
else
    die "no sha256sum, shasum or openssl to check the download with: install one of them"
fi
[ "$actual" = "$expected" ] \
    || die "checksum mismatch for $archive: expected $expected, got $actual; nothing was installed"
say "checksum OK ($actual)"

(cd "$tmp" && gzip -dc "$archive" | tar -xf -) || die "cannot unpack $archive"
src="$tmp/sequencelint-$version-$platform"
[ -f "$src/bin/sequencelint" ] || die "$archive has no sequencelint-$version-$platform/bin/sequencelint"
ran="$("$src/bin/sequencelint" --version 2>&1)" \
    || die "the binary in $archive does not run on this system: $ran"

# --- Installing -----------------------------------------------------------------------------------
# install_file SOURCE DESTINATION MODE: copy beside the destination, then rename over it, so a
# running sequencelint is never overwritten in place.
install_file() {
    mkdir -p "$(dirname "$2")" || die "cannot create $(dirname "$2")"
    if ! { cp "$1" "$2.tmp.$$" && chmod "$3" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"; }; then
        rm -f "$2.tmp.$$"
        die "cannot write $2"
    fi
}
install_file "$src/bin/sequencelint" "$prefix/bin/sequencelint" 755
install_file "$src/share/man/man1/sequencelint.1" "$prefix/share/man/man1/sequencelint.1" 644
for f in bash-completion/completions/sequencelint zsh/site-functions/_sequencelint fish/vendor_completions.d/sequencelint.fish; do
    if [ -f "$src/share/$f" ]; then install_file "$src/share/$f" "$prefix/share/$f" 644; fi
done

say "installed sequencelint $ran to $prefix/bin/sequencelint (and its man page and completions under $prefix/share)"
case ":${PATH:-}:" in
    *":$prefix/bin:"*) ;;
    *) say "note: $prefix/bin is not on your PATH; add it, for example: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
