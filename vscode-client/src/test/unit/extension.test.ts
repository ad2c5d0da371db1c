import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLIENT_COMMANDS } from '../../commands';
import { FakeVscode, installFakeVscode } from './fakeVscode';

// Activation of the real extension module against a fake `vscode`, up to the point where it would start
// the language client: what a user sees when Java or the server cannot be found.

let fake: FakeVscode;
let uninstall: () => void;
let tmp: string;

/** A folder laid out like a Java home whose bin/java prints `version` the way `java -version` does. */
function fakeJavaHome(name: string, version: string): string {
  const home = path.join(tmp, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\n`, { mode: 0o755 });
  return home;
}

type Extension = typeof import('../../extension');

function freshExtension(): Extension {
  const id = require.resolve('../../extension');
  delete require.cache[id];
  return require(id) as Extension;
}

/** A fresh load and activation, as in a new VS Code window (so the commands are registered anew). */
async function activate(extensionPath = tmp): Promise<void> {
  fake.commands.clear();
  await freshExtension().activate({ extensionPath, subscriptions: [] } as never);
}

before(() => {
  ({ fake, uninstall } = installFakeVscode());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'akguard-ext-'));
});

after(() => {
  uninstall();
  fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  fake.commands.clear();
  fake.errors.length = 0;
  fake.log.length = 0;
  fake.executed.length = 0;
  fake.shown = 0;
  fake.choice = undefined;
  fake.config = {};
});

test('registers exactly its own commands', async () => {
  fake.config = { 'akguard.java.home': path.join(tmp, 'nowhere') };
  await activate();
  assert.deepEqual([...fake.commands.keys()].sort(), Object.values(CLIENT_COMMANDS).sort());
});

test('a java.home without Java is reported to the user with what to do', async () => {
  fake.config = { 'akguard.java.home': path.join(tmp, 'nowhere') };
  await activate();
  assert.equal(fake.errors.length, 1);
  assert.match(fake.errors[0], /akguard\.java\.home is ".*nowhere", but there is no bin\/java in it\. Set it to the folder of a Java 17 or newer runtime/);
  assert.ok(fake.log.includes(`error ${fake.errors[0]}`), 'the message is also in the output channel');
});

test('a Java older than 17 is refused with its version', async () => {
  fake.config = { 'akguard.java.home': fakeJavaHome('jdk11', '11.0.22') };
  await activate();
  assert.match(fake.errors[0] ?? '', /bin\/java \(from setting akguard\.java\.home\) is Java 11, too old\. Point akguard\.java\.home to a Java 17 or newer runtime/);
});

test('a missing server jar is reported after Java is found', async () => {
  fake.config = { 'akguard.java.home': fakeJavaHome('jdk17', '17.0.9'), 'akguard.server.path': path.join(tmp, 'missing.jar') };
  await activate();
  assert.match(fake.errors[0] ?? '', /akguard\.server\.path is ".*missing\.jar", but no such file exists/);

  fake.errors.length = 0;
  fake.config = { 'akguard.java.home': fakeJavaHome('jdk21', '21.0.1') };
  await activate(path.join(tmp, 'ext-without-jar'));
  assert.match(fake.errors[0] ?? '', /server is missing from the extension/);
});

test('the error buttons open the settings or the output', async () => {
  fake.config = { 'akguard.java.home': path.join(tmp, 'nowhere') };
  fake.choice = 'Show Output';
  await activate();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fake.shown, 1);

  fake.choice = 'Open Settings';
  await activate();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(fake.executed, [['workbench.action.openSettings', '@ext:akguard.akguard']]);
});

test('the show-output command shows the channel', async () => {
  fake.config = { 'akguard.java.home': path.join(tmp, 'nowhere') };
  await activate();
  await fake.commands.get(CLIENT_COMMANDS.showOutput)!();
  assert.equal(fake.shown, 1);
});
