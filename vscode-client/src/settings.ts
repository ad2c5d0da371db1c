import { SeverityName, parseSeverity } from './severity';

/** The settings section the server is configured from (`workspace/configuration` item section). */
export const SETTINGS_SECTION = 'akguard';

/**
 * The rule each `akguard.severity.<key>` setting controls, and the severity the server gives it when
 * neither this setting nor the project's akguard config file says otherwise.
 */
export const SEVERITY_SETTINGS = {
  pair: { ruleId: 'alibaba-access-key-pair', ruleDefault: 'error' },
  id: { ruleId: 'alibaba-access-key-id', ruleDefault: 'warning' },
  sts: { ruleId: 'alibaba-sts-credentials', ruleDefault: 'error' },
} as const satisfies Record<string, { ruleId: string; ruleDefault: SeverityName }>;

/** The value of a severity setting that defers to the project's config file (and then the rule default). */
export const PROJECT_SEVERITY = 'default';

export type SeveritySettingKey = keyof typeof SEVERITY_SETTINGS;

/** Settings that change how the server process is started; changing one needs a restart, not a notification. */
export const LAUNCH_SETTINGS = ['java.home', 'java.vmArgs', 'server.path'] as const;

/** Reads one setting under the `akguard.` section, e.g. `get('severity.pair')`; undefined when unset. */
export interface SettingsReader {
  get(key: string): unknown;
}

/**
 * What the server receives as `initializationOptions`, as the answer to a `workspace/configuration` item
 * with section "akguard", and under the "akguard" key of `workspace/didChangeConfiguration` settings.
 * Severities are keyed by rule id, the stable contract shared with `akguard scan`'s reports; a rule is
 * listed only when the user chose a severity for it, so that otherwise the project's config file decides.
 */
export interface ServerSettings {
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly exclude: readonly string[];
}

export interface LaunchSettings {
  readonly javaHome: string | undefined;
  readonly vmArgs: readonly string[];
  readonly serverPath: string | undefined;
}

/** Unknown or mistyped severities count as "default", so a typo in settings.json never disables a rule. */
export function serverSettings(reader: SettingsReader): ServerSettings {
  const severity: Record<string, SeverityName> = {};
  for (const [key, rule] of Object.entries(SEVERITY_SETTINGS)) {
    const chosen = parseSeverity(reader.get(`severity.${key}`));
    if (chosen !== undefined) {
      severity[rule.ruleId] = chosen;
    }
  }
  return { severity, exclude: stringList(reader.get('exclude')) };
}

export function launchSettings(reader: SettingsReader): LaunchSettings {
  return {
    javaHome: nonEmptyString(reader.get('java.home')),
    vmArgs: stringList(reader.get('java.vmArgs')),
    serverPath: nonEmptyString(reader.get('server.path')),
  };
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v.length > 0);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

export interface ConfigurationItem {
  readonly section?: string;
  readonly scopeUri?: string;
}

/**
 * Answers a `workspace/configuration` request: items for the "akguard" section get {@link ServerSettings}
 * read for their scope (a workspace folder or file); any other sections are asked of `others` (VS Code's
 * own lookup) in one batch, and the answers are put back in the order of the request.
 */
export async function answerConfiguration(
  items: readonly ConfigurationItem[],
  readerFor: (scopeUri: string | undefined) => SettingsReader,
  others: (items: ConfigurationItem[]) => Promise<unknown[]>
): Promise<unknown[]> {
  const foreign = items.filter((item) => item.section !== SETTINGS_SECTION);
  const foreignAnswers = foreign.length > 0 ? await others(foreign) : [];
  let next = 0;
  return items.map((item) =>
    item.section === SETTINGS_SECTION ? serverSettings(readerFor(item.scopeUri)) : (foreignAnswers[next++] ?? null)
  );
}
