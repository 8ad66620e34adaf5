#!/usr/bin/env bash
# The benchmark: for N = 25k, 100k and 400k lessons, the wall time of a full lint (release
# build, all cores), its ratio to the floor (libyaml's events alone, one core), peak memory,
# and the time per phase. Usage: Benchmarks/run.sh [N ...]   (results go to stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(25000 100000 400000)
work="${BENCH_DIR:-/tmp/sequencelint-bench}"
mkdir -p "$work"
swift build -c release --product sequencelint >/dev/null
bin="$(swift build -c release --show-bin-path)/sequencelint"
cc -O2 -o "$work/floor" Benchmarks/floor.c $(pkg-config --cflags --libs yaml-0.1)

best() {  # best of 3 wall times, in seconds; also leaves the last run's peak RSS in $rss (KB)
    local t min=999999
    for _ in 1 2 3; do
        t=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
        rss=${t#* }
        t=${t% *}
        min=$(python3 -c "print(min($min, $t))")
    done
    echo "$min"
}

printf "| lessons | input MB | floor s | sequencelint s | ratio | peak MB | memory / input |\n|---|---|---|---|---|---|---|\n"
for n in "${sizes[@]}"; do
    dir="$work/n$n"
    [ -d "$dir" ] || python3 Benchmarks/generate.py "$n" "$dir"
    bytes=$(cat "$dir"/*.yml | wc -c)
    floor=$(best "$work/floor" "$dir"/*.yml)
    lint=$(best "$bin" --format gcc "$dir")
    python3 -c "print(f'| {$n} | {$bytes/1e6:.1f} | {$floor:.3f} | {$lint:.3f} | {$lint/$floor:.2f}x | {$rss/1024:.0f} | {$rss*1024/$bytes:.1f}x |')"
done
echo
for n in "${sizes[@]}"; do
    echo "phases at N=$n:"
    SEQUENCELINT_TIMING=1 "$bin" --format gcc "$work/n$n" 2>&1 >/dev/null | sed 's/^/  /'
done
