import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveServerJar, serverCommand } from '../../serverLaunch';

test('VM args go before -jar, and the server is started with the lsp subcommand', () => {
  assert.deepEqual(serverCommand('/jdk/bin/java', ['-Xmx256m', '-XX:+UseSerialGC'], '/ext/server/akguard.jar'), {
    command: '/jdk/bin/java',
    args: ['-Xmx256m', '-XX:+UseSerialGC', '-jar', '/ext/server/akguard.jar', 'lsp'],
  });
  assert.deepEqual(serverCommand('java', [], 'a.jar').args, ['-jar', 'a.jar', 'lsp']);
});

test('the server.path setting wins when the file exists', () => {
  const exists = new Set(['/dev/akguard.jar', path.join('/ext', 'server', 'akguard.jar')]);
  assert.deepEqual(resolveServerJar('/dev/akguard.jar', '/ext', (p) => exists.has(p)), { ok: true, jarPath: '/dev/akguard.jar' });
});

test('a server.path that does not exist is an error, not a silent fallback', () => {
  const result = resolveServerJar('/nope.jar', '/ext', (p) => p === path.join('/ext', 'server', 'akguard.jar'));
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.message : '', /akguard\.server\.path is "\/nope\.jar", but no such file exists/);
});

test('without the setting the jar shipped in the extension is used, or its absence explained', () => {
  const bundled = path.join('/ext', 'server', 'akguard.jar');
  assert.deepEqual(resolveServerJar(undefined, '/ext', (p) => p === bundled), { ok: true, jarPath: bundled });
  const missing = resolveServerJar(undefined, '/ext', () => false);
  assert.match(!missing.ok ? missing.message : '', /server is missing from the extension .*Reinstall the extension, or set akguard\.server\.path/);
});
