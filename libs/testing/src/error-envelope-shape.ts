/**
 * Whether an answer's body is the one error envelope `{ statusCode, code, message, details? }`
 * (libs/core/src/errors/error-envelope.ts) with the answer's own status: nothing more, nothing less.
 * Returns why not, or undefined when it is.
 */
export function envelopeProblem(status: number, body: unknown, contentType: string | null): string | undefined {
  if (!contentType?.includes('application/json')) return `content-type ${contentType ?? '(none)'}`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not an object';
  const { statusCode, code, message, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest).filter((key) => key !== 'details');
  if (extra.length) return `unexpected keys ${extra.join(', ')}`;
  if (statusCode !== status) return `statusCode ${String(statusCode)} differs from the status ${status}`;
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) return `code ${JSON.stringify(code)} is not a stable code`;
  if (typeof message !== 'string' || message === '') return 'message missing';
  return undefined;
}
