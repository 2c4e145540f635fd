import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { DocumentStore } from './document-store.js';

/** Thrown by DocumentStore.get when nothing is stored under a (well-formed) key. */
export class DocumentNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No document is stored under key ${JSON.stringify(key)}`);
    this.name = new.target.name;
  }
}

/** Thrown when a key is not one this store could have issued (for example '../etc/passwd'). */
export class InvalidDocumentKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid document key ${JSON.stringify(key)}`);
    this.name = new.target.name;
  }
}

/**
 * The only keys this store issues and accepts: a two-character shard, a slash, then a lowercase
 * UUID starting with that shard and a short lowercase alphanumeric extension, e.g.
 * '3f/3fa85f64-5717-4562-b3fc-2c963f66afa6.pdf'. No dots other than the extension's, no
 * backslashes, no leading slash: a key can never name anything outside the root folder.
 */
const KEY_PATTERN =
  /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,10}$/;
const EXTENSION_PATTERN = /^[a-z0-9]{1,10}$/;

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/** Checks error.code without `instanceof Error`, which fails for errors from another realm (e.g. Jest's VM). */
function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Stores documents as files under a root folder, sharded by the first two characters of the key.
 * Each write goes to a temporary file in the destination folder and is then renamed into place,
 * so a reader never sees a half-written document.
 */
export class LocalDocumentStore implements DocumentStore {
  private readonly root: string;
  private readonly rootPrefix: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.rootPrefix = this.root.endsWith(sep) ? this.root : this.root + sep;
  }

  async put(bytes: Buffer, hint: { contentType: string; extension: string }): Promise<string> {
    const extension = hint.extension.replace(/^\./, '').toLowerCase();
    if (!EXTENSION_PATTERN.test(extension)) {
      throw new Error(`Invalid document extension ${JSON.stringify(hint.extension)}`);
    }
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}.${extension}`;
    const destination = this.pathFor(key);
    const folder = join(this.root, id.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: DIRECTORY_MODE });

    // A dot-prefixed name that can never match KEY_PATTERN, in the same folder so that the
    // rename stays on one file system and is atomic.
    const temporary = join(folder, `.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, 'wx', FILE_MODE);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, destination);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<Buffer> {
    const path = this.pathFor(key);
    try {
      return await readFile(path);
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) throw new DocumentNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathFor(key);
    try {
      await unlink(path);
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return;
      throw error;
    }
  }

  /** Validates the key and maps it to a path that is guaranteed to lie inside the root. */
  private pathFor(key: string): string {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new InvalidDocumentKeyError(String(key));
    const path = resolve(this.root, ...key.split('/'));
    // Defence in depth: the pattern already rules out '..', separators and absolute paths.
    if (!path.startsWith(this.rootPrefix)) throw new InvalidDocumentKeyError(key);
    return path;
  }
}
