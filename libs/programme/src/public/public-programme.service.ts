import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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

export interface ProgrammeAnswer {
  /** 200 with the body, or 304 when the client's copy is current. */
  status: 200 | 304;
  headers: Record<string, string>;
  body?: PublicProgrammeDto;
}

/** True when an If-None-Match header (a list, weak tags allowed) names this ETag. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programme(
    slug: string,
    query: PublicProgrammeQueryDto,
    acceptLanguage: string | undefined,
    ifNoneMatch: string | undefined,
  ): Promise<ProgrammeAnswer> {
    const release = await this.latestRelease(slug);
    const language = negotiateLanguage({ query: query.lang, acceptLanguage, fallback: release.defaultLanguage });
    const programme = await this.render(release.id, language);
    const matching = programme.sessions.filter(
      (s) =>
        (!query.day || s.day === query.day) &&
        (!query.track || s.track?.id === query.track) &&
        (!query.room || s.room?.id === query.room) &&
        (!query.kind || s.kind === query.kind),
    );
    const start = (query.page - 1) * query.pageSize;
    const view = [query.day, query.track, query.room, query.kind, query.page, query.pageSize].join('|');
    const etag = `"r${release.id}-${language}-${createHash('sha1').update(view).digest('base64url').slice(0, 12)}"`;
    // no-cache: a client may keep a copy but asks again each time (a 304 costs nothing), so a new release
    // is seen at once rather than when a max-age runs out.
    const headers = { etag, 'cache-control': 'public, no-cache', vary: 'Accept-Language' };
    if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers };
    return {
      status: 200,
      headers,
      body: {
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
      },
    };
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
    lookup.catch(() => this.latest.delete(slug));
    return lookup;
  }

  private async lookUpLatest(slug: string): Promise<LatestRelease> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id, r.number, r.name, r.published_at, e.default_language
         FROM event e JOIN schedule_release r ON r.event_id = e.id
        WHERE e.slug = $1 ORDER BY r.number DESC LIMIT 1`,
      [slug],
    )) as { id: string; number: number; name: LatestRelease['name']; published_at: Date; default_language: Language }[];
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
