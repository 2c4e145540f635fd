import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import type { Language } from '#core/i18n/language.js';
import { renderText } from '#core/i18n/trilingual.js';
import { EventRepository, OrganisationRepository } from '#programme/index.js';
import { CATEGORY_LABELS, type RegistrationCategory } from '../registration-vocabulary.js';
import { type BadgeContent, renderBadgePdf } from './badge-pdf.js';

interface BadgeRow {
  status: string;
  badge_revoked_at: Date | null;
  badge_token: string;
  name_native: string;
  name_latin: string;
  country: string;
  category: RegistrationCategory;
  preferred_language: Language;
  event_id: string;
  organisation_id: string | null;
}

/** The printable badge of an approved registration; its QR code carries the badge token, never the id. */
@Injectable()
export class BadgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  /** `ownerUserId` limits it to the delegate's own registration (another's id is a 404). */
  async pdf(registrationId: string, scope: { ownerUserId?: string; eventId?: string }): Promise<Buffer> {
    const [row] = (await this.dataSource.query(
      `SELECT r.status, r.badge_revoked_at, r.badge_token, r.name_native, r.name_latin, r.country, r.category,
              r.preferred_language, r.event_id, r.organisation_id
         FROM registration r
        WHERE r.id = $1 AND r.anonymised_at IS NULL AND ($2::uuid IS NULL OR r.user_id = $2) AND ($3::uuid IS NULL OR r.event_id = $3)`,
      [registrationId, scope.ownerUserId ?? null, scope.eventId ?? null],
    )) as BadgeRow[];
    if (!row) throw new NotFoundError('Registration', { registrationId });
    if (row.status !== 'approved' || row.badge_revoked_at) {
      throw new AppError(409, 'NO_BADGE', 'Only an approved registration has a badge', { status: row.status });
    }
    // The edition and the organisation from programme, the owner of both (the foreign keys say they exist).
    const [events, organisations] = await Promise.all([this.events.factsOf([row.event_id]), this.organisations.namesOf([row.organisation_id])]);
    const eventName = events.get(row.event_id)!.name;
    const organisation = row.organisation_id ? (organisations.get(row.organisation_id) ?? null) : null;
    const content: BadgeContent = {
      eventName: {
        zh: renderText(eventName, 'zh')?.text ?? '',
        en: renderText(eventName, 'en')?.text ?? '',
        ru: renderText(eventName, 'ru')?.text ?? '',
      },
      nameNative: row.name_native,
      nameLatin: row.name_latin,
      organisation: organisation ? (renderText(organisation, row.preferred_language)?.text ?? null) : null,
      country: row.country,
      category: CATEGORY_LABELS[row.category],
      qrPayload: row.badge_token,
    };
    return renderBadgePdf(content);
  }
}
