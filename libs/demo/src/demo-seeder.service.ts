import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError } from '#core/errors/app-error.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { ProgrammeSeedRepository, ReleasesService } from '#programme/index.js';
import type { DemoEdition } from './demo-data.types.js';
import { DEMO_EDITION_2025 } from './demo-edition-2025.data.js';
import { demoId } from './demo-ids.js';

export interface SeedResult {
  eventId: string;
  slug: string;
  /** Rows added by this run; 0 when the demo was already there. */
  inserted: number;
  releaseNumber: number | null;
}

/**
 * Loads the 2025 edition from the seed documents (organisations, people, venues,
 * rooms, tracks, sessions with their hosts and people) and publishes it as the
 * first release. Idempotent: ids come from the records' keys, every insert skips
 * what exists, and a release is published only when the event has none.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly releases: ReleasesService,
    private readonly programme: ProgrammeSeedRepository,
    private readonly audit: AuditService,
  ) {}

  isEmpty(): Promise<boolean> {
    return this.programme.hasNoEvents();
  }

  async seed(edition: DemoEdition = DEMO_EDITION_2025): Promise<SeedResult> {
    const eventId = demoId('event', edition.event.slug);
    const inserted = await this.dataSource.transaction(async (manager) => {
      let count = 0;
      for (const o of edition.organisations) {
        count += await this.programme.insertIfAbsent(manager, 'organisation', { id: demoId('organisation', o.key), name: o.name, country: o.country, type: o.type });
      }
      for (const p of edition.people) {
        count += await this.programme.insertIfAbsent(manager, 'person', {
          id: demoId('person', p.key),
          name_native: p.nameNative,
          name_latin: p.nameLatin,
          name_cyrillic: p.nameCyrillic,
          honorific: p.honorific ?? null,
          position: p.position,
          organisation_id: p.organisationKey ? demoId('organisation', p.organisationKey) : null,
          country: p.country,
        });
      }
      const e = edition.event;
      count += await this.programme.insertIfAbsent(manager, 'event', {
        id: eventId,
        slug: e.slug,
        name: e.name,
        city: e.city,
        time_zone: e.timeZone,
        first_day: e.firstDay,
        last_day: e.lastDay,
        default_language: e.defaultLanguage,
        consent_notice: e.consentNotice,
        // The 2025 edition took place: public, as its programme is (a release does not publish an edition).
        status: 'published',
      });
      for (const venue of e.venues) {
        const venueId = demoId('venue', venue.key);
        count += await this.programme.insertIfAbsent(manager, 'venue', { id: venueId, event_id: eventId, name: venue.name, address: venue.address ?? null });
        for (const room of venue.rooms) {
          count += await this.programme.insertIfAbsent(manager, 'room', {
            id: demoId('room', room.key),
            event_id: eventId,
            venue_id: venueId,
            name: room.name,
            capacity: room.capacity,
            interpretation_channels: room.interpretationChannels,
          });
        }
      }
      for (const track of e.tracks) {
        count += await this.programme.insertIfAbsent(manager, 'track', {
          id: demoId('track', track.key),
          event_id: eventId,
          name: track.name,
          colour: track.colour,
          position: track.position,
        });
      }
      for (const s of e.sessions) {
        const sessionId = demoId('session', s.key);
        count += await this.programme.insertIfAbsent(manager, 'session', {
          id: sessionId,
          event_id: eventId,
          kind: s.kind,
          title: s.title,
          theme: s.theme ?? null,
          description: s.description ?? null,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          room_id: demoId('room', s.roomKey),
          track_id: s.trackKey ? demoId('track', s.trackKey) : null,
          capacity: s.capacity ?? null,
          languages_spoken: s.languagesSpoken,
          languages_interpreted: s.languagesInterpreted,
          visibility: s.visibility,
          status: 'scheduled',
        });
        for (const [index, key] of s.hostOrganisationKeys.entries()) {
          count += await this.programme.insertIfAbsent(
            manager,
            'session_host',
            { session_id: sessionId, organisation_id: demoId('organisation', key), position: index + 1 },
            '(session_id, organisation_id)',
          );
        }
        for (const role of s.roles) {
          count += await this.programme.insertIfAbsent(manager, 'session_role', {
            id: demoId('session-role', `${s.key}:${role.personKey}:${role.role}`),
            session_id: sessionId,
            person_id: demoId('person', role.personKey),
            role: role.role,
            protocol_order: role.protocolOrder,
          });
        }
      }
      if (count > 0) {
        await this.audit.record(manager, SYSTEM_CALLER, { action: 'demo.seeded', entity: 'event', entityId: eventId, after: { slug: e.slug, rows: count } });
      }
      return count;
    });

    let releaseNumber = await this.programme.latestReleaseNumber(eventId);
    if (releaseNumber === null) {
      const release = await this.releases.publish(SYSTEM_CALLER, eventId, {
        name: { zh: '大会议程（演示数据）', en: 'Conference programme (demo data)', ru: 'Программа конференции (демонстрационные данные)' },
        notes: {
          zh: '根据2025年会议报道载入；报道未给出的时间和会场为假定。',
          en: 'Loaded from the 2025 reports; times and rooms the reports do not give are assumed.',
          ru: 'Загружено по материалам 2025 года; время и залы, не указанные в них, условные.',
        },
      }).catch(async (error: unknown) => {
        // Two seeds at once: the other one published the same programme first.
        if (!(error instanceof AppError && error.code === 'NO_CHANGES')) throw error;
        return { number: (error.details as { number: number }).number };
      });
      releaseNumber = release.number;
    }
    this.logger.log({ slug: edition.event.slug, inserted, releaseNumber }, 'demo programme ready');
    return { eventId, slug: edition.event.slug, inserted, releaseNumber };
  }
}
