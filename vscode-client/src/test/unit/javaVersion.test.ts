import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_JAVA_MAJOR, isSupportedJava, parseJavaMajorVersion } from '../../javaVersion';

test('reads the feature release from modern `java -version` output', () => {
  const out = 'openjdk version "17.0.21.1" 2026-11-17\nOpenJDK Runtime Environment (build 17.0.21.1+2-1-deb12u1-Debian)\n';
  assert.equal(parseJavaMajorVersion(out), 17);
  assert.equal(parseJavaMajorVersion('openjdk version "21" 2023-09-19\n'), 21);
  assert.equal(parseJavaMajorVersion('java version "25.0.1" 2025-10-21 LTS\n'), 25);
});

test('reads the pre-9 "1.x" scheme as x', () => {
  assert.equal(parseJavaMajorVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(parseJavaMajorVersion('openjdk version "1.7.0_80"'), 7);
});

test('reads early-access and vendor-suffixed versions', () => {
  assert.equal(parseJavaMajorVersion('openjdk version "22-ea" 2024-03-19'), 22);
  assert.equal(parseJavaMajorVersion('openjdk version "11.0.2-internal" 2019-01-15'), 11);
});

test('reads `java --version` output, which has no quotes', () => {
  assert.equal(parseJavaMajorVersion('openjdk 17.0.2 2022-01-18\nOpenJDK Runtime Environment'), 17);
});

test('picks the version line out of noise printed before it', () => {
  const out = 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "19.0.1" 2022-10-18\n';
  assert.equal(parseJavaMajorVersion(out), 19);
});

test('returns undefined when the output names no version', () => {
  assert.equal(parseJavaMajorVersion(''), undefined);
  assert.equal(parseJavaMajorVersion('bash: java: command not found'), undefined);
  assert.equal(parseJavaMajorVersion('Error: could not find libjava.so'), undefined);
});

test('accepts 17 and newer only', () => {
  assert.equal(MIN_JAVA_MAJOR, 17);
  assert.equal(isSupportedJava(16), false);
  assert.equal(isSupportedJava(17), true);
  assert.equal(isSupportedJava(21), true);
  assert.equal(isSupportedJava(8), false);
});
