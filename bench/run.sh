#!/usr/bin/env bash
# Builds and runs CueGate's benchmarks (docs/PERFORMANCE.md), then prints one line per figure.
#   bench/run.sh [--quick] [--no-build]
#     ends with bench/side-by-side.sh when ../shared/perf (or PERF_ANCHOR) holds the Go gateway
#     --quick     short JMH iterations, one fork, short load steps: under 3 minutes after the build
#     --no-build  reuse bench/target/benchmarks.jar
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    *) echo "usage: bench/run.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done

if $build; then
  # A reactor build: the benchmarks see this tree's proto and server, and nothing is installed.
  mvn -q -B -Pbench -DskipTests package -pl bench -am
fi

jar=bench/target/benchmarks.jar
out=bench/target/results
mkdir -p "$out"
# Other work on the machine moves latencies most; say how busy it was.
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run" \
  | tee "$out/summary.txt"

if $quick; then
  jmh=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
  mode=(--quick)
else
  jmh=(-f 2 -wi 4 -w 2s -i 5 -r 2s)
  mode=()
fi

echo "# transcode (JMH, -prof gc; full output in $out/transcode.log)" >&2
java -jar "$jar" TranscodeBenchmark -prof gc -rf json -rff "$out/transcode.json" "${jmh[@]}" \
  > "$out/transcode.log"
java -cp "$jar" dev.cuegate.bench.TranscodeSummary "$out/transcode.json" | tee -a "$out/summary.txt"

echo "# end to end (gateway vs direct gRPC, loopback)" >&2
java -cp "$jar" dev.cuegate.bench.LoadBenchmark "${mode[@]}" | tee -a "$out/summary.txt"

echo "# big answer (gateway heap sampled under the serial collector)" >&2
java -XX:+UseSerialGC -Xmx512m -Xmn32m -cp "$jar" dev.cuegate.bench.BigAnswerBenchmark "${mode[@]}" \
  | tee -a "$out/summary.txt"

# Next to OpenCue's Go gateway, when its anchor folder is there (bench/side-by-side.sh).
if [ -d "${PERF_ANCHOR:-../shared/perf}" ]; then
  echo "# side by side with OpenCue's Go gateway (table in $out/side-by-side.md)" >&2
  bench/side-by-side.sh "${mode[@]}" | tee -a "$out/summary.txt"
fi
echo "# many pollers (100 clients polling GetJobs every second; Cuebot calls with sharing off/on)" >&2
java -cp "$jar" dev.cuegate.bench.PollingBenchmark "${mode[@]}" | tee -a "$out/summary.txt"
