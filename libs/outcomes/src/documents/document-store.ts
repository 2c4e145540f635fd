/**
 * Where the bytes of signed agreement copies live. The local implementation writes to disk;
 * a cloud object store can implement the same interface.
 */
export interface DocumentStore {
  /** Stores the bytes under a new key and returns it. */
  put(bytes: Buffer, hint: { contentType: string; extension: string }): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Nest injection token for the DocumentStore in use. */
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
