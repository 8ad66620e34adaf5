#!/bin/sh
# Checks that sequencelint's language server works in Emacs with Eglot, headless: starts Emacs with
# integrations/emacs/sequencelint.el on a copy of Tests/lsp/workspace/grade6.yml, waits for
# its diagnostics, then asks for a hover and a definition. Prints what arrived; exits non-zero
# when no diagnostic arrived (or the hover or definition did not answer), 2 when emacs is missing.
#
#   integrations/emacs/check.sh [BINARY]     (default: .build/debug/sequencelint)
#
# Environment: EMACS (default: emacs), SEQUENCELINT_CHECK_TIMEOUT_MS (default: 10000).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/.build/debug/sequencelint}
emacs=${EMACS:-emacs}

case $binary in /*) ;; *) binary=$(pwd)/$binary ;; esac
if ! command -v "$emacs" >/dev/null 2>&1; then
  echo "check.sh: $emacs not found" >&2
  exit 2
fi
if [ ! -x "$binary" ]; then
  echo "check.sh: $binary is not an executable" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sequencelint-emacs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$root/Tests/lsp/workspace" "$work/workspace"
mkdir -p "$work/xdg/cache" "$work/xdg/config" "$work/xdg/home"

status=0
(
  cd "$work/workspace"
  # Emacs's and the server's files (logs, the built-in framework) go under $work.
  HOME="$work/xdg/home" XDG_CACHE_HOME="$work/xdg/cache" XDG_CONFIG_HOME="$work/xdg/config" \
  SEQUENCELINT_BINARY="$binary" SEQUENCELINT_CHECK_OUTPUT="$work/out.txt" \
    timeout 120 "$emacs" --batch -l "$here/check.el" grade6.yml </dev/null
) || status=$?

if [ -f "$work/out.txt" ]; then
  cat "$work/out.txt"
else
  echo "check.sh: emacs wrote no report" >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -ne 0 ]; then
  echo "check.sh: FAILED (status $status)" >&2
fi
exit "$status"
