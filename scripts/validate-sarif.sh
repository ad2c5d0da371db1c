#!/usr/bin/env bash
# Validates the SARIF akguard writes (over the labelled corpus, so every rule and location kind occurs)
# with Microsoft's SARIF Multitool and the rules GitHub code scanning applies on upload. Calls the
# platform binary directly: the npx wrapper passes arguments through a shell, which splits on ';'.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=".ci/tools"
mkdir -p "$tools"
if [ ! -d "$tools/node_modules/@microsoft/sarif-multitool-linux" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool >/dev/null
fi
bin=$(find "$tools/node_modules/@microsoft/sarif-multitool-linux" -type f -name 'Sarif.Multitool' | head -1)
[ -n "$bin" ] || { echo "SARIF Multitool binary not found under $tools" >&2; exit 2; }
chmod +x "$bin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "testkit/target/classes:core/target/classes:$(cat testkit/target/classpath.txt)" dev.akguard.testkit.corpus.WriteCorpus "$work/corpus" 50
set +e
bin/akguard scan "$work/corpus" --format sarif --output "$work/akguard.sarif" --quiet
rc=$?
set -e
[ "$rc" = 1 ] || { echo "expected findings (exit 1) from the corpus, got exit $rc" >&2; exit 1; }
"$bin" validate --rule-kind "Sarif;Gh" --output "$work/validation.sarif" "$work/akguard.sarif" >"$work/validate.log" 2>&1 || true
[ -f "$work/validation.sarif" ] || { cat "$work/validate.log" >&2; echo "SARIF Multitool wrote no result" >&2; exit 1; }
errors=$(python3 - "$work/validation.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
errs = [r for run in log.get("runs", []) for r in run.get("results", []) if r.get("level", "warning") == "error"]
for r in errs:
    print(r.get("ruleId"), r.get("message", {}).get("text", ""), file=sys.stderr)
print(len(errs))
PY
)
if [ "$errors" != 0 ]; then
  cat "$work/validate.log" >&2
  echo "SARIF Multitool reported $errors error(s)" >&2
  exit 1
fi
echo "SARIF Multitool (Sarif;Gh): 0 errors ($(grep -c '"ruleId"' "$work/akguard.sarif") results validated)" >&2
