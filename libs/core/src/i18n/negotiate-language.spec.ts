import { negotiateLanguage, parseAcceptLanguage } from './negotiate-language.js';

describe(parseAcceptLanguage.name, () => {
  it('orders primary tags by weight, dropping regions', () => {
    expect(parseAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toEqual(['ru', 'ru', 'en']);
    expect(parseAcceptLanguage('en;q=0.3, zh-CN;q=0.9, ru;q=0.5')).toEqual(['zh', 'ru', 'en']);
  });

  it('keeps header order for equal weights and lower-cases tags', () => {
    expect(parseAcceptLanguage('ZH-Hant, EN')).toEqual(['zh', 'en']);
    expect(parseAcceptLanguage('de;q=0.5, en;q=0.5, ru;q=0.5')).toEqual(['de', 'en', 'ru']);
  });

  it('excludes q=0, unparsable weights and empty parts', () => {
    expect(parseAcceptLanguage('en;q=0, ru, zh;q=abc, ,')).toEqual(['ru']);
  });

  it('returns nothing for an empty header', () => {
    expect(parseAcceptLanguage('')).toEqual([]);
  });

  it('reads the q parameter case-insensitively', () => {
    expect(parseAcceptLanguage('en;Q=0, ru;Q=0.5')).toEqual(['ru']);
  });
});

describe(negotiateLanguage.name, () => {
  it('lets ?lang= win over Accept-Language, case-insensitively', () => {
    expect(negotiateLanguage({ query: 'RU', acceptLanguage: 'zh-CN,en;q=0.8', fallback: 'en' })).toBe('ru');
  });

  it('refuses a ?lang= it does not offer, listing zh, en and ru', () => {
    expect(() => negotiateLanguage({ query: 'de', acceptLanguage: 'zh-CN', fallback: 'en' })).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'UNSUPPORTED_LANGUAGE', details: { lang: 'de', supported: ['zh', 'en', 'ru'] } }),
    );
    expect(() => negotiateLanguage({ query: 'kk-KZ', fallback: 'en' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_LANGUAGE' }));
    // A regional tag is its language.
    expect(negotiateLanguage({ query: 'ru-RU', fallback: 'en' })).toBe('ru');
  });

  it('ignores a non-string or empty ?lang= (the query DTOs refuse a repeated one)', () => {
    expect(negotiateLanguage({ query: ['ru'], acceptLanguage: 'zh-CN', fallback: 'en' })).toBe('zh');
    expect(negotiateLanguage({ query: ' ', acceptLanguage: 'zh-CN', fallback: 'en' })).toBe('zh');
  });

  it('takes the first supported language of Accept-Language by weight', () => {
    expect(negotiateLanguage({ acceptLanguage: 'ru-RU,ru;q=0.9,en;q=0.8', fallback: 'zh' })).toBe('ru');
    expect(negotiateLanguage({ acceptLanguage: 'de, en;q=0.5', fallback: 'zh' })).toBe('en');
    expect(negotiateLanguage({ acceptLanguage: 'en;q=0.2, zh-TW;q=0.7', fallback: 'ru' })).toBe('zh');
  });

  it('does not choose a language the client excluded with q=0', () => {
    expect(negotiateLanguage({ acceptLanguage: 'de, en;q=0', fallback: 'ru' })).toBe('ru');
  });

  it('joins a repeated Accept-Language header', () => {
    expect(negotiateLanguage({ acceptLanguage: ['de', 'ru;q=0.4'], fallback: 'en' })).toBe('ru');
  });

  it('falls back when nothing matches', () => {
    expect(negotiateLanguage({ fallback: 'zh' })).toBe('zh');
    expect(negotiateLanguage({ acceptLanguage: 'fr-FR, de;q=0.8', fallback: 'ru' })).toBe('ru');
    expect(negotiateLanguage({ query: '', acceptLanguage: '', fallback: 'en' })).toBe('en');
  });
});
