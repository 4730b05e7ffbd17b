#!/usr/bin/env bash
# Builds the HL7 fuzz target (InfusionCore + HL7 compiled with -sanitize=fuzzer,address)
# and runs libFuzzer for SECONDS (default 600) on a corpus seeded from the samples.
# Usage: Fuzz/run.sh [SECONDS]    Work files: ${HL7_FUZZ_DIR:-/tmp/hl7-fuzz}
set -euo pipefail
SECONDS_TO_RUN="${1:-600}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${HL7_FUZZ_DIR:-/tmp/hl7-fuzz}"
BUILD="$WORK/build"
mkdir -p "$BUILD" "$WORK/corpus" "$WORK/artifacts"

FLAGS=(-swift-version 6 -parse-as-library -sanitize=fuzzer,address -O -g
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault)

module() { # name sources...
  local name="$1"; shift
  swiftc "${FLAGS[@]}" -I "$BUILD" -module-name "$name" -emit-module -emit-module-path "$BUILD/$name.swiftmodule" \
    -emit-library -static -o "$BUILD/lib$name.a" "$@"
}
module InfusionCore $(find "$ROOT/Sources/InfusionCore" -name '*.swift' | sort)
module HL7 $(find "$ROOT/Sources/HL7" -name '*.swift' | sort)
swiftc "${FLAGS[@]}" -I "$BUILD" -L "$BUILD" -lHL7 -lInfusionCore "$ROOT/Fuzz/HL7Fuzz.swift" -o "$BUILD/hl7-fuzz" 2>&1 \
  | grep -v "Cannot export local symbol" || true

# Seeds: every sample, bare and MLLP-framed, and a few classic breakages.
for sample in "$ROOT"/Tests/HL7Tests/Samples/*.hl7; do
  name="$(basename "$sample" .hl7)"
  cp "$sample" "$WORK/corpus/$name"
  { printf '\x0b'; cat "$sample"; printf '\x1c\x0d'; } > "$WORK/corpus/$name.mllp"
  tr '\r' '\n' < "$sample" > "$WORK/corpus/$name.lf"
done
printf 'MSH|^~\\&|A|B|C|D|20250314090000+0000||ADT^A01^ADT_A01|X1|P|2.6\r' > "$WORK/corpus/adt"
printf 'MSH|^~\\&|A|B|C|D|20250314090000+0000||ORU^R40^ORU_R40|A1|P|2.6\rOBX|1|ST|196940^MDC_EVT_FLUID_LINE_OCCL^MDC|1.0.0.0.1|occlusion|||PH~ST|||R|||20250314090000+0000||||PUMP01^^0A00000000000201^EUI-64\r' > "$WORK/corpus/alert"

cat > "$WORK/hl7.dict" <<'DICT'
"MSH|^~\\&|"
"\x0dOBX|"
"\x0dOBR|"
"\x0dPID|"
"ORU^R01^ORU_R01"
"ORU^R42^ORU_R01"
"ORU^R40^ORU_R40"
"|2.6|"
"\\F\\"
"\\S\\"
"\\X0D\\"
"^EUI-64"
"0A00000000000101"
"0A00000000000201"
"MDC_EVT_PUMP_DELIV_STOP"
"MDC_ATTR_EVT_COND"
"pump-delivery-status-transitioning"
"pump-stopped-alarming"
"+0000"
"\x0b"
"\x1c\x0d"
DICT

cd "$WORK"
ASAN_OPTIONS=detect_leaks=0 "$BUILD/hl7-fuzz" -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=10 \
  -dict="$WORK/hl7.dict" -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 "$WORK/corpus"
