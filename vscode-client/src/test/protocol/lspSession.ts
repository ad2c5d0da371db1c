import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  Command,
  ConfigurationRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ExecuteCommandRequest,
  ShowDocumentParams,
  ShowDocumentRequest,
  ShutdownRequest,
  TextEdit,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceEdit,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findJava } from '../../javaDiscovery';
import { nodeJavaHost } from '../../nodeJavaHost';
import { serverCommand } from '../../serverLaunch';
import { ServerSettings } from '../../settings';

const WAIT_MS = 30_000;

/** The jar under test: AKGUARD_JAR, else the editor jar Maven builds at lsp-server/target/akguard-lsp.jar (the one the .vsix ships). */
export function serverJarPath(): string {
  const fromEnv = process.env.AKGUARD_JAR;
  return fromEnv ? path.resolve(fromEnv) : path.resolve(__dirname, '..', '..', '..', '..', 'lsp-server', 'target', 'akguard-lsp.jar');
}

/**
 * What an editor declares for the features akguard uses. Without `pull` this is a push-only client (most
 * editors: Neovim, Emacs, LSP4E…); with it, the client also declares pull diagnostics and refresh as
 * vscode-languageclient does, which is how VS Code talks to the server.
 */
function capabilities(pull: boolean): ClientCapabilities {
  const caps: ClientCapabilities = structuredClone(PUSH_CAPABILITIES);
  if (pull) {
    caps.textDocument!.diagnostic = { dynamicRegistration: true, relatedDocumentSupport: false };
    caps.workspace!.diagnostics = { refreshSupport: true };
  }
  return caps;
}

const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    executeCommand: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
    },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

