import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import type { ScheduleChanges } from './schedule-diff.js';
import {
  SessionMovedDto,
  SessionRefDto,
  SessionRetitledDto,
  SessionRoomChangedDto,
  SessionVisibilityChangedDto,
  SpeakersChangedDto,
} from './release-changes.dto.js';
import type { ScheduleRelease } from './schedule-release.entity.js';
import type { TranslationGap } from './translation-report.js';

export class PublishReleaseDto {
  @TrilingualField({ maxLength: 200, description: 'e.g. { en: "Final programme", zh: "最终议程", ru: "Окончательная программа" }' })
  name: Trilingual;

  @TrilingualField({ optional: true, maxLength: 5000 })
  notes?: Trilingual | null;

  @ApiPropertyOptional({
    default: false,
    description: 'Admins only: publish although texts lack a language (recorded in the audit log)',
  })
  @IsOptional()
  @IsBoolean()
  overrideMissingTranslations?: boolean;
}

export class ReleaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ type: TrilingualDto, nullable: true }) notes: Trilingual | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) publishedBy: string | null;
  @ApiProperty() translationsOverridden: boolean;
  @ApiProperty({ description: 'Scheduled sessions in this release' }) sessionCount: number;
}

export class ReleasePageDto extends PageMetaDto {
  @ApiProperty({ type: [ReleaseSummaryDto] }) items: ReleaseSummaryDto[];
}

export class ReleaseChangesDto implements ScheduleChanges {
  @ApiProperty() number: number;
  @ApiProperty({ nullable: true, type: Number }) previousNumber: number | null;
  @ApiProperty({ type: [SessionRefDto] }) added: SessionRefDto[];
  @ApiProperty({ type: [SessionRefDto], description: 'In the previous release and no longer scheduled (cancelled, back to draft or removed)' })
  cancelled: SessionRefDto[];
  @ApiProperty({ type: [SessionMovedDto] }) moved: SessionMovedDto[];
  @ApiProperty({ type: [SessionRoomChangedDto] }) roomChanged: SessionRoomChangedDto[];
  @ApiProperty({ type: [SessionRetitledDto] }) retitled: SessionRetitledDto[];
  @ApiProperty({ type: [SpeakersChangedDto], description: 'People who joined or left the stage, or whose speaking order changed' })
  speakersChanged: SpeakersChangedDto[];
  @ApiProperty({ type: [SessionVisibilityChangedDto], description: 'Switched between public and invitation-only' })
  visibilityChanged: SessionVisibilityChangedDto[];
}

export class TranslationGapDto {
  @ApiProperty({ enum: ['event', 'venue', 'room', 'track', 'session', 'person', 'organisation', 'release'] }) entity: TranslationGap['entity'];
  @ApiProperty({ description: 'The record\'s id ("new" for the release being published)' }) id: string;
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ enum: ['zh', 'en', 'ru'], isArray: true }) missing: TranslationGap['missing'];
  @ApiProperty({
    type: TrilingualDto,
    description: "The record's title or name in the languages it has (a person: native name as zh, Latin as en, Cyrillic as ru)",
  })
  label: Trilingual;
}

export class TranslationReportDto extends PageMetaDto {
  @ApiProperty({ type: [TranslationGapDto] }) items: TranslationGapDto[];
  @ApiProperty({ description: 'True when every text has zh, en and ru' }) complete: boolean;
}

export function toReleaseSummaryDto(release: ScheduleRelease): ReleaseSummaryDto {
  return {
    id: release.id,
    eventId: release.eventId,
    number: release.number,
    name: release.name,
    notes: release.notes,
    publishedAt: release.publishedAt.toISOString(),
    publishedBy: release.publishedBy,
    translationsOverridden: release.translationsOverridden,
    sessionCount: release.snapshot.sessions.length,
  };
}

export function toReleaseChangesDto(release: ScheduleRelease): ReleaseChangesDto {
  return {
    number: release.number,
    ...release.changes,
    // Releases published before speaking order was compared stored no `order`.
    speakersChanged: release.changes.speakersChanged.map((entry) => ({ ...entry, order: entry.order ?? null })),
  };
}

/** What publishing now would record; GET …/releases/preview, written nowhere. */
export class ReleasePreviewDto {
  @ApiProperty({ type: ReleaseChangesDto, description: 'The change list publishing now would record; number is the one the release would get' })
  changes: ReleaseChangesDto;

  @ApiProperty({
    type: [TranslationGapDto],
    description: "Texts that lack a language: publishing refuses with TRANSLATIONS_MISSING unless an admin overrides (the release's own name is checked on publishing)",
  })
  missingTranslations: TranslationGapDto[];

  @ApiProperty({ description: 'True when nothing changed since the latest release: publishing would refuse with NO_CHANGES' })
  unchanged: boolean;
}
