import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CLIENT_COMMANDS } from './commands';
import { findJava } from './javaDiscovery';
import { isFile, nodeJavaHost } from './nodeJavaHost';
import {
  LAUNCH_SETTINGS,
  SETTINGS_SECTION,
  SettingsReader,
  answerConfiguration,
  launchSettings,
  serverSettings,
} from './settings';
import { resolveServerJar, serverCommand } from './serverLaunch';

// Thin adapter: everything that can be decided without VS Code lives in the pure modules it imports.

const CLIENT_ID = 'akguard'; // also makes vscode-languageclient honour the `akguard.trace.server` setting

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let extensionPath: string;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('akguard', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(CLIENT_COMMANDS.restartServer, () => restart('restart requested')),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showOutput, () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    // Trusting the workspace un-ignores its values for the restricted (launch) settings.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart('workspace trusted')),
    { dispose: () => void stop() }
  );
  lifecycle = start();
  await lifecycle;
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const launch = launchSettings(settingsReader());
  const java = await findJava(launch.javaHome, nodeJavaHost());
  if (!java.ok) {
    return reportStartFailure(java.message);
  }
  const jar = resolveServerJar(launch.serverPath, extensionPath, isFile);
  if (!jar.ok) {
    return reportStartFailure(jar.message);
  }
  const { command, args } = serverCommand(java.java.javaPath, launch.vmArgs, jar.jarPath);
  output.info(`Starting: ${command} ${args.join(' ')} (Java ${java.java.major}, from ${java.java.source})`);

  const serverOptions: ServerOptions = { command, args: [...args], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    // Keys can be pasted into any file, so every file on disk and every unsaved buffer is checked.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannel: output,
    initializationOptions: () => serverSettings(settingsReader()),
    middleware: {
      workspace: {
        // Were the server to register for didChangeConfiguration, the library would push VS Code's raw
        // settings tree (`severity.pair` …); onConfigurationChanged sends the server's shape instead.
        didChangeConfiguration: async () => undefined,
        configuration: (params, token, next) =>
          answerConfiguration(params.items, (scopeUri) => settingsReader(scopeUri), async (others) => {
            const answers = await next({ items: others }, token);
            if (answers instanceof Error || !Array.isArray(answers)) {
              throw answers instanceof Error ? answers : new Error('workspace/configuration failed');
            }
            return answers;
          }),
      },
    },
  };
  client = new LanguageClient(CLIENT_ID, 'akguard', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    reportStartFailure(`The akguard server did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch((err: unknown) => output.warn(`Stopping the server failed: ${String(err)}`));
  }
}

let lifecycle: Promise<void> = Promise.resolve();

/** Restarts run one after another, so a burst of settings changes cannot start two servers. */
function restart(reason: string): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    output.info(`Restarting the akguard server: ${reason}`);
    await stop();
    await start();
  });
  return lifecycle;
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (LAUNCH_SETTINGS.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`))) {
    void restart('Java or server settings changed');
  } else if (event.affectsConfiguration(SETTINGS_SECTION) && client?.isRunning()) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SETTINGS_SECTION]: serverSettings(settingsReader()) },
    });
  }
}

function settingsReader(scopeUri?: string): SettingsReader {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  return { get: (key) => config.get(key) };
}

function reportStartFailure(message: string): void {
  output.error(message);
  void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', `@ext:akguard.akguard`);
    } else if (choice === 'Show Output') {
      output.show(true);
    }
  });
}
