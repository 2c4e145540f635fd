import { nestQuotes, quoteTitle } from './quote-title.js';

describe(quoteTitle.name, () => {
  it('puts a Russian title in «…» and turns its own «…» into „…“', () => {
    expect(quoteTitle('ru', 'Форум «Цифровой Шёлковый путь»')).toBe('«Форум „Цифровой Шёлковый путь“»');
    expect(quoteTitle('ru', '«Электронная коммерция Шелкового пути» и развитие торговли')).toBe('«„Электронная коммерция Шелкового пути“ и развитие торговли»');
    expect(quoteTitle('ru', 'Пленарное заседание')).toBe('«Пленарное заседание»');
  });

  it('keeps marks a Russian title already nests correctly', () => {
    expect(quoteTitle('ru', 'Парк „Великий камень“')).toBe('«Парк „Великий камень“»');
  });

  it('puts English and Chinese titles in “…” with ‘…’ inside', () => {
    expect(quoteTitle('en', 'The “Silk Road” forum')).toBe('“The ‘Silk Road’ forum”');
    expect(quoteTitle('zh', '“丝路电商”与现代贸易发展')).toBe('“‘丝路电商’与现代贸易发展”');
    // Typed with two identical marks, still paired open then close.
    expect(quoteTitle('en', 'The ”Silk Road” forum')).toBe('“The ‘Silk Road’ forum”');
  });

  it('nests without adding the outer marks (for text set between marks a template already has)', () => {
    expect(nestQuotes('ru', 'Форум «Цифровой Шёлковый путь»')).toBe('Форум „Цифровой Шёлковый путь“');
    expect(nestQuotes('en', 'Plain title')).toBe('Plain title');
  });
});