/** One real `java -jar akguard.jar lsp` process driven over stdio JSON-RPC, as an editor would. */
export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** How many workspace/diagnostic/refresh requests the server sent (pull clients only). */
  refreshRequests = 0;
  settings: ServerSettings;
  initializeResult!: InitializeResult;
  private readonly listeners = new Set<() => void>();
  private readonly docs = new Map<string, TextDocument>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly workspace: string,
    settings: ServerSettings
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => {
      process.once('exit', (code) => resolve(code));
      process.once('error', () => resolve(null));
    });
  }

  /** Fails with what to do when the jar or Java is missing: a harness that cannot run must not pass. */
  static async start(workspace: string, settings: ServerSettings, options: { pull?: boolean } = {}): Promise<LspSession> {
    const jar = serverJarPath();
    if (!fs.existsSync(jar)) {
      throw new Error(
        `The akguard server jar ${jar} does not exist, so the protocol test cannot run. Build it from the ` +
          'repository root with `mvn -q -pl lsp-server -am package -DskipTests`, or set AKGUARD_JAR to an akguard-lsp.jar.'
      );
    }
    const java = await findJava(process.env.AKGUARD_JAVA_HOME, nodeJavaHost());
    if (!java.ok) {
      throw new Error(java.message);
    }
    const { command, args } = serverCommand(java.java.javaPath, [], jar);
    const child = spawn(command, args, { cwd: workspace, stdio: 'pipe' });
    const connection = createProtocolConnection(child.stdout, child.stdin);
    const session = new LspSession(child, connection, workspace, settings);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => session.stderr.push(chunk));
    session.listen();
    connection.listen();
    session.initializeResult = await session.unlessExited(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'akguard-protocol-test' },
      rootUri: pathToFileURL(workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: path.basename(workspace) }],
      capabilities: capabilities(options.pull ?? false),
      initializationOptions: settings,
    }), 'answering initialize');
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /**
   * Rejects as soon as the server process ends, with its exit code and stderr: a crashed server must fail
   * the test with the reason, not leave a promise pending until the test runner cancels it.
   */
  unlessExited<T>(pending: Promise<T>, doing: string): Promise<T> {
    return Promise.race([
      pending,
      this.exited.then((code) => {
        throw new Error(`The akguard server exited (code ${code}) before ${doing}. Its stderr:\n${this.stderr.join('')}`);
      }),
    ]);
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.listeners.forEach((l) => l());
    });
    // Answered the way the extension's middleware answers: the "akguard" section is ServerSettings.
    c.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'akguard' ? this.settings : null));
    });
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(UnregistrationRequest.type, () => undefined);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.listeners.forEach((l) => l());
    });
    c.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    c.onNotification('window/logMessage', () => undefined);
    c.onNotification('$/progress', () => undefined);
  }

  uri(relativePath: string): string {
    return pathToFileURL(path.join(this.workspace, relativePath)).toString();
  }

  text(uri: string): string {
    return this.requireDoc(uri).getText();
  }

  version(uri: string): number {
    return this.requireDoc(uri).version;
  }

  async open(relativePath: string, languageId: string, text: string): Promise<string> {
    const file = path.join(this.workspace, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = this.uri(relativePath);
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Sends the edits as incremental changes, last first, so each range is valid when the server applies it. */
  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.requireDoc(uri);
    const ordered = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const updated = TextDocument.update(doc, ordered.map((e) => ({ range: e.range, text: e.newText })), doc.version + 1);
    this.docs.set(uri, updated);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: updated.version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: ServerSettings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { akguard: settings } });
  }

  /**
   * Resolves with the first diagnostics published for `uri` (from the `since`-th notification received
   * on, including later ones) that satisfy `accept`; fails after a generous limit with everything received, for diagnosis.
   */
  waitForDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean,
    what: string,
    since = 0
  ): Promise<PublishDiagnosticsParams> {
    return this.unlessExited(this.nextDiagnostics(uri, accept, what, since), `publishing diagnostics where ${what}`);
  }

  private nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean,
    what: string,
    since: number
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      let seen = since;
      const check = (): boolean => {
        for (; seen < this.published.length; seen++) {
          const p = this.published[seen];
          if (p.uri === uri && accept(p)) {
            done();
            resolve(p);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        const received = this.published.filter((p) => p.uri === uri);
        reject(
          new Error(
            `No diagnostics for ${uri} where ${what} within ${WAIT_MS} ms. Received: ${JSON.stringify(received)}\n` +
              `Server stderr:\n${this.stderr.join('')}`
          )
        );
      }, WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** The latest diagnostics for `uri` at its current version. */
  current(uri: string, what = 'the current version is published'): Promise<Diagnostic[]> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === version || (p.version === undefined && this.isLatest(p)), what).then(
      (p) => p.diagnostics
    );
  }

  private isLatest(p: PublishDiagnosticsParams): boolean {
    return this.published.filter((q) => q.uri === p.uri).at(-1) === p;
  }

  /** textDocument/diagnostic without a previous result id, so the answer must be a full report. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.unlessExited(
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, identifier: 'akguard' }),
      'answering textDocument/diagnostic'
    );
    if (report.kind !== DocumentDiagnosticReportKind.Full) {
      throw new Error(`Expected a full diagnostic report without previousResultId, got ${JSON.stringify(report)}`);
    }
    return report.items;
  }

  /** Resolves once the server has sent more than `seen` workspace/diagnostic/refresh requests. */
  waitForRefresh(seen: number, what: string): Promise<void> {
    return this.unlessExited(
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.listeners.delete(listener);
          reject(new Error(`No workspace/diagnostic/refresh ${what} within ${WAIT_MS} ms. Server stderr:\n${this.stderr.join('')}`));
        }, WAIT_MS);
        const listener = () => {
          if (this.refreshRequests > seen) {
            clearTimeout(timer);
            this.listeners.delete(listener);
            resolve();
          }
        };
        this.listeners.add(listener);
        listener();
      }),
      `asking for a diagnostic refresh ${what}`
    );
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await this.unlessExited(
      this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: undefined, triggerKind: 1 },
      }),
      'answering codeAction'
    );
    return (result ?? []).filter((a): a is CodeAction => !Command.is(a));
  }

  /** What VS Code does when the user picks a code action that carries a server command. */
  executeCommand(command: Command): Promise<unknown> {
    return this.unlessExited(
      this.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments }),
      `executing ${command.command}`
    );
  }

  /** The action's edit, asking the server to resolve it first when it was sent without one. */
  async editOf(action: CodeAction): Promise<WorkspaceEdit | undefined> {
    if (action.edit || action.data === undefined) {
      return action.edit;
    }
    return (await this.unlessExited(this.connection.sendRequest(CodeActionResolveRequest.type, action), 'resolving a code action')).edit;
  }

  /** Applies a workspace edit to the open documents as VS Code would, sending the resulting didChange. */
  async apply(edit: WorkspaceEdit): Promise<void> {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      byUri.set(uri, edits);
    }
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) {
        throw new Error(`Unexpected resource operation in a quick fix: ${JSON.stringify(change)}`);
      }
      byUri.set(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
    }
    for (const [uri, edits] of byUri) {
      await this.edit(uri, edits);
    }
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    const killer = setTimeout(() => this.process.kill(), 10_000);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      return await this.exited;
    } finally {
      clearTimeout(killer);
      this.connection.dispose();
    }
  }

  kill(): void {
    if (this.process.exitCode === null) {
      this.process.kill();
    }
    this.connection.dispose();
  }

  private requireDoc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) {
      throw new Error(`${uri} is not open`);
    }
    return doc;
  }
}
