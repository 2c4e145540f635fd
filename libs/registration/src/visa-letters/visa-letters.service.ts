import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { type EventFacts, EventRepository } from '#programme/index.js';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import type { RegistrationStatus } from '../registration-vocabulary.js';
import {
  type LetterLanguage,
  type MyVisaLetterDto,
  type VisaLetterDownloadsDto,
  type VisaLetterRefusal,
  type VisaLetterTextDto,
  type VisaLetterTextInputDto,
  type VisaLetterVerificationDto,
} from './visa-letter.dto.js';
import { renderVisaLetterPdf, type VisaLetterContent } from './visa-letter-pdf.js';
import { newVisaLetterReference, VISA_LETTER_REFERENCE } from './visa-letter-reference.js';
import { dayInZone } from './visa-letter-words.js';

interface TextRow {
  event_id: string;
  body: Trilingual;
  purpose: Trilingual;
  organiser_name: Trilingual;
  organiser_address: Trilingual;
  organiser_contact: string;
  signatory_name: Trilingual;
  signatory_title: Trilingual;
  signatory_organisation: Trilingual;
  updated_at: Date;
}

type EventRow = Pick<EventFacts, 'id' | 'name' | 'city' | 'first_day' | 'last_day' | 'time_zone'>;

interface LetterRegistrationRow {
  id: string;
  event_id: string;
  status: RegistrationStatus;
  name_latin: string | null;
  preferred_language: Language;
  arrival_date: string | null;
  departure_date: string | null;
  visa_nationality: Buffer | null;
  visa_passport_number: Buffer | null;
  visa_date_of_birth: Buffer | null;
  has_text: boolean;
}

const TEXT_COLUMNS = `event_id, body, purpose, organiser_name, organiser_address, organiser_contact,
  signatory_name, signatory_title, signatory_organisation, updated_at`;

const REFUSAL_MESSAGES: Record<VisaLetterRefusal, string> = {
  VISA_LETTER_NOT_APPROVED: 'A visa letter is issued only for an approved registration',
  VISA_DATA_MISSING: 'The registration has no visa data (nationality and passport number)',
  VISA_LETTER_TEXT_MISSING: 'The organisers have not set the visa letter text for this edition yet',
};

/** The letter's second language: the one asked for, else the delegate's own when it is en or ru, else English. */
function letterLanguage(asked: LetterLanguage | undefined, preferred: Language): LetterLanguage {
  return asked ?? (preferred === 'ru' ? 'ru' : 'en');
}

function refusalOf(r: Pick<LetterRegistrationRow, 'status' | 'visa_nationality' | 'visa_passport_number' | 'has_text'>): VisaLetterRefusal | null {
  if (r.status !== 'approved') return 'VISA_LETTER_NOT_APPROVED';
  if (!r.visa_nationality || !r.visa_passport_number) return 'VISA_DATA_MISSING';
  if (!r.has_text) return 'VISA_LETTER_TEXT_MISSING';
  return null;
}

function toTextDto(row: TextRow): VisaLetterTextDto {
  return {
    eventId: row.event_id,
    body: row.body,
    purpose: row.purpose,
    organiserName: row.organiser_name,
    organiserAddress: row.organiser_address,
    organiserContact: row.organiser_contact,
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
    signatoryOrganisation: row.signatory_organisation,
    updatedAt: row.updated_at.toISOString(),
  };
}

function contentText(row: TextRow): VisaLetterContent['text'] {
  const { eventId: _eventId, updatedAt: _updatedAt, ...text } = toTextDto(row);
  return text;
}

/**
 * Visa invitation letters. Organisers set the text per edition; an approved delegate with visa data downloads
 * their letter, which is issued (given its reference) on the first download and recorded on every one; anyone
 * can check a reference without learning who it belongs to. The passport data is decrypted only to print it.
 */
