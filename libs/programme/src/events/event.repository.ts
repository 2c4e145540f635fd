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

/** What other domains show of an edition: its names, place, days (YYYY-MM-DD) and zone. */
export interface EventFacts {
  id: string;
  slug: string;
  name: Trilingual;
  city: Trilingual;
  time_zone: string;
  first_day: string;
  last_day: string;
  default_language: Language;
}

/** What registering needs of an edition, read under a share lock so its status cannot change meanwhile. */
export interface EventRegistrationState {
  id: string;
  status: string;
  registrationMode: string;
  consentNoticeVersion: string;
  defaultLanguage: Language;
}

/**
 * The event table as other domains may read it. Methods that a caller may run inside its transaction take its
 * manager first; the rest read through the pool.
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

  /** The facts of these editions, by id; unknown ids are absent from the map. */
  async factsOf(eventIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, EventFacts>> {
    const ids = [...new Set(eventIds)];
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT id, slug, name, city, time_zone, to_char(first_day, 'YYYY-MM-DD') AS first_day, to_char(last_day, 'YYYY-MM-DD') AS last_day,
              default_language
         FROM event WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as EventFacts[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The edition's registration state, share-locked for the caller's transaction (undefined: no such edition). */
  async registrationStateForShare(manager: EntityManager, where: { slug: string } | { id: string }): Promise<EventRegistrationState | undefined> {
    const [event] = (await manager.query(
      `SELECT id, status, registration_mode AS "registrationMode", consent_notice_version AS "consentNoticeVersion",
              default_language AS "defaultLanguage"
         FROM event WHERE ${'slug' in where ? 'slug' : 'id'} = $1 FOR SHARE`,
      ['slug' in where ? where.slug : where.id],
    )) as EventRegistrationState[];
    return event;
  }
}
