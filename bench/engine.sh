#!/usr/bin/env bash
# Engine throughput, single thread, with JMH over the JDK's own sources (lib/src.zip of the running JDK or
# $SRC_ZIP; Debian: apt-get install openjdk-17-source). Prints MB/s.
set -euo pipefail
cd "$(dirname "$0")/.."
src_zip="${SRC_ZIP:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/src.zip}"
[ -f "$src_zip" ] || { echo "no src.zip at $src_zip; set SRC_ZIP or install openjdk-17-source" >&2; exit 2; }
mb="${BENCH_MB:-64}"
mvn -q -B -pl core test-compile
cp="core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt)"
corpus=$(java -Dakguard.bench.mb="$mb" -cp "$cp" dev.akguard.core.bench.EngineBenchmark "$src_zip")
bytes=$(echo "$corpus" | awk '{print $3}')
java -cp "$cp" org.openjdk.jmh.Main EngineBenchmark -jvmArgsAppend "-Dakguard.bench.srczip=$src_zip -Dakguard.bench.mb=$mb" \
  -rf json -rff target-engine-bench.json "$@" | tail -5
python3 - "$bytes" <<'PY'
import json, sys
b = int(sys.argv[1])
r = json.load(open("target-engine-bench.json"))[0]["primaryMetric"]
print(f"engine, 1 thread, JDK sources ({b/1e6:.1f} MB): {r['score']*b/1e6:.0f} MB/s  (±{r['scoreError']*b/1e6:.0f})")
PY
rm -f target-engine-bench.json
