#!/usr/bin/env bash
# make-link-order.sh - regenerate Linking/infusion-central.order, the functions the station
# runs, which the release link lays out together (Package.swift, `releaseLinking`).
#
# Builds the release binary, runs the demo clinic (16 chairs, 200x50, in tmux) under
# valgrind's callgrind from its first instruction for DURATION seconds, and writes every
# function of the program that ran (mangled names, sorted, one per line). The list covers
# start-up, the journal's opening and the board's steady state; code that only dialogs or
# commands use is left where the linker puts it (it costs a page fault when first used).
#
# Run it after large changes, then rebuild (`swift build -c release`) and measure RSS with
# scripts/perf-compare.sh. A name that no longer exists is skipped by the linker.
#
# Usage: scripts/make-link-order.sh [-d DURATION]   (default 60 s; needs valgrind, tmux)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
duration=60
while getopts ":d:" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done
for tool in valgrind tmux nm python3; do
  command -v "$tool" >/dev/null || { echo "make-link-order: $tool is needed (apt-get install -y $tool)" >&2; exit 1; }
done

cd "$repo"
work=$(mktemp -d -t link-order.XXXXXX)
trap 'tmux kill-session -t link-order 2>/dev/null || true; rm -rf "$work"' EXIT
swift build -c release --product infusion-central >&2
binary=$(swift build -c release --show-bin-path)/infusion-central

# valgrind cannot read the DWARF 5 of this toolchain: profile a copy without it.
cp "$binary" "$work/infusion-central"
strip -g "$work/infusion-central"
tmux new-session -d -s link-order -x 200 -y 50 \
  "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/callgrind.out \
   $work/infusion-central --chairs 16 --db $work/journal.sqlite --no-sound \
   --themes-dir $repo/themes --log-file $work/log --exit-after $duration 2> $work/valgrind.err"
# --exit-after counts wall-clock seconds; under valgrind the program runs ~50x slower, so it
# starts, opens the journal and draws a few dozen frames in 60 s.
for _ in $(seq 1 $((duration * 4 + 120))); do
  [[ -s $work/callgrind.out ]] && ! tmux has-session -t link-order 2>/dev/null && break
  sleep 1
done
[[ -s $work/callgrind.out ]] || { cat "$work/valgrind.err" >&2; echo "make-link-order: no profile" >&2; exit 1; }

# Only names defined once: the linker places every function of a listed name, and a local
# helper such as `objectdestroyTm` exists in hundreds of files, which would drag their cold
# code into the hot region with it.
nm --defined-only "$work/infusion-central" | awk '$2 ~ /^[tTwW]$/ {print $3}' | LC_ALL=C sort | uniq -u > "$work/functions"
python3 - "$work/callgrind.out" > "$work/ran" <<'EOF'
import re, sys
names = set()
for line in open(sys.argv[1], errors="replace"):
    match = re.match(r"c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
    if match:
        names.add(match.group(1))
print("\n".join(sorted(names)))
EOF
LC_ALL=C sort -u "$work/ran" > "$work/ran.sorted"
LC_ALL=C sort -u "$work/functions" > "$work/functions.sorted"
LC_ALL=C comm -12 "$work/ran.sorted" "$work/functions.sorted" > "$repo/Linking/infusion-central.order"
# The link does not know this file is an input: remove the binary so the next build links again.
rm -f "$binary"
echo "make-link-order: $(wc -l < "$repo/Linking/infusion-central.order") functions in Linking/infusion-central.order" >&2
