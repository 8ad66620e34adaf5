#!/usr/bin/env bash
# Checks the release packaging end to end, on this machine:
#   - scripts/package.sh builds the archive and its checksum;
#   - the packaged binary loads no Swift, Foundation, dispatch or libyaml library, and is stripped;
#   - unpacked outside the clone, it lints copies of the sample curricula under `env -i` with no
#     Swift on PATH, and has its version, man page and completions;
#   - the checksum verifies with `sha256sum -c` (and a tampered archive does not);
#   - install.sh installs from a local folder and over HTTP (python3's http.server on loopback),
#     and refuses a wrong checksum;
#   - action.yml's download step picks the released binary at a release tag and falls back to
#     building from source otherwise;
#   - the workflow and the action validate against GitHub's JSON Schemas (check-jsonschema), the
#     scripts pass shellcheck, the Homebrew formula passes `ruby -c`;
#   - the Dockerfile's build-stage RUN commands run as a script (see docker_build_stage below).
# Needs: python3, check-jsonschema (pip), shellcheck and ruby (apt); .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
t0=$SECONDS

work="$(mktemp -d "${TMPDIR:-/tmp}/sequencelint-check.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

passed=0
step() { printf '\n== %s (%ds)\n' "$*" "$((SECONDS - t0))"; }
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$*"; }
fail() { printf 'check-package.sh: FAIL: %s\n' "$*" >&2; exit 1; }
set -E
trap 'fail "line $LINENO: \`$BASH_COMMAND\` failed"' ERR

for tool in python3 shellcheck ruby ldd readelf sha256sum tar gzip curl; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed (shellcheck, ruby: apt-get install shellcheck ruby)"
done
python3 -c 'import check_jsonschema, yaml' 2>/dev/null \
    || fail "python3 lacks check-jsonschema or PyYAML (python3 -m pip install check-jsonschema PyYAML)"

# --- Static checks -------------------------------------------------------------------------------
step "static checks: shellcheck, ruby -c, GitHub schemas"
shellcheck scripts/package.sh scripts/check-package.sh scripts/source-version.sh \
    packaging/homebrew/render-formula.sh install.sh
ok "shellcheck: package.sh, check-package.sh, source-version.sh, render-formula.sh, install.sh"
if command -v dash >/dev/null 2>&1; then dash -n install.sh; ok "dash -n install.sh (POSIX sh)"; fi
ruby -c packaging/homebrew/sequencelint.rb >/dev/null
ok "ruby -c packaging/homebrew/sequencelint.rb"
python3 -m check_jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
ok "GitHub workflow schema: $(echo .github/workflows/*.yml)"
python3 -m check_jsonschema --builtin-schema vendor.github-actions action.yml
ok "GitHub action schema: action.yml"

# --- Package -------------------------------------------------------------------------------------
step "scripts/package.sh"
p0=$SECONDS
archive="$(scripts/package.sh | tail -n 1)"
package_seconds=$((SECONDS - p0))
[ -f "$archive" ] || fail "package.sh did not print an archive path (got '$archive')"
name="$(basename "$archive" .tar.gz)"
dist="$(dirname "$archive")"
version="$(scripts/source-version.sh)"
case "$name" in
    "sequencelint-$version-"*-linux) ;;
    *) fail "unexpected archive name $name (expected sequencelint-$version-ARCH-linux)" ;;
esac
platform="${name#"sequencelint-$version-"}"
size="$(wc -c < "$archive")"
ok "package.sh wrote $archive: $size bytes ($((size / 1024 / 1024)) MiB) in ${package_seconds}s"
[ "$size" -lt $((25 * 1024 * 1024)) ] || fail "the archive is $size bytes, over 25 MiB"
ok "the archive is under 25 MiB"

# --- The checksum ---------------------------------------------------------------------------------
step "checksum"
(cd "$dist" && sha256sum -c "$name.tar.gz.sha256")
ok "sha256sum -c $name.tar.gz.sha256"
mkdir -p "$work/tampered"
cp "$archive" "$archive.sha256" "$work/tampered/"
printf 'x' >> "$work/tampered/$name.tar.gz"
if (cd "$work/tampered" && sha256sum -c "$name.tar.gz.sha256" >/dev/null 2>&1); then
    fail "sha256sum -c accepted a tampered archive"
fi
ok "a tampered archive fails sha256sum -c"

