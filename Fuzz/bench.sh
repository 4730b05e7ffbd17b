#!/usr/bin/env bash
# Release-mode throughput of parse + read + map, one core. Usage: Fuzz/bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${HL7_BENCH_DIR:-/tmp/hl7-bench}"
mkdir -p "$BUILD"
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
"$BUILD/hl7-bench" "$ROOT/Tests/HL7Tests/Samples"
