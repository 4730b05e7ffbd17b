#!/usr/bin/env bash
# perf-compare.sh - infusion-central side by side with htop and btop (issue 8).
#
# One command from a clean clone: installs htop, btop and tmux (Debian packages) when
# missing, builds infusion-central in release once, then for each round and each size runs
#   htop -d 10                      (refresh 1 s)
#   btop                            (update_ms = 1000, from a temporary config folder)
#   infusion-central --chairs 16    (the demo clinic, a fresh temporary --db, --no-sound)
# AT THE SAME TIME, each under ../shared/tools/tui_cost.sh (same seconds, same machine
# noise), and prints a table of medians over the rounds with the ratios of the issue's
# goals, computed per round (same run) and then the median taken.
#
# Usage: scripts/perf-compare.sh [-r ROUNDS] [-d SECONDS] [-w WARMUP] [-s "80x24 200x50"] [-k DIR]
#   -r  rounds (default 3)           -d  length of each run in seconds (default 60)
#   -w  warm-up excluded from the steady figures (default 10)
#   -s  sizes (default "80x24 200x50")
#   -k  keep the raw tui_cost.sh lines and latency reports in DIR
# Env: see scripts/perf-lib.sh (TUI_COST, PERF_BINARY, PERF_NO_BUILD).
#
# This is a benchmark, never a test: it fails only if a program cannot be run.
set -euo pipefail
source "$(dirname "$0")/perf-lib.sh"

rounds=3 duration=60 warmup=10 sizes="80x24 200x50" keep=""
while getopts ":r:d:w:s:k:" opt; do
  case $opt in
    r) rounds=$OPTARG ;;
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    s) sizes=$OPTARG ;;
    k) keep=$OPTARG ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done

perf_check_tool
perf_install htop btop tmux bsdutils python3
perf_build

