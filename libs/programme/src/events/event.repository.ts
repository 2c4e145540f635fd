import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';

/** A published event as its public pages name it. */
export interface PublishedEventRow {
  id: string;
  name: Trilingual;
  defaultLanguage: Language;
  timeZone: string;
}

/**
 * Programme's events, read by the other domains (the only TypeScript outside programme's services that names the
 * `event` table). Plain rows, never entities.
 */
@Injectable()
export class EventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Outcomes: whether an event exists, in the caller's transaction (or pass dataSource.manager).
  async exists(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM event WHERE id = $1`, [eventId])) as unknown[];
    return rows.length > 0;
  }

  // Agenda: the slug an event's documents are named by.
  async slugOf(eventId: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT slug FROM event WHERE id = $1`, [eventId])) as { slug: string }[];
    return row?.slug;
  }

  // Outcomes: a published event by its slug (drafts and archived editions have no public face).
  async publishedBySlug(slug: string): Promise<PublishedEventRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, name, default_language AS "defaultLanguage", time_zone AS "timeZone" FROM event WHERE slug = $1 AND status = 'published'`,
      [slug],
    )) as PublishedEventRow[];
    return row;
  }
}
