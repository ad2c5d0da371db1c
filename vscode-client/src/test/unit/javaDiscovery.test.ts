import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JavaHost, environmentCandidates, findJava } from '../../javaDiscovery';

/** A fake machine: which java executables exist and what each prints for -version. */
function fakeHost(options: {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  javas?: Record<string, string | Error>;
}): JavaHost & { ran: string[] } {
  const javas = options.javas ?? {};
  const ran: string[] = [];
  return {
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    ran,
    isFile: (p) => Object.prototype.hasOwnProperty.call(javas, p),
    versionOutput: async (p) => {
      ran.push(p);
      const out = javas[p];
      if (out === undefined) {
        throw new Error(`spawn ${p} ENOENT`);
      }
      if (out instanceof Error) {
        throw out;
      }
      return out;
    },
  };
}

const v = (version: string) => `openjdk version "${version}" 2024-01-16\nOpenJDK Runtime Environment\n`;

test('the java.home setting wins over JAVA_HOME and PATH', async () => {
  const host = fakeHost({
    env: { JAVA_HOME: '/opt/jdk21', PATH: '/usr/bin' },
    javas: { '/opt/jdk17/bin/java': v('17.0.9'), '/opt/jdk21/bin/java': v('21.0.1'), '/usr/bin/java': v('21') },
  });
  const found = await findJava('/opt/jdk17', host);
  assert.deepEqual(found, { ok: true, java: { source: 'setting akguard.java.home', javaPath: '/opt/jdk17/bin/java', major: 17 } });
  assert.deepEqual(host.ran, ['/opt/jdk17/bin/java']);
});

test('the setting may also name the bin folder or the executable itself', async () => {
  const host = fakeHost({ javas: { '/opt/jdk/bin/java': v('17.0.1') } });
  const viaBin = await findJava('/opt/jdk/bin', host);
  const viaExe = await findJava('/opt/jdk/bin/java', host);
  assert.equal(viaBin.ok && viaBin.java.javaPath, '/opt/jdk/bin/java');
  assert.equal(viaExe.ok && viaExe.java.javaPath, '/opt/jdk/bin/java');
});

test('a wrong setting fails with a message about the setting, never falling back to JAVA_HOME', async () => {
  const host = fakeHost({ env: { JAVA_HOME: '/opt/jdk21' }, javas: { '/opt/jdk21/bin/java': v('21') } });
  const found = await findJava('/opt/missing', host);
  assert.equal(found.ok, false);
  assert.match(!found.ok ? found.message : '', /akguard\.java\.home is "\/opt\/missing", but there is no bin\/java in it/);
  assert.match(!found.ok ? found.message : '', /Java 17 or newer/);
  assert.deepEqual(host.ran, []);
});

test('an old Java in the setting is refused with the version found and what to do', async () => {
  const host = fakeHost({ javas: { '/opt/jdk11/bin/java': v('11.0.21') } });
  const found = await findJava('/opt/jdk11', host);
  assert.equal(found.ok, false);
  const message = !found.ok ? found.message : '';
  assert.match(message, /\/opt\/jdk11\/bin\/java \(from setting akguard\.java\.home\) is Java 11, too old/);
  assert.match(message, /Point akguard\.java\.home to a Java 17 or newer runtime/);
});

test('a blank setting counts as unset', async () => {
  const host = fakeHost({ env: { JAVA_HOME: '/jdk' }, javas: { '/jdk/bin/java': v('17') } });
  const found = await findJava('   ', host);
  assert.equal(found.ok && found.java.source, 'JAVA_HOME');
});

test('JAVA_HOME comes before the PATH', async () => {
  const host = fakeHost({
    env: { JAVA_HOME: '/jdk21', PATH: '/usr/local/bin:/usr/bin' },
    javas: { '/jdk21/bin/java': v('21.0.2'), '/usr/bin/java': v('17.0.1') },
  });
  const found = await findJava(undefined, host);
  assert.deepEqual(found, { ok: true, java: { source: 'JAVA_HOME', javaPath: '/jdk21/bin/java', major: 21 } });
});

