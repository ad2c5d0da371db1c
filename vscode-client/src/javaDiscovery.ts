import * as path from 'node:path';
import { MIN_JAVA_MAJOR, isSupportedJava, parseJavaMajorVersion } from './javaVersion';

/** Where a candidate java executable came from, in the order they are tried. */
export type JavaSource = 'setting akguard.java.home' | 'JAVA_HOME' | 'PATH';

/**
 * What discovery needs from the machine. The extension passes the real file system, environment and
 * child processes; tests pass fakes, which is why nothing here touches `fs` or `process` directly.
 */
export interface JavaHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  isFile(filePath: string): boolean;
  /** Runs `<javaPath> -version` and resolves with its combined output; rejects when it cannot run. */
  versionOutput(javaPath: string): Promise<string>;
}

export interface JavaCandidate {
  readonly source: JavaSource;
  readonly javaPath: string;
}

export interface FoundJava extends JavaCandidate {
  readonly major: number;
}

export type JavaDiscovery =
  | { readonly ok: true; readonly java: FoundJava }
  | { readonly ok: false; readonly message: string };

/**
 * Finds a Java 17+ executable: the `akguard.java.home` setting, then `JAVA_HOME`, then `java` on the PATH.
 * An explicit setting is authoritative: when it is wrong, discovery fails with a message about the
 * setting rather than silently running some other Java. JAVA_HOME and the PATH are conveniences, so an
 * old Java there is skipped in favour of the next candidate, and reported only if none qualifies.
 */
export async function findJava(settingHome: string | undefined, host: JavaHost): Promise<JavaDiscovery> {
  const p = pathFor(host.platform);
  const home = settingHome?.trim();
  if (home) {
    const javaPath = javaInHomeSetting(home, host);
    if (javaPath === undefined) {
      return failure(
        `The setting akguard.java.home is "${home}", but there is no ${p.join('bin', javaExecutable(host.platform))} in it. ` +
          `Set it to the folder of a Java ${MIN_JAVA_MAJOR} or newer runtime (the folder that contains bin/${javaExecutable(host.platform)}), ` +
          'or clear it to use JAVA_HOME or the java on the PATH.'
      );
    }
    const checked = await checkVersion({ source: 'setting akguard.java.home', javaPath }, host);
    return checked.ok ? checked : failure(`${checked.message} Point akguard.java.home to a Java ${MIN_JAVA_MAJOR} or newer runtime.`);
  }

  const rejected: string[] = [];
  for (const candidate of environmentCandidates(host)) {
    const checked = await checkVersion(candidate, host);
    if (checked.ok) {
      return checked;
    }
    rejected.push(checked.message);
  }
  if (rejected.length === 0) {
    return failure(
      `akguard needs Java ${MIN_JAVA_MAJOR} or newer to run its language server and found none: JAVA_HOME is not set ` +
        `(or has no bin/${javaExecutable(host.platform)}) and there is no ${javaExecutable(host.platform)} on the PATH. ` +
        `Install a JDK ${MIN_JAVA_MAJOR}+ (for example Eclipse Temurin) and set akguard.java.home to its folder, or set JAVA_HOME.`
    );
  }
  return failure(
    `akguard needs Java ${MIN_JAVA_MAJOR} or newer to run its language server. ${rejected.join(' ')} ` +
      `Install a JDK ${MIN_JAVA_MAJOR}+ and set akguard.java.home to its folder (or point JAVA_HOME to it).`
  );
}

/** JAVA_HOME's java first, then every java on the PATH in PATH order, without duplicates. */
export function environmentCandidates(host: JavaHost): JavaCandidate[] {
  const p = pathFor(host.platform);
  const exe = javaExecutable(host.platform);
  const candidates: JavaCandidate[] = [];
  const javaHome = envValue(host, 'JAVA_HOME')?.trim();
  if (javaHome) {
    const javaPath = p.join(javaHome, 'bin', exe);
    if (host.isFile(javaPath)) {
      candidates.push({ source: 'JAVA_HOME', javaPath });
    }
  }
  const searchPath = envValue(host, 'PATH') ?? '';
  for (const dir of searchPath.split(host.platform === 'win32' ? ';' : ':')) {
    const cleaned = stripQuotes(dir.trim());
    if (!cleaned) {
      continue;
    }
    const javaPath = p.join(cleaned, exe);
    if (host.isFile(javaPath) && !candidates.some((c) => samePath(c.javaPath, javaPath, host.platform))) {
      candidates.push({ source: 'PATH', javaPath });
    }
  }
  return candidates;
}

export function javaExecutable(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** Accepts the runtime's folder (documented), and forgivingly its bin folder or the executable itself. */
function javaInHomeSetting(home: string, host: JavaHost): string | undefined {
  const p = pathFor(host.platform);
  const exe = javaExecutable(host.platform);
  const tries = [p.join(home, 'bin', exe), p.join(home, exe)];
  if (host.isFile(home) && p.basename(home).toLowerCase() === exe) {
    return home;
  }
  return tries.find((t) => host.isFile(t));
}

async function checkVersion(candidate: JavaCandidate, host: JavaHost): Promise<JavaDiscovery> {
  let output: string;
  try {
    output = await host.versionOutput(candidate.javaPath);
  } catch (err) {
    return failure(`${candidate.javaPath} (from ${candidate.source}) did not run: ${errorText(err)}.`);
  }
  const major = parseJavaMajorVersion(output);
  if (major === undefined) {
    return failure(`${candidate.javaPath} (from ${candidate.source}) did not report a Java version.`);
  }
  if (!isSupportedJava(major)) {
    return failure(`${candidate.javaPath} (from ${candidate.source}) is Java ${major}, too old.`);
  }
  return { ok: true, java: { ...candidate, major } };
}

function envValue(host: JavaHost, name: string): string | undefined {
  if (host.platform !== 'win32') {
    return host.env[name];
  }
  // Windows environment names are case-insensitive ("Path" is common).
  const key = Object.keys(host.env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : host.env[key];
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function stripQuotes(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function failure(message: string): JavaDiscovery {
  return { ok: false, message };
}