# --- Unpacked, outside the clone -----------------------------------------------------------------
step "the unpacked archive"
mkdir -p "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
top="$work/unpacked/$name"
bin="$top/bin/sequencelint"
[ -x "$bin" ] || fail "the archive has no executable $name/bin/sequencelint"
for f in README.md NOTICE.md share/man/man1/sequencelint.1 share/bash-completion/completions/sequencelint \
         share/zsh/site-functions/_sequencelint share/fish/vendor_completions.d/sequencelint.fish; do
    [ -s "$top/$f" ] || fail "the archive has no $name/$f"
done
cmp -s "$top/share/man/man1/sequencelint.1" docs/sequencelint.1 || fail "the man page differs from docs/sequencelint.1"
cmp -s "$top/NOTICE.md" curricula/frameworks/NOTICE.md || fail "NOTICE.md differs from curricula/frameworks/NOTICE.md"
grep -q "sequencelint $version ($platform)" "$top/README.md" || fail "README.md does not name version $version and $platform"
ok "archive holds bin/sequencelint, README.md, NOTICE.md, the man page and bash/zsh/fish completions"
bash -n "$top/share/bash-completion/completions/sequencelint" || fail "the bash completion does not parse"
grep -q '^#compdef sequencelint' "$top/share/zsh/site-functions/_sequencelint" || fail "the zsh completion lacks '#compdef sequencelint'"
grep -Eq "^complete -c '?sequencelint'? " "$top/share/fish/vendor_completions.d/sequencelint.fish" \
    || fail "the fish completion lacks 'complete -c sequencelint'"
ok "completions: bash -n passes, zsh and fish scripts name sequencelint"
license=""
for candidate in LICENSE LICENSE.md LICENSE.txt COPYING; do
    if [ -f "$candidate" ]; then license="$candidate"; break; fi
done
if [ -n "$license" ]; then
    cmp -s "$top/$license" "$license" || fail "the archive lacks $license"
    ok "archive holds $license"
else
    echo "WARNING: the repository has no LICENSE file, so the archive has none"
fi

echo "--- ldd $name/bin/sequencelint"
ldd "$bin" | tee "$work/ldd.txt"
if grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu|libyaml|not found' "$work/ldd.txt"; then
    fail "the packaged binary loads the libraries above at run time"
fi
ok "ldd: no libswift*, libFoundation*, libdispatch, libBlocksRuntime or libyaml"
if readelf -S "$bin" | grep -q '\.symtab'; then fail "the packaged binary is not stripped"; fi
ok "stripped (no .symtab)"
glibc="$(readelf -V "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -u -t. -k1,1 -k2,2n -k3,3n | tail -n 1)"
ok "newest C library symbol version needed: $glibc"

step "the packaged binary under env -i, no Swift on PATH"
mkdir -p "$work/samples" "$work/home"
cp -R curricula/maplewood curricula/riverside "$work/samples/"
clean_env=(env -i PATH=/usr/bin:/bin HOME="$work/home")
if "${clean_env[@]}" sh -c 'command -v swift' >/dev/null 2>&1; then
    fail "swift is on PATH=/usr/bin:/bin; the env -i run would not show the binary runs without it"
fi
ok "command -v swift fails under env -i PATH=/usr/bin:/bin"
status=0
out="$(cd "$work/samples" && "${clean_env[@]}" "$bin" maplewood riverside 2>&1)" || status=$?
printf '%s\n' "$out" > "$work/lint.txt"
echo "--- (cd <tmp>/samples && env -i PATH=/usr/bin:/bin HOME=<tmp>/home <tmp>/$name/bin/sequencelint maplewood riverside): last lines"
tail -n 3 "$work/lint.txt"
[ "$status" = 0 ] || fail "the packaged binary exited $status on the sample curricula"
summary="$(grep -E '^[0-9]+ errors?, ' "$work/lint.txt" | tail -n 1)"
case "$summary" in
    "0 errors, "*"with the built-in ccss-math"*) ;;
    *) fail "unexpected summary line '$summary' (expected '0 errors, ... with the built-in ccss-math ...')" ;;
esac
ok "exit 0, summary: $summary"
got="$(cd "$work/samples" && "${clean_env[@]}" "$bin" --version)"
[ "$got" = "$version" ] || fail "--version printed '$got', expected '$version'"
ok "--version: $got"
(cd "$work/samples" && "${clean_env[@]}" "$bin" frameworks) | grep -q '^ccss-math  (built in)' \
    || fail "'sequencelint frameworks' does not list the built-in ccss-math"
