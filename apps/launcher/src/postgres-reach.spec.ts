import { describe, expect, it } from '@jest/globals';
import { firstClosedFolder, maySearch } from './postgres-reach.js';

const POSTGRES = { uid: 101, gid: 104 };
const folder = (mode: number, uid = 0, gid = 0) => ({ mode: 0o040000 | mode, uid, gid, isDirectory: () => true });

describe('Can the postgres user walk to the embedded server\'s files?', () => {
  it('reads the x bit that applies to the user: owner, group, then others', () => {
    expect(maySearch(folder(0o700, 101), POSTGRES)).toBe(true);
    expect(maySearch(folder(0o070, 101), POSTGRES)).toBe(false);
    expect(maySearch(folder(0o750, 0, 104), POSTGRES)).toBe(true);
    expect(maySearch(folder(0o705, 0, 104), POSTGRES)).toBe(false);
    expect(maySearch(folder(0o701), POSTGRES)).toBe(true);
    expect(maySearch(folder(0o700), POSTGRES)).toBe(false);
    // Not created yet: it will be an "other" user.
    expect(maySearch(folder(0o755), undefined)).toBe(true);
    expect(maySearch(folder(0o750, 0, 104), undefined)).toBe(false);
  });

  it('names the first closed folder on the way, as root\'s home closes /root/app', () => {
    const tree: Record<string, ReturnType<typeof folder>> = {
      '/': folder(0o755),
      '/root': folder(0o700),
      '/root/app': folder(0o755),
      '/srv': folder(0o755),
      '/srv/app': folder(0o755),
    };
    const stat = (path: string) => tree[path];
    expect(firstClosedFolder('/root/app/.data/pg', POSTGRES, stat)).toBe('/root');
    expect(firstClosedFolder('/srv/app/.data/pg', POSTGRES, stat)).toBeUndefined();
  });
});
