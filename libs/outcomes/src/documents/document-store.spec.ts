import { DOCUMENT_STORE } from './document-store.js';

describe('DOCUMENT_STORE', () => {
  it('is a unique symbol usable as a Nest injection token', () => {
    expect(typeof DOCUMENT_STORE).toBe('symbol');
    expect(DOCUMENT_STORE).not.toBe(Symbol('DOCUMENT_STORE'));
    expect(DOCUMENT_STORE.description).toBe('DOCUMENT_STORE');
  });
});