work=$(mktemp -d -t perf-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
results=$work/results.txt
: > "$results"

perf_machine | tee "$work/machine.txt" >&2
perf_say "$rounds rounds x sizes [$sizes] x ${duration}s; binary $perf_binary"

for round in $(seq 1 "$rounds"); do
  for size in $sizes; do
    run=$work/r$round-$size
    mkdir -p "$run/btop/.config/btop" "$run/ic"
    # btop reads $XDG_CONFIG_HOME (else ~/.config)/btop/btop.conf; 1000 ms like htop's -d 10.
    printf 'update_ms = 1000\n' > "$run/btop/.config/btop/btop.conf"
    perf_say "round $round/$rounds, $size"
    bash "$perf_tool" -q -s "$size" -d "$duration" -w "$warmup" -m F10Quit -l htop \
      -e XDG_CONFIG_HOME="$run/htop-config" -- htop -d 10 > "$run/htop.txt" &
    bash "$perf_tool" -q -s "$size" -d "$duration" -w "$warmup" -m signals -l btop \
      -H "$run/btop" -e XDG_CONFIG_HOME="$run/btop/.config" -- btop > "$run/btop.txt" &
    bash "$perf_tool" -q -s "$size" -d "$duration" -w "$warmup" -M '→ ?move' -l infusion-central \
      -H "$run/ic" -e INFUSION_CENTRAL_LATENCY_REPORT="$run/latency.txt" -- \
      "$perf_binary" --chairs 16 --db "$run/ic/journal.sqlite" --no-sound \
      --themes-dir "$perf_repo/themes" --log-file "$run/ic/infusion-central.log" > "$run/ic.txt" &
    wait
    for name in htop btop ic; do
      sed "s/^/round=$round /" "$run/$name.txt" >> "$results"
    done
  done
done

if [[ -n $keep ]]; then mkdir -p "$keep" && cp -r "$work"/. "$keep"/ && perf_say "kept in $keep"; fi

python3 - "$results" "$work" <<'PY'
import glob, os, shlex, statistics, sys
rows = []
for line in open(sys.argv[1]):
    fields = dict(kv.split("=", 1) for kv in shlex.split(line) if "=" in kv)
    rows.append(fields)

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")

def num(row, key):
    try:
        return float(row[key])
    except (KeyError, ValueError):
        return None

sizes = sorted({r["size"] for r in rows if "size" in r}, key=lambda s: int(s.split("x")[0]))
programs = ["htop", "btop", "infusion-central"]
print()
print("Medians over rounds (steady = after the warm-up; CPU in % of one core; bytes written to the terminal).")
header = f"{'size':<8}{'program':<18}{'CPU%':>7}{'CPU% all':>9}{'bytes/s':>9}{'1st frame ms':>13}{'peak RSS MiB':>13}{'exited':>7}"
print(header)
print("-" * len(header))
for size in sizes:
    for program in programs:
        sel = [r for r in rows if r.get("size") == size and r.get("label") == program]
        if not sel:
            continue
        early = sum(int(r.get("exited_early", "0")) for r in sel)
        print(f"{size:<8}{program:<18}{med(num(r,'cpu_pct_steady') for r in sel):>7.2f}"
              f"{med(num(r,'cpu_pct') for r in sel):>9.2f}{med(num(r,'bytes_per_s_steady') for r in sel):>9.0f}"
              f"{med(num(r,'first_frame_ms') for r in sel):>13.1f}{med(num(r,'peak_rss_kib') for r in sel)/1024:>13.1f}"
              f"{early:>7}")
print()
print("Ratios, per round then median (goal: CPU <= 1.0 x htop; bytes <= 1.0 x htop and <= 1.0 x btop/15).")
header = f"{'size':<8}{'CPU / htop':>11}{'bytes / htop':>13}{'bytes / (btop/15)':>18}{'rounds':>7}"
print(header)
print("-" * len(header))
for size in sizes:
    cpu, bh, bb = [], [], []
    for rnd in sorted({r["round"] for r in rows}):
        get = lambda label: next((r for r in rows if r.get("size") == size and r.get("round") == rnd and r.get("label") == label), None)
        h, b, i = get("htop"), get("btop"), get("infusion-central")
        if h and i and num(h, "cpu_pct_steady"):
            cpu.append(num(i, "cpu_pct_steady") / num(h, "cpu_pct_steady"))
        if h and i and num(h, "bytes_per_s_steady"):
            bh.append(num(i, "bytes_per_s_steady") / num(h, "bytes_per_s_steady"))
        if b and i and num(b, "bytes_per_s_steady"):
            bb.append(num(i, "bytes_per_s_steady") / (num(b, "bytes_per_s_steady") / 15))
    print(f"{size:<8}{med(cpu):>11.2f}{med(bh):>13.2f}{med(bb):>18.2f}{len(cpu):>7}")

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))] if values else float("nan")

print()
print("Event -> screen latency of infusion-central (LatencyProbe: bus publish -> frame written; all rounds pooled,")
print("after a 5 s warm-up; per-round drain -> present p99 from its histogram). Goal: p99 <= 20 ms.")
header = f"{'size':<8}{'samples':>8}{'p50 ms':>8}{'p90 ms':>8}{'p99 ms':>8}{'max ms':>8}{'drain->present p99 ms (per round)':>36}"
print(header)
print("-" * len(header))
for size in sizes:
    raw, drain = [], []
    for path in sorted(glob.glob(os.path.join(sys.argv[2], f"r*-{size}", "latency.txt"))):
        for line in open(path):
            if line.startswith("publish_to_present_us="):
                raw += [int(v) / 1000 for v in line.split("=", 1)[1].strip().split(",") if v]
            elif line.startswith("latency=drain_to_present"):
                fields = dict(kv.split("=", 1) for kv in line.split())
                drain.append(f"{int(fields['p99_us']) / 1000:.1f}")
    print(f"{size:<8}{len(raw):>8}{pct(raw, 50):>8.2f}{pct(raw, 90):>8.2f}{pct(raw, 99):>8.2f}"
          f"{(max(raw) if raw else float('nan')):>8.2f}{' '.join(drain):>36}")
loads = [r["load_start"] for r in rows if "load_start" in r] + [r["load_end"] for r in rows if "load_end" in r]
if loads:
    ones = [float(l.split()[0]) for l in loads]
    print(f"\nload average (1 min) seen at run starts/ends: {min(ones):.2f} to {max(ones):.2f}")
PY