ok "frameworks lists the built-in ccss-math"

# --- install.sh ----------------------------------------------------------------------------------
step "install.sh"
# From the local folder, the version found there (no version argument), with PREFIX.
PREFIX="$work/prefix-folder" SEQUENCELINT_DOWNLOAD_URL="$dist" sh install.sh
"$work/prefix-folder/bin/sequencelint" --version | grep -qx "$version" || fail "install.sh (folder): the installed binary does not run"
[ -s "$work/prefix-folder/share/man/man1/sequencelint.1" ] || fail "install.sh (folder): no man page"
ok "install.sh from a local folder into PREFIX=<tmp>/prefix-folder"

# Over HTTP on loopback, under env -i (HOME's .local as the default prefix), version vX.Y.Z.
python3 - "$dist" "$work/port" <<'PY' &
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
PY
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the loopback HTTP server did not start"
url="http://127.0.0.1:$(cat "$work/port")"
mkdir -p "$work/install-home"
env -i PATH=/usr/bin:/bin HOME="$work/install-home" SEQUENCELINT_DOWNLOAD_URL="$url" sh "$root/install.sh" "v$version"
installed="$work/install-home/.local/bin/sequencelint"
(cd "$work/samples" && env -i PATH=/usr/bin:/bin HOME="$work/install-home" "$installed" maplewood riverside >/dev/null) \
    || fail "install.sh (HTTP): the installed binary failed on the samples"
ok "install.sh over HTTP ($url) under env -i into \$HOME/.local; the installed binary lints the samples"

# A wrong checksum: nothing installed, non-zero exit.
printf '%s  %s\n' "$(printf '0%.0s' $(seq 64))" "$name.tar.gz" > "$work/tampered/$name.tar.gz.sha256"
cp "$archive" "$work/tampered/$name.tar.gz"
if PREFIX="$work/prefix-bad" SEQUENCELINT_DOWNLOAD_URL="file://$work/tampered" sh install.sh "$version" 2> "$work/bad.txt"; then
    fail "install.sh accepted a wrong checksum"
fi
grep -q 'checksum mismatch' "$work/bad.txt" || fail "install.sh failed without saying the checksum is wrong: $(cat "$work/bad.txt")"
[ ! -e "$work/prefix-bad" ] || fail "install.sh installed something despite a wrong checksum"
ok "install.sh refuses a wrong checksum: $(tail -n 1 "$work/bad.txt")"
if PREFIX="$work/prefix-none" SEQUENCELINT_DOWNLOAD_URL="$url" sh install.sh 0.0.0-missing 2> "$work/missing.txt"; then
    fail "install.sh succeeded for a version that does not exist"
fi
ok "install.sh fails clearly for a missing version: $(tail -n 1 "$work/missing.txt")"

# --- action.yml's download step ------------------------------------------------------------------
step "action.yml: the download step"
python3 - action.yml "$work/action-download.sh" <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
steps = [s for s in action["runs"]["steps"] if s.get("id") == "release"]
assert len(steps) == 1, "action.yml has no step with id 'release'"
open(sys.argv[2], "w").write(steps[0]["run"])
PY
# run_action_step REF DOWNLOAD-URL: runs the step as the runner would for OWNER/sequencelint@REF;
# prints the `bin` output.
run_action_step() {
    local action_dir="$work/runner/_actions/acme/sequencelint/$1"
    rm -rf "$work/runner" && mkdir -p "$action_dir/scripts" "$work/runner/temp"
    cp -R Sources install.sh "$action_dir/"
    cp scripts/source-version.sh "$action_dir/scripts/"
    : > "$work/runner/output"
    GITHUB_ACTION_PATH="$action_dir" GITHUB_OUTPUT="$work/runner/output" RUNNER_TEMP="$work/runner/temp" \
        ACTION_REPOSITORY="" SEQUENCELINT_DOWNLOAD_URL="$2" bash --noprofile --norc -eo pipefail "$work/action-download.sh" >&2
    sed -n 's/^bin=//p' "$work/runner/output"
}
action_bin="$(run_action_step "v$version" "$url")"
if [ -z "$action_bin" ] || [ "$("$action_bin" --version)" != "$version" ]; then
    fail "the action did not take the released binary at ref v$version"
