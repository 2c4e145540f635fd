import { newVisaLetterReference, VISA_LETTER_REFERENCE } from './visa-letter-reference.js';
import { countryName, dayInZone, formatDay } from './visa-letter-words.js';

describe('visa letter words and references', () => {
  it('writes calendar days as each language does, never moved by a time zone', () => {
    expect(formatDay('2025-07-17', 'zh')).toBe('2025年7月17日');
    expect(formatDay('2025-07-17', 'en')).toBe('17 July 2025');
    expect(formatDay('2025-07-17', 'ru')).toBe('17 июля 2025 г.');
    // 20:30 UTC on the 16th is already the 17th in Qingdao.
    expect(dayInZone(new Date('2025-07-16T20:30:00Z'), 'Asia/Shanghai')).toBe('2025-07-17');
  });

  it('names a nationality by its ISO code in the letter\'s language, and prints anything else as given', () => {
    expect(countryName('KZ', 'ru')).toBe('Казахстан (KZ)');
    expect(countryName('KZ', 'zh')).toBe('哈萨克斯坦 (KZ)');
    expect(countryName('Kazakh', 'en')).toBe('Kazakh');
  });

  it('makes references of one readable form, different each time', () => {
    const references = new Set(Array.from({ length: 200 }, newVisaLetterReference));
    expect(references.size).toBe(200);
    for (const reference of references) expect(reference).toMatch(VISA_LETTER_REFERENCE);
    expect([...references].map((reference) => reference.slice(3)).join('')).not.toMatch(/[ILOU]/);
  });
});
