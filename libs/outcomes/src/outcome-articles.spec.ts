import { withArticle } from '#core/i18n/english-article.js';
import { OUTCOME_KINDS } from './outcomes-vocabulary.js';

describe('the article before each kind of outcome', () => {
  it('reads right for every kind the messages name', () => {
    expect(Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, withArticle(kind)]))).toEqual({
      agreement: 'an agreement',
      unveiling: 'an unveiling',
      initiative: 'an initiative',
      alliance: 'an alliance',
      settlement: 'a settlement',
      announcement: 'an announcement',
    });
  });
});
