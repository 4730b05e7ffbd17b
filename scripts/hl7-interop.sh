#!/usr/bin/env bash
# Interop check with an HL7 client nobody here wrote: PyPI `hl7==0.4.5` (`mllp_send`)
# sends the shared sample messages to the running program over MLLP on 127.0.0.1, and we
# check every ACK, that the values reached the model (headless status lines), and that
# the refused messages were journaled for audit (`infusion-central audit log`).
#
# Usage: bash scripts/hl7-interop.sh        (from anywhere; run after `swift build`/`swift test`)
# Env:   SHARED_DIR  folder holding hl7/ (default: ../shared beside the repo)
#        HL7_INTEROP_KEEP=1  keep the temp folder (config, logs) for inspection
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=${SHARED_DIR:-$repo/../shared}
samples="$shared/hl7"
binary="$repo/.build/debug/infusion-central"

fail() { echo "hl7-interop: FAIL: $*" >&2; exit 1; }
say() { echo "hl7-interop: $*"; }

[ -d "$samples" ] || fail "sample folder $samples not found (set SHARED_DIR)"
work=$(mktemp -d /tmp/hl7-interop.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "${HL7_INTEROP_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. The client, in a virtual environment of its own.
python3 -m venv "$work/venv" || fail "python3 -m venv failed"
"$work/venv/bin/pip" install -q --disable-pip-version-check hl7==0.4.5 >"$work/pip.log" 2>&1 \
  || { cat "$work/pip.log" >&2; fail "pip install hl7==0.4.5 failed"; }
mllp_send="$work/venv/bin/mllp_send"
py="$work/venv/bin/python"

# 2. The program, headless, with an [hl7] listener on a free loopback port and no simulation.
if [ ! -x "$binary" ]; then
  say "building infusion-central"
  swift build --product infusion-central >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "swift build failed"; }
fi
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat >"$work/clinic.toml" <<TOML
[clinic]
name = "HL7 Interop Clinic"

[[chair]]
id = "CHAIR-01"
label = "Bay 1"

[[chair]]
id = "CHAIR-02"
label = "Bay 2"

[[chair]]
id = "CHAIR-03"
label = "Bay 3"

[[chair]]
id = "CHAIR-04"
label = "Bay 4"

[hl7]
listen = "127.0.0.1:$port"
max_connections = 8
partial_frame_timeout = "10s"

[[device]]
eui64 = "0A00000000000101"
label = "MON01"
kind = "monitor"
chair = "CHAIR-01"

[[device]]
eui64 = "0A00000000000102"
label = "MON02"
kind = "monitor"
chair = "CHAIR-02"

[[device]]
eui64 = "0A00000000000103"
label = "MON03"
kind = "monitor"
chair = "CHAIR-03"

[[device]]
eui64 = "0A00000000000104"
label = "MON04"
kind = "monitor"
chair = "CHAIR-04"

[[device]]
eui64 = "0A00000000000201"
label = "PUMP01"
kind = "pump"
chair = "CHAIR-01"

[[device]]
eui64 = "0A00000000000202"
label = "PUMP02"
kind = "pump"
chair = "CHAIR-02"
TOML
# Its own journal and log in the temp folder (not the user's data and state directories).
LANG=C.UTF-8 "$binary" --headless --config "$work/clinic.toml" --status-interval 1 --exit-after 30 \
  --db "$work/journal.sqlite" --log-file "$work/infusion-central.log" \
  >"$work/status.log" 2>"$work/stderr.log" </dev/null &
server_pid=$!

# Wait (bounded) until the port accepts.
for _ in $(seq 1 100); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr.log" >&2; fail "infusion-central exited before listening on $port"; }
  "$py" -c "import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(('127.0.0.1', $port)))" && break
  sleep 0.1
done
"$py" -c "import socket,sys; s=socket.socket(); s.settimeout(0.5); sys.exit(s.connect_ex(('127.0.0.1', $port)))" \
  || { cat "$work/stderr.log" >&2; fail "nothing listens on 127.0.0.1:$port after 10 s"; }
say "infusion-central (pid $server_pid) listens on 127.0.0.1:$port"

# Frames a sample for mllp_send (which reads framed files without --loose), moving its
# times so that its latest one is now (the samples are from 2025; old values show as '--').
# Optional: a replacement "OLD=>NEW" applied to the text.
frame() {
  "$py" - "$1" "$2" "${3:-}" <<'PY'
import re, sys, datetime as dt
source, target, edit = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(source, "rb").read()
if edit:
    old, new = edit.split("=>")
    assert old.encode() in data, f"{old} not in {source}"
    data = data.replace(old.encode(), new.encode())
stamp = re.compile(rb"(\d{14})([+-]\d{4})")
def parse(m):
    offset = int(m.group(2)[1:3]) * 60 + int(m.group(2)[3:5])
    sign = 1 if m.group(2)[:1] == b"+" else -1
    zone = dt.timezone(dt.timedelta(minutes=sign * offset))
    return dt.datetime.strptime(m.group(1).decode(), "%Y%m%d%H%M%S").replace(tzinfo=zone)
latest = max(parse(m) for m in stamp.finditer(data))
shift = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - latest
def move(m):
    moved = (parse(m) + shift).astimezone(dt.timezone.utc)
    return moved.strftime("%Y%m%d%H%M%S").encode() + b"+0000"
data = stamp.sub(move, data)
open(target, "wb").write(b"\x0b" + data + b"\x1c\x0d")
PY
}

