import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { LANGUAGES, type Language } from './language.js';

export interface TrilingualRules {
  /** Languages that must be present; by default only one of the three is needed. */
  required?: readonly Language[];
  /** Upper bound for each language's text. */
  maxLength?: number;
}

function problem(value: unknown, rules: TrilingualRules): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object { zh, en, ru }';
  const entries = Object.entries(value as Record<string, unknown>);
  const unknown = entries.map(([key]) => key).filter((key) => !(LANGUAGES as readonly string[]).includes(key));
  if (unknown.length) return `has unknown language keys: ${unknown.join(', ')} (allowed: zh, en, ru)`;
  for (const [key, text] of entries) {
    if (text !== undefined && text !== null && typeof text !== 'string') return `.${key} must be a string`;
    if (typeof text === 'string' && text.length > (rules.maxLength ?? 2000)) {
      return `.${key} must be at most ${rules.maxLength ?? 2000} characters`;
    }
  }
  const filled = (key: Language) => {
    const text = (value as Record<string, unknown>)[key];
    return typeof text === 'string' && text.trim() !== '';
  };
  if (!LANGUAGES.some(filled)) return 'must have a text in at least one of zh, en, ru';
  const missing = (rules.required ?? []).filter((key) => !filled(key));
  if (missing.length) return `must have a text in ${missing.join(', ')}`;
  return undefined;
}

/** Validates a `{ zh, en, ru }` value: known keys only, strings, lengths, and the required languages. */
export function IsTrilingual(rules: TrilingualRules = {}, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isTrilingual',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => problem(value, rules) === undefined,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${problem(args?.value, rules)}`,
      },
    });
  };
}
