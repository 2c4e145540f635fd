import { calendarSequence } from '#core/calendar/calendar-identity.js';
import { ErasedMailCopies } from './erased-mail-copies.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { isLanguage, type Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { UsersService } from '#identity/index.js';
import type { MessageKind } from '../templates/message-kinds.js';
import { formatInstant } from './format-instant.js';
import { NotificationRecorder } from './notification-recorder.service.js';
import { SessionReminders } from './session-reminders.service.js';

const REGISTRATION_KINDS: Record<string, MessageKind | undefined> = {
  received: 'registration-received',
  approved: 'registration-approved',
  rejected: 'registration-rejected',
  cancelled: 'registration-cancelled',
};

const ENROLMENT_KINDS: Record<string, MessageKind | undefined> = {
  enrolled: 'enrolment-confirmed',
  waitlisted: 'enrolment-waitlisted',
  promoted: 'enrolment-promoted',
  cancelled: 'enrolment-cancelled',
};

/**
 * Turns the domain events of the outbox into messages, each in its recipient's
 * language. The data is read here as messages need it (one read model for all
 * senders); recording goes through NotificationRecorder, so a repeated job
 * records nothing new.
 */
@Injectable()
export class NotificationEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recorder: NotificationRecorder,
    private readonly erasedMailCopies: ErasedMailCopies,
    private readonly users: UsersService,
    private readonly reminders: SessionReminders,
  ) {}

  /** The first job of the product: a new account's welcome (the user is read through identity's own service). */
  async welcome(userId: string) {
    const user = await this.users.get(userId);
    return this.dataSource.transaction((manager) =>
      this.recorder.record(manager, {
        kind: 'welcome',
        triggerKey: `user:${user.id}`,
        recipientUserId: user.id,
        recipientEmail: user.email,
        language: user.preferredLanguage,
        // The console's sign-in page, which greets a newcomer (welcome=1) in the language of the message (lang).
        values: { displayName: user.displayName, loginUrl: `${this.config.publicBaseUrl}/console/sign-in?welcome=1&lang=${user.preferredLanguage}` },
      }),
    );
  }

  async registrationChanged(registrationId: string, change: string): Promise<void> {
    // Erasure: nobody left to write to, and the copies of what was written go too.
    if (change === 'erased') {
      await this.erasedMailCopies.eraseFor(registrationId);
      return;
    }
    const kind = REGISTRATION_KINDS[change];
    if (!kind) return;
    const [r] = (await this.dataSource.query(
      `SELECT r.id, r.user_id, u.email, r.preferred_language, r.name_native, r.status_reason, e.name AS event_name
         FROM registration r JOIN app_user u ON u.id = r.user_id JOIN event e ON e.id = r.event_id
        WHERE r.id = $1 AND r.anonymised_at IS NULL`,
      [registrationId],
    )) as { id: string; user_id: string; email: string; preferred_language: Language; name_native: string; status_reason: string | null; event_name: Trilingual }[];
    if (!r) return;
    await this.dataSource.transaction((manager) =>
      this.recorder.record(manager, {
        kind,
        triggerKey: `registration:${r.id}:${change}`,
        recipientUserId: r.user_id,
        recipientEmail: r.email,
        language: r.preferred_language,
        values: {
          name: r.name_native,
          eventName: renderText(r.event_name, r.preferred_language)?.text ?? '',
          reason: r.status_reason ?? '',
          // The console's badge page, not the PDF route: a mail client opens links without the bearer token the
          // route needs (it answered 401). The page asks for sign-in and comes back to show and download the badge.
          badgeUrl: `${this.config.publicBaseUrl}/console/me/registrations/${r.id}/badge`,
        },
      }),
    );
  }

  async enrolmentChanged(enrolmentId: string, change: string): Promise<void> {
    const kind = ENROLMENT_KINDS[change];
    if (!kind) return;
    const [e] = (await this.dataSource.query(
      `SELECT en.id, r.user_id, u.email, r.preferred_language, r.name_native, s.id AS session_id, s.title, s.starts_at, s.ends_at, rm.name AS room, ev.time_zone,
              (SELECT count(*) FROM enrolment w WHERE w.session_id = en.session_id AND w.status = 'waitlisted' AND w.arrival <= en.arrival)::int AS position,
              -- Whether this person was sent the session for their calendar (a seat confirmed or promoted to).
              EXISTS (SELECT 1 FROM notification n WHERE n.trigger_key IN ('enrolment:' || en.id || ':enrolled', 'enrolment:' || en.id || ':promoted')
                         AND n.kind IN ('enrolment-confirmed', 'enrolment-promoted')) AS calendar_sent
         FROM enrolment en JOIN registration r ON r.id = en.registration_id JOIN app_user u ON u.id = r.user_id
         JOIN session s ON s.id = en.session_id JOIN event ev ON ev.id = s.event_id LEFT JOIN room rm ON rm.id = s.room_id
        WHERE en.id = $1 AND r.anonymised_at IS NULL`,
      [enrolmentId],
    )) as {
      id: string;
      user_id: string;
      email: string;
      preferred_language: Language;
      name_native: string;
      session_id: string;
      title: Trilingual;
      starts_at: Date;
      ends_at: Date;
      room: Trilingual | null;
      time_zone: string;
      position: number;
      calendar_sent: boolean;
    }[];
    if (!e) return;
    const language = e.preferred_language;
    const sessionTitle = renderText(e.title, language)?.text ?? '';
    const room = e.room ? (renderText(e.room, language)?.text ?? '') : '';
    // A seat that is now held comes with the session for the delegate's calendar.
    const holdsSeat = kind === 'enrolment-confirmed' || kind === 'enrolment-promoted';
    // A seat given up or lost to a cancelled session takes the entry out of the calendar it was put in.
    const leavesCalendar = kind === 'enrolment-cancelled' && e.calendar_sent;
    await this.dataSource.transaction(async (manager) => {
      const { created } = await this.recorder.record(manager, {
        kind,
        triggerKey: `enrolment:${e.id}:${change}`,
        recipientUserId: e.user_id,
        recipientEmail: e.email,
        language,
        values: {
          name: e.name_native,
          sessionTitle,
          startsAt: formatInstant(e.starts_at, e.time_zone, language),
          room,
          position: e.position,
        },
        calendar:
          holdsSeat || leavesCalendar
            ? {
                sessionId: e.session_id,
                summary: sessionTitle,
                location: room,
                startsAt: e.starts_at.toISOString(),
                endsAt: e.ends_at.toISOString(),
                timeZone: e.time_zone,
                sequence: calendarSequence(new Date()),
                ...(leavesCalendar ? { cancelled: true } : {}),
              }
            : undefined,
      });
      // A held seat gets its reminder, planned once: a repeated job finds the confirmation recorded.
      if (holdsSeat && created) await this.reminders.planForEnrolment(manager, e.id);
    });
  }

  async invitationCreated(invitationId: string, encryptedToken: string): Promise<void> {
    const [i] = (await this.dataSource.query(
      `SELECT i.id, i.email, i.guest, e.name AS event_name, e.slug FROM invitation i JOIN event e ON e.id = i.event_id
        WHERE i.id = $1 AND i.used_at IS NULL AND i.revoked_at IS NULL`,
      [invitationId],
    )) as { id: string; email: string; guest: { nameNative?: string; preferredLanguage?: string }; event_name: Trilingual; slug: string }[];
    if (!i || i.email.endsWith('@invalid.example')) return;
    const language: Language = isLanguage(i.guest.preferredLanguage) ? i.guest.preferredLanguage : 'en';
    await this.dataSource.transaction((manager) =>
      this.recorder.record(manager, {
        kind: 'invitation',
        triggerKey: `invitation:${i.id}`,
        recipientUserId: null,
        recipientEmail: i.email,
        language,
        values: {
          name: i.guest.nameNative ?? '',
          eventName: renderText(i.event_name, language)?.text ?? '',
        },
        // The link's token stays sealed in the row (as on the invitation) and is opened only to send.
        sealedLink: {
          placeholder: 'acceptUrl',
          // The console's registration page of the edition, which carries the token into the sign-up (a GET of
          // the api's POST-only registrations route would only answer 404).
          prefix: `${this.config.publicBaseUrl}/console/e/${encodeURIComponent(i.slug)}/register?lang=${language}&invitation=`,
          sealed: encryptedToken,
          recordId: i.id,
        },
      }),
    );
  }

  /** Tells the contacts of each party (its delegates with an approved registration) that the agreement was signed. */
  async agreementSigned(outcomeId: string): Promise<void> {
    const contacts = (await this.dataSource.query(
      `SELECT DISTINCT r.user_id, u.email, r.preferred_language, o.title, o.signed_at, e.name AS event_name, e.time_zone,
              (SELECT jsonb_agg(org.name ORDER BY p2.position) FROM outcome_party p2 JOIN organisation org ON org.id = p2.organisation_id
                WHERE p2.outcome_id = o.id AND NOT p2.confidential) AS parties
         FROM outcome o JOIN event e ON e.id = o.event_id
         JOIN outcome_party p ON p.outcome_id = o.id
         JOIN registration r ON r.organisation_id = p.organisation_id AND r.event_id = o.event_id AND r.status = 'approved' AND r.anonymised_at IS NULL
         JOIN app_user u ON u.id = r.user_id
        WHERE o.id = $1 AND o.status = 'signed'`,
      [outcomeId],
    )) as {
      user_id: string;
      email: string;
      preferred_language: Language;
      title: Trilingual;
      signed_at: Date;
      event_name: Trilingual;
      time_zone: string;
      parties: Trilingual[] | null;
    }[];
    if (contacts.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const c of contacts) {
        const language = c.preferred_language;
        await this.recorder.record(manager, {
          kind: 'agreement-signed',
          triggerKey: `agreement:${outcomeId}:signed`,
          recipientUserId: c.user_id,
          recipientEmail: c.email,
          language,
          values: {
            eventName: renderText(c.event_name, language)?.text ?? '',
            agreementTitle: renderText(c.title, language)?.text ?? '',
            parties: (c.parties ?? []).map((name) => renderText(name, language)?.text ?? '').join(', '),
            signedAt: formatInstant(c.signed_at, c.time_zone, language),
          },
        });
      }
    });
  }
}
