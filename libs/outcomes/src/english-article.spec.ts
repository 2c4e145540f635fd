import { OUTCOME_KINDS } from './outcomes-vocabulary.js';
import { indefiniteArticle, withArticle } from './english-article.js';

describe(indefiniteArticle.name, () => {
  it('puts "an" before a vowel and "a" before a consonant, for every kind of outcome', () => {
    expect(Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, withArticle(kind)]))).toEqual({
      agreement: 'an agreement',
      unveiling: 'an unveiling',
      initiative: 'an initiative',
      alliance: 'an alliance',
      settlement: 'a settlement',
      announcement: 'an announcement',
    });
    expect(withArticle('approved registration', true)).toBe('An approved registration');
    expect(withArticle('planned agreement', true)).toBe('A planned agreement');
  });
});
