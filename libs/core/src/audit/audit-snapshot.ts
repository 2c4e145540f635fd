/** Keys that never enter the audit log, whatever a caller passes in. */
const SECRET_KEY = /password|secret|token|hash/i;

/** A plain, JSON-safe copy of a record for the audit log, with secrets removed. */
export function auditSnapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, inner) => (key !== '' && SECRET_KEY.test(key) ? undefined : inner)),
  ) as Record<string, unknown>;
}
