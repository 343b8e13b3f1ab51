#!/usr/bin/env bash
# CueGate next to OpenCue's Go REST gateway, both in front of the same canned-answer gRPC server
# (the anchor folder: bin/grpc_gateway, bin/fakecue, payloads/), loaded in turn by wrk on this
# machine. Prints the performance goals as a table: figure, goal, measured, met.
#   bench/side-by-side.sh [--quick]
# Settings from the environment: PERF_ANCHOR (default ../shared/perf), DURATION (seconds per
# warm figure, default 8), BACKEND_PORT, GO_PORT, CG_PORT, CUEGATE_ENV (extra settings).
#
# CueGate runs with every default feature on (authentication, metrics, access log at INFO,
# audit) except RATE_LIMIT_RPS=0: the Go gateway has no rate limit. Cold figures and the
# 70,000-job answer use fresh processes; warm figures follow a warm-up that lasts until
# CueGate's CPU time per request stops falling. CPU time per request (µs, from /proc) is printed
# for both gateways: on a shared machine it moves much less than req/s does.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
anchor="$(cd "${PERF_ANCHOR:-../shared/perf}" 2>/dev/null && pwd)" \
  || { echo "no anchor folder (PERF_ANCHOR or ../shared/perf)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

quick=false
[ "${1:-}" = "--quick" ] && quick=true
DURATION=${DURATION:-$($quick && echo 4 || echo 8)}
WARM_ROUNDS=$($quick && echo 4 || echo 12)
BACKEND_PORT=${BACKEND_PORT:-19543}
GO_PORT=${GO_PORT:-19548}
CG_PORT=${CG_PORT:-29548}
SECRET=side-by-side-secret-0123456789abcdef0123456789abcdef
CALLS="show.ShowInterface/GetShows job.JobInterface/GetFrames job.JobInterface/GetJobs"
work="$(mktemp -d)"
out="$root/bench/target/results"
mkdir -p "$out" "$work/logs"
fake_pid="" go_pid="" cg_pid=""
cleanup() {
  for p in $cg_pid $go_pid $fake_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { local i; for i in $(seq 1 3000); do port_open "$1" && return 0; sleep 0.02; done; return 1; }
rss_mb() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024 )); }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)

"$anchor/bin/fakecue" -addr "127.0.0.1:$BACKEND_PORT" -dir "$anchor/payloads" >"$work/fakecue.log" 2>&1 &
fake_pid=$!
wait_port "$BACKEND_PORT" || { echo "fakecue did not start" >&2; exit 1; }

start_go() {
  [ -n "$go_pid" ] && { kill "$go_pid"; wait "$go_pid" 2>/dev/null; }
  mkdir -p /logs 2>/dev/null   # the Go gateway writes its log there
  env REST_PORT=$GO_PORT JWT_SECRET=$SECRET CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT \
    "$anchor/bin/grpc_gateway" >"$work/go.log" 2>&1 &
  go_pid=$!
  wait_port "$GO_PORT" || { echo "the Go gateway did not start" >&2; exit 1; }
}

# Starts a fresh CueGate; ready_ms is the time from launch to an open port.
ready_ms=0
start_cg() {
  [ -n "$cg_pid" ] && { kill "$cg_pid"; wait "$cg_pid" 2>/dev/null; }
  local t0 t1
  t0=$(date +%s%N)
  # bin/cuegate execs the JVM, so this pid is CueGate's own.
  env ${CUEGATE_ENV:-} REST_PORT=$CG_PORT ADMIN_PORT=0 JWT_SECRET=$SECRET \
    CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT RATE_LIMIT_RPS=0 LOG_DIR="$work/logs" \
    bin/cuegate serve >>"$work/cuegate.log" 2>&1 &
  cg_pid=$!
  wait_port "$CG_PORT" || { echo "CueGate did not start; see $work/cuegate.log" >&2; exit 1; }
  t1=$(date +%s%N)
  ready_ms=$(( (t1 - t0) / 1000000 ))
}

# The launcher builds and records its start-up archives on first use; not part of any figure.
bin/cuegate methods GetShows >/dev/null 2>&1

. "$root/bench/lib/token.sh"
bench_token "$SECRET"
lua="$work/post.lua"
bench_wrk_script "$lua"

