import Module from 'node:module';

/**
 * Just enough of the `vscode` module for the extension's activation to run under node: the classes
 * vscode-languageclient extends at load time, and the window/commands/workspace calls activate() makes
 * before it starts a language client. Everything the extension does with them is recorded.
 */
export interface FakeVscode {
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly errors: string[];
  readonly log: string[];
  shown: number;
  config: Record<string, unknown>;
  /** What showErrorMessage resolves with, i.e. the button the user "clicks". */
  choice: string | undefined;
  readonly executed: unknown[][];
}

export function installFakeVscode(): { fake: FakeVscode; uninstall: () => void } {
  const fake: FakeVscode = { commands: new Map(), errors: [], log: [], shown: 0, config: {}, choice: undefined, executed: [] };
  const disposable = { dispose: () => undefined };
  const loadClass = class {};
  const vscode = {
    CompletionItem: loadClass,
    CodeLens: loadClass,
    DocumentLink: loadClass,
    CodeAction: loadClass,
    Diagnostic: loadClass,
    CallHierarchyItem: loadClass,
    TypeHierarchyItem: loadClass,
    SymbolInformation: loadClass,
    InlayHint: loadClass,
    CancellationError: class extends Error {},
    Uri: { parse: (s: string) => s },
    window: {
      createOutputChannel: () => ({
        info: (m: string) => fake.log.push(`info ${m}`),
        warn: (m: string) => fake.log.push(`warn ${m}`),
        error: (m: string) => fake.log.push(`error ${m}`),
        show: () => fake.shown++,
        dispose: () => undefined,
      }),
      showErrorMessage: (message: string) => {
        fake.errors.push(message);
        return Promise.resolve(fake.choice);
      },
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
        if (fake.commands.has(id)) {
          throw new Error(`command '${id}' already exists`);
        }
        fake.commands.set(id, fn);
        return disposable;
      },
      executeCommand: async (...args: unknown[]) => {
        fake.executed.push(args);
      },
    },
    workspace: {
      onDidChangeConfiguration: () => disposable,
      onDidGrantWorkspaceTrust: () => disposable,
      getConfiguration: (section: string) => ({ get: (key: string) => fake.config[`${section}.${key}`] }),
    },
  };
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  return { fake, uninstall: () => void (moduleWithLoad._load = original) };
}