fi
ok "at ref v$version the action uses the released binary ($action_bin)"
major="v${version%%.*}"
[ -n "$(run_action_step "$major" "$url")" ] || fail "the action did not take the released binary at ref $major"
ok "at ref $major the action uses the released binary"
[ -z "$(run_action_step main "$url")" ] || fail "at ref main the action used the released binary"
ok "at ref main the action builds from source"
[ -z "$(run_action_step "v$version" "file://$work/tampered")" ] || fail "the action used an archive with a wrong checksum"
ok "with a wrong checksum the action builds from source"

# --- Homebrew formula ----------------------------------------------------------------------------
step "Homebrew formula"
packaging/homebrew/render-formula.sh --version "$version" --repo acme/sequencelint --dist "$dist" --allow-missing > "$work/sequencelint.rb"
ruby -c "$work/sequencelint.rb" >/dev/null
sum="$(cut -d ' ' -f 1 "$archive.sha256")"
grep -q "sha256 \"$sum\"" "$work/sequencelint.rb" || fail "the rendered formula lacks the $platform checksum"
ok "render-formula.sh fills in the $platform checksum; ruby -c passes"

# --- Dockerfile ----------------------------------------------------------------------------------
# No Docker engine runs here, so the build stage's RUN commands run as a bash script in the clone
# (the build context; .dockerignore leaves out only build output), with the stage's absolute
# folders mapped into the temporary folder: /out, /tmp/dist, and /tmp/build (its scratch path) to
# .build-release, which package.sh just filled, so the build is incremental. `apt-get install`
# runs for real (the same Debian 12 as the swift:*-bookworm image), without the `apt-get update`
# before it (.ci/run has installed libyaml-dev and pkg-config already, so no package lists need
# fetching) and without the clean-up of /var/lib/apt/lists, which would empty this machine's
# package lists. The run stage is not emulated: the env -i run above is its stand-in.
step "Dockerfile: the build stage's RUN commands"
python3 - Dockerfile "$work/docker-build-stage.sh" "$root/.build-release" "$work/docker" <<'PY'
import re, sys
dockerfile, out, scratch, tmp = sys.argv[1:]
text = re.sub(r"\\\n", " ", open(dockerfile).read())
stage, runs, workdir = False, [], None
for line in text.splitlines():
    line = line.strip()
    if re.match(r"(?i)^FROM\s", line):
        if stage: break
        stage = re.search(r"(?i)\sAS\s+build\b", line) is not None
        continue
    if not stage: continue
    if re.match(r"(?i)^WORKDIR\s", line): workdir = line.split(None, 1)[1]
    if re.match(r"(?i)^RUN\s", line): runs.append(line.split(None, 1)[1])
assert runs, "no RUN commands in the Dockerfile's build stage"
assert workdir, "no WORKDIR in the Dockerfile's build stage"
script = ["set -euo pipefail", 'cd "$CONTEXT"  # WORKDIR ' + workdir + ", after COPY . ."]
for run in runs:
    run = re.sub(r"\s*&&\s*rm -rf /var/lib/apt/lists/\*", "", run)
    run = re.sub(r"^apt-get update(\s+-\S+)*\s*&&\s*", "", run)
    run = re.sub(r"(?<![\w./-])/tmp/build\b", scratch, run)
    run = re.sub(r"(?<![\w./-])/tmp/dist\b", tmp + "/dist", run)
    run = re.sub(r"(?<![\w./-])/out\b", tmp + "/out", run)
    script.append(run)
open(out, "w").write("\n".join(script) + "\n")
PY
bash -n "$work/docker-build-stage.sh"
ok "bash -n on the build stage's RUN commands"
cat "$work/docker-build-stage.sh"
if [ "$(id -u)" != 0 ]; then
    fail "the build stage runs apt-get as root; run this script as root (as CI does)"
fi
CONTEXT="$root" bash "$work/docker-build-stage.sh"
[ -x "$work/docker/out/bin/sequencelint" ] || fail "the build stage made no /out/bin/sequencelint"
grep -q "^COPY --from=build /out/bin/sequencelint " Dockerfile || fail "the run stage does not copy /out/bin/sequencelint"
ok "the build stage's commands ran and made /out/bin/sequencelint, which the run stage copies"

step "done"
echo "archive: $archive ($size bytes), package.sh ${package_seconds}s, check-package.sh $((SECONDS - t0))s in all"
echo "check-package: $passed passed, 0 failed"