@Injectable()
export class VisaLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    private readonly events: EventRepository,
  ) {}

  // ---- the edition's letter text (organisers) ----

  async getText(eventId: string): Promise<VisaLetterTextDto> {
    await this.eventOrFail(this.dataSource.manager, eventId);
    const row = await this.textRow(this.dataSource.manager, eventId);
    if (!row) throw new AppError(404, 'VISA_LETTER_TEXT_MISSING', REFUSAL_MESSAGES.VISA_LETTER_TEXT_MISSING, { eventId });
    return toTextDto(row);
  }

  async putText(caller: Caller, eventId: string, dto: VisaLetterTextInputDto): Promise<VisaLetterTextDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.eventOrFail(manager, eventId);
      const before = await this.textRow(manager, eventId);
      const [row] = (await manager.query(
        `INSERT INTO visa_letter_text (event_id, body, purpose, organiser_name, organiser_address, organiser_contact,
                                       signatory_name, signatory_title, signatory_organisation, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
         ON CONFLICT (event_id) DO UPDATE SET
           body = EXCLUDED.body, purpose = EXCLUDED.purpose, organiser_name = EXCLUDED.organiser_name,
           organiser_address = EXCLUDED.organiser_address, organiser_contact = EXCLUDED.organiser_contact,
           signatory_name = EXCLUDED.signatory_name, signatory_title = EXCLUDED.signatory_title,
           signatory_organisation = EXCLUDED.signatory_organisation, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${TEXT_COLUMNS}`,
        [
          eventId, dto.body, dto.purpose, dto.organiserName, dto.organiserAddress, dto.organiserContact,
          dto.signatoryName, dto.signatoryTitle, dto.signatoryOrganisation, caller.userId || null,
        ],
      )) as TextRow[];
      const after = toTextDto(row);
      await this.audit.record(manager, caller, {
        action: 'visa-letter-text.updated',
        entity: 'event',
        entityId: eventId,
        before: before ? contentText(before) : null,
        after: contentText(row),
      });
      return after;
    });
  }

  /** The letter as a delegate would get it, with made-up details and stamped as a sample: what organisers proofread. */
  async preview(eventId: string, asked: LetterLanguage | undefined): Promise<Buffer> {
    const event = await this.eventOrFail(this.dataSource.manager, eventId);
    const text = await this.textRow(this.dataSource.manager, eventId);
    if (!text) throw new AppError(409, 'VISA_LETTER_TEXT_MISSING', REFUSAL_MESSAGES.VISA_LETTER_TEXT_MISSING, { eventId });
    return renderVisaLetterPdf({
      reference: 'VL-0000-0000-0000',
      issuedOn: dayInZone(new Date(), event.time_zone),
      verifyUrl: `${this.config.publicBaseUrl}/api/public/visa-letters/VL-0000-0000-0000`,
      event: { name: event.name, city: event.city, firstDay: event.first_day, lastDay: event.last_day },
      text: contentText(text),
      delegate: {
        nameInPassport: 'SAMPLE NAME',
        nationality: 'KZ',
        passportNumber: 'N00000000',
        dateOfBirth: null,
        arrival: event.first_day,
        departure: event.last_day,
      },
      language: asked ?? 'en',
      sample: true,
    });
  }

  /** Who has downloaded their letter: one row per registration, newest download first. */
  async downloads(eventId: string, query: PageQueryDto): Promise<Page<VisaLetterDownloadsDto>> {
    await this.eventOrFail(this.dataSource.manager, eventId);
    const rows = (await this.dataSource.query(
      `SELECT l.registration_id, r.name_native, r.name_latin, r.country, l.reference, l.issued_at,
              max(d.downloaded_at) AS last_downloaded_at, count(d.id)::int AS downloads,
              array_agg(DISTINCT d.language ORDER BY d.language) AS languages, count(*) OVER ()::int AS total
         FROM visa_letter l
         JOIN registration r ON r.id = l.registration_id
         JOIN visa_letter_download d ON d.registration_id = l.registration_id
        WHERE l.event_id = $1
        GROUP BY l.registration_id, r.name_native, r.name_latin, r.country, l.reference, l.issued_at
        ORDER BY last_downloaded_at DESC, l.registration_id
        LIMIT $2 OFFSET $3`,
      [eventId, query.pageSize, skipOf(query)],
    )) as {
      registration_id: string; name_native: string | null; name_latin: string | null; country: string | null; reference: string;
      issued_at: Date; last_downloaded_at: Date; downloads: number; languages: LetterLanguage[]; total: number;
    }[];
    const total = rows[0]?.total ?? (query.page > 1 ? await this.countLetters(eventId) : 0);
    return toPage(rows, total, query, (r) => ({
      registrationId: r.registration_id,
      nameNative: r.name_native,
      nameLatin: r.name_latin,
      country: r.country,
      reference: r.reference,
      issuedAt: r.issued_at.toISOString(),
      lastDownloadedAt: r.last_downloaded_at.toISOString(),
      downloads: r.downloads,
      languages: r.languages,
    }));
  }

  // ---- the delegate's own letters (/api/me): another's registration is a 404 ----

  async listMine(caller: Caller, query: PageQueryDto): Promise<Page<MyVisaLetterDto>> {
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM registration WHERE user_id = $1 AND anonymised_at IS NULL`,
      [caller.userId],
    )) as { total: number }[];
    // A delegate has a registration or two (one per edition): all are read, dated from programme, ordered latest
    // edition first as before, and the page cut here.
    const all = (await this.dataSource.query(
      `SELECT r.id, r.event_id, r.status, r.preferred_language, r.visa_nationality, r.visa_passport_number,
              t.event_id IS NOT NULL AS has_text, l.reference
         FROM registration r
         LEFT JOIN visa_letter_text t ON t.event_id = r.event_id
         LEFT JOIN visa_letter l ON l.registration_id = r.id
        WHERE r.user_id = $1 AND r.anonymised_at IS NULL`,
      [caller.userId],
    )) as (Pick<LetterRegistrationRow, 'id' | 'event_id' | 'status' | 'preferred_language' | 'visa_nationality' | 'visa_passport_number' | 'has_text'> & {
      reference: string | null;
    })[];
    const events = await this.events.factsOf(all.map((r) => r.event_id));
    const rows = all
      .map((r) => {
        const event = events.get(r.event_id)!;
        return { ...r, name: event.name, first_day: event.first_day, last_day: event.last_day };
      })
      .sort((a, b) => (a.first_day === b.first_day ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.first_day < b.first_day ? 1 : -1))
      .slice(skipOf(query), skipOf(query) + query.pageSize);
    return toPage(rows, total, query, (r) => {
      const refusal = refusalOf(r);
      return {
        registrationId: r.id,
        eventId: r.event_id,
        edition: r.name,
        firstDay: r.first_day,
        lastDay: r.last_day,
        status: r.status,
        available: refusal === null,
        refusal,
        reference: r.reference,
        defaultLanguage: letterLanguage(undefined, r.preferred_language),
      };
    });
  }

  /** The letter of the caller's own registration, issued on the first call; every call is recorded. */
  async downloadMine(caller: Caller, registrationId: string, asked: LetterLanguage | undefined): Promise<{ pdf: Buffer; reference: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [r] = (await manager.query(
        `SELECT r.id, r.event_id, r.status, r.name_latin, r.preferred_language,
                to_char(r.arrival_date, 'YYYY-MM-DD') AS arrival_date, to_char(r.departure_date, 'YYYY-MM-DD') AS departure_date,
                r.visa_nationality, r.visa_passport_number, r.visa_date_of_birth,
                EXISTS (SELECT 1 FROM visa_letter_text t WHERE t.event_id = r.event_id) AS has_text
           FROM registration r
          WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`,
        [registrationId, caller.userId],
      )) as LetterRegistrationRow[];
      if (!r) throw new NotFoundError('Registration', { registrationId });
      const refusal = refusalOf(r);
      if (refusal) throw new AppError(409, refusal, REFUSAL_MESSAGES[refusal], refusal === 'VISA_LETTER_NOT_APPROVED' ? { status: r.status } : undefined);
      const event = await this.eventOrFail(manager, r.event_id);
      const text = (await this.textRow(manager, r.event_id))!;
      const language = letterLanguage(asked, r.preferred_language);

      // Issued once per registration: a second download is the same letter, with the same reference and date.
      await manager.query(
        `INSERT INTO visa_letter (registration_id, event_id, reference) VALUES ($1, $2, $3) ON CONFLICT (registration_id) DO NOTHING`,
        [r.id, r.event_id, newVisaLetterReference()],
      );
      const [letter] = (await manager.query(`SELECT reference, issued_at FROM visa_letter WHERE registration_id = $1`, [r.id])) as {
        reference: string; issued_at: Date;
      }[];
      await manager.query(`INSERT INTO visa_letter_download (registration_id, downloaded_by, language) VALUES ($1, $2, $3)`, [
        r.id, caller.userId || null, language,
      ]);

      const open = (value: Buffer | null) => (value ? this.cipher.decrypt(value, r.id) : null);
      const pdf = await renderVisaLetterPdf({
        reference: letter.reference,
        issuedOn: dayInZone(letter.issued_at, event.time_zone),
        verifyUrl: `${this.config.publicBaseUrl}/api/public/visa-letters/${letter.reference}`,
        event: { name: event.name, city: event.city, firstDay: event.first_day, lastDay: event.last_day },
        text: contentText(text),
        delegate: {
          nameInPassport: r.name_latin ?? '',
          nationality: open(r.visa_nationality)!,
          passportNumber: open(r.visa_passport_number)!,
          dateOfBirth: open(r.visa_date_of_birth),
          // A delegate who gave no travel dates is invited for the edition's days.
          arrival: r.arrival_date ?? event.first_day,
          departure: r.departure_date ?? event.last_day,
        },
        language,
      });
      return { pdf, reference: letter.reference };
    });
  }

  // ---- the public check of a reference ----

  async verify(reference: string): Promise<VisaLetterVerificationDto> {
    // An unknown reference is never echoed back: whatever was typed (or pasted, personal or not) stays out of the answer.
    const unknown = () => new AppError(404, 'VISA_LETTER_UNKNOWN', 'No visa letter has this reference');
    if (!VISA_LETTER_REFERENCE.test(reference)) throw unknown();
    const [row] = (await this.dataSource.query(
      `SELECT l.reference, l.issued_at, l.event_id, (r.status = 'approved' AND r.anonymised_at IS NULL) AS valid
         FROM visa_letter l JOIN registration r ON r.id = l.registration_id
        WHERE l.reference = $1`,
      [reference],
    )) as { reference: string; issued_at: Date; event_id: string; valid: boolean }[];
    if (!row) throw unknown();
    const event = (await this.events.factsOf([row.event_id])).get(row.event_id)!;
    return {
      genuine: true,
      reference: row.reference,
      edition: event.name,
      firstDay: event.first_day,
      lastDay: event.last_day,
      issuedAt: row.issued_at.toISOString(),
      valid: row.valid,
    };
  }

  // ---- helpers ----

  private async eventOrFail(manager: EntityManager, eventId: string): Promise<EventRow> {
    const event: EventRow | undefined = (await this.events.factsOf([eventId], manager)).get(eventId);
    if (!event) throw new NotFoundError('Event', { eventId });
    return event;
  }

  private async textRow(manager: EntityManager, eventId: string): Promise<TextRow | undefined> {
    const [row] = (await manager.query(`SELECT ${TEXT_COLUMNS} FROM visa_letter_text WHERE event_id = $1`, [eventId])) as TextRow[];
    return row;
  }

  private async countLetters(eventId: string): Promise<number> {
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM visa_letter WHERE event_id = $1`, [eventId])) as { total: number }[];
    return total;
  }
}
