import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The error (and check-in result) codes the api can send, read from its source, so the console's catalogue can be
 * checked complete without a hand-kept list that drifts. Used by catalogues.spec.ts only (node, not the browser).
 *
 * A code is an UPPER_SNAKE string literal in the api's libraries and apps, or a one-word code thrown with a status
 * or mapped from one. Upper-case literals that are not codes are named below with the reason.
 */
const SOURCE_DIRS = ['libs', 'apps/api/src', 'apps/worker/src'];
/** Test support and the console itself do not send codes. */
const SKIPPED_DIRS = ['libs/testing', 'apps/console'];
/** Files that name environment variables, whose names look like codes. */
const ENVIRONMENT_FILES = ['libs/core/src/config/app-config.ts', 'libs/core/src/config/env-parsers.ts'];

export const NOT_CODES: Record<string, string> = {
  APP_CONFIG: 'a dependency-injection token',
  DOCUMENT_STORE: 'a dependency-injection token',
  MAIL_TRANSPORT: 'a dependency-injection token',
  NODE_OPTIONS: 'an environment variable of child processes',
  EAI_AGAIN: "a Node.js network error code the api maps to DATABASE_UNAVAILABLE",
};

const UPPER_SNAKE = /'([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)'/g;
/** `new AppError(401, 'UNAUTHENTICATED', …)`, `super(403, 'FORBIDDEN', …)`, `409: 'CONFLICT'`, `code: 'FORBIDDEN'`. */
const ONE_WORD = [/\(\s*\d{3},\s*'([A-Z]+)'/g, /\b\d{3}: '([A-Z]+)'/g, /\bcode: '([A-Z]+)'/g];

function sourceFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const path = join(full, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) return SKIPPED_DIRS.includes(rel) || entry.name === 'node_modules' ? [] : sourceFiles(root, rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function literals(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

export function apiErrorCodes(root: string): string[] {
  const environment = new Set(ENVIRONMENT_FILES.flatMap((file) => literals(readFileSync(join(root, file), 'utf8'), UPPER_SNAKE)));
  const codes = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(root, dir))) {
    if (ENVIRONMENT_FILES.some((envFile) => file.endsWith(envFile))) continue;
    const text = readFileSync(file, 'utf8');
    for (const code of literals(text, UPPER_SNAKE)) if (!environment.has(code) && !(code in NOT_CODES)) codes.add(code);
    for (const pattern of ONE_WORD) for (const code of literals(text, pattern)) codes.add(code);
  }
  return [...codes].sort();
}
