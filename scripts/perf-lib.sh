# perf-lib.sh - shared by scripts/perf-*.sh (source it; not run on its own).
#
# Finds the repository and ../shared/tools/tui_cost.sh, installs what the measurements
# need (Debian packages), builds the release binary once, and prints the machine.
#
# Env: TUI_COST      path of tui_cost.sh (default: ../shared/tools/tui_cost.sh beside the repo)
#      PERF_BINARY   use this infusion-central binary instead of building one
#      PERF_NO_BUILD=1  do not build; use the release binary already in .build

perf_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
perf_tool=${TUI_COST:-$perf_repo/../shared/tools/tui_cost.sh}

perf_say() { echo "perf: $*" >&2; }
perf_fail() { echo "perf: FAIL: $*" >&2; exit 1; }

# perf_install PACKAGE... : apt-get installs the Debian packages that are missing.
perf_install() {
  local need=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
  done
  (( ${#need[@]} == 0 )) && return 0
  perf_say "installing ${need[*]}"
  local sudo=""
  (( EUID == 0 )) || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
}

# perf_build : builds infusion-central in release (in the normal .build) and sets perf_binary.
perf_build() {
  if [[ -n ${PERF_BINARY:-} ]]; then
    perf_binary=$PERF_BINARY
  else
    if [[ ${PERF_NO_BUILD:-0} != 1 ]]; then
      perf_say "building infusion-central (release)"
      (cd "$perf_repo" && swift build -c release --product infusion-central >&2) \
        || perf_fail "release build failed"
    fi
    perf_binary=$(cd "$perf_repo" && swift build -c release --show-bin-path)/infusion-central
  fi
  [[ -x $perf_binary ]] || perf_fail "no binary at $perf_binary"
}

# perf_check_tool : the measuring script must be there.
perf_check_tool() {
  [[ -f $perf_tool ]] || perf_fail "tui_cost.sh not found at $perf_tool (set TUI_COST)"
}

# perf_machine : one block describing the machine and the moment (for BENCHMARKS.md).
perf_machine() {
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: nproc=$(nproc), $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "uname:   $(uname -a)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"
  echo "tools:   $(htop --version 2>/dev/null | head -1), btop $(btop --version 2>/dev/null | awk '{print $NF}'), $(swift --version 2>/dev/null | head -1)"
}

# perf_pid_with BINARY ARG : the PID of the running BINARY (its /proc/PID/exe) whose command
# line contains ARG (a unique temporary path), or nothing.
perf_pid_with() {
  local exe entry pid
  exe=$(readlink -f "$1")
  for entry in /proc/[0-9]*; do
    pid=${entry#/proc/}
    [[ $(readlink "$entry/exe" 2>/dev/null) == "$exe" ]] || continue
    if tr '\0' '\n' < "$entry/cmdline" 2>/dev/null | grep -qxF -- "$2"; then echo "$pid"; return 0; fi
  done
  return 0
}
