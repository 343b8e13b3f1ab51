#!/usr/bin/env bash
# CueGate's memory after a load, and its CPU time per GetShows call, for one set of JVM flags:
#   bench/idle-memory.sh 17|25 LABEL [java options...]     (docs/PERFORMANCE.md, "Memory at idle")
# Starts ../shared/perf's bin/fakecue (port 25543) unless it runs, then CueGate (port 25549) on
# JDK 17 or Temurin 25 with its class-data archive (17) or AOT cache (25) recorded by a start-up
# rehearsal with the same options; one 70,000-job answer; each call at c=32; GetShows at c=32
# until its CPU per call settles, then 8 s measured; GetFrames and GetJobs at c=32 and every call
# at c=256; RSS 10 and 20 s later; GetShows again and RSS 10 s after it. One line of figures is
# appended to bench/target/results/idle-memory.txt. The fake Cuebot is left running for the next
# run: kill "$(cat bench/target/results/fakecue.pid)".
# NMT=1 adds native memory tracking (summary at +20 s); GCLOG=1 a GC log; HISTO=1 a class
# histogram at +20 s (a full collection); DIAG=1 per-thread CPU and a thread dump at +7 s.
set -uo pipefail
jdk=$1; label=$2; shift 2
opts=("$@")
root="$(cd "$(dirname "$0")/.." && pwd)"
jar=$root/server/target/cuegate.jar
anchor="$(cd "${PERF_ANCHOR:-$root/../shared/perf}" && pwd)"
out=$root/bench/target/results; mkdir -p "$out"
BACKEND_PORT=25543 CG_PORT=25549
SECRET=side-by-side-secret-0123456789abcdef0123456789abcdef
case $jdk in 17) java=/usr/lib/jvm/java-17-openjdk-amd64/bin/java;; 25) java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java;; esac
[ "${NMT:-0}" = 1 ] && opts+=(-XX:NativeMemoryTracking=summary)
runopts=(); [ "${GCLOG:-0}" = 1 ] && runopts+=(-Xlog:gc*,safepoint=off:file=$out/gc-$jdk-$label.log:uptime,level,tags)
key=$(echo "$jdk ${opts[*]} $(stat -c %Y $jar)" | md5sum | cut -c1-10)
arch=$out/archive-$jdk-$key
export MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
if [ ! -f "$arch" ]; then
  reh=$(mktemp -d)
  if [ $jdk = 17 ]; then rec=(-XX:ArchiveClassesAtExit="$arch"); quiet=(); else rec=(-XX:AOTCacheOutput="$arch"); quiet=(-Xlog:aot=off); fi
  env -i PATH="$PATH" HOME="$reh" MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 \
      "$java" "${opts[@]}" "${rec[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off "${quiet[@]}" \
      -jar "$jar" rehearse "$reh/work" >$out/rehearsal.log 2>&1 || { echo "rehearsal failed"; rm -f "$arch"; }
  rm -rf "$reh"
fi
if [ $jdk = 17 ]; then use=(-XX:SharedArchiveFile="$arch" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
else use=(-XX:AOTCache="$arch" -Xlog:cds=off -Xlog:aot=off); fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { local i; for i in $(seq 1 3000); do port_open "$1" && return 0; sleep 0.02; done; return 1; }
rss_mb() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024 )); }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { ls /proc/$1/task | wc -l; }
ticks=$(getconf CLK_TCK)
work=$(mktemp -d); mkdir -p $work/logs
if ! port_open $BACKEND_PORT; then
  setsid "$anchor/bin/fakecue" -addr "127.0.0.1:$BACKEND_PORT" -dir "$anchor/payloads" >$out/fakecue.log 2>&1 &
  echo $! > $out/fakecue.pid
  wait_port $BACKEND_PORT
fi
env ${EXTRA_ENV:-} REST_PORT=$CG_PORT ADMIN_PORT=0 JWT_SECRET=$SECRET CUEBOT_ENDPOINT=127.0.0.1:$BACKEND_PORT RATE_LIMIT_RPS=0 \
  LOG_DIR=$work/logs "$java" "${opts[@]}" "${runopts[@]}" "${use[@]}" -jar "$jar" serve > $work/cg.log 2>&1 &
