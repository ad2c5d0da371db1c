#!/usr/bin/env bash
# Whole-command time of `akguard scan` on the JDK's own sources (unpacked from lib/src.zip, ~220 MB,
# ~15k files) side by side with `rg 'LTAI[A-Za-z0-9]{12,20}'` on the same tree, in the same run.
# Median of RUNS runs each, page cache warm. Needs ripgrep (apt-get install ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-7}"
tree="${TREE:-${TMPDIR:-/tmp}/akguard-bench-jdk-src}"
src_zip="${SRC_ZIP:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/src.zip}"
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 2; }
if [ ! -d "$tree" ]; then
  [ -f "$src_zip" ] || { echo "no src.zip at $src_zip; set SRC_ZIP or TREE" >&2; exit 2; }
  mkdir -p "$tree" && (cd "$tree" && unzip -q "$src_zip")
fi
[ -f cli/target/akguard.jar ] || mvn -q -B package -DskipTests
files=$(find "$tree" -type f | wc -l); size=$(du -sm "$tree" | cut -f1)
echo "tree: $tree ($files files, $size MB)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# Warm the page cache and the CDS archive first.
rg -c 'LTAI[A-Za-z0-9]{12,20}' "$tree" >/dev/null 2>&1 || true
bin/akguard scan "$tree" --quiet >/dev/null 2>&1 || true

ak=(); rgt=()
for _ in $(seq "$runs"); do
  ak+=("$(time_ms bin/akguard scan "$tree" --quiet --no-gitignore)")
  rgt+=("$(time_ms rg --no-ignore 'LTAI[A-Za-z0-9]{12,20}' "$tree")")
done
a=$(printf '%s\n' "${ak[@]}" | median); r=$(printf '%s\n' "${rgt[@]}" | median)
echo "akguard scan: median ${a} ms   (runs: ${ak[*]})"
echo "ripgrep:      median ${r} ms   (runs: ${rgt[*]})"
awk -v a="$a" -v r="$r" 'BEGIN { printf "ratio akguard/ripgrep: %.2f\n", a / r }'
