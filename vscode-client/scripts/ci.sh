#!/usr/bin/env bash
# CI entry point for the VS Code extension: install exactly the locked dependencies, build, run the unit
# tests and the protocol harness against the real server jar, and package the .vsix.
#   AKGUARD_JAR  server jar to test and ship (default: ../lsp-server/target/akguard-lsp.jar, the editor jar
#                built by Maven first; cli/target/akguard.jar works too but triples the .vsix)
# Needs Node 20+ and npm, the npm registry for `npm ci`, and Java 17+ (JAVA_HOME or PATH) for the harness.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
  echo "vscode-client/scripts/ci.sh: $*" >&2
  exit 2
}

command -v node >/dev/null || fail "node is not installed; install Node.js 20 or newer."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js $(node -v) is too old; install Node.js 20 or newer."

AKGUARD_JAR="$(realpath -m "${AKGUARD_JAR:-../lsp-server/target/akguard-lsp.jar}")"
export AKGUARD_JAR
[ -f "$AKGUARD_JAR" ] || fail "the server jar $AKGUARD_JAR does not exist. Build it first from the repository root
  with 'mvn -q -pl lsp-server -am package -DskipTests', or set AKGUARD_JAR to an akguard-lsp.jar."

# --ignore-scripts: nothing in the dependency tree needs an install script to compile, test or package
# (the only one sets up vsce's optional signing binary, which packaging does not use).
npm ci --ignore-scripts --no-audit --no-fund
npm run compile
node --test out/test/unit/ out/test/protocol/
npm run package
echo "vscode-client/scripts/ci.sh: packaged $(pwd)/akguard.vsix"
