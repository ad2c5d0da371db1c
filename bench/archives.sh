#!/usr/bin/env bash
# Throughput inside archives, single thread, with JMH: jars and zips from a tree ($JARS, default the local Maven
# repository ~/.m2/repository), first $BENCH_MB MB (default 64). Prints MB/s of archive bytes as on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
jars="${JARS:-$HOME/.m2/repository}"
mb="${BENCH_MB:-64}"
mvn -q -B -pl core test-compile
cp="core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt)"
corpus=$(java -Dakguard.bench.mb="$mb" -cp "$cp" dev.akguard.core.bench.ArchiveBenchmark "$jars")
bytes=$(echo "$corpus" | awk '{print $3}')
java -cp "$cp" org.openjdk.jmh.Main ArchiveBenchmark -jvmArgsAppend "-Dakguard.bench.jars=$jars -Dakguard.bench.mb=$mb" \
  -rf json -rff target-archive-bench.json "$@" | tail -3
python3 - "$bytes" "$corpus" <<'PY'
import json, sys
b = int(sys.argv[1])
r = json.load(open("target-archive-bench.json"))[0]["primaryMetric"]
err = r['scoreError'] if isinstance(r['scoreError'], (int, float)) else float('nan')
print(f"archives, 1 thread, {sys.argv[2].split()[0]} jars/zips ({b/1e6:.1f} MB on disk): {r['score']*b/1e6:.0f} MB/s  (±{err*b/1e6:.0f})")
PY
rm -f target-archive-bench.json
