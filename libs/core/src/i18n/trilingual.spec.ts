import { fallbackOrder, isComplete, missingLanguages, renderText, type Trilingual } from './trilingual.js';

const CONFERENCE: Trilingual = {
  zh: '中国—上海合作组织地方经贸合作大会',
  en: 'China–SCO Local Economic and Trade Cooperation Conference',
  ru: 'Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС',
};

describe(fallbackOrder.name, () => {
  it('tries the requested language, then English, Chinese and Russian', () => {
    expect(fallbackOrder('ru')).toEqual(['ru', 'en', 'zh']);
    expect(fallbackOrder('zh')).toEqual(['zh', 'en', 'ru']);
    expect(fallbackOrder('en')).toEqual(['en', 'zh', 'ru']);
  });

  it("puts the event's default language second", () => {
    expect(fallbackOrder('en', 'ru')).toEqual(['en', 'ru', 'zh']);
    expect(fallbackOrder('ru', 'zh')).toEqual(['ru', 'zh', 'en']);
  });

  it('lists each language once', () => {
    expect(fallbackOrder('zh', 'zh')).toEqual(['zh', 'en', 'ru']);
    expect(fallbackOrder('ru', 'en')).toEqual(['ru', 'en', 'zh']);
  });
});

describe(renderText.name, () => {
  it('renders the requested language without falling back', () => {
    expect(renderText(CONFERENCE, 'ru')).toEqual({ text: CONFERENCE.ru, language: 'ru', fellBack: false });
    expect(renderText(CONFERENCE, 'zh')).toEqual({ text: CONFERENCE.zh, language: 'zh', fellBack: false });
  });

  it('falls back to English before Chinese and reports it', () => {
    const venue: Trilingual = { zh: '青岛', en: 'Qingdao' };

    expect(renderText(venue, 'ru')).toEqual({ text: 'Qingdao', language: 'en', fellBack: true });
  });

  it("prefers the event's default language over English", () => {
    const venue: Trilingual = { zh: '青岛', en: 'Qingdao' };

    expect(renderText(venue, 'ru', 'zh')).toEqual({ text: '青岛', language: 'zh', fellBack: true });
  });

  it('treats empty and whitespace-only texts as missing', () => {
    const value: Trilingual = { zh: '', en: '   ', ru: 'Циндао' };

    expect(renderText(value, 'zh')).toEqual({ text: 'Циндао', language: 'ru', fellBack: true });
  });

  it('returns undefined when there is nothing to render', () => {
    expect(renderText(null, 'en')).toBeUndefined();
    expect(renderText(undefined, 'en')).toBeUndefined();
    expect(renderText({}, 'en')).toBeUndefined();
    expect(renderText({ zh: ' ', en: '', ru: '\n' }, 'en')).toBeUndefined();
  });
});

describe(missingLanguages.name, () => {
  it('lists the languages without a text, in zh, en, ru order', () => {
    expect(missingLanguages(CONFERENCE)).toEqual([]);
    expect(missingLanguages({ en: 'Qingdao', ru: '  ' })).toEqual(['zh', 'ru']);
    expect(missingLanguages({})).toEqual(['zh', 'en', 'ru']);
    expect(missingLanguages(null)).toEqual(['zh', 'en', 'ru']);
  });
});

describe(isComplete.name, () => {
  it('is true only when all three languages have a text', () => {
    expect(isComplete(CONFERENCE)).toBe(true);
    expect(isComplete({ ...CONFERENCE, ru: ' ' })).toBe(false);
    expect(isComplete({ zh: '青岛', en: 'Qingdao' })).toBe(false);
    expect(isComplete(undefined)).toBe(false);
  });
});
