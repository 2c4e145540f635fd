import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { ScheduleSnapshot } from './schedule-snapshot.js';

/** A release with what it froze: what the agenda documents are rendered from. */
export interface ReleaseSnapshotRow {
  id: string;
  number: number;
  name: Trilingual;
  publishedAt: Date;
  snapshot: ScheduleSnapshot;
}

/** The latest release of a published event, and the language its readers fall back to. */
export interface LatestPublishedReleaseRow {
  id: string;
  number: number;
  defaultLanguage: Language;
}

/** Programme's releases (`schedule_release`), read by the other domains. Releases are immutable once published. */
@Injectable()
export class ReleaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Agenda: the id of each event's latest release.
  async latestIds(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (event_id) id FROM schedule_release ORDER BY event_id, number DESC`,
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  // Agenda: the id of an event's latest release, or null before its first.
  async latestIdOf(eventId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id FROM schedule_release WHERE event_id = $1 ORDER BY number DESC LIMIT 1`,
      [eventId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  // Agenda: the latest release of a published event, by the event's slug (a draft edition's releases are not public).
  async latestOfPublished(slug: string): Promise<LatestPublishedReleaseRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id, r.number, e.default_language AS "defaultLanguage" FROM event e JOIN schedule_release r ON r.event_id = e.id
        WHERE e.slug = $1 AND e.status = 'published' ORDER BY r.number DESC LIMIT 1`,
      [slug],
    )) as LatestPublishedReleaseRow[];
    return row;
  }

  // Agenda: one release with its snapshot.
  async snapshotOf(releaseId: string): Promise<ReleaseSnapshotRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, number, name, published_at AS "publishedAt", snapshot FROM schedule_release WHERE id = $1`,
      [releaseId],
    )) as ReleaseSnapshotRow[];
    return row;
  }
}