# Sends a framed file; prints the reply.
send() {
  timeout 10 "$mllp_send" -p "$port" -f "$1" 127.0.0.1 2>"$work/mllp_send.err" \
    || { cat "$work/mllp_send.err" >&2; fail "mllp_send $(basename "$1") failed or timed out"; }
}

# Waits (bounded, 10 s) for a status block whose CHAIR-01 line matches every pattern.
expect_status() {
  for _ in $(seq 1 100); do
    line=$(grep '^Bay 1 ' "$work/status.log" | tail -1 || true)
    ok=1
    for pattern in "$@"; do echo "$line" | grep -Eq -- "$pattern" || ok=0; done
    [ "$ok" = 1 ] && { say "status: $line"; return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "last CHAIR-01 status line: ${line:-<none>}" >&2
  tail -20 "$work/stderr.log" >&2 || true
  fail "CHAIR-01 status never showed: $*"
}

# 3. The samples: each must be ACKed AA.
sent=0
for sample in "$samples"/0[0-9]_*.hl7; do
  framed="$work/$(basename "$sample").mllp"
  frame "$sample" "$framed"
  reply=$(send "$framed")
  echo "$reply" | tr '\r' '\n' | grep -q '^MSA|AA|' || { echo "$reply" | tr '\r' '\n' >&2; fail "$(basename "$sample"): no MSA|AA"; }
  say "$(basename "$sample"): AA"
  sent=$((sent + 1))
done
[ "$sent" -ge 3 ] || fail "expected the vitals, NIBP and pump-start samples in $samples"
expect_status 'HR 72( |$)' 'SpO2 98( |$)' '150\.0 ?mL/h'

# The rate change: stop 'transitioning', then start at the new rate.
for sample in "$samples"/1[0-9]_*.hl7; do
  framed="$work/$(basename "$sample").mllp"
  frame "$sample" "$framed"
  reply=$(send "$framed")
  echo "$reply" | tr '\r' '\n' | grep -q '^MSA|AA|' || { echo "$reply" | tr '\r' '\n' >&2; fail "$(basename "$sample"): no MSA|AA"; }
  say "$(basename "$sample"): AA"
done
expect_status 'HR 72( |$)' '100\.0 ?mL/h'

# 4. Bad input: an impossible heart rate (AE) and an unsupported type (AR) change nothing.
vitals=$(ls "$samples"/01_*.hl7)
frame "$vitals" "$work/bad-hr.mllp" "|72|264864=>|400|264864"
"$py" - "$work/bad-hr.mllp" <<'PY'
import sys; p = sys.argv[1]; d = open(p, "rb").read(); open(p, "wb").write(d.replace(b"KCM-000001", b"KCM-900001"))
PY
reply=$(send "$work/bad-hr.mllp")
echo "$reply" | tr '\r' '\n' | grep -Eq '^MSA\|(AE|AR)\|' || { echo "$reply" | tr '\r' '\n' >&2; fail "out-of-range HR: no MSA|AE or AR"; }
say "out-of-range HR: $(echo "$reply" | tr '\r' '\n' | grep '^MSA|')"
frame "$vitals" "$work/bad-type.mllp" "ORU^R01^ORU_R01=>ADT^A01^ADT_A01"
reply=$(send "$work/bad-type.mllp")
echo "$reply" | tr '\r' '\n' | grep -Eq '^MSA\|(AE|AR)\|' || { echo "$reply" | tr '\r' '\n' >&2; fail "ADT^A01: no MSA|AE or AR"; }
say "unsupported type: $(echo "$reply" | tr '\r' '\n' | grep '^MSA|')"
# Wait for a fresh status block, then check the heart rate is still 72.
blocks=$(grep -c '^== ' "$work/status.log" || true)
for _ in $(seq 1 50); do
  [ "$(grep -c '^== ' "$work/status.log" || true)" -gt "$blocks" ] && break
  sleep 0.1
done
expect_status 'HR 72( |$)'
grep '^CHAIR-01 ' "$work/status.log" | grep -q 'HR 400' && fail "a rejected value (HR 400) reached the model"

# 5. Stop the program.
kill -INT "$server_pid"
wait "$server_pid" || fail "infusion-central exited with status $? after SIGINT"
server_pid=""

# 6. Both refusals are in the journal's audit log, as hl7's, with code, reason and size.
"$binary" audit log --db "$work/journal.sqlite" >"$work/audit.log" 2>&1 \
  || { cat "$work/audit.log" >&2; fail "infusion-central audit log failed"; }
grep -q ' hl7  Device message rejected: ' "$work/audit.log" || { cat "$work/audit.log" >&2; fail "no rejection in the audit log"; }
hr_line=$(grep -E 'CHAIR-01 .* hl7  Device message rejected: - -> AE 207 at OBX\^[0-9]+\^5: .*bytes from hl7 127\.0\.0\.1:' "$work/audit.log" || true)
[ -n "$hr_line" ] || { grep 'Device message rejected' "$work/audit.log" >&2 || true; fail "the out-of-range HR (AE 207) was not journaled"; }
say "journaled: ${hr_line#*hl7  }"
type_line=$(grep -E ' hl7  Device message rejected: - -> AR 200 at MSH\^1\^9: ' "$work/audit.log" || true)
[ -n "$type_line" ] || { grep 'Device message rejected' "$work/audit.log" >&2 || true; fail "the ADT^A01 (AR 200) was not journaled"; }
say "journaled: ${type_line#*hl7  }"
say "ok: $sent+2 samples ACKed AA, values on the board, bad input refused and journaled"
