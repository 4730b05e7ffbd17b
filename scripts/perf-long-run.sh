#!/usr/bin/env bash
# perf-long-run.sh - an accelerated 8-hour shift of 16 chairs: is RSS flat and <= 25 MiB?
#
# Runs `infusion-central --chairs 16 --speed S` under ../shared/tools/tui_cost.sh (80x24,
# a fresh temporary --db) for HOURS simulated hours (HOURS * 3600 / S real seconds), samples
# the process every N real seconds from /proc (VmRSS, RssAnon, RssFile, CPU over the
# interval, journal size), and prints a table per simulated hour, the least-squares slope
# of RSS and of RssAnon after the first simulated hour, and the verdict:
#   flat  = RSS slope * HOURS <= 1 MiB (less than 1 MiB of growth over the shift)
#   small = RSS at the end <= 25 MiB
#
# Why --speed 32 by default: 8 h in 15 min of real time, so the run fits beside other work,
# while the program still keeps up on this 2-core machine (the simulation steps 32 s of
# 16 chairs a second, the journal writes ~250 events/s, the board redraws on each simulated
# second: ~32 frames/s, about 30x the real-time frame rate). What can grow with time (trend
# buffers, alarm history, closed sessions, journal backlog) grows with simulated time, so
# 8 simulated hours exercise it; a faster speed would make the loop fall behind and measure
# the backlog instead.
#
# Usage: scripts/perf-long-run.sh [-S SPEED] [-H HOURS] [-n SECONDS] [-k DIR]
#   -S  speed (default 32)   -H  simulated hours (default 8)   -n  sampling interval (default 10)
#   -k  keep the samples (CSV), tui_cost line and latency report in DIR
# Env: see scripts/perf-lib.sh.
set -euo pipefail
source "$(dirname "$0")/perf-lib.sh"

speed=32 hours=8 interval=10 keep=""
while getopts ":S:H:n:k:" opt; do
  case $opt in
    S) speed=$OPTARG ;;
    H) hours=$OPTARG ;;
    n) interval=$OPTARG ;;
    k) keep=$OPTARG ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done

perf_check_tool
perf_install tmux bsdutils python3
perf_build

work=$(mktemp -d -t perf-long-run.XXXXXX)
trap 'rm -rf "$work"' EXIT
db=$work/ic/journal.sqlite
mkdir -p "$work/ic"
duration=$(awk -v h="$hours" -v s="$speed" 'BEGIN{printf "%d", h*3600/s + 0.5}')
perf_machine | tee "$work/machine.txt" >&2
perf_say "$hours simulated hours at ${speed}x = ${duration}s real, sampling every ${interval}s"

bash "$perf_tool" -q -s 80x24 -d "$((duration + 5))" -w 10 -M '→ ?move' -l "infusion-central ${speed}x" \
  -H "$work/ic" -e INFUSION_CENTRAL_LATENCY_REPORT="$work/latency.txt" -- \
  "$perf_binary" --chairs 16 --speed "$speed" --db "$db" --no-sound --themes-dir "$perf_repo/themes" \
  --log-file "$work/ic/infusion-central.log" > "$work/tui_cost.txt" &
cost_pid=$!

pid=""
for _ in $(seq 1 200); do
  pid=$(perf_pid_with "$perf_binary" "$db"); [[ -n $pid ]] && break; sleep 0.05
done
[[ -n $pid ]] || perf_fail "infusion-central did not start"
start=$EPOCHREALTIME clk=$(getconf CLK_TCK)
ticks() { local s; s=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1; set -- ${s##*) }; echo $(( ${12} + ${13} )); }
echo "real_s,sim_h,rss_kib,anon_kib,file_kib,cpu_pct,journal_kib" > "$work/samples.csv"
last_ticks=$(ticks) last_t=$start
while kill -0 "$pid" 2>/dev/null; do
  sleep "$interval"
  now=$EPOCHREALTIME
  t=$(ticks) || break
  status=$(cat "/proc/$pid/status" 2>/dev/null) || break
  rss=$(awk '/^VmRSS:/{print $2}' <<<"$status"); anon=$(awk '/^RssAnon:/{print $2}' <<<"$status")
  file=$(awk '/^RssFile:/{print $2}' <<<"$status")
  journal=$(du -k -c "$db"* 2>/dev/null | tail -1 | cut -f1)
  awk -v a="$start" -v n="$now" -v p="$last_t" -v s="$speed" -v t="$t" -v lt="$last_ticks" -v c="$clk" \
    -v r="$rss" -v an="$anon" -v f="$file" -v j="$journal" \
    'BEGIN{printf "%.1f,%.3f,%d,%d,%d,%.2f,%d\n", n-a, (n-a)*s/3600, r, an, f, (t-lt)/c/(n-p)*100, j}' >> "$work/samples.csv"
  last_ticks=$t last_t=$now
  awk -v a="$start" -v n="$now" -v d="$duration" 'BEGIN{exit !(n-a >= d)}' && break
done
wait "$cost_pid" || true

if [[ -n $keep ]]; then mkdir -p "$keep" && cp -r "$work"/samples.csv "$work"/tui_cost.txt "$work"/machine.txt "$keep"/ \
  && { cp "$work/latency.txt" "$keep"/ 2>/dev/null || true; } && perf_say "kept in $keep"; fi

python3 - "$work/samples.csv" "$hours" "$work/tui_cost.txt" "$work/latency.txt" <<'PY'
import csv, sys
rows = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(open(sys.argv[1]))]
hours = float(sys.argv[2])
if not rows:
    sys.exit("no samples: the program exited at once")
print()
print(f"{'sim h':>6}{'real s':>8}{'RSS MiB':>9}{'anon MiB':>10}{'file MiB':>10}{'CPU %':>7}{'journal MiB':>13}")
shown = set()
for r in rows:
    h = int(r["sim_h"])
    if h in shown and r is not rows[-1]:
        continue
    shown.add(h)
    print(f"{r['sim_h']:>6.2f}{r['real_s']:>8.0f}{r['rss_kib']/1024:>9.1f}{r['anon_kib']/1024:>10.1f}"
          f"{r['file_kib']/1024:>10.1f}{r['cpu_pct']:>7.1f}{r['journal_kib']/1024:>13.1f}")

def slope(key):
    pts = [(r["sim_h"], r[key]) for r in rows if r["sim_h"] >= 1]
    if len(pts) < 3:
        return float("nan")
    n = len(pts); mx = sum(x for x, _ in pts) / n; my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else float("nan")

rss_slope, anon_slope = slope("rss_kib"), slope("anon_kib")
end = rows[-1]
flat = rss_slope * hours <= 1024
small = end["rss_kib"] <= 25 * 1024
print(f"\nRSS slope after hour 1: {rss_slope:+.1f} KiB per simulated hour ({rss_slope*hours/1024:+.2f} MiB over {hours:g} h); "
      f"anonymous {anon_slope:+.1f} KiB/h")
print(f"RSS at the end {end['rss_kib']/1024:.1f} MiB (anonymous {end['anon_kib']/1024:.1f}, file-backed {end['file_kib']/1024:.1f}) "
      f"after {end['sim_h']:.2f} simulated hours")
print(f"flat (growth <= 1 MiB over the shift): {'yes' if flat else 'NO'};  <= 25 MiB: {'yes' if small else 'NO'}")
for path in sys.argv[3:]:
    try:
        print(open(path).read().strip())
    except OSError:
        pass
PY
