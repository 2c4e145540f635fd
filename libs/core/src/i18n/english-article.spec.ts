import { indefiniteArticle, withArticle } from './english-article.js';

describe(indefiniteArticle.name, () => {
  it('puts "an" before a vowel and "a" before a consonant, capitalised when it starts the sentence', () => {
    expect(indefiniteArticle('unveiling')).toBe('an');
    expect(indefiniteArticle('settlement')).toBe('a');
    expect(withArticle('approved registration', true)).toBe('An approved registration');
    expect(withArticle('pending registration', true)).toBe('A pending registration');
    expect(withArticle('agreement')).toBe('an agreement');
  });
});
