import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { RegistrationRepository } from '#registration/index.js';
import type { AgendaDownload } from '../documents/agenda-download.js';
import { PersonalAgendasService } from './personal-agendas.service.js';

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
    private readonly registrations: RegistrationRepository,
  ) {}

  async issue(caller: Caller, registrationId: string): Promise<CalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.dataSource.transaction(async (manager) => {
      // Locked, so that an erasure of the registration waits for the new feed (and removes it) or is seen here.
      if (!(await this.registrations.lockStanding(manager, registrationId, caller.userId))) throw new NotFoundError('Registration', { id: registrationId });
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
      // Someone else's registration reads as having no feed (an anonymised one has none: its erasure removed it).
      const owned = await this.registrations.lockStanding(manager, registrationId, caller.userId);
      const [, removed] = owned
        ? ((await manager.query(`DELETE FROM calendar_feed WHERE registration_id = $1 RETURNING registration_id`, [registrationId])) as [unknown[], number])
        : [[], 0];
      if (removed === 0) throw new NotFoundError('Calendar feed', { registrationId });
      await this.audit.record(manager, caller, { action: 'calendar-feed.revoked', entity: 'registration', entityId: registrationId });
    });
  }

  /** The feed behind a token: the delegate's agenda as iCalendar, while their registration stands. */
  async read(token: string, ifNoneMatch: string | undefined): Promise<AgendaDownload> {
    if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('Calendar feed');
    const hash = hashOf(token);
    const [feed] = (await this.dataSource.query(`SELECT registration_id FROM calendar_feed WHERE token_hash = $1`, [hash])) as { registration_id: string }[];
    // A feed serves while its registration stands approved: erased, cancelled or rejected, its token reads as unknown.
    const found = feed ? await this.registrations.agendaOwner(feed.registration_id) : undefined;
    if (!found || found.status !== 'approved') throw new NotFoundError('Calendar feed');
    // Stamped only for a feed that serves, and only if its token was not replaced meanwhile.
    const [, stamped] = (await this.dataSource.query(`UPDATE calendar_feed SET last_read_at = now() WHERE registration_id = $1 AND token_hash = $2`, [
      found.id,
      hash,
    ])) as [unknown[], number];
    if (stamped === 0) throw new NotFoundError('Calendar feed');
    return this.agendas.download(found, 'ics', found.preferredLanguage, ifNoneMatch);
  }
}