# load PID PORT CALL CONNS SECONDS -> "req/s p50_ms p99_ms errors cpu_us_per_request"
load() {
  local before after text
  before=$(cpu_ticks "$1")
  # wrk refuses fewer connections than threads.
  text=$(wrk -t"$(( $4 < 2 ? $4 : 2 ))" -c"$4" -d"$5"s --timeout 30s -s "$lua" --latency "http://127.0.0.1:$2/$3" 2>&1)
  after=$(cpu_ticks "$1")
  echo "$text" | awk -v cpu=$(( after - before )) -v hz="$ticks" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { n = $1 }
    /Requests\/sec/ { r = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(/[^0-9 ]/, " "); split($0, e, " +"); for (i in e) bad += e[i] }
    END { printf "%.0f %.2f %.2f %d %.1f", r, p50, p99, bad, (n > 0 ? cpu * 1e6 / hz / n : 0) }'
}
# Waits (at most 30 s) until neither gateway is still busy with the previous load: a gateway may
# go on working for abandoned requests, which would weigh on the next figure of either side.
settle() {
  local i a b
  for i in $(seq 1 60); do
    a=$(( $(cpu_ticks "$cg_pid") + $(cpu_ticks "$go_pid") )); sleep 0.5
    b=$(( $(cpu_ticks "$cg_pid") + $(cpu_ticks "$go_pid") ))
    [ $(( b - a )) -le $(( ticks / 20 )) ] && return 0
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
field() { echo "$1" | cut -d' ' -f"$2"; }

# One 70,000-job answer (73 MB of JSON): seconds and peak RSS growth in MB.
big() {
  local base peak t
  echo 5 >"/proc/$1/clear_refs" 2>/dev/null   # the peak (VmHWM) starts again from now
  base=$(awk '/VmRSS/{print $2}' "/proc/$1/status")
  t=$(curl -s -o /dev/null -w "%{time_total}" -X POST -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$2/show.ShowInterface/GetJobs" -d '{}')
  peak=$(awk '/VmHWM/{print $2}' "/proc/$1/status")
  echo "$t $(( (peak - base) / 1024 ))"
}

log() { echo "$*" | tee -a "$out/side-by-side.log" >&2; }
: >"$out/side-by-side.log"
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

start_go
start_cg
first_ready_ms=$ready_ms
sleep 2
idle_cg=$(rss_mb "$cg_pid"); idle_go=$(rss_mb "$go_pid")
log "start to ready ${ready_ms} ms; idle RSS after start-up: cuegate ${idle_cg} MB | go ${idle_go} MB"
read -r big_cg_s big_cg_mb <<<"$(big "$cg_pid" "$CG_PORT")"
read -r big_go_s big_go_mb <<<"$(big "$go_pid" "$GO_PORT")"
log "70,000-job answer, fresh: cuegate ${big_cg_s}s +${big_cg_mb} MB | go ${big_go_s}s +${big_go_mb} MB"

cold_rows="" cold_ready=""
for m in $CALLS; do
  start_go
  start_cg
  cold_ready="$cold_ready${ready_ms} ms "
  c=$(load "$cg_pid" "$CG_PORT" "$m" 8 5); g=$(load "$go_pid" "$GO_PORT" "$m" 8 5)
  r=$(ratio "$(field "$c" 1)" "$(field "$g" 1)")
  [ "$(field "$c" 4)" -gt 0 ] && r=0
  log "cold ${m##*/} c=8, first 5 s: cuegate $(field "$c" 1) req/s | go $(field "$g" 1) req/s | ${r}x"
  cold_rows="$cold_rows ${m##*/}=$r"
done

# Warm-up: every call for both, then GetShows until CueGate's CPU per request settles.
for m in $CALLS; do
  load "$cg_pid" "$CG_PORT" "$m" 32 "$DURATION" >/dev/null
  load "$go_pid" "$GO_PORT" "$m" 32 "$DURATION" >/dev/null
done
previous=999999
for i in $(seq 1 "$WARM_ROUNDS"); do
  w=$(load "$cg_pid" "$CG_PORT" show.ShowInterface/GetShows 32 4)
  cpu=$(field "$w" 5)
  log "warm-up $i: cuegate GetShows $(field "$w" 1) req/s, ${cpu} us/request"
  awk -v a="$cpu" -v b="$previous" 'BEGIN { exit !(a > b * 0.95) }' && [ "$i" -ge 4 ] && break
  previous=$cpu
done

declare -A cg go
for n in 1 32 256; do
  for m in $CALLS; do
    [ "$n" = 1 ] && [ "$m" != show.ShowInterface/GetShows ] && continue
    settle
    cg[$m@$n]=$(load "$cg_pid" "$CG_PORT" "$m" "$n" "$DURATION")
    settle
    go[$m@$n]=$(load "$go_pid" "$GO_PORT" "$m" "$n" "$DURATION")
    log "${m##*/} c=$n: cuegate ${cg[$m@$n]} | go ${go[$m@$n]}   (req/s p50_ms p99_ms errors cpu_us/req)"
  done
done
sleep 10
after_cg=$(rss_mb "$cg_pid"); after_go=$(rss_mb "$go_pid")
log "RSS 10 s after the run: cuegate ${after_cg} MB | go ${after_go} MB"

# The table.
met() {
  case "$1" in *n/a*) echo "n/a (Go answered nothing in the time)"; return ;; esac
  awk "BEGIN { exit !($1) }" && echo yes || echo NO
}
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
shows32c=${cg[show.ShowInterface/GetShows@32]}; shows32g=${go[show.ShowInterface/GetShows@32]}
r32=$(ratio "$(field "$shows32c" 1)" "$(field "$shows32g" 1)")
shows1c=${cg[show.ShowInterface/GetShows@1]}; shows1g=${go[show.ShowInterface/GetShows@1]}
frames_r=$(ratio "$(field "${cg[job.JobInterface/GetFrames@32]}" 1)" "$(field "${go[job.JobInterface/GetFrames@32]}" 1)")
jobs_r=$(ratio "$(field "${cg[job.JobInterface/GetJobs@32]}" 1)" "$(field "${go[job.JobInterface/GetJobs@32]}" 1)")
c256="" c256_ok=1
for m in $CALLS; do
  r=$(ratio "$(field "${cg[$m@256]}" 1)" "$(field "${go[$m@256]}" 1)")
  e=$(field "${cg[$m@256]}" 4)
  c256="$c256 ${m##*/} ${r}x ($e errors);"
  [ "$r" = n/a ] && { c256_ok=0; continue; }
  awk -v r="$r" -v e="$e" 'BEGIN { exit !(r + 0 >= 1 && e == 0) }' || c256_ok=0
done
cold_ok=1
for each in $cold_rows; do
  [ "${each#*=}" = n/a ] && { cold_ok=0; continue; }
  awk -v r="${each#*=}" 'BEGIN { exit !(r + 0 >= 1) }' || cold_ok=0
done
{
  echo
  echo "CPU per request, GetShows c=32: cuegate $(field "$shows32c" 5) us | go $(field "$shows32g" 5) us"
  echo
  row "figure" "goal" "measured" "met?"
  row "---" "---" "---" "---"
  row "GetShows c=32, warm" "≥ 2× Go's req/s, p99 ≤ Go's" \
    "${r32}× ($(field "$shows32c" 1) vs $(field "$shows32g" 1) req/s), p99 $(field "$shows32c" 3) vs $(field "$shows32g" 3) ms" \
    "$(met "$r32 >= 2 && $(field "$shows32c" 3) <= $(field "$shows32g" 3)")"
  row "GetShows c=1, warm" "p50 ≤ Go's" \
    "p50 $(field "$shows1c" 2) vs $(field "$shows1g" 2) ms" \
    "$(met "$(field "$shows1c" 2) <= $(field "$shows1g" 2)")"
  row "GetFrames-1000 c=32, warm" "≥ 3×" "${frames_r}×" "$(met "$frames_r >= 3")"
  row "GetJobs-10000 c=32, warm" "≥ 3×" "${jobs_r}×" "$(met "$jobs_r >= 3")"
  row "c=256, every call" "no error, ≥ 1×" "${c256% ;}" "$([ $c256_ok = 1 ] && echo yes || echo NO/n/a)"
  row "cold, first 5 s after ready, c=8" "≥ 1× every call" "${cold_rows# }" "$([ $cold_ok = 1 ] && echo yes || echo NO/n/a)"
  row "70,000-job answer, fresh: time" "≤ ½ Go's" "${big_cg_s} vs ${big_go_s} s" \
    "$(met "$big_cg_s <= $big_go_s / 2")"
  row "70,000-job answer, fresh: RSS growth" "≤ 1/10 Go's" "+${big_cg_mb} vs +${big_go_mb} MB" \
    "$(met "$big_cg_mb * 10 <= $big_go_mb")"
  row "idle RSS after the run" "≤ 120 MB" "${after_cg} MB (Go ${after_go} MB)" "$(met "$after_cg <= 120")"
  row "start to ready (first start; the cold starts: ${cold_ready% })" "≤ 1.5 s" "${first_ready_ms} ms" "$(met "$first_ready_ms <= 1500")"
} | tee "$out/side-by-side.md"
