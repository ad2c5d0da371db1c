import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLIENT_COMMANDS } from '../../commands';
import { LAUNCH_SETTINGS, PROJECT_SEVERITY, SEVERITY_SETTINGS } from '../../settings';
import { SEVERITY_NAMES } from '../../severity';

// package.json is what VS Code reads; these tests keep it in step with the code that reads the settings.
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, { scope?: string; enum?: string[]; default?: unknown }> = manifest.contributes.configuration.properties;

test('contributes exactly the commands the extension registers', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, Object.values(CLIENT_COMMANDS).sort());
});

test('every severity setting offers "default" (the project decides) and the severities the server knows', () => {
  for (const [key, rule] of Object.entries(SEVERITY_SETTINGS)) {
    const prop = properties[`akguard.severity.${key}`] as { enum?: string[]; default?: unknown; markdownDescription?: string };
    assert.ok(prop, `akguard.severity.${key} is contributed`);
    assert.deepEqual(prop.enum, [PROJECT_SEVERITY, ...SEVERITY_NAMES]);
    assert.equal(prop.default, PROJECT_SEVERITY);
    assert.match(prop.markdownDescription ?? '', new RegExp(`\`${rule.ruleId}\`.*else \`${rule.ruleDefault}\``));
  }
});

test('launch settings are machine-scoped and restricted in untrusted workspaces', () => {
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const key of LAUNCH_SETTINGS) {
    assert.equal(properties[`akguard.${key}`]?.scope, 'machine', `akguard.${key} is machine-scoped`);
    assert.ok(restricted.includes(`akguard.${key}`), `akguard.${key} is restricted`);
  }
});

test('the trace setting has the name vscode-languageclient reads for client id "akguard"', () => {
  assert.deepEqual(properties['akguard.trace.server']?.enum, ['off', 'messages', 'verbose']);
});

test('packaging metadata vsce needs offline is present', () => {
  assert.equal(manifest.license, 'Apache-2.0');
  assert.ok(manifest.repository?.url, 'repository.url');
  assert.ok(manifest.publisher, 'publisher');
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
});

test('main is the bundle that vscode:prepublish builds and .vscodeignore keeps', () => {
  const main = path.posix.normalize(manifest.main);
  assert.match(manifest.scripts.bundle, new RegExp(`--outfile=${main.replace(/[.]/g, '\\.')}(\\s|$)`));
  assert.match(manifest.scripts['vscode:prepublish'], /npm run bundle/);
  const ignore = fs.readFileSync(path.join(__dirname, '..', '..', '..', '.vscodeignore'), 'utf8');
  assert.ok(ignore.split('\n').includes(`!${main}`), `.vscodeignore keeps ${main}`);
  assert.ok(ignore.split('\n').includes('!server/akguard.jar'), '.vscodeignore keeps the server jar');
});
