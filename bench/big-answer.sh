#!/usr/bin/env bash
# The 70,000-job answer (show.ShowInterface/GetJobs, 18 MB of protobuf, 73 MB of JSON) on fresh
# processes, as side-by-side.sh measures it, RUNS times in turn: CueGate, then OpenCue's Go
# gateway, each started afresh for every run. Prints seconds and peak RSS growth (VmHWM after
# clear_refs, against VmRSS before the call) per run.
#   bench/big-answer.sh [--cuegate-only]
# Settings from the environment: PERF_ANCHOR (default ../shared/perf), RUNS (default 3),
# BACKEND_PORT, GO_PORT, CG_PORT, CUEGATE_ENV (extra settings for CueGate), NMT=1 (native memory
# tracking: prints the summary diff of each CueGate run against a baseline taken before the call;
# adds the flag to the launcher's JVM options, read from bin/cuegate), JAVA_EXTRA (more JVM
# options after the launcher's).
set -uo pipefail
cd "$(dirname "$0")/.."
anchor="$(cd "${PERF_ANCHOR:-../shared/perf}" 2>/dev/null && pwd)" \
  || { echo "no anchor folder (PERF_ANCHOR or ../shared/perf)" >&2; exit 2; }
go=true
[ "${1:-}" = "--cuegate-only" ] && go=false
RUNS=${RUNS:-3}
BACKEND_PORT=${BACKEND_PORT:-19643}
GO_PORT=${GO_PORT:-19648}
CG_PORT=${CG_PORT:-29648}
SECRET=big-answer-secret-0123456789abcdef0123456789abcdef
work="$(mktemp -d)"
mkdir -p "$work/logs"
fake_pid="" pid=""
cleanup() {
  for p in $pid $fake_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { local i; for i in $(seq 1 3000); do port_open "$1" && return 0; sleep 0.02; done; return 1; }
stop() { [ -n "$pid" ] && { kill "$pid"; wait "$pid" 2>/dev/null; }; pid=""; }

"$anchor/bin/fakecue" -addr "127.0.0.1:$BACKEND_PORT" -dir "$anchor/payloads" >"$work/fakecue.log" 2>&1 &
fake_pid=$!
wait_port "$BACKEND_PORT" || { echo "fakecue did not start" >&2; exit 1; }

java_opts=""
if [ "${NMT:-}" = 1 ] || [ -n "${JAVA_EXTRA:-}" ]; then
  java_opts="$(sed -n 's/^java_opts=(${CUEGATE_JAVA_OPTS:-\(.*\)})$/\1/p' bin/cuegate) ${JAVA_EXTRA:-}"
  [ "${NMT:-}" = 1 ] && java_opts="$java_opts -XX:NativeMemoryTracking=summary"
fi
start_cg() {
  stop
  env ${CUEGATE_ENV:-} ${java_opts:+CUEGATE_JAVA_OPTS="$java_opts"} REST_PORT=$CG_PORT ADMIN_PORT=0 \
    JWT_SECRET=$SECRET CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT RATE_LIMIT_RPS=0 LOG_DIR="$work/logs" \
    bin/cuegate serve >>"$work/cuegate.log" 2>&1 &
  pid=$!
  wait_port "$CG_PORT" || { echo "CueGate did not start; see $work/cuegate.log" >&2; exit 1; }
}
start_go() {
  stop
  mkdir -p /logs 2>/dev/null
  env REST_PORT=$GO_PORT JWT_SECRET=$SECRET CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT \
    "$anchor/bin/grpc_gateway" >"$work/go.log" 2>&1 &
  pid=$!
  wait_port "$GO_PORT" || { echo "the Go gateway did not start" >&2; exit 1; }
}

bin/cuegate methods GetShows >/dev/null 2>&1
. bench/lib/token.sh
bench_token "$SECRET"

# big PORT -> "seconds +MB bytes"
big() {
  local base peak out
  echo 5 >"/proc/$pid/clear_refs" 2>/dev/null
  base=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  out=$(curl -s -o /dev/null -w "%{time_total} %{size_download}" -X POST \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/show.ShowInterface/GetJobs" -d '{}')
  peak=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  set -- $out
  echo "${1}s +$(( (peak - base) / 1024 )) MB ($2 bytes)"
}

echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  start_cg
  sleep 2
  [ "${NMT:-}" = 1 ] && jcmd "$pid" VM.native_memory baseline >/dev/null
  echo "run $run cuegate: $(big "$CG_PORT")"
  [ "${NMT:-}" = 1 ] && jcmd "$pid" VM.native_memory summary.diff \
    | grep -E '^-|committed=' | grep -E '^-|\(reserved' | sed 's/^/    /'
  if $go; then
    start_go
    sleep 2
    echo "run $run go:      $(big "$GO_PORT")"
  fi
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
