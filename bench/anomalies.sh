#!/usr/bin/env bash
# Anomaly detection throughput with JMH: a week of synthetic call records (100,000 by default, 50 keys),
# a 10,000-entry threat list, every rule on. Prints records/s. Extra args go to JMH, e.g. -p rule=shared-ip.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${BENCH_RECORDS:-100000}"
cpfile="$(mktemp)"
trap 'rm -f "$cpfile" target-anomaly-bench.json' EXIT
mvn -q -B -pl remote-monitor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="remote-monitor/target/test-classes:remote-monitor/target/classes:$(cat "$cpfile")"
java -cp "$cp" org.openjdk.jmh.Main AnomalyDetectorBenchmark -p records="$records" \
  -rf json -rff target-anomaly-bench.json "$@" | tail -4
python3 - "$records" <<'PY'
import json, sys
n = int(sys.argv[1])
for r in json.load(open("target-anomaly-bench.json")):
    m = r["primaryMetric"]
    err = m["scoreError"]  # "NaN" (a string) when there are too few iterations for an error bar
    err = f"±{err*n:,.0f}" if isinstance(err, (int, float)) else "no error bar"
    print(f"anomaly detection, rule={r['params']['rule']}: {m['score']*n:,.0f} records/s  ({err})")
PY
