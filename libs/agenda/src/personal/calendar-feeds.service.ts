import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import type { AgendaDownload } from '../documents/agenda-download.js';
import { type AgendaOwner, PersonalAgendasService } from './personal-agendas.service.js';

export interface CalendarFeed {
  url: string;
  createdAt: string;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();
/** A feed token: 32 random bytes, base64url. Anything else is not looked up at all. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Subscribable calendars: a secret URL that a calendar app polls for a delegate's agenda. Only the token's
 * hash is stored; issuing a new one replaces the old (a leaked URL is revoked by asking for a new one).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly agendas: PersonalAgendasService,
  ) {}

  async issue(caller: Caller, registrationId: string): Promise<CalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.dataSource.transaction(async (manager) => {
      const [owned] = (await manager.query(
        `SELECT id FROM registration WHERE id = $1 AND user_id = $2 AND anonymised_at IS NULL FOR NO KEY UPDATE`,
        [registrationId, caller.userId],
      )) as unknown[];
      if (!owned) throw new NotFoundError('Registration', { id: registrationId });
      const [row] = (await manager.query(
        `INSERT INTO calendar_feed (registration_id, token_hash) VALUES ($1, $2)
         ON CONFLICT (registration_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), last_read_at = NULL
         RETURNING created_at`,
        [registrationId, hashOf(token)],
      )) as { created_at: Date }[];
      await this.audit.record(manager, caller, { action: 'calendar-feed.issued', entity: 'registration', entityId: registrationId });
      return row.created_at;
    });
    return { url: `${this.config.publicBaseUrl}/api/public/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
  }

  async revoke(caller: Caller, registrationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = (await manager.query(
        `DELETE FROM calendar_feed f USING registration r
          WHERE f.registration_id = $1 AND r.id = f.registration_id AND r.user_id = $2 RETURNING f.registration_id`,
        [registrationId, caller.userId],
      )) as [unknown[], number];
      if (removed[1] === 0) throw new NotFoundError('Calendar feed', { registrationId });
      await this.audit.record(manager, caller, { action: 'calendar-feed.revoked', entity: 'registration', entityId: registrationId });
    });
  }

  /** The feed behind a token: the delegate's agenda as iCalendar, while their registration stands. */
  async read(token: string, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('Calendar feed');
    const [updated] = (await this.dataSource.query(
      `UPDATE calendar_feed f SET last_read_at = now()
         FROM registration r JOIN event e ON e.id = r.event_id
        WHERE f.token_hash = $1 AND r.id = f.registration_id AND r.anonymised_at IS NULL AND r.status = 'approved'
        RETURNING r.id, r.event_id, r.preferred_language, r.name_native, e.slug`,
      [hashOf(token)],
    )) as [AgendaOwner[], number];
    const found = updated[0];
    if (!found) throw new NotFoundError('Calendar feed');
    return this.agendas.download(found, 'ics', found.preferred_language, ifNoneMatch);
  }
}
