#!/bin/sh
# Checks that sequencelint's language server works in Neovim, headless: starts Neovim with
# integrations/neovim/sequencelint.lua on a copy of Tests/lsp/workspace/grade6.yml, waits for
# its diagnostics, then asks for a hover and a definition. Prints what arrived; exits non-zero
# when no diagnostic arrived (or the hover or definition did not answer), 2 when nvim is missing.
#
#   integrations/neovim/check.sh [BINARY]     (default: .build/debug/sequencelint)
#
# Environment: NVIM (default: nvim), SEQUENCELINT_CHECK_TIMEOUT_MS (default: 10000).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/.build/debug/sequencelint}
nvim=${NVIM:-nvim}

case $binary in /*) ;; *) binary=$(pwd)/$binary ;; esac
if ! command -v "$nvim" >/dev/null 2>&1; then
  echo "check.sh: $nvim not found" >&2
  exit 2
fi
if [ ! -x "$binary" ]; then
  echo "check.sh: $binary is not an executable" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sequencelint-nvim.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$root/Tests/lsp/workspace" "$work/workspace"
mkdir -p "$work/xdg/cache" "$work/xdg/state" "$work/xdg/data" "$work/xdg/config"

status=0
(
  cd "$work/workspace"
  # Neovim's and the server's files (logs, the built-in framework) go under $work.
  XDG_CACHE_HOME="$work/xdg/cache" XDG_STATE_HOME="$work/xdg/state" \
  XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config" \
  SEQUENCELINT_BINARY="$binary" SEQUENCELINT_CHECK_OUTPUT="$work/out.txt" \
    timeout 120 "$nvim" --headless -i NONE -u "$here/check.lua" grade6.yml </dev/null
) || status=$?

if [ -f "$work/out.txt" ]; then
  cat "$work/out.txt"
else
  echo "check.sh: nvim wrote no report" >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -ne 0 ]; then
  echo "check.sh: FAILED (status $status)" >&2
fi
exit "$status"
