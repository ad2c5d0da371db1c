#!/usr/bin/env bash
# Runs every test akguard has. On a fresh Debian machine as root it installs what the tests need
# (Neovim for the editor end-to-end test, Chromium and its driver for the console's browser test); PostgreSQL is expected on 127.0.0.1:5432 with trust auth and is
# started here if it is installed but not running.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
log() { printf '\n== [%ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

need_apt=()
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
command -v git >/dev/null 2>&1 || need_apt+=(git)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need_apt[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]} (install them, e.g. sudo apt-get install ${need_apt[*]})" >&2
    exit 2
  fi
fi

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi

log "maven: build and test every module"
mvn -B -q -e verify

log "launcher: the CDS archive is keyed to the Java runtime"
bash scripts/test-launcher.sh

log "SARIF: validate akguard's SARIF with Microsoft's SARIF Multitool (rule kinds Sarif;Gh)"
bash scripts/validate-sarif.sh

if [ -f vscode-client/scripts/ci.sh ]; then
  log "vscode-client: npm tests and packaging"
  AKGUARD_JAR="$PWD/lsp-server/target/akguard-lsp.jar" bash vscode-client/scripts/ci.sh
fi

log "dogfood: akguard scan . on this repository must find nothing"
bin/akguard scan . --quiet

echo "all tests passed in $((SECONDS - started)) s" >&2
