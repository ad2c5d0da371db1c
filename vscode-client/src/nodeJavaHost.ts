import * as fs from 'node:fs';
import { execFile } from 'node:child_process';
import { JavaHost } from './javaDiscovery';

const VERSION_TIMEOUT_MS = 15_000;

/** The real machine behind {@link JavaHost}: this process's environment, the file system and `java -version`. */
export function nodeJavaHost(): JavaHost {
  return {
    platform: process.platform,
    env: process.env,
    isFile,
    versionOutput: (javaPath) =>
      new Promise((resolve, reject) => {
        execFile(javaPath, ['-version'], { timeout: VERSION_TIMEOUT_MS, windowsHide: true }, (err, stdout, stderr) =>
          err ? reject(err) : resolve(`${stderr}${stdout}`)
        );
      }),
  };
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
