#!/usr/bin/env node
// Copies what the .vsix ships but the repository keeps elsewhere: the server jar built by Maven
// (AKGUARD_JAR, default ../lsp-server/target/akguard-lsp.jar, the editor jar: engine + language server only)
// into server/akguard.jar, and the repository's LICENSE. The full cli/target/akguard.jar works too, at 3x the size.
// Runs as `vscode:prepublish`, so both `npm run package` and a bare `vsce package` get them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jar = path.resolve(root, process.env.AKGUARD_JAR || path.join('..', 'lsp-server', 'target', 'akguard-lsp.jar'));
const license = path.resolve(root, '..', 'LICENSE');

function fail(message) {
  console.error(`prepare-server: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(jar) || !fs.statSync(jar).isFile()) {
  fail(
    `the server jar ${jar} does not exist. Build it first from the repository root with ` +
      '`mvn -q -pl lsp-server -am package -DskipTests`, or point AKGUARD_JAR to an akguard-lsp.jar or akguard.jar.'
  );
}
if (!fs.existsSync(license)) {
  fail(`${license} does not exist; the extension must ship the project's license.`);
}
fs.mkdirSync(path.join(root, 'server'), { recursive: true });
fs.copyFileSync(jar, path.join(root, 'server', 'akguard.jar'));
fs.copyFileSync(license, path.join(root, 'LICENSE'));
console.log(`prepare-server: copied ${jar} -> server/akguard.jar (${fs.statSync(jar).size} bytes) and LICENSE`);
