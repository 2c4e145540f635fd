import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { isLanguage, type Language } from '#core/i18n/language.js';
import { nestQuotes, titleMarks } from '#core/i18n/quote-title.js';
import { MESSAGE_PLACEHOLDERS, type MessageKind } from './message-kinds.js';

/** One message, ready for the mailer: a one-line subject, a plain-text body and a full HTML document. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateParts {
  subject: string;
  text: string;
  html: string;
}

interface CompiledMessage {
  file: string;
  /** Every placeholder the template uses (in any of its three parts). */
  placeholders: ReadonlySet<string>;
  /** Placeholders the template puts between its language's quotation marks somewhere («{{eventName}}»). */
  quoted: ReadonlySet<string>;
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
}

/**
 * Absolute path of libs/messaging/templates. This file sits in libs/messaging/src/templates/
 * (TypeScript source, under Jest) or in dist/libs/messaging/src/templates/ (compiled): four levels
 * up is the repository root or its dist/ folder; the .hbs files are never copied into dist.
 */
export function templatesDir(): string {
  let root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  if (basename(root) === 'dist') root = dirname(root);
  return join(root, 'libs', 'messaging', 'templates');
}

/** A line holding only `---` separates the subject, the plain-text body and the HTML fragment. */
const SEPARATOR = /^---[ \t]*$/m;

/** Reads a template file and splits it into its three parts (trimmed). Throws if it is missing or malformed. */
export function readTemplateParts(file: string): TemplateParts {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Message template not found: ${file}`, { cause: err });
    throw err;
  }
  const parts = source.replace(/\r\n?/g, '\n').split(SEPARATOR);
  if (parts.length !== 3) {
    throw new Error(
      `Message template ${file} must have exactly three parts (subject, plain text, HTML) separated by lines holding only "---"; found ${parts.length}`,
    );
  }
  const [subject, text, html] = parts.map((part) => part.trim());
  if (!subject || subject.includes('\n')) throw new Error(`Message template ${file}: the subject must be a single, non-empty line`);
  if (!text || !html) throw new Error(`Message template ${file}: the plain-text and HTML parts must not be empty`);
  return { subject, text, html };
}

/**
 * The placeholders a template part uses. Only plain `{{name}}` placeholders are allowed: no helpers,
 * blocks, partials, paths or triple braces (which would skip HTML escaping).
 */
function placeholdersOf(source: string, file: string): string[] {
  const names: string[] = [];
  for (const node of Handlebars.parse(source).body) {
    if (node.type === 'ContentStatement' || node.type === 'CommentStatement') continue;
    const mustache = node as hbs.AST.MustacheStatement;
    const path = mustache.path as hbs.AST.PathExpression;
    const plain =
      node.type === 'MustacheStatement' &&
      mustache.escaped &&
      mustache.params.length === 0 &&
      !mustache.hash &&
      path.type === 'PathExpression' &&
      !path.data &&
      path.depth === 0 &&
      path.parts.length === 1;
    if (!plain) {
      const line = node.loc?.start.line;
      throw new Error(`Message template ${file}${line ? ` (line ${line} of its part)` : ''}: only plain {{placeholder}} expressions are allowed`);
    }
    names.push(path.parts[0]);
  }
  return names;
}

const cache = new Map<string, CompiledMessage>();

/** The name a quoted placeholder is compiled to: the value with its own quotes nested (quote-title.ts). */
const NESTED = '__nested';

/**
 * Rewrites each placeholder the template quotes («{{eventName}}» in Russian, “{{sessionTitle}}” in Chinese) to its
 * nested form, so an event called Форум «Цифровой Шёлковый путь» reads «Форум „Цифровой Шёлковый путь“» there,
 * and stays as typed where the template does not quote it. The marks stay in the template, where translators see
 * them; the names they quote are collected into `quoted`.
 */
function nestQuoted(part: string, language: Language, quoted: Set<string>): string {
  const { open, close } = titleMarks(language);
  return part.replaceAll(new RegExp(`${open}\\{\\{(\\w+)\\}\\}${close}`, 'gu'), (_match, name: string) => {
    quoted.add(name);
    return `${open}{{${name}${NESTED}}}${close}`;
  });
}

function compiled(kind: MessageKind, language: Language): CompiledMessage {
  if (!Object.hasOwn(MESSAGE_PLACEHOLDERS, kind)) throw new Error(`Unknown message kind: ${String(kind)}`);
  if (!isLanguage(language)) throw new Error(`Unknown message language: ${String(language)}`);
  const key = `${kind}.${language}`;
  let message = cache.get(key);
  if (!message) {
    const file = join(templatesDir(), `${key}.hbs`);
    const parts = readTemplateParts(file);
    const allowed: readonly string[] = MESSAGE_PLACEHOLDERS[kind];
    const placeholders = new Set([parts.subject, parts.text, parts.html].flatMap((part) => placeholdersOf(part, file)));
    const unknown = [...placeholders].filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      throw new Error(`Message template ${file} uses placeholders not documented for "${kind}": ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
    }
    const quoted = new Set<string>();
    message = {
      file,
      placeholders,
      quoted,
      subject: Handlebars.compile(nestQuoted(parts.subject, language, quoted), { noEscape: true, strict: true }),
      text: Handlebars.compile(nestQuoted(parts.text, language, quoted), { noEscape: true, strict: true }),
      html: Handlebars.compile(nestQuoted(parts.html, language, quoted), { strict: true }),
    };
    cache.set(key, message);
  }
  return message;
}

/**
 * Renders one message in one language. The subject and the plain text take the values as they are;
 * the HTML fragment escapes them and is wrapped into a minimal HTML document.
 * Throws if the template is missing or malformed, or if a value the template uses is not given.
 */
export function renderMessage(kind: MessageKind, language: Language, values: Record<string, string | number>): RenderedMessage {
  const message = compiled(kind, language);
  const missing = [...message.placeholders].filter((name) => !Object.hasOwn(values, name) || values[name] == null);
  if (missing.length > 0) throw new Error(`Message ${kind}.${language} needs values for: ${missing.join(', ')}`);
  // Only own, documented values reach the template.
  const context: Record<string, string | number> = {};
  for (const name of message.placeholders) context[name] = values[name];
  for (const name of message.quoted) context[`${name}${NESTED}`] = nestQuotes(language, String(values[name]));
  return {
    // A subject is one header line: values with line breaks must not split it.
    subject: message.subject(context).replace(/\s+/g, ' ').trim(),
    text: message.text(context),
    html: `<!doctype html><html lang="${language}"><meta charset="utf-8"><body>\n${message.html(context)}\n</body></html>`,
  };
}
