import { validateSync } from 'class-validator';
import { IsTrilingual } from './is-trilingual.decorator.js';

const CONFERENCE = {
  zh: '中国—上海合作组织地方经贸合作大会',
  en: 'China–SCO Local Economic and Trade Cooperation Conference',
  ru: 'Конференция по местному торгово-экономическому сотрудничеству Китай–ШОС',
};

class SessionDraft {
  @IsTrilingual()
  title: unknown;
}

class BadgeLabel {
  @IsTrilingual({ required: ['zh', 'en', 'ru'], maxLength: 10 })
  label: unknown;
}

/** The decorator's message, or undefined when the value is valid. */
function titleProblem(value: unknown): string | undefined {
  const errors = validateSync(Object.assign(new SessionDraft(), { title: value }));
  return errors[0]?.constraints?.isTrilingual;
}

function labelProblem(value: unknown): string | undefined {
  const errors = validateSync(Object.assign(new BadgeLabel(), { label: value }));
  return errors[0]?.constraints?.isTrilingual;
}

describe(IsTrilingual.name, () => {
  describe('with default rules', () => {
    it('accepts Chinese, English and Russian texts', () => {
      expect(titleProblem(CONFERENCE)).toBeUndefined();
    });

    it('accepts a value with a single language and null or empty others', () => {
      expect(titleProblem({ ru: CONFERENCE.ru })).toBeUndefined();
      expect(titleProblem({ zh: CONFERENCE.zh, en: null, ru: '' })).toBeUndefined();
    });

    it.each([
      ['a string', 'China–SCO Conference'],
      ['null', null],
      ['undefined', undefined],
      ['an array', [CONFERENCE.zh, CONFERENCE.en]],
    ])('rejects %s as not an object', (_label, value) => {
      expect(titleProblem(value)).toBe('title must be an object { zh, en, ru }');
    });

    it('rejects unknown language keys', () => {
      expect(titleProblem({ ...CONFERENCE, de: 'Konferenz' })).toBe(
        'title has unknown language keys: de (allowed: zh, en, ru)',
      );
    });

    it('rejects a text that is not a string', () => {
      expect(titleProblem({ zh: CONFERENCE.zh, en: 2026 })).toBe('title .en must be a string');
    });

    it('rejects a text longer than 2000 characters but accepts 2000', () => {
      expect(titleProblem({ en: 'x'.repeat(2001) })).toBe('title .en must be at most 2000 characters');
      expect(titleProblem({ en: 'x'.repeat(2000) })).toBeUndefined();
    });

    it('rejects a value where every language is empty or blank', () => {
      const expected = 'title must have a text in at least one of zh, en, ru';

      expect(titleProblem({})).toBe(expected);
      expect(titleProblem({ zh: '', en: '   ', ru: null })).toBe(expected);
    });
  });

  describe('with required languages and a maximum length', () => {
    it('accepts short texts in all three languages', () => {
      expect(labelProblem({ zh: '上合组织', en: 'SCO', ru: 'ШОС' })).toBeUndefined();
    });

    it('names the missing required languages', () => {
      expect(labelProblem({ zh: '上合组织', en: 'SCO' })).toBe('label must have a text in ru');
      expect(labelProblem({ zh: '上合组织', en: ' ', ru: '' })).toBe('label must have a text in en, ru');
    });

    it('applies the maximum length to each language', () => {
      expect(labelProblem({ zh: '上合组织', en: 'SCO', ru: 'Конференция' })).toBe('label .ru must be at most 10 characters');
      expect(labelProblem(CONFERENCE)).toBe('label .zh must be at most 10 characters');
    });
  });
});
