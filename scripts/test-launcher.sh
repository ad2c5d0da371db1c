#!/usr/bin/env bash
# Launcher regression tests (needs cli/target/akguard.jar, built by `mvn package`):
# the class-data-sharing archive is keyed to the Java runtime, so an archive another runtime wrote is never
# mapped (that printed "[error][cds] Not a valid shared archive file" on every run) and each runtime trains its own.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f cli/target/akguard.jar ] || { echo "build the jar first: mvn -q package -DskipTests" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/lib"
cp bin/akguard "$work/bin/akguard"
cp cli/target/akguard.jar "$work/lib/akguard.jar"
printf 'nothing to see\n' > "$work/a.txt"
failures=0

# Runs a scan with the given JAVA_HOME; fails when anything about CDS reaches stderr.
scan_quietly() {
  local label="$1" jhome="$2" rc=0
  JAVA_HOME="$jhome" JAVA_OPTS="" "$work/bin/akguard" scan "$work/a.txt" > "$work/out" 2> "$work/err" || rc=$?
  if [ "$rc" != 0 ]; then echo "FAIL $label: exit $rc: $(cat "$work/err")"; failures=$((failures + 1)); return; fi
  if grep -qi 'cds\|shared archive' "$work/err"; then
    echo "FAIL $label: CDS noise on stderr: $(grep -i 'cds\|shared archive' "$work/err" | head -2)"; failures=$((failures + 1)); return
  fi
  echo "ok   $label"
}

# AppCDS archives (.jsa), and Java 25+'s ahead-of-time caches (.aot), which the first run assembles in the background.
archives() { find "$work/lib" -maxdepth 1 \( -name 'akguard*.jsa' -o -name 'akguard*.aot' \) ! -name 'akguard.jsa' | wc -l | tr -d ' '; }

java_home_of() { local r; r="$(readlink -f "$1")"; printf '%s' "${r%/bin/java}"; }
main_java="$(command -v java)"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && main_java="$JAVA_HOME/bin/java"
main_home="$(java_home_of "$main_java")"

# 1. An archive left by another runtime under the old, unkeyed name (simulated: not an archive at all).
sleep 1
printf 'written by some other JDK' > "$work/lib/akguard.jsa"
scan_quietly "foreign archive is not mapped (trains its own)" "$main_home"
scan_quietly "own archive is used" "$main_home"
if [ "$(archives)" -ge 1 ]; then echo "ok   an archive keyed to this runtime exists"; else echo "FAIL no runtime-keyed archive was trained"; failures=$((failures + 1)); fi

# 2. A real second runtime, when one is installed: each trains and uses its own archive, quietly, in turns.
other_home=""
for j in /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] || continue
  h="$(java_home_of "$j")"
  [ "$h" = "$main_home" ] && continue
  v="$("$j" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')"
  if [ "${v:-0}" -ge 17 ] 2>/dev/null; then other_home="$h"; break; fi
done
if [ -n "$other_home" ]; then
  before="$(archives)"
  scan_quietly "switch to $other_home" "$other_home"
  scan_quietly "again with $other_home" "$other_home"
  scan_quietly "back to $main_home" "$main_home"
  for _ in $(seq 1 60); do [ "$(archives)" -gt "$before" ] && break; sleep 1; done
  if [ "$(archives)" -gt "$before" ]; then echo "ok   the second runtime has its own archive"; else echo "FAIL no archive for the second runtime"; failures=$((failures + 1)); fi
else
  echo "note no second Java runtime under /usr/lib/jvm: runtime switch not exercised (case 1 covers the foreign archive)"
fi

[ "$failures" = 0 ] || { echo "$failures launcher test(s) failed" >&2; exit 1; }
