import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, Matches, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import { EVENT_STATUSES, type EventStatus } from '../programme-vocabulary.js';

/** Mirrors the registration library's modes; the event row holds the setting. */
const REGISTRATION_MODES = ['open', 'approval', 'invitation'] as const;
import type { ConferenceEvent } from './event.entity.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateEventDto {
  @ApiProperty({ example: 'sco-local-trade-2026', description: 'Lower-case words joined by hyphens; used in public URLs' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters and digits joined by hyphens' })
  slug: string;

  @TrilingualField({ maxLength: 300 })
  name: Trilingual;

  @TrilingualField({ maxLength: 100 })
  city: Trilingual;

  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({ example: '2026-07-17', description: 'First day, in the event time zone' })
  @Matches(DAY, { message: 'firstDay must be a date YYYY-MM-DD' })
  firstDay: string;

  @ApiProperty({ example: '2026-07-18' })
  @Matches(DAY, { message: 'lastDay must be a date YYYY-MM-DD' })
  lastDay: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  defaultLanguage: Language;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ enum: REGISTRATION_MODES, default: 'approval' })
  @IsOptional()
  @IsIn(REGISTRATION_MODES)
  registrationMode?: (typeof REGISTRATION_MODES)[number];

  @ApiPropertyOptional({ example: '2025-1', description: 'Version of the data-processing notice delegates consent to' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]{1,40}$/)
  consentNoticeVersion?: string;

  // In all three languages: consent is given to a text the delegate can read, whichever of the three they read.
  @TrilingualField({
    optional: true,
    required: LANGUAGES,
    maxLength: 20000,
    description:
      'The text of that notice in zh, en and ru (all three required), shown on the public edition route before registering. ' +
      'Once set, changing it needs a new consentNoticeVersion (422 CONSENT_NOTICE_NEEDS_NEW_VERSION)',
  })
  consentNotice?: Trilingual | null;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ description: 'Matches the slug or the name in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class EventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ type: TrilingualDto }) city: Trilingual;
  @ApiProperty() timeZone: string;
  @ApiProperty() firstDay: string;
  @ApiProperty() lastDay: string;
  @ApiProperty({ enum: LANGUAGES }) defaultLanguage: Language;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty({ enum: REGISTRATION_MODES }) registrationMode: (typeof REGISTRATION_MODES)[number];
  @ApiProperty() consentNoticeVersion: string;
  @ApiProperty({ type: TrilingualDto, nullable: true }) consentNotice: Trilingual | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EventPageDto extends PageMetaDto {
  @ApiProperty({ type: [EventDto] }) items: EventDto[];
}

export class ConsentNoticeDto {
  @ApiProperty({ example: '2025-1', description: 'The version a registration must consent to (consent.noticeVersion)' }) version: string;
  @ApiProperty({ type: TrilingualDto, nullable: true, description: 'The notice in zh, en and ru; null when the organisers have not given one' })
  text: Trilingual | null;
}

/** An edition as the public sees it before registering: no ids, no status, nothing an organiser keeps to themselves. */
export class PublicEventDto {
  @ApiProperty() slug: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ type: TrilingualDto }) city: Trilingual;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ example: '2025-07-18', description: 'First day, in the edition\'s time zone' }) firstDay: string;
  @ApiProperty({ example: '2025-07-19' }) lastDay: string;
  @ApiProperty({ enum: LANGUAGES }) defaultLanguage: Language;
  @ApiProperty({ enum: REGISTRATION_MODES, description: 'open: approved at once; approval: an organiser decides; invitation: invited guests only' })
  registrationMode: (typeof REGISTRATION_MODES)[number];
  @ApiProperty({ type: ConsentNoticeDto }) consentNotice: ConsentNoticeDto;
}

export function toPublicEventDto(event: ConferenceEvent): PublicEventDto {
  return {
    slug: event.slug,
    name: event.name,
    city: event.city,
    timeZone: event.timeZone,
    firstDay: event.firstDay,
    lastDay: event.lastDay,
    defaultLanguage: event.defaultLanguage,
    registrationMode: event.registrationMode,
    consentNotice: { version: event.consentNoticeVersion, text: event.consentNotice },
  };
}

export function toEventDto(event: ConferenceEvent): EventDto {
  return {
    id: event.id,
    slug: event.slug,
    name: event.name,
    city: event.city,
    timeZone: event.timeZone,
    firstDay: event.firstDay,
    lastDay: event.lastDay,
    defaultLanguage: event.defaultLanguage,
    status: event.status,
    registrationMode: event.registrationMode,
    consentNoticeVersion: event.consentNoticeVersion,
    consentNotice: event.consentNotice,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}
