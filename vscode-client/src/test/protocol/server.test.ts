import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, Diagnostic, Range, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLIENT_COMMANDS } from '../../commands';
import { ServerSettings, SettingsReader, serverSettings } from '../../settings';
import { lspSeverity } from '../../severity';
import { fakeAccessKeyId, fakeSecret } from './fakeKeys';
import { LspSession } from './lspSession';

// Drives the real server jar (AKGUARD_JAR or ../lsp-server/target/akguard-lsp.jar) over stdio JSON-RPC the way the
// extension does: same settings mapping, same launch command, VS Code's client capabilities.

const PAIR = 'alibaba-access-key-pair';
const ID_ONLY = 'alibaba-access-key-id';

const settingsFrom = (values: Record<string, unknown>) => serverSettings({ get: (key) => values[key] } satisfies SettingsReader);

/** The range of the first occurrence of `needle` in `text`, as LSP positions (UTF-16). */
function rangeOf(text: string, needle: string): Range {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle.slice(0, 6)}… is in the text`);
  return { start: doc.positionAt(start), end: doc.positionAt(start + needle.length) };
}

function javaSource(id: string, secret: string): string {
  return [
    'package demo;',
    '',
    'public class Config {',
    `    static final String ACCESS_KEY_ID = "${id}";`,
    `    static final String ACCESS_KEY_SECRET = "${secret}";`,
    '}',
    '',
  ].join('\n');
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

async function quickFix(session: LspSession, uri: string, diagnostic: Diagnostic, title: RegExp): Promise<CodeAction> {
  const actions = await session.codeActions(uri, diagnostic);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `a code action matching ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/**
 * Starts one server for the enclosing suite. A server that cannot start (no jar, no Java) fails every
 * test with the reason, rather than cancelling them: a harness that cannot run must not look green.
 */
