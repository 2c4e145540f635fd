import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DocumentNotFoundError, InvalidDocumentKeyError, LocalDocumentStore } from './local-document-store.js';

const PDF_HINT = { contentType: 'application/pdf', extension: 'pdf' };
const KEY_SHAPE = /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/;

/** Every file (not folder) under the folder, as '/'-separated paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(join(folder, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk('');
  return files.sort();
}

describe(LocalDocumentStore.name, () => {
  /** The temporary folder; the store's root is a subfolder, so that files "outside" it can be planted. */
  let sandbox: string;
  let root: string;
  let store: LocalDocumentStore;

  beforeEach(async () => {
    sandbox = await mkdtemp(join(tmpdir(), 'local-document-store-spec-'));
    root = join(sandbox, 'documents');
    store = new LocalDocumentStore(root);
  });

  afterEach(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });

  describe('put and get', () => {
    it('round-trips arbitrary bytes', async () => {
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const key = await store.put(bytes, PDF_HINT);
      await expect(store.get(key)).resolves.toEqual(bytes);
    });

    it('round-trips an empty document', async () => {
      const key = await store.put(Buffer.alloc(0), PDF_HINT);
      await expect(store.get(key)).resolves.toEqual(Buffer.alloc(0));
    });

    it('creates the root folder on first use', async () => {
      await expect(stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
      await store.put(Buffer.from('%PDF-1.4'), PDF_HINT);
      expect((await stat(root)).isDirectory()).toBe(true);
    });

    it('issues random keys sharded into two-character subfolders, with the extension', async () => {
      const key = await store.put(Buffer.from('%PDF-1.4'), PDF_HINT);
      expect(key).toMatch(KEY_SHAPE);
      const [shard, name] = key.split('/');
      await expect(readFile(join(root, shard, name), 'latin1')).resolves.toBe('%PDF-1.4');
    });

    it('normalises a leading dot and upper case in the extension', async () => {
      const key = await store.put(Buffer.from('x'), { contentType: 'image/jpeg', extension: '.JPG' });
      expect(key).toMatch(/\.jpg$/);
    });

    it.each(['', '.', '../x', 'p/df', 'p\\df', 'pdf\0', 'a-b', 'waytoolongextension'])(
      'refuses the extension %j',
      async (extension) => {
        await expect(store.put(Buffer.from('x'), { contentType: 'application/pdf', extension })).rejects.toThrow(
          /Invalid document extension/,
        );
      },
    );

    (process.platform === 'win32' ? it.skip : it)('writes files readable by the owner only (0o600)', async () => {
      const key = await store.put(Buffer.from('secret'), PDF_HINT);
      expect((await stat(join(root, ...key.split('/')))).mode & 0o777).toBe(0o600);
    });

    it('issues a different key for each put, even of the same bytes', async () => {
      const bytes = Buffer.from('%PDF-1.4 same');
      const keys: string[] = [];
      for (let i = 0; i < 30; i++) keys.push(await store.put(bytes, PDF_HINT));
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('leaves no temporary file behind, only the stored documents', async () => {
      const keys = [await store.put(Buffer.from('one'), PDF_HINT), await store.put(Buffer.from('two'), PDF_HINT)];
      expect(await filesUnder(root)).toEqual([...keys].sort());
    });

    it('handles 20 concurrent puts, all readable with their own bytes', async () => {
      const contents = Array.from({ length: 20 }, (_, i) => Buffer.from(`%PDF-1.4 document ${i} ${'x'.repeat(i * 1000)}`));
      const keys = await Promise.all(contents.map((bytes) => store.put(bytes, PDF_HINT)));
      expect(new Set(keys).size).toBe(20);
      const readBack = await Promise.all(keys.map((key) => store.get(key)));
      readBack.forEach((bytes, i) => expect(bytes).toEqual(contents[i]));
      expect(await filesUnder(root)).toEqual([...keys].sort());
    });
  });

  describe('get', () => {
    it('throws DocumentNotFoundError for a well-formed key that was never stored', async () => {
      const key = 'ab/ab345678-1234-4234-8234-123456789abc.pdf';
      const error = await store.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentNotFoundError);
      expect(error).toMatchObject({ name: 'DocumentNotFoundError', key });
    });

    it('throws DocumentNotFoundError once the document was deleted', async () => {
      const key = await store.put(Buffer.from('x'), PDF_HINT);
      await store.delete(key);
      await expect(store.get(key)).rejects.toBeInstanceOf(DocumentNotFoundError);
    });
  });

  describe('delete', () => {
    it('removes the document and is idempotent', async () => {
      const key = await store.put(Buffer.from('x'), PDF_HINT);
      await store.delete(key);
      await expect(store.delete(key)).resolves.toBeUndefined();
      expect(await filesUnder(root)).toEqual([]);
    });

    it('accepts a well-formed key that was never stored', async () => {
      await expect(store.delete('cd/cd345678-1234-4234-8234-123456789abc.png')).resolves.toBeUndefined();
    });

    it('leaves other documents alone', async () => {
      const kept = await store.put(Buffer.from('kept'), PDF_HINT);
      await store.delete(await store.put(Buffer.from('gone'), PDF_HINT));
      await expect(store.get(kept)).resolves.toEqual(Buffer.from('kept'));
    });
  });

  describe('key validation', () => {
    const valid = 'ab/ab345678-1234-4234-8234-123456789abc.pdf';
    const invalidKeys = [
      '../etc/passwd',
      '/etc/passwd',
      'aa/../../x',
      '../outside.txt',
      'ab/../../outside.txt',
      '..\\outside.txt',
      `..${sep}outside.txt`,
      '',
      'ab',
      'ab/',
      `/${valid}`,
      `./${valid}`,
      `ab//${valid.slice(3)}`,
      `${valid}/..`,
      `${valid}\n`,
      `${valid}\0`,
      valid.toUpperCase(),
      'cd/ab345678-1234-4234-8234-123456789abc.pdf', // shard does not match the name
      'ab/ab345678-1234-4234-8234-123456789abc', // no extension
      'ab/ab345678-1234-4234-8234-123456789abc.p.df',
      'ab/ab/ab345678-1234-4234-8234-123456789abc.pdf',
    ];

    beforeEach(async () => {
      // Something worth stealing or destroying just outside the root.
      await store.put(Buffer.from('inside'), PDF_HINT);
      await writeFile(join(sandbox, 'outside.txt'), 'outside');
    });

    it.each(invalidKeys)('get refuses %j', async (key) => {
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidDocumentKeyError);
    });

    it.each(invalidKeys)('delete refuses %j and deletes nothing', async (key) => {
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidDocumentKeyError);
      await expect(readFile(join(sandbox, 'outside.txt'), 'utf8')).resolves.toBe('outside');
    });

    it('refuses a value that is not a string at all', async () => {
      await expect(store.get(undefined as unknown as string)).rejects.toBeInstanceOf(InvalidDocumentKeyError);
    });
  });
});
