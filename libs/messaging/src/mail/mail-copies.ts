import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** One .eml copy as an admin reads it in the list: who it went to, what it said on the envelope, when. */
export interface MailCopy {
  file: string;
  sizeBytes: number;
  writtenAt: string;
  to: string;
  subject: string;
  notificationId: string | null;
}

/** The file transport names each copy after its Message-ID, `<notification id>@sco-backoffice` without its brackets and '@'. */
const NOTIFICATION_IN_NAME = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})sco-backoffice\.eml$/;

export function notificationOfCopy(file: string): string | null {
  return NOTIFICATION_IN_NAME.exec(file)?.[1] ?? null;
}

/** The copies in the folder, newest first (the names start with the time they were written). */
export async function mailCopyNames(folder: string): Promise<string[]> {
  const files = await readdir(folder).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.eml')).sort().reverse();
}

/**
 * Reads one copy's envelope. The headers are parsed with mailparser rather than by hand: subjects are MIME
 * encoded words (=?UTF-8?B?…?=) in Chinese and Russian, and addresses can be folded across lines.
 */
export async function readMailCopy(folder: string, file: string): Promise<MailCopy> {
  const path = join(folder, file);
  const [info, content] = await Promise.all([stat(path), readFile(path)]);
  const parsed = await simpleParser(content, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
  return {
    file,
    sizeBytes: info.size,
    writtenAt: info.mtime.toISOString(),
    to,
    subject: parsed.subject ?? '',
    notificationId: notificationOfCopy(file),
  };
}

/** Deletes the copies of the given notifications; returns how many files went. A copy already gone is not an error. */
export async function deleteMailCopies(folder: string, notificationIds: ReadonlySet<string>): Promise<number> {
  if (notificationIds.size === 0) return 0;
  let deleted = 0;
  for (const file of await mailCopyNames(folder)) {
    const id = notificationOfCopy(file);
    if (!id || !notificationIds.has(id)) continue;
    await unlink(join(folder, file)).then(
      () => (deleted += 1),
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
  }
  return deleted;
}
