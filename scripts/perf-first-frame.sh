#!/usr/bin/env bash
# perf-first-frame.sh - time to the first frame, empty journal vs 1,000,000 events (issue 8).
#
# Makes (once, then reuses) a journal of N events with `infusion-central dev make-journal`
# (the demo clinic's own events, written through JournalWriter), then for each round starts
#   infusion-central --chairs 16 --db <fresh empty file>
#   infusion-central --chairs 16 --db <fresh copy of the big journal>
#   htop -d 10                                   (a peer's first frame, same moment)
# one after the other under ../shared/tools/tui_cost.sh at 80x24, and prints the medians.
#
# "First frame" is tui_cost.sh's first_frame_ms: from `script` starting the program until
# the footer ("-> move ...", the last row of the board) has been written; it includes
# exec, dynamic linking, the journal's opening and recovery, and the first render.
# The copy is in the page cache (a warm restart, as after a crash or an update).
#
# Usage: scripts/perf-first-frame.sh [-r ROUNDS] [-n EVENTS] [-c CACHE_DIR]
#   -r  rounds (default 5)     -n  events in the big journal (default 1000000)
#   -c  where the big journal is kept between runs (default ${XDG_CACHE_HOME:-~/.cache}/infusion-central-perf)
# Env: see scripts/perf-lib.sh.
set -euo pipefail
source "$(dirname "$0")/perf-lib.sh"

rounds=5 events=1000000 cache=${XDG_CACHE_HOME:-$HOME/.cache}/infusion-central-perf
while getopts ":r:n:c:" opt; do
  case $opt in
    r) rounds=$OPTARG ;;
    n) events=$OPTARG ;;
    c) cache=$OPTARG ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done

perf_check_tool
perf_install htop tmux bsdutils python3 sqlite3
perf_build

mkdir -p "$cache"
# The schema version is in the name: a journal made before a migration would be migrated
# again in every round (a fresh copy each time), which is not a first frame.
big=$cache/journal-$events-v2.sqlite
if [[ ! -f $big.done ]]; then
  perf_say "making a journal of $events events in $big (once)"
  "$perf_binary" dev make-journal --db "$big" --events "$events" --force >&2
  touch "$big.done"
fi
perf_say "big journal: $(sqlite3 "$big" 'SELECT COUNT(*) FROM event') events, $(du -m "$big" | cut -f1) MB"

work=$(mktemp -d -t perf-first-frame.XXXXXX)
trap 'rm -rf "$work"' EXIT
results=$work/results.txt
: > "$results"
perf_machine >&2

run_ic() {  # LABEL DB
  local dir; dir=$(dirname "$2")
  bash "$perf_tool" -q -s 80x24 -d 4 -w 1 -M '→ ?move' -l "$1" -H "$dir" -- \
    "$perf_binary" --chairs 16 --db "$2" --no-sound --themes-dir "$perf_repo/themes" \
    --log-file "$dir/infusion-central.log"
}

for round in $(seq 1 "$rounds"); do
  perf_say "round $round/$rounds"
  mkdir -p "$work/$round/empty" "$work/$round/big"
  run_ic empty "$work/$round/empty/journal.sqlite" >> "$results"
  cp "$big" "$work/$round/big/journal.sqlite"
  run_ic "$events events" "$work/$round/big/journal.sqlite" >> "$results"
  bash "$perf_tool" -q -s 80x24 -d 4 -w 1 -m F10Quit -l htop -- htop -d 10 >> "$results"
  rm -rf "$work/$round"
done

python3 - "$results" <<'PY'
import shlex, statistics, sys
rows = [dict(kv.split("=", 1) for kv in shlex.split(l) if "=" in kv) for l in open(sys.argv[1])]
print()
print(f"{'journal':<18}{'first frame ms (median)':>24}{'min':>8}{'max':>8}{'first output ms':>17}{'rounds':>8}")
for label in dict.fromkeys(r["label"] for r in rows):
    sel = [r for r in rows if r["label"] == label]
    ff = [float(r["first_frame_ms"]) for r in sel if float(r["first_frame_ms"]) >= 0]
    fo = [float(r["first_output_ms"]) for r in sel]
    if not ff:
        print(f"{label:<18}{'never drawn':>24}"); continue
    print(f"{label:<18}{statistics.median(ff):>24.1f}{min(ff):>8.1f}{max(ff):>8.1f}{statistics.median(fo):>17.1f}{len(ff):>8}")
loads = [float(r["load_start"].split()[0]) for r in rows]
print(f"\nload average (1 min) at run starts: {min(loads):.2f} to {max(loads):.2f}; goals: empty <= 30 ms, 1,000,000 events <= 300 ms")
PY
