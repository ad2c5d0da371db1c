/** Oldest Java feature release that runs the akguard server (the jar is compiled for release 17). */
export const MIN_JAVA_MAJOR = 17;

/**
 * Reads the feature release ("major" version) from the output of `java -version`, which goes to stderr and
 * looks like `openjdk version "17.0.2" 2022-01-18`, `java version "1.8.0_392"` (pre-9 scheme) or
 * `openjdk version "22-ea"`; `java --version` prints `openjdk 17.0.2 2022-01-18`. Returns undefined when
 * the text names no version, e.g. when the "java" found is something else.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const quoted = /\bversion\s+"([^"]+)"/.exec(versionOutput);
  const version = quoted?.[1] ?? /^(?:openjdk|java)\s+(\d\S*)/m.exec(versionOutput)?.[1];
  if (version === undefined) {
    return undefined;
  }
  const legacy = /^1\.(\d+)/.exec(version);
  if (legacy) {
    return Number(legacy[1]);
  }
  const feature = /^(\d+)/.exec(version);
  return feature ? Number(feature[1]) : undefined;
}

export function isSupportedJava(major: number): boolean {
  return major >= MIN_JAVA_MAJOR;
}
