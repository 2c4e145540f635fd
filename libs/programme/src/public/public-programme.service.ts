import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Language } from '#core/i18n/language.js';
import { negotiateLanguage } from '#core/i18n/negotiate-language.js';
import { renderText } from '#core/i18n/trilingual.js';
import type { ScheduleSnapshot } from '../releases/schedule-snapshot.js';
import type { PublicProgrammeDto, PublicProgrammeQueryDto } from './public-programme.dto.js';
import { type RenderedProgramme, renderProgramme } from './render-programme.js';

/** How long a replica trusts its idea of "the latest release" of an event: a new release shows within this. */
const LATEST_RELEASE_TTL_MS = 1000;
/** Rendered programmes kept in memory (releases × languages); old releases fall out first. */
const MAX_RENDERED = 60;

interface LatestRelease {
  id: string;
  number: number;
  name: ScheduleSnapshot['event']['name'];
  publishedAt: string;
  defaultLanguage: Language;
  fetchedAt: number;
}

/** On libuv's pool, not the event loop: a whole programme of 300 sessions is some 200 KB of JSON to compress. */
const gzipped = promisify(gzip);

/**
 * Answers kept ready to send, by request (URL and Accept-Language), bound by their bytes since the URLs are the
 * public's to vary (a whole programme of 300 sessions is some 250 KB with its gzip); the least recently asked go first.
 */
const SERVED_BYTES = 32 * 1_048_576;
/** Serializations by release, language and view, shared by the requests waiting on one (and by URLs naming the same view). */
const MAX_SERIALIZING = 50;

/**
 * One view of a release in one language, serialized once: the JSON as sent and its gzip. A release never
 * changes, so these bytes stay right for as long as it is the latest release of its event.
 */
export interface ServedProgramme {
  slug: string;
  releaseId: string;
  defaultLanguage: Language;
  /** The language the view is in, sent as Content-Language. */
  language: Language;
  /** The ETag of the JSON; the gzip is another representation, with its own tag (see programme-reply.ts). */
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

/**
 * The published programme for the public and delegates. Releases are immutable,
 * so each (release, language) is rendered once and served from memory; a request
 * costs at most one small query a second per event (the latest release's id).
 */
@Injectable()
export class PublicProgrammeService {
  private readonly latest = new Map<string, Promise<LatestRelease>>();
  private readonly rendered = new Map<string, Promise<RenderedProgramme>>();
  /** The settled values of `latest`, for the synchronous look-up of answers already served. */
  private readonly settledLatest = new Map<string, LatestRelease>();
  private readonly served = new LRUCache<string, ServedProgramme>({
    maxSize: SERVED_BYTES,
    sizeCalculation: (served) => served.json.length + served.gzip.length,
  });
  private readonly serializing = new LRUCache<string, Promise<ServedProgramme>>({ max: MAX_SERIALIZING });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programme(slug: string, query: PublicProgrammeQueryDto, acceptLanguage: string | undefined): Promise<ServedProgramme> {
    const release = await this.latestRelease(slug);
    const language = negotiateLanguage({ query: query.lang, acceptLanguage, fallback: release.defaultLanguage });
    const view = [query.day, query.track, query.room, query.kind, query.page, query.pageSize].join('|');
    // One serialization per view, shared by the requests that ask for it meanwhile: after a release, every
    // request waiting on its rendering would otherwise stringify and compress its own copy (25 copies of 200 KB
    // seen in bench/agenda, a 190 ms stall).
    const key = `${release.id}|${release.defaultLanguage}|${language}|${view}`;
    let serving = this.serializing.get(key);
    if (!serving) {
      serving = this.serialize(slug, release, language, query, view);
      this.serializing.set(key, serving);
      serving.catch(() => this.serializing.delete(key));
    }
    return serving;
  }

