#!/usr/bin/env bash
# `akguard scan-history --all` against `git log -p --all > /dev/null` on a large generated repository (the JDK
# sources committed in batches, see make-history-repo.py), in the same run. Prints wall times and checks that
# akguard found exactly the planted keys. Usage: bench/history-speed.sh [REPO_DIR]   (reuses REPO_DIR if it exists)
# Needs the built jar (mvn -q package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${1:-${TMPDIR:-/tmp}/akguard-history-bench}"
export GIT_CONFIG_NOSYSTEM=1
if [ ! -d "$repo/.git" ]; then
  src=""
  for z in "${JAVA_HOME:-}/lib/src.zip" /usr/lib/jvm/openjdk-17/lib/src.zip /usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip; do
    if [ -f "$z" ]; then src="$z"; break; fi
  done
  [ -n "$src" ] || { echo "no JDK src.zip found (install openjdk-17-source)" >&2; exit 2; }
  python3 "$here/bench/make-history-repo.py" "$src" "$repo"
  git -C "$repo" gc -q
fi
commits=$(git -C "$repo" rev-list --all --count)
echo "repository: $repo ($commits commits, $(du -sh "$repo/.git" | cut -f1) in .git)"
ms() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
rounds="${ROUNDS:-3}"
out="$(mktemp)"
git_t=(); ak_t=()
for _ in $(seq 1 "$rounds"); do
  git_t+=("$(ms sh -c "git -C '$repo' log -p --all > /dev/null")")
  set +e
  # shellcheck disable=SC2086
  ak_t+=("$(ms sh -c "'$here/bin/akguard' scan-history '$repo' ${AKGUARD_ARGS:-} --format json --output '$out' 2>/dev/null")")
  set -e
done
found=$(grep -c '"ruleId": "alibaba-access-key-pair"' "$out" || true)
rm -f "$out"
echo "rounds: $rounds (alternating), medians:"
echo "git log -p --all > /dev/null: $(median "${git_t[@]}") ms   (runs: ${git_t[*]})"
echo "akguard scan-history --all:   $(median "${ak_t[@]}") ms   (runs: ${ak_t[*]}; AccessKey pairs found: $found)"
