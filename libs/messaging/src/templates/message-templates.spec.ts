import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '#core/i18n/language.js';
import { MESSAGE_KINDS, MESSAGE_PLACEHOLDERS, type MessageKind } from './message-kinds.js';
import { readTemplateParts, renderMessage, templatesDir } from './message-templates.js';

/** Distinctive sample values: each must come out of the rendering unchanged (none holds an HTML-special character). */
function sampleValues(kind: MessageKind): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const name of MESSAGE_PLACEHOLDERS[kind]) values[name] = name === 'position' ? 4711 : `⟨${name}⟩`;
  return values;
}

function templateFile(kind: MessageKind, language: Language): string {
  return join(templatesDir(), `${kind}.${language}.hbs`);
}

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const cases = MESSAGE_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));

describe('message templates', () => {
  it('are looked up in libs/messaging/templates', () => {
    expect(templatesDir()).toMatch(/[\\/]libs[\\/]messaging[\\/]templates$/);
    expect(templatesDir()).not.toMatch(/[\\/]dist[\\/]/);
    expect(existsSync(templatesDir())).toBe(true);
  });

  describe.each(cases)('%s in %s', (kind, language) => {
    const file = templateFile(kind, language);

    it('exists and has a subject, a plain-text body and an HTML fragment', () => {
      expect(existsSync(file)).toBe(true);
      const parts = readTemplateParts(file);
      expect(parts.subject).not.toContain('\n');
      expect(parts.html).toMatch(/<p>/);
      expect(parts.html).not.toMatch(/<\/?(html|head|body)\b/i);
    });

    it('uses only its documented placeholders, with double braces', () => {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toContain('{{{');
      const used = [...source.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      const allowed: readonly string[] = MESSAGE_PLACEHOLDERS[kind];
      expect(used.filter((name) => !allowed.includes(name))).toEqual([]);
      // Every documented placeholder reaches the reader in both bodies (checked on the rendering below).
    });

    it('renders every sample value in the text and the HTML, leaving no braces', () => {
      const values = sampleValues(kind);
      const { subject, text, html } = renderMessage(kind, language, values);
      expect(subject.trim()).not.toBe('');
      for (const value of Object.values(values)) {
        expect(text).toContain(String(value));
        expect(html).toContain(String(value));
      }
      if (kind !== 'welcome') {
        // The subject names what the message is about: the conference or the session or agreement.
        const about = Object.values(values).filter((value) => subject.includes(String(value)));
        expect(about.length).toBeGreaterThan(0);
      }
      for (const part of [subject, text, html]) {
        expect(part).not.toContain('{{');
        expect(part).not.toContain('}}');
      }
      expect(html.startsWith(`<!doctype html><html lang="${language}"><meta charset="utf-8"><body>`)).toBe(true);
      expect(html.endsWith('</body></html>')).toBe(true);
    });

    it('is written in its language and signed by the organising committee', () => {
      const { subject, text } = renderMessage(kind, language, sampleValues(kind));
      if (language === 'zh') {
        expect(subject).toMatch(HAN);
        expect(text).toMatch(HAN);
        expect(text).toContain('组委会');
        expect(text).not.toMatch(CYRILLIC);
      } else if (language === 'ru') {
        expect(subject).toMatch(CYRILLIC);
        expect(text).toMatch(CYRILLIC);
        expect(text).toMatch(/Оргкомитет/);
        expect(text).not.toMatch(HAN);
      } else {
        expect(text).toContain('Organising Committee');
        expect(text).not.toMatch(HAN);
        expect(text).not.toMatch(CYRILLIC);
      }
    });

    it('mentions the conference by its name where the kind has one', () => {
      if (!(MESSAGE_PLACEHOLDERS[kind] as readonly string[]).includes('eventName')) return;
      const { text, html } = renderMessage(kind, language, sampleValues(kind));
      expect(text).toContain('⟨eventName⟩');
      expect(html).toContain('⟨eventName⟩');
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script> & Co';

    it.each(LANGUAGES)('escapes values in the HTML but not in the subject or text (%s)', (language) => {
      const values = { ...sampleValues('registration-rejected'), reason: hostile, eventName: '<b>Expo</b>' };
      const { subject, text, html } = renderMessage('registration-rejected', language, values);
      expect(text).toContain(hostile);
      expect(subject).toContain('<b>Expo</b>');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<b>Expo</b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(html).toContain('&lt;b&gt;Expo&lt;/b&gt;');
    });

    it('keeps a quote in a link value from breaking out of the href attribute', () => {
      const { html } = renderMessage('invitation', 'en', { ...sampleValues('invitation'), acceptUrl: 'https://x.test/a" onclick="evil()' });
      expect(html).not.toContain('" onclick="');
      expect(html).toContain('href="https://x.test/a&quot; onclick&#x3D;&quot;evil()"');
    });

    // Russian nests «ёлочки» and „лапки“: an event named Форум «Цифровой Шёлковый путь» quoted by a template.
    it('nests the quotes of a title the template quotes, and leaves it as typed where it is not quoted', () => {
      const values = { ...sampleValues('session-moved'), eventName: 'Форум «Цифровой Шёлковый путь»', sessionTitle: '«Электронная коммерция» и торговля' };
      const { subject, text, html } = renderMessage('session-moved', 'ru', values);
      expect(subject).toBe('Форум «Цифровой Шёлковый путь»: изменено время сессии «„Электронная коммерция“ и торговля»');
      for (const body of [text, html]) {
        expect(body).toContain('мероприятия «Форум „Цифровой Шёлковый путь“»');
        expect(body).not.toContain('««');
        expect(body).not.toContain('»»');
      }
      const zh = renderMessage('session-moved', 'zh', { ...values, sessionTitle: '“丝路电商”与现代贸易' });
      expect(zh.text).toContain('“‘丝路电商’与现代贸易”');
    });

    it('does not interpret template syntax inside values', () => {
      const { text, html } = renderMessage('welcome', 'en', { displayName: '{{loginUrl}}', loginUrl: 'https://x.test/login' });
      expect(text).toContain('Dear {{loginUrl}},');
      expect(html).toContain('Dear {{loginUrl}},');
    });
  });

  describe('rendering', () => {
    it('renders a number value, including zero', () => {
      const { text } = renderMessage('enrolment-waitlisted', 'en', { ...sampleValues('enrolment-waitlisted'), position: 0 });
      expect(text).toContain('waiting list: 0');
    });

    it('keeps the subject on one line even if a value holds a line break', () => {
      const { subject } = renderMessage('invitation', 'en', { ...sampleValues('invitation'), eventName: 'Expo\r\nBcc: x@example.test' });
      expect(subject).toBe('Invitation to Expo Bcc: x@example.test');
    });

    it('refuses to render when a value the template uses is missing', () => {
      expect(() => renderMessage('welcome', 'en', { displayName: 'Li Wei' })).toThrow(/welcome\.en needs values for: loginUrl/);
    });

    it('ignores extra values', () => {
      const { text } = renderMessage('welcome', 'zh', { displayName: '李伟', loginUrl: 'https://x.test/login', role: 'guest' });
      expect(text).toContain('尊敬的李伟：');
      expect(text).not.toContain('guest');
    });

    it('returns the same rendering on every call (templates are compiled once)', () => {
      const values = sampleValues('agreement-signed');
      expect(renderMessage('agreement-signed', 'ru', values)).toEqual(renderMessage('agreement-signed', 'ru', values));
    });

    it('rejects an unknown kind or language', () => {
      expect(() => renderMessage('no-such-kind' as MessageKind, 'en', {})).toThrow(/Unknown message kind: no-such-kind/);
      expect(() => renderMessage('welcome', 'fr' as Language, {})).toThrow(/Unknown message language: fr/);
    });
  });

  describe('template files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'message-templates-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a missing file clearly', () => {
      const file = join(dir, 'missing.en.hbs');
      expect(() => readTemplateParts(file)).toThrow(`Message template not found: ${file}`);
    });

    it('reports a file without three parts clearly', () => {
      const file = join(dir, 'two-parts.en.hbs');
      writeFileSync(file, 'Subject\n---\nText only\n');
      expect(() => readTemplateParts(file)).toThrow(/must have exactly three parts .*found 2/);
      writeFileSync(file, 'Subject\n---\nText\n---\n<p>HTML</p>\n---\nmore\n');
      expect(() => readTemplateParts(file)).toThrow(/found 4/);
    });

    it('splits on lines holding only ---, with CRLF line ends too', () => {
      const file = join(dir, 'crlf.en.hbs');
      writeFileSync(file, 'Hello {{name}}\r\n---\r\nText --- not a separator\r\n---\r\n<p>{{name}}</p>\r\n');
      expect(readTemplateParts(file)).toEqual({ subject: 'Hello {{name}}', text: 'Text --- not a separator', html: '<p>{{name}}</p>' });
    });
  });
});
