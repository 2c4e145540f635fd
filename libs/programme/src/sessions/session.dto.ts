import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import {
  SESSION_KINDS,
  SESSION_ROLES,
  SESSION_STATUSES,
  SESSION_VISIBILITIES,
  type SessionKind,
  type SessionRoleKind,
  type SessionStatus,
  type SessionVisibility,
} from '../programme-vocabulary.js';
import type { ProgrammeSession } from './session.entity.js';
import type { SessionRole } from './session-role.entity.js';
import { ToDate } from '#core/http/to-date.transform.js';


export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @TrilingualField({ maxLength: 500 })
  title: Trilingual;

  @TrilingualField({ optional: true, maxLength: 500, description: 'e.g. 绿色丝路·上合共赢 / Green Silk Road · SCO Win-Win' })
  theme?: Trilingual | null;

  @TrilingualField({ optional: true, maxLength: 10_000 })
  description?: Trilingual | null;

  @ApiProperty({ format: 'date-time', example: '2025-07-18T14:00:00+08:00' })
  @ToDate()
  @IsDate()
  startsAt: Date;

  @ApiProperty({ format: 'date-time', example: '2025-07-18T16:30:00+08:00' })
  @ToDate()
  @IsDate()
  endsAt: Date;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  roomId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  trackId?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: 'Seats offered; by default the room\'s' })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the capacity may exceed the room\'s seats (organisers only)' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  capacityOverrideReason?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languagesSpoken?: Language[];

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Must be channels the room offers' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languagesInterpreted?: Language[];

  @ApiPropertyOptional({ enum: SESSION_VISIBILITIES, default: 'public' })
  @IsOptional()
  @IsIn(SESSION_VISIBILITIES)
  visibility?: SessionVisibility;

  @ApiPropertyOptional({ enum: SESSION_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Host organisations, in order' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  hostOrganisationIds?: string[];
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class ListSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-07-18', description: 'A day in the event time zone' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  trackId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ enum: SESSION_VISIBILITIES })
  @IsOptional()
  @IsIn(SESSION_VISIBILITIES)
  visibility?: SessionVisibility;

  @ApiPropertyOptional({ description: 'Matches the title in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class UpdateSessionRoleDto {
  @ApiProperty({ minimum: 1, description: 'Who speaks or stands first (1 first)' })
  @IsInt()
  @Min(1)
  protocolOrder: number;
}

export class AddSessionRoleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: SESSION_ROLES })
  @IsIn(SESSION_ROLES)
  role: SessionRoleKind;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Who speaks or stands first (1 first)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  protocolOrder?: number;
}

export class SessionRoleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRoleKind;
  @ApiProperty() protocolOrder: number;
}

export function toSessionRoleDto(role: SessionRole): SessionRoleDto {
  return { id: role.id, personId: role.personId, role: role.role, protocolOrder: role.protocolOrder };
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ type: TrilingualDto }) title: Trilingual;
  @ApiProperty({ type: TrilingualDto, nullable: true }) theme: Trilingual | null;
  @ApiProperty({ type: TrilingualDto, nullable: true }) description: Trilingual | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trackId: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ nullable: true, type: String }) capacityOverrideReason: string | null;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languagesSpoken: Language[];
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languagesInterpreted: Language[];
  @ApiProperty({ enum: SESSION_VISIBILITIES }) visibility: SessionVisibility;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) hostOrganisationIds: string[];
  @ApiProperty({ type: [SessionRoleDto] }) roles: SessionRoleDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SessionPageDto extends PageMetaDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}

export function toSessionDto(session: ProgrammeSession, hostOrganisationIds: string[], roles: SessionRole[]): SessionDto {
  return {
    id: session.id,
    eventId: session.eventId,
    kind: session.kind,
    title: session.title,
    theme: session.theme,
    description: session.description,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    roomId: session.roomId,
    trackId: session.trackId,
    capacity: session.capacity,
    capacityOverrideReason: session.capacityOverrideReason,
    languagesSpoken: session.languagesSpoken,
    languagesInterpreted: session.languagesInterpreted,
    visibility: session.visibility,
    status: session.status,
    hostOrganisationIds,
    roles: [...roles].sort((a, b) => a.protocolOrder - b.protocolOrder).map(toSessionRoleDto),
    updatedAt: session.updatedAt.toISOString(),
  };
}