function useServer(settings: ServerSettings, options: { pull?: boolean } = {}): () => LspSession {
  let workspace: string | undefined;
  let session: LspSession | undefined;
  let failure: unknown;
  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'akguard-lsp-'));
    try {
      session = await LspSession.start(workspace, settings, options);
    } catch (err) {
      failure = err;
    }
  });
  after(() => {
    session?.kill();
    if (workspace) {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
  return () => {
    if (!session) {
      throw failure;
    }
    return session;
  };
}

describe('akguard lsp over stdio, push diagnostics (real server jar)', () => {
  const server = useServer(settingsFrom({}));

  it('declares incremental sync, code actions, and commands that do not collide with the extension', () => {
    const session = server();
    const caps = session.initializeResult.capabilities;
    const sync = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
    assert.equal(sync, TextDocumentSyncKind.Incremental);
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that did not declare them');
    const serverCommands = caps.executeCommandProvider?.commands ?? [];
    assert.ok(serverCommands.length > 0, 'the server registers its commands (add to baseline, open rule doc)');
    for (const own of Object.values(CLIENT_COMMANDS)) {
      assert.ok(!serverCommands.includes(own), `${own} is registered by the extension, so the server must not register it`);
    }
  });

  it('flags a pair on the AccessKey ID: rule code, range, error severity, source "akguard", no secret in the text', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const secret = fakeSecret();
    const uri = await session.open('src/main/java/demo/Config.java', 'java', javaSource(id, secret));
    const diagnostics = await session.current(uri, 'the pair is reported');

    const pairs = byCode(diagnostics, PAIR);
    const onId = pairs.find((d) => JSON.stringify(d.range) === JSON.stringify(rangeOf(session.text(uri), id)));
    assert.ok(onId, `a ${PAIR} diagnostic on the ID's range among ${JSON.stringify(diagnostics)}`);
    assert.equal(onId.severity, lspSeverity('error'));
    assert.equal(onId.source, 'akguard');
    assert.match(onId.codeDescription?.href ?? '', /^https?:\/\/\S+/, 'codeDescription links to the rule doc');
    const secretLine = rangeOf(session.text(uri), secret).start.line;
    const message = typeof onId.message === 'string' ? onId.message : onId.message.value;
    assert.match(message, new RegExp(`\\b${secretLine + 1}\\b`), 'the message names the line of the paired secret');
    for (const d of diagnostics) {
      assert.ok(!JSON.stringify(d).includes(secret), 'a diagnostic never carries the plaintext secret');
    }
    const secretRange = rangeOf(session.text(uri), secret);
    assert.ok(
      (onId.relatedInformation ?? []).some((r) => r.location.uri === uri && JSON.stringify(r.location.range) === JSON.stringify(secretRange)),
      'relatedInformation on the ID points at the secret'
    );
    const onSecret = pairs.find((d) => JSON.stringify(d.range) === JSON.stringify(secretRange));
    assert.ok(onSecret, `a ${PAIR} diagnostic on the secret's range among ${JSON.stringify(diagnostics)}`);
    assert.equal(onSecret.severity, lspSeverity('error'));
    assert.equal(onSecret.source, 'akguard');
  });

  it('the environment-variable quick fix rewrites both literals and the diagnostics clear', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const secret = fakeSecret();
    const uri = await session.open('src/main/java/demo/Fixed.java', 'java', javaSource(id, secret));
    const [pair] = byCode(await session.current(uri, 'the pair is reported'), PAIR);
    assert.ok(pair, 'a pair diagnostic');

    const action = await quickFix(session, uri, pair, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.equal(action.kind, 'quickfix');
    const edit = await session.editOf(action);
    assert.ok(edit, 'the quick fix carries an edit');
    await session.apply(edit);

    const text = session.text(uri);
    assert.ok(!text.includes(id) && !text.includes(secret), `both literals are gone:\n${text}`);
    assert.match(text, /System\.getenv\("ALIBABA_CLOUD_ACCESS_KEY_ID"\)/);
    assert.match(text, /System\.getenv\("ALIBABA_CLOUD_ACCESS_KEY_SECRET"\)/);
    assert.deepEqual(await session.current(uri, 'the fixed version is published'), []);
  });

  it('the akguard:ignore quick fix suppresses the finding', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const secret = fakeSecret();
    const uri = await session.open('tools/deploy.py', 'python', `ACCESS_KEY_ID = "${id}"\nACCESS_KEY_SECRET = "${secret}"\n`);
    const [pair] = byCode(await session.current(uri, 'the pair is reported'), PAIR);
    assert.ok(pair, 'a pair diagnostic');

    const edit = await session.editOf(await quickFix(session, uri, pair, /akguard:ignore|ignore/i));
    assert.ok(edit, 'the suppression carries an edit');
    await session.apply(edit);

    assert.match(session.text(uri), /#.*akguard:ignore/, 'the suppression uses Python comment syntax');
    assert.deepEqual(byCode(await session.current(uri, 'the suppressed version is published'), PAIR), []);
  });

  it('add to baseline runs on the server, writes the shared baseline without the secret, and the finding goes', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const secret = fakeSecret();
    const uri = await session.open('config/application.properties', 'properties', `aliyun.ak=${id}\naliyun.sk=${secret}\n`);
    const [pair] = byCode(await session.current(uri, 'the pair is reported'), PAIR);
    assert.ok(pair, 'a pair diagnostic');

    const action = await quickFix(session, uri, pair, /baseline/i);
    assert.ok(action.command, 'add to baseline is a command, not an edit');
    const serverCommands = session.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(serverCommands.includes(action.command.command), `${action.command.command} is declared by the server, so the client proxies it`);

    const since = session.published.length;
    await session.executeCommand(action.command);
    await session.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, PAIR).length === 0, 'the baselined pair is gone', since);

    const baselines = fs.readdirSync(session.workspace).filter((f) => /baseline/i.test(f));
    assert.equal(baselines.length, 1, `one baseline file in the workspace root: ${baselines}`);
    const baseline = fs.readFileSync(path.join(session.workspace, baselines[0]), 'utf8');
    assert.ok(!baseline.includes(secret), 'the baseline never stores the plaintext secret');
    assert.ok(baseline.length > 0);
  });

  it('open rule doc asks the client to show the rule page in the browser', async () => {
    const session = server();
    const uri = await session.open('deploy.sh', 'shellscript', `export KEY=${fakeAccessKeyId()}\n`);
    const [diagnostic] = await session.current(uri, 'the ID is reported');
    assert.ok(diagnostic, 'a diagnostic');
    const action = await quickFix(session, uri, diagnostic, /documentation|doc/i);
    assert.ok(action.command, 'open rule doc is a command');
    await session.executeCommand(action.command);
    const shown = session.shownDocuments.at(-1);
    assert.ok(shown, 'window/showDocument was requested');
    assert.equal(shown.external, true);
    assert.equal(shown.uri, diagnostic.codeDescription?.href, 'the same page as the diagnostic links to');
  });

  it('an ID without its secret is a warning, and severity settings changes re-publish it', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const uri = await session.open('docs/setup.md', 'markdown', `# Setup\n\nOur account uses key ${id} for uploads.\n`);
    const [warning] = byCode(await session.current(uri, 'the ID is reported'), ID_ONLY);
    assert.ok(warning, 'an ID-only diagnostic');
    assert.equal(warning.severity, lspSeverity('warning'));
    assert.deepEqual(warning.range, rangeOf(session.text(uri), id));

    let since = session.published.length;
    await session.changeSettings(settingsFrom({ 'severity.id': 'error' }));
    await session.waitForDiagnostics(
      uri,
      (p) => byCode(p.diagnostics, ID_ONLY).some((d) => d.severity === lspSeverity('error')),
      'severity.id "error" turns the ID diagnostic into an error',
      since
    );

    since = session.published.length;
    await session.changeSettings(settingsFrom({ 'severity.id': 'off' }));
    await session.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, ID_ONLY).length === 0, 'severity.id "off" hides it', since);

    await session.changeSettings(settingsFrom({}));
  });

  it('closing a document clears its diagnostics', async () => {
    const session = server();
    const uri = await session.open('notes.txt', 'plaintext', `id ${fakeAccessKeyId()} secret ${fakeSecret()}\n`);
    assert.ok((await session.current(uri, 'the pair is reported')).length > 0);
    const since = session.published.length;
    await session.close(uri);
    await session.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'diagnostics are cleared on close', since);
  });

  it('shutdown and exit end the server with exit code 0', async () => {
    const session = server();
    assert.equal(await session.stop(), 0);
  });
});

