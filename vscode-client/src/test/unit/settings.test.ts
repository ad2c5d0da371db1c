import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigurationItem,
  LAUNCH_SETTINGS,
  SEVERITY_SETTINGS,
  SettingsReader,
  answerConfiguration,
  launchSettings,
  serverSettings,
} from '../../settings';

const reader = (values: Record<string, unknown>): SettingsReader => ({ get: (key) => values[key] });

test('unset or "default" severities are left out, so the project config file decides', () => {
  assert.deepEqual(serverSettings(reader({})), { severity: {}, exclude: [] });
  assert.deepEqual(
    serverSettings(reader({ 'severity.pair': 'default', 'severity.id': 'default', 'severity.sts': 'default' })),
    { severity: {}, exclude: [] }
  );
});

test('each severity.<key> setting controls its rule', () => {
  const settings = serverSettings(
    reader({ 'severity.pair': 'warning', 'severity.id': 'off', 'severity.sts': 'hint', exclude: ['**/testdata/**', 'docs/*.md'] })
  );
  assert.deepEqual(settings, {
    severity: {
      'alibaba-access-key-pair': 'warning',
      'alibaba-access-key-id': 'off',
      'alibaba-sts-credentials': 'hint',
    },
    exclude: ['**/testdata/**', 'docs/*.md'],
  });
});

test('a mistyped severity counts as "default" instead of disabling the rule', () => {
  const settings = serverSettings(reader({ 'severity.pair': 'eror', 'severity.id': 3, 'severity.sts': 'Hint' }));
  assert.deepEqual(settings.severity, { 'alibaba-sts-credentials': 'hint' });
});

test('excludes keep only non-blank strings, trimmed', () => {
  assert.deepEqual(serverSettings(reader({ exclude: [' a/** ', '', 7, null, '  ', 'b'] })).exclude, ['a/**', 'b']);
  assert.deepEqual(serverSettings(reader({ exclude: 'a/**' })).exclude, []);
});

test('launch settings: blank strings are unset, VM args are kept as separate arguments', () => {
  assert.deepEqual(launchSettings(reader({})), { javaHome: undefined, vmArgs: [], serverPath: undefined });
  assert.deepEqual(
    launchSettings(reader({ 'java.home': ' /opt/jdk ', 'java.vmArgs': ['-Xmx512m', '', '-Dx=a b'], 'server.path': '' })),
    { javaHome: '/opt/jdk', vmArgs: ['-Xmx512m', '-Dx=a b'], serverPath: undefined }
  );
});

test('the rules covered are exactly the three documented ones', () => {
  assert.deepEqual(
    Object.values(SEVERITY_SETTINGS).map((s) => s.ruleId),
    ['alibaba-access-key-pair', 'alibaba-access-key-id', 'alibaba-sts-credentials']
  );
  assert.deepEqual([...LAUNCH_SETTINGS], ['java.home', 'java.vmArgs', 'server.path']);
});

test('workspace/configuration: akguard items get server settings for their scope, others keep their order', async () => {
  const perScope: Record<string, Record<string, unknown>> = {
    'file:///a': { 'severity.pair': 'warning' },
    'file:///b': { exclude: ['gen/**'] },
  };
  const asked: ConfigurationItem[][] = [];
  const answers = await answerConfiguration(
    [
      { section: 'akguard', scopeUri: 'file:///a' },
      { section: 'editor' },
      { section: 'akguard', scopeUri: 'file:///b' },
      { section: 'files.exclude' },
    ],
    (scope) => reader(perScope[scope ?? ''] ?? {}),
    async (items) => {
      asked.push(items);
      return items.map((i) => `vscode:${i.section}`);
    }
  );
  assert.deepEqual(answers, [
    { severity: { 'alibaba-access-key-pair': 'warning' }, exclude: [] },
    'vscode:editor',
    { severity: {}, exclude: ['gen/**'] },
    'vscode:files.exclude',
  ]);
  assert.deepEqual(asked, [[{ section: 'editor' }, { section: 'files.exclude' }]]);
});

test('workspace/configuration with only akguard items never asks VS Code', async () => {
  const answers = await answerConfiguration([{ section: 'akguard' }], () => reader({}), async () => {
    throw new Error('must not be called');
  });
  assert.deepEqual(answers, [{ severity: {}, exclude: [] }]);
});
