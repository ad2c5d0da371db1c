#!/usr/bin/env bash
# Cost of akguard's pre-push hook: N pushes of one commit each to a local bare remote, from a clone without
# the hook and from a clone with it, interleaved in the same run so machine load affects both alike.
# Prints the median push time of each and the difference. Usage: bench/hook-cost.sh [N]   (default 21)
# Needs the built jar (mvn -q package -DskipTests) and uses bin/akguard, as an installed hook would: the warm-up
# push starts the hook server, which answers the measured pushes (it stops by itself once this script's folder
# is gone). AKGUARD_HOOK_SERVER=off bench/hook-cost.sh measures hooks that each start their own JVM.
set -euo pipefail
n="${1:-21}"
here="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$here/bin/akguard"
work="$(mktemp -d "${TMPDIR:-/tmp}/akguard-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name bench; git config --global user.email bench@example.invalid
git config --global init.defaultBranch main; git config --global advice.detachedHead false

git init -q --bare "$work/remote.git"
git init -q "$work/seed"
(cd "$work/seed" && for i in $(seq 1 50); do echo "line $i" > "f$i.txt"; done && git add . && git commit -qm seed && git push -q "$work/remote.git" main)
for c in plain hooked; do
  git clone -q "$work/remote.git" "$work/$c"
  (cd "$work/$c" && git checkout -q -b "$c")
  (cd "$work/$c" && git push -q origin "$c")
done
(cd "$work/hooked" && "$launcher" hook install >/dev/null)  # also trains the class-data archive

now() { date +%s%N; }
push_once() { # $1 clone, $2 iteration; prints "wall_ms cpu_ms" (cpu: user+sys of git and everything it ran)
  cd "$work/$1"
  echo "change $2 $(date +%N)" >> "f$(( $2 % 50 + 1 )).txt"
  git commit -qam "change $2"
  local t0 t1; t0=$(now); /usr/bin/time -f "%U %S" -o "$work/cpu" git push -q origin "$1" 2>/dev/null; t1=$(now)
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")"
}
plain=(); hooked=(); plain_cpu=(); hooked_cpu=()
push_once plain 0 >/dev/null; push_once hooked 0 >/dev/null   # warm caches
for i in $(seq 1 "$n"); do
  read -r w c < <(push_once plain "$i"); plain+=("$w"); plain_cpu+=("$c")
  read -r w c < <(push_once hooked "$i"); hooked+=("$w"); hooked_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mp=$(median "${plain[@]}"); mh=$(median "${hooked[@]}")
echo "pushes per variant: $n"
echo "median git push without hook: ${mp} ms"
echo "median git push with akguard pre-push hook: ${mh} ms"
echo "added by the hook (median difference): $(( mh - mp )) ms"
cp=$(median "${plain_cpu[@]}"); ch=$(median "${hooked_cpu[@]}")
echo "median CPU time (user+sys) without hook: ${cp} ms, with hook: ${ch} ms, added: $(( ch - cp )) ms"
echo "machine load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