test('an old JAVA_HOME is skipped for a suitable java on the PATH', async () => {
  const host = fakeHost({
    env: { JAVA_HOME: '/jdk8', PATH: '/usr/bin' },
    javas: { '/jdk8/bin/java': 'java version "1.8.0_392"\n', '/usr/bin/java': v('17.0.1') },
  });
  const found = await findJava(undefined, host);
  assert.deepEqual(found, { ok: true, java: { source: 'PATH', javaPath: '/usr/bin/java', major: 17 } });
});

test('the first suitable java in PATH order is used; empty PATH entries are ignored', async () => {
  const host = fakeHost({
    env: { PATH: '::/a/bin::/b/bin:/c/bin' },
    javas: { '/a/bin/java': v('11'), '/b/bin/java': v('17'), '/c/bin/java': v('21') },
  });
  const found = await findJava(undefined, host);
  assert.equal(found.ok && found.java.javaPath, '/b/bin/java');
  assert.deepEqual(host.ran, ['/a/bin/java', '/b/bin/java']);
});

test('when every Java is too old, the message lists each one and what to do', async () => {
  const host = fakeHost({
    env: { JAVA_HOME: '/jdk11', PATH: '/usr/bin' },
    javas: { '/jdk11/bin/java': v('11.0.2'), '/usr/bin/java': 'java version "1.8.0_1"' },
  });
  const found = await findJava(undefined, host);
  assert.equal(found.ok, false);
  const message = !found.ok ? found.message : '';
  assert.match(message, /needs Java 17 or newer/);
  assert.match(message, /\/jdk11\/bin\/java \(from JAVA_HOME\) is Java 11, too old/);
  assert.match(message, /\/usr\/bin\/java \(from PATH\) is Java 8, too old/);
  assert.match(message, /set akguard\.java\.home/);
});

test('no Java anywhere says so and how to fix it', async () => {
  const found = await findJava(undefined, fakeHost({ env: { PATH: '/usr/bin:/bin' } }));
  assert.equal(found.ok, false);
  assert.match(!found.ok ? found.message : '', /found none: JAVA_HOME is not set .* no java on the PATH\. Install a JDK 17\+/);
});

test('a java that fails to run, or prints no version, is reported and skipped', async () => {
  const host = fakeHost({
    env: { JAVA_HOME: '/broken', PATH: '/odd:/good' },
    javas: { '/broken/bin/java': new Error('EACCES'), '/odd/java': 'hello', '/good/java': v('17.0.3') },
  });
  const found = await findJava(undefined, host);
  assert.equal(found.ok && found.java.javaPath, '/good/java');

  const none = await findJava(undefined, fakeHost({ env: { JAVA_HOME: '/broken' }, javas: { '/broken/bin/java': new Error('EACCES') } }));
  assert.match(!none.ok ? none.message : '', /\/broken\/bin\/java \(from JAVA_HOME\) did not run: EACCES/);
});

test('the same java reached through JAVA_HOME and PATH is tried once', () => {
  const host = fakeHost({ env: { JAVA_HOME: '/jdk', PATH: '/jdk/bin:/usr/bin' }, javas: { '/jdk/bin/java': v('17'), '/usr/bin/java': v('17') } });
  assert.deepEqual(environmentCandidates(host), [
    { source: 'JAVA_HOME', javaPath: '/jdk/bin/java' },
    { source: 'PATH', javaPath: '/usr/bin/java' },
  ]);
});

test('on Windows: java.exe, ";" separators, quoted entries and case-insensitive variable names', async () => {
  const host = fakeHost({
    platform: 'win32',
    env: { Path: 'C:\\Windows;"C:\\Program Files\\Java\\jdk-17\\bin"', java_home: undefined },
    javas: { 'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe': v('17.0.8') },
  });
  const found = await findJava(undefined, host);
  assert.deepEqual(found, { ok: true, java: { source: 'PATH', javaPath: 'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe', major: 17 } });

  const viaHome = await findJava(
    undefined,
    fakeHost({ platform: 'win32', env: { Java_Home: 'D:\\jdk21' }, javas: { 'D:\\jdk21\\bin\\java.exe': v('21') } })
  );
  assert.equal(viaHome.ok && viaHome.java.source, 'JAVA_HOME');
});
