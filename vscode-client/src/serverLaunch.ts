import * as path from 'node:path';

/** Where the packaging script (scripts/prepare-server.js) puts the server jar inside the extension. */
export const BUNDLED_JAR = path.join('server', 'akguard.jar');

export type JarResolution = { readonly ok: true; readonly jarPath: string } | { readonly ok: false; readonly message: string };

/** The `akguard.server.path` setting when set (it must exist), otherwise the jar shipped in the extension. */
export function resolveServerJar(
  serverPathSetting: string | undefined,
  extensionPath: string,
  isFile: (p: string) => boolean
): JarResolution {
  if (serverPathSetting) {
    return isFile(serverPathSetting)
      ? { ok: true, jarPath: serverPathSetting }
      : {
          ok: false,
          message:
            `The setting akguard.server.path is "${serverPathSetting}", but no such file exists. ` +
            'Set it to an akguard.jar (built with `mvn package` into cli/target/akguard.jar), or clear it to use the server shipped with the extension.',
        };
  }
  const bundled = path.join(extensionPath, BUNDLED_JAR);
  return isFile(bundled)
    ? { ok: true, jarPath: bundled }
    : {
        ok: false,
        message:
          `The akguard server is missing from the extension (${bundled}). Reinstall the extension, ` +
          'or set akguard.server.path to an akguard.jar.',
      };
}

export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** `java [vmArgs…] -jar akguard.jar lsp`: VM arguments must come before -jar or Java passes them to the program. */
export function serverCommand(javaPath: string, vmArgs: readonly string[], jarPath: string): ServerCommand {
  return { command: javaPath, args: [...vmArgs, '-jar', jarPath, 'lsp'] };
}
