import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as classValidator from 'class-validator';
import { apiErrorCodes } from './api-error-codes';

/**
 * The console's three catalogues hold the same keys, and the errors catalogue names every code the api can send
 * and every validation rule it can report, in zh, en and ru. Read from the sources, so a new code or a new
 * decorator fails here until it is translated.
 */
const ROOT = process.cwd();
const LOCALES = join(ROOT, 'apps/console/src/i18n/locales');
const LANGUAGES = ['zh', 'en', 'ru'] as const;
/** Codes of the console itself: a refusal it cannot name, and no answer at all. */
const CONSOLE_CODES = ['UNKNOWN', 'NETWORK'];

type Catalogue = { [key: string]: string | Catalogue };

function read(language: string, namespace: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Catalogue;
}

function keys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

/** i18next's plural suffixes differ by language (ru has _few and _many, zh only _other): compare the stems. */
function stems(list: string[]): string[] {
  return [...new Set(list.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}

/** class-validator's rule name of each decorator the api's DTOs use (`@IsUUID` reports `isUuid`). */
function validationRules(): string[] {
  const names = new Map(
    Object.values(classValidator)
      .filter((value): value is string => typeof value === 'string')
      .map((value) => [value.toLowerCase(), value]),
  );
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'console') walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) files.push(path);
    }
  };
  ['libs', 'apps/api/src'].forEach((dir) => walk(join(ROOT, dir)));
  const rules = new Set<string>(['unknownField', 'nestedValidation']);
  // @IsOptional only lets a rule skip a missing value; it never reports one.
  const silent = new Set(['isOptional']);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, decorator] of text.matchAll(/@([A-Z][A-Za-z0-9]+)\(/g)) {
      const rule = names.get(decorator.toLowerCase());
      if (rule && !silent.has(rule)) rules.add(rule);
    }
    for (const [, rule] of text.matchAll(/\brule: '([A-Za-z]+)'/g)) rules.add(rule);
    for (const [, rule] of text.matchAll(/registerDecorator\(\{\s*name: '([A-Za-z]+)'/g)) rules.add(rule);
  }
  return [...rules].sort();
}

describe('console catalogues', () => {
  const namespaces = readdirSync(join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));

  it.each(namespaces)('%s holds the same keys in zh, en and ru, none empty', (namespace: string) => {
    const [zh, en, ru] = LANGUAGES.map((language) => read(language, namespace));
    expect(stems(keys(zh))).toEqual(stems(keys(en)));
    expect(stems(keys(ru))).toEqual(stems(keys(en)));
    for (const catalogue of [zh, en, ru]) {
      const empty = keys(catalogue).filter((key) => {
        const value = key.split('.').reduce<string | Catalogue>((node, part) => (node as Catalogue)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('names every code the api sends, in every language', () => {
    const codes = apiErrorCodes(ROOT);
    // The reading of the sources itself works: codes of every kind are found, environment variables are not.
    expect(codes).toEqual(expect.arrayContaining(['ROOM_CONFLICT', 'VALIDATION_FAILED', 'UNAUTHENTICATED', 'CONFLICT', 'CHECKED_IN', 'DATABASE_UNAVAILABLE']));
    expect(codes).not.toContain('DATABASE_URL');
    expect(codes.length).toBeGreaterThan(100);
    for (const language of LANGUAGES) {
      const catalogue = read(language, 'errors');
      const missing = [...codes, ...CONSOLE_CODES].filter((code) => typeof catalogue[code] !== 'string');
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it('names every validation rule the api reports, in every language', () => {
    const rules = validationRules();
    expect(rules).toEqual(expect.arrayContaining(['isUuid', 'maxLength', 'isTrilingual', 'unknownField', 'required']));
    for (const language of LANGUAGES) {
      const rule = (read(language, 'errors').rule ?? {}) as Catalogue;
      const missing = rules.filter((name) => typeof rule[name] !== 'string');
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });
});
