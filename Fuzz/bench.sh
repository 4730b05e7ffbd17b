#!/usr/bin/env bash
# Release-mode HL7 parse throughput on one core, beside python `hl7` in the same run.
#
# Usage: Fuzz/bench.sh [ROUNDS]         (default 5 rounds; the median of each side is compared)
# Env:   HL7_BENCH_DIR  build folder (default /tmp/hl7-bench); the python venv lives in it
#        HL7_BENCH_CPU  the core both sides are pinned to with taskset (default 0)
#
# Swift: InfusionCore + HL7 compiled with -O -wmo, `Fuzz/HL7Bench.swift` (parse + access,
# then parse + read + map). Python: PyPI hl7==0.4.5 in a venv, `hl7.parse` of the same
# sample bytes plus the same field access (MSH-10, every OBX-3.1 and OBX-5 as str).
# Goals (issue 7): >= 50,000 msg/s and >= 30x python `hl7` for the PCD-01 parse.
set -euo pipefail
ROUNDS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${HL7_BENCH_DIR:-/tmp/hl7-bench}"
CPU="${HL7_BENCH_CPU:-0}"
SAMPLES="$ROOT/Tests/HL7Tests/Samples"
mkdir -p "$BUILD"

# One core for both sides, when taskset is there.
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "$CPU"); fi

# 1. Swift, release.
FLAGS=(-swift-version 6 -parse-as-library -O -wmo
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault)
module() {
  local name="$1"; shift
  swiftc "${FLAGS[@]}" -I "$BUILD" -module-name "$name" -emit-module -emit-module-path "$BUILD/$name.swiftmodule" \
    -emit-library -static -o "$BUILD/lib$name.a" "$@"
}
module InfusionCore $(find "$ROOT/Sources/InfusionCore" -name '*.swift' | sort)
module HL7 $(find "$ROOT/Sources/HL7" -name '*.swift' | sort)
swiftc "${FLAGS[@]}" -I "$BUILD" -L "$BUILD" -lHL7 -lInfusionCore "$ROOT/Fuzz/HL7Bench.swift" -o "$BUILD/hl7-bench"

# 2. Python hl7, exact version, in a venv of its own under the build folder.
VENV="$BUILD/venv"
if ! "$VENV/bin/python" -c 'import hl7, sys; sys.exit(hl7.__version__ != "0.4.5")' 2>/dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check hl7==0.4.5
fi

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -srm), $(nproc) cores, pinned: ${pin[*]:-no}, $ROUNDS rounds"
echo "== $(swiftc --version 2>&1 | head -1); $("$VENV/bin/python" --version) hl7 $("$VENV/bin/python" -c 'import hl7; print(hl7.__version__)')"
swift_out="$("${pin[@]}" "$BUILD/hl7-bench" "$SAMPLES" "$ROUNDS")"
echo "$swift_out" | grep -v '^RESULT'

py_out="$("${pin[@]}" "$VENV/bin/python" - "$SAMPLES/01_pcd01_chair1_vitals.hl7" "$ROUNDS" <<'PY'
import sys, time, statistics
import hl7

path, rounds = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()  # bytes, as the Swift side gets them (CR segment ends kept)

def parse_and_access():
    message = hl7.parse(data, encoding="utf-8")
    total = len(str(message.segment("MSH")[10]))
    for segment in message.segments("OBX"):
        total += len(str(segment[3][0][0])) + len(str(segment[5]))
    return total

assert parse_and_access() > 0
count = 2000
rates = []
for _ in range(rounds):
    start = time.perf_counter()
    for _ in range(count):
        parse_and_access()
    rates.append(count / (time.perf_counter() - start))
median = statistics.median(rates)
print("python hl7 parse + access 01_pcd01_chair1_vitals: median %d msg/s, rounds %s"
      % (median, " ".join(str(int(r)) for r in rates)))
print("RESULT python-parse %d" % median)
PY
)"
echo "$py_out" | grep -v '^RESULT'

ours=$(echo "$swift_out" | awk '/^RESULT swift-parse /{print $3}')
theirs=$(echo "$py_out" | awk '/^RESULT python-parse /{print $3}')
awk -v ours="$ours" -v theirs="$theirs" 'BEGIN {
  ratio = ours / theirs
  printf "== PCD-01 parse + access: Swift %d msg/s, python hl7 %d msg/s, ratio %.1fx\n", ours, theirs, ratio
  printf "== goals: >= 50,000 msg/s %s; >= 30x python %s\n", (ours >= 50000 ? "MET" : "MISSED"), (ratio >= 30 ? "MET" : "MISSED")
}'
