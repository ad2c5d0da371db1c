#!/usr/bin/env bash
# The steps of the akguard GitHub Action (action.yml), kept in one script so they can be run and tested outside
# GitHub. Inputs arrive as AKGUARD_INPUT_* environment variables (never spliced into the script text, so an
# input cannot inject shell code); outputs go to $GITHUB_OUTPUT as the runner expects.
#   build    build akguard's jar from the action's own checkout (Maven), unless it is already built
#   scan     scan: the whole folder, or on pull requests the commits the pull request adds (scan-history --range);
#            prints GitHub annotations, writes the report, records findings/report/sarif outputs
#   verdict  fail the job when there were findings and fail-on-findings is true
set -euo pipefail
action_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this as part of the akguard action}"
akguard="$action_dir/bin/akguard"

output() { echo "$1=$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

case "${1:-}" in
  build)
    if [ -f "$action_dir/cli/target/akguard.jar" ]; then
      echo "akguard: using the jar already built in $action_dir/cli/target"
    else
      (cd "$action_dir" && mvn -B -q package -DskipTests)
    fi
    "$akguard" --version
    ;;
  scan)
    workspace="${GITHUB_WORKSPACE:-$PWD}"
    cd "$workspace"
    path="${AKGUARD_INPUT_PATH:-.}"
    format="${AKGUARD_INPUT_FORMAT:-sarif}"
    case "$format" in sarif|json|github|gitlab) ;; *) echo "::error title=akguard::format must be sarif, json, github or gitlab, not '${format//[$'\r\n%']/?}'"; exit 2 ;; esac
    report_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/akguard"
    mkdir -p "$report_dir"
    case "$format" in gitlab) report="$report_dir/gl-secret-detection-report.json" ;; *) report="$report_dir/akguard.$format" ;; esac
    common=()
    [ -n "${AKGUARD_INPUT_BASELINE:-}" ] && common+=(--baseline "$AKGUARD_INPUT_BASELINE")
    [ -n "${AKGUARD_INPUT_CONFIG:-}" ] && common+=(--config "$AKGUARD_INPUT_CONFIG")
    # shellcheck disable=SC2206 # extra options are space-separated by design
    [ -n "${AKGUARD_INPUT_ARGS:-}" ] && common+=(${AKGUARD_INPUT_ARGS})
    if [ "${GITHUB_EVENT_NAME:-}" = "pull_request" ] || [ "${GITHUB_EVENT_NAME:-}" = "pull_request_target" ]; then
      base="${GITHUB_BASE_REF:?GITHUB_BASE_REF is not set on a pull request event}"
      git fetch -q --no-tags origin "+refs/heads/$base:refs/remotes/origin/$base" 2>/dev/null || true
      what=(scan-history --range "refs/remotes/origin/$base..HEAD" "$path")
      echo "akguard: pull request: scanning the commits it adds to $base"
    else
      what=(scan "$path")
    fi
    status=0
    # Annotations on the run and the pull request, whatever the report format; one line per finding.
    annotations="$report_dir/annotations.txt"
    "$akguard" "${what[@]}" "${common[@]}" --format github --quiet > "$annotations" || status=$?
    cat "$annotations"
    if [ "$status" -ge 2 ]; then echo "::error title=akguard::the scan failed (exit $status); see the log above"; exit "$status"; fi
    findings=$(grep -c '^::' "$annotations" || true)
    "$akguard" "${what[@]}" "${common[@]}" --format "$format" --output "$report" --quiet --exit-zero \
      || { s=$?; echo "::error title=akguard::writing the report failed (exit $s)"; exit "$s"; }
    output findings "$findings"
    output report "$report"
    if [ "$format" = sarif ] && [ "${AKGUARD_INPUT_UPLOAD_SARIF:-true}" = "true" ]; then output sarif "$report"; else output sarif ""; fi
    echo "akguard: $findings finding(s); report: $report"
    ;;
  verdict)
    if [ "${AKGUARD_FINDINGS:-}" = "" ]; then echo "::error title=akguard::the scan did not run to the end"; exit 1; fi
    if [ "${AKGUARD_FINDINGS}" != "0" ] && [ "${AKGUARD_INPUT_FAIL:-true}" = "true" ]; then
      echo "::error title=akguard::${AKGUARD_FINDINGS} leaked credential(s) found: rotate them, then remove them from the code (see the annotations and docs/ci/github.md)"
      exit 1
    fi
    echo "akguard: ok"
    ;;
  *) echo "usage: $0 build|scan|verdict" >&2; exit 2 ;;
esac
