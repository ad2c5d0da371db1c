#!/usr/bin/env bash
# A repository made public, scanned whole by `monitor watch` (clone over smart HTTP from the GitHub emulator, history
# scan, alerts), against `git log -p --all > /dev/null` on the same repository; prints MB/s and the heap used.
# Usage: bench/clone-scan.sh [REPO_DIR]   (built with make-history-repo.py when missing: the JDK sources, ~5,000 commits)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${1:-${TMPDIR:-/tmp}/akguard-clone-bench-repo}"
export GIT_CONFIG_NOSYSTEM=1
if [ ! -d "$repo/.git" ] && [ ! -f "$repo/HEAD" ]; then
  src=""
  for z in "${JAVA_HOME:-}/lib/src.zip" /usr/lib/jvm/openjdk-17/lib/src.zip /usr/lib/jvm/*/lib/src.zip; do
    if [ -f "$z" ]; then src="$z"; break; fi
  done
  [ -n "$src" ] || { echo "no JDK src.zip found (install openjdk-17-source)" >&2; exit 2; }
  python3 "$here/bench/make-history-repo.py" "$src" "$repo" 5 2000
  git -C "$repo" gc -q
fi
echo "repository: $repo ($(git -C "$repo" rev-list --all --count) commits, $(du -sh "$repo/.git" 2>/dev/null | cut -f1) in .git)"
cd "$here"
cp_file="$(mktemp)"
mvn -B -o -q -pl remote-monitor -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java -Xmx512m -cp "remote-monitor/target/test-classes:remote-monitor/target/classes:$(cat "$cp_file")" \
    dev.akguard.monitor.bench.CloneBenchmark "$repo"
rm -f "$cp_file"
