/**
 * Commands the extension itself registers (and contributes in package.json). The server's own commands
 * (add to baseline, open rule doc) are registered by vscode-languageclient from the server's
 * executeCommandProvider; registering one of those ids here too would make VS Code reject the second
 * registration, so these ids must never collide with the server's (the protocol test checks it).
 */
export const CLIENT_COMMANDS = {
  restartServer: 'akguard.restartServer',
  showOutput: 'akguard.showOutput',
} as const;