  private async serialize(slug: string, release: LatestRelease, language: Language, query: PublicProgrammeQueryDto, view: string): Promise<ServedProgramme> {
    const programme = await this.render(release.id, language);
    const matching = programme.sessions.filter(
      (s) =>
        (!query.day || s.day === query.day) &&
        (!query.track || s.track?.id === query.track) &&
        (!query.room || s.room?.id === query.room) &&
        (!query.kind || s.kind === query.kind),
    );
    const start = (query.page - 1) * query.pageSize;
    const body: PublicProgrammeDto = {
      language,
      event: programme.event,
      release: {
        number: release.number,
        name: renderText(release.name, language, release.defaultLanguage)?.text ?? '',
        publishedAt: release.publishedAt,
      },
      tracks: programme.tracks,
      items: matching.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: matching.length,
    };
    const json = Buffer.from(JSON.stringify(body));
    return {
      slug,
      releaseId: release.id,
      defaultLanguage: release.defaultLanguage,
      language,
      etag: `"r${release.id}-${language}-${createHash('sha1').update(view).digest('base64url').slice(0, 12)}"`,
      json,
      gzip: await gzipped(json),
    };
  }

  /**
   * Keeps an answer for the same request (URL and Accept-Language, which with the event's default language decide
   * everything in it), so the next one is sent without validating, rendering or serializing anything.
   */
  remember(url: string, acceptLanguage: string | undefined, served: ServedProgramme): void {
    this.served.set(`${url}\n${acceptLanguage ?? ''}`, served);
  }

  /**
   * The answer kept for this request, while its release is still known (within the last second) to be the
   * latest; otherwise undefined, and the request takes the full route, which looks the release up again.
   */
  servedFor(url: string, acceptLanguage: string | undefined): ServedProgramme | undefined {
    const served = this.served.get(`${url}\n${acceptLanguage ?? ''}`);
    if (!served) return undefined;
    const latest = this.settledLatest.get(served.slug);
    if (!latest || Date.now() - latest.fetchedAt >= LATEST_RELEASE_TTL_MS) return undefined;
    return latest.id === served.releaseId && latest.defaultLanguage === served.defaultLanguage ? served : undefined;
  }

  /**
   * Forgets what this replica knows of an event's latest release (its edition was unpublished, renamed or
   * published), so the next request, the fast path's included, looks it up again. Other replicas see the change
   * within LATEST_RELEASE_TTL_MS, as they see a new release.
   */
  forget(slug: string): void {
    this.latest.delete(slug);
    this.settledLatest.delete(slug);
  }

  /** The latest release of an event, re-read at most once a second per replica, one query for all waiting requests. */
  private async latestRelease(slug: string): Promise<LatestRelease> {
    const cached = this.latest.get(slug);
    if (cached) {
      const latest = await cached.catch(() => undefined);
      if (latest && Date.now() - latest.fetchedAt < LATEST_RELEASE_TTL_MS) return latest;
      if (this.latest.get(slug) !== cached) return this.latestRelease(slug);
    }
    const lookup = this.lookUpLatest(slug);
    this.latest.set(slug, lookup);
    // A failed or missing lookup is not remembered: the next request asks again.
    lookup.then(
      (latest) => this.settledLatest.set(slug, latest),
      () => {
        this.latest.delete(slug);
        this.settledLatest.delete(slug);
      },
    );
    return lookup;
  }

  private async lookUpLatest(slug: string): Promise<LatestRelease> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id, r.number, r.name, r.published_at, e.default_language
         FROM event e JOIN schedule_release r ON r.event_id = e.id
        WHERE e.slug = $1 AND e.status = 'published' ORDER BY r.number DESC LIMIT 1`,
      [slug],
    )) as { id: string; number: number; name: LatestRelease['name']; published_at: Date; default_language: Language }[];
    // A draft (or archived) edition answers as an unknown slug does: its releases are for organisers and staff.
    if (!row) throw new NotFoundError('Published programme', { slug });
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      publishedAt: row.published_at.toISOString(),
      defaultLanguage: row.default_language,
      fetchedAt: Date.now(),
    };
  }

  /** One render per (release, language), shared by concurrent requests; the oldest entries are dropped first. */
  private render(releaseId: string, language: Language): Promise<RenderedProgramme> {
    const key = `${releaseId}:${language}`;
    let rendering = this.rendered.get(key);
    if (!rendering) {
      rendering = this.dataSource
        .query(`SELECT snapshot FROM schedule_release WHERE id = $1`, [releaseId])
        .then((rows: { snapshot: ScheduleSnapshot }[]) => renderProgramme(rows[0].snapshot, language));
      rendering.catch(() => this.rendered.delete(key));
      this.rendered.set(key, rendering);
      if (this.rendered.size > MAX_RENDERED) this.rendered.delete(this.rendered.keys().next().value!);
    }
    return rendering;
  }
}
