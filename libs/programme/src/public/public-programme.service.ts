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
  etag: string;
  body: PublicProgrammeDto;
}

/**
 * The published programme for the public and delegates. Releases are immutable,
 * so each (release, language) is rendered once and served from memory; a request
 * costs at most one small query a second per event (the latest release's id).
 */
@Injectable()
export class PublicProgrammeService {
  private readonly latest = new Map<string, LatestRelease>();
  private readonly rendered = new Map<string, Promise<RenderedProgramme>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programme(slug: string, query: PublicProgrammeQueryDto, acceptLanguage: string | undefined): Promise<ProgrammeAnswer> {
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
    return {
      etag,
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

  private async latestRelease(slug: string): Promise<LatestRelease> {
    const cached = this.latest.get(slug);
    if (cached && Date.now() - cached.fetchedAt < LATEST_RELEASE_TTL_MS) return cached;
    const [row] = (await this.dataSource.query(
      `SELECT r.id, r.number, r.name, r.published_at, e.default_language
         FROM event e JOIN schedule_release r ON r.event_id = e.id
        WHERE e.slug = $1 ORDER BY r.number DESC LIMIT 1`,
      [slug],
    )) as { id: string; number: number; name: LatestRelease['name']; published_at: Date; default_language: Language }[];
    if (!row) throw new NotFoundError('Published programme', { slug });
    const latest: LatestRelease = {
      id: row.id,
      number: row.number,
      name: row.name,
      publishedAt: row.published_at.toISOString(),
      defaultLanguage: row.default_language,
      fetchedAt: Date.now(),
    };
    this.latest.set(slug, latest);
    return latest;
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