pid=$!; t0=$(date +%s.%N)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf $work' EXIT
wait_port $CG_PORT || { echo "no start"; cat $work/cg.log; exit 1; }
sleep 2
rss0=$(rss_mb $pid); th0=$(threads $pid)

. "$root/bench/lib/token.sh"
bench_token "$SECRET"
lua=$work/post.lua
bench_wrk_script "$lua"
load() {  # CALL CONNS SECONDS -> "req/s errors cpu_us"
  local before after text
  before=$(cpu_ticks $pid)
  text=$(wrk -t2 -c"$2" -d"$3"s --timeout 30s -s "$lua" "http://127.0.0.1:$CG_PORT/$1" 2>&1)
  after=$(cpu_ticks $pid)
  echo "$text" | awk -v cpu=$(( after - before )) -v hz="$ticks" '
    /requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
    /Non-2xx/ { bad += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); split($0, e, " +"); for (i in e) bad += e[i] }
    END { printf "%.0f %d %.1f", r, bad, (n > 0 ? cpu * 1e6 / hz / n : 0) }'
}
S=show.ShowInterface/GetShows F=job.JobInterface/GetFrames J=job.JobInterface/GetJobs
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$CG_PORT/show.ShowInterface/GetJobs" -d '{}'
rssbig=$(rss_mb $pid)
for m in $S $F $J; do load $m 32 4 >/dev/null; done
prev=999999; warm=""
for i in $(seq 1 12); do
  w=$(load $S 32 4); c=${w##* }; warm="$warm $c"
  awk -v a="$c" -v b="$prev" 'BEGIN { exit !(a > b * 0.95) }' && [ $i -ge 4 ] && break
  prev=$c
done
m1=$(load $S 32 8)
for m in $F $J; do load $m 32 4 >/dev/null; done
e256=0
for m in $S $F $J; do r=$(load $m 256 4); e256=$(( e256 + $(echo $r | cut -d' ' -f2) )); done
rssload=$(rss_mb $pid); tend=$(echo "$(date +%s.%N) - $t0" | bc)
if [ "${DIAG:-0}" = 1 ]; then sleep 7; top -H -b -n1 -d1 -p $pid | sed -n 7,20p > $out/diag-top.txt; $(dirname $java)/jcmd $pid Thread.print > $out/diag-threads.txt 2>&1; sleep 3; else sleep 10; fi; rss10=$(rss_mb $pid)
sleep 10; rss20=$(rss_mb $pid); th20=$(threads $pid); af=$(awk '/RssAnon/{a=$2}/RssFile/{f=$2}END{printf "anon %d file %d", a/1024, f/1024}' /proc/$pid/status)
[ "${HISTO:-0}" = 1 ] && $(dirname $java)/jcmd $pid GC.class_histogram > $out/histo-$label.txt 2>&1
cp /proc/$pid/smaps $out/smaps-$label.txt; [ "${NMT:-0}" = 1 ] && $(dirname $java)/jcmd $pid VM.native_memory summary > $out/nmt-$label-$(date +%H%M%S).txt 2>&1
# After idle: the first load, then idle again
m2=$(load $S 32 8)
sleep 10; rss2=$(rss_mb $pid)
line="$(date +%H:%M) jdk$jdk $label | start ${rss0} MB th $th0 | big ${rssbig} | load-end ${rssload} +10s ${rss10} +20s ${rss20} ($af) th $th20 | GetShows32 [req/s err us] $m1 | after-idle $m2 -> +10s ${rss2} | end@${tend%.*}s | c256 errors $e256 | warm$warm | load $(cut -d' ' -f1 /proc/loadavg)"
echo "$line" | tee -a $out/idle-memory.txt
grep -v cuegate.access $work/cg.log | tail -50 > $out/last-cg.log
