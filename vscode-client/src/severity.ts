/**
 * Severity names as users write them in settings and as the server receives them. "off" hides the rule's
 * diagnostics. The numbers are LSP's DiagnosticSeverity (1 Error .. 4 Hint).
 */
export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

const LSP_SEVERITY: Readonly<Record<SeverityName, 1 | 2 | 3 | 4 | undefined>> = {
  error: 1,
  warning: 2,
  information: 3,
  hint: 4,
  off: undefined,
};

/** Case-insensitive; "info" is accepted for "information" since editors spell it both ways. */
export function parseSeverity(value: unknown): SeverityName | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const normalized = value.trim().toLowerCase();
  if (normalized === 'info') {
    return 'information';
  }
  return (SEVERITY_NAMES as readonly string[]).includes(normalized) ? (normalized as SeverityName) : undefined;
}

/** The LSP DiagnosticSeverity a diagnostic of this setting carries; undefined for "off" (no diagnostic). */
export function lspSeverity(name: SeverityName): 1 | 2 | 3 | 4 | undefined {
  return LSP_SEVERITY[name];
}
