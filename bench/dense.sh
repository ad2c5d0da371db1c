#!/usr/bin/env bash
# Pairing cost on files dense with keys: 50,000 pairs (about 3.7 MB) in one file, three layouts, with JMH.
# Prints milliseconds per whole-file scan, single thread.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl core test-compile
cp="core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main DenseKeysBenchmark "$@" | grep -E '^(Benchmark|DenseKeys)'
