import { negotiate } from '@fastify/accept-negotiator';
import { matchesEtag } from '#core/http/etag.js';
import type { ServedProgramme } from './public-programme.service.js';

export interface ProgrammeReply {
  status: 200 | 304;
  headers: Record<string, string>;
  body?: Buffer;
}

/**
 * What to send for a served programme: the gzip when the client takes it (every browser does; 36 KB of JSON is
 * about a tenth of that), else the JSON; or 304 when the client's copy is current. The two encodings are two
 * representations, so each has its own strong ETag, which revalidates its own encoding.
 */
export function programmeReply(served: ServedProgramme, ifNoneMatch: string | undefined, acceptEncoding: string | undefined): ProgrammeReply {
  const gzipped = acceptEncoding !== undefined && negotiate(acceptEncoding, ['gzip', 'identity']) === 'gzip';
  const gzipEtag = `${served.etag.slice(0, -1)}-gz"`;
  // no-cache: a client may keep a copy but asks again each time (a 304 costs nothing), so a new release is seen
  // at once rather than when a max-age runs out.
  const headers: Record<string, string> = {
    etag: gzipped ? gzipEtag : served.etag,
    'cache-control': 'public, no-cache',
    vary: 'Accept-Language, Accept-Encoding',
    // Which language was chosen depends on ?lang=, Accept-Language and the event's default: say it.
    'content-language': served.language,
  };
  // Only the tag of the representation this client gets: a shared cache holding the other one must not be told
  // that one is current.
  if (matchesEtag(ifNoneMatch, headers.etag)) return { status: 304, headers };
  headers['content-type'] = 'application/json; charset=utf-8';
  if (gzipped) headers['content-encoding'] = 'gzip';
  return { status: 200, headers, body: gzipped ? served.gzip : served.json };
}