describe('akguard lsp honours initializationOptions (real server jar)', () => {
  const server = useServer(settingsFrom({ 'severity.pair': 'hint', exclude: ['generated/**'] }));

  it('uses the severity and excludes given at initialize', async () => {
    const session = server();
    const excluded = await session.open('generated/Keys.java', 'java', javaSource(fakeAccessKeyId(), fakeSecret()));
    const checked = await session.open('src/Keys.java', 'java', javaSource(fakeAccessKeyId(), fakeSecret()));
    const [pair] = byCode(await session.current(checked, 'the pair is reported'), PAIR);
    assert.ok(pair, 'a pair diagnostic in the checked file');
    assert.equal(pair.severity, lspSeverity('hint'));
    const excludedReports = session.published.filter((p) => p.uri === excluded && p.diagnostics.length > 0);
    assert.deepEqual(excludedReports, [], 'nothing is reported in an excluded file');
    assert.equal(await session.stop(), 0);
  });
});

describe('akguard lsp with pull diagnostics, as VS Code declares them (real server jar)', () => {
  const server = useServer(settingsFrom({}), { pull: true });

  it('declares a pull diagnostic provider', () => {
    const session = server();
    const provider = session.initializeResult.capabilities.diagnosticProvider;
    assert.ok(provider, 'diagnosticProvider for a client that declares textDocument.diagnostic');
  });

  it('answers textDocument/diagnostic with the pair, never pushes, and the quick fix clears it', async () => {
    const session = server();
    const id = fakeAccessKeyId();
    const secret = fakeSecret();
    const uri = await session.open('src/Pulled.java', 'java', javaSource(id, secret));

    const items = await session.pull(uri);
    const [pair] = byCode(items, PAIR).filter((d) => JSON.stringify(d.range) === JSON.stringify(rangeOf(session.text(uri), id)));
    assert.ok(pair, `a ${PAIR} diagnostic on the ID among ${JSON.stringify(items)}`);
    assert.equal(pair.severity, lspSeverity('error'));
    assert.equal(pair.source, 'akguard');

    await session.apply((await session.editOf(await quickFix(session, uri, pair, /ALIBABA_CLOUD_ACCESS_KEY_ID/)))!);
    assert.deepEqual(await session.pull(uri), []);
    assert.deepEqual(
      session.published.filter((p) => p.uri === uri && p.diagnostics.length > 0),
      [],
      'a pull client never also gets pushed diagnostics'
    );
  });

  it('a settings change asks the client to refresh, and the next pull reflects it', async () => {
    const session = server();
    const uri = await session.open('README.md', 'markdown', `Key: ${fakeAccessKeyId()}\n`);
    assert.equal(byCode(await session.pull(uri), ID_ONLY)[0]?.severity, lspSeverity('warning'));

    const seen = session.refreshRequests;
    await session.changeSettings(settingsFrom({ 'severity.id': 'off' }));
    await session.waitForRefresh(seen, 'after severity.id became "off"');
    assert.deepEqual(byCode(await session.pull(uri), ID_ONLY), []);
    assert.equal(await session.stop(), 0);
  });
});
