#!/usr/bin/env bash
# CueGate alone in front of the anchor's canned-answer gRPC server (bin/fakecue), loaded by wrk in
# the steps given, each printed with its req/s, p99 and CueGate's CPU time per request (from
# /proc, so that a noisy machine moves it less than req/s). Starts a fresh `bin/cuegate serve`.
#   bench/steps.sh 'step GetJobs 32 8; step GetJobs 32 8; step GetShows 8 5'
#   bench/steps.sh            # ../shared/perf/compare.sh's order, the Go gateway's turns idle
# A step is `step CALL CONNECTIONS SECONDS` (CALL: GetShows, GetFrames, GetJobs); `idle SECONDS`
# waits. Settings: PERF_ANCHOR (default ../shared/perf), BACKEND_PORT, CG_PORT, CUEGATE_ENV.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchor="${PERF_ANCHOR:-$root/../shared/perf}"
[ -x "$anchor/bin/fakecue" ] || { echo "no $anchor/bin/fakecue (set PERF_ANCHOR)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
SECRET=steps-secret-0123456789abcdef0123456789abcdef
BACKEND_PORT=${BACKEND_PORT:-31543}
CG_PORT=${CG_PORT:-31549}
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
wait_port() { local i; for i in $(seq 1 900); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

"$anchor/bin/fakecue" -addr "127.0.0.1:$BACKEND_PORT" -dir "$anchor/payloads" >"$work/fakecue.log" 2>&1 & pids+=($!)
wait_port "$BACKEND_PORT" || { echo "fakecue did not start" >&2; exit 1; }
(cd "$root" && exec env ${CUEGATE_ENV:-} REST_PORT=$CG_PORT ADMIN_PORT=0 JWT_SECRET=$SECRET \
  CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT RATE_LIMIT_RPS=0 LOG_DIR="$work" \
  bin/cuegate serve >"$work/cuegate.log" 2>&1) & cg=$!; pids+=($cg)
wait_port "$CG_PORT" || { echo "CueGate did not start:" >&2; tail "$work/cuegate.log" >&2; exit 1; }
java_pid=$(pgrep -P "$cg" java || echo "$cg")

. "$root/bench/lib/token.sh"
bench_token "$SECRET"
lua="$work/post.lua"
bench_wrk_script "$lua"

declare -A paths=([GetShows]=show.ShowInterface/GetShows [GetFrames]=job.JobInterface/GetFrames
  [GetJobs]=job.JobInterface/GetJobs)
ticks() { awk '{print $14 + $15}' "/proc/$java_pid/stat"; }
hz=$(getconf CLK_TCK)
start=$(date +%s.%N)
step() { # CALL CONNECTIONS SECONDS
  local before after out requests
  before=$(ticks)
  out=$(wrk -t2 -c"$2" -d"$3"s --timeout 30s -s "$lua" --latency "http://127.0.0.1:$CG_PORT/${paths[$1]}" 2>&1)
  after=$(ticks)
  requests=$(awk '/requests in/{print $1}' <<<"$out")
  printf '%6.1f s  %-9s c=%-3s %10s req/s  p99 %-9s cpu %s us/request\n' \
    "$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN{print n - s}')" "$1" "$2" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '/^ +99%/{print $2}' <<<"$out")" \
    "$(awk -v d=$((after - before)) -v n="${requests:-0}" -v hz="$hz" 'BEGIN{ if (n > 0) printf "%.0f", d * 1e6 / hz / n; else print "-" }')"
}
idle() { sleep "$1"; }

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$CG_PORT/show.ShowInterface/GetJobs" -d '{}'
eval "${1:-step GetShows 8 5; idle 5; step GetFrames 8 5; idle 5; step GetJobs 8 5; idle 5;
  step GetShows 32 8; idle 8; step GetFrames 32 8; idle 8; step GetJobs 32 8; idle 8;
  step GetShows 32 8; step GetShows 32 8; step GetShows 32 8}"
