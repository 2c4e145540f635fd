import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../registration-vocabulary.js';

export class EnrolDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;
}

export class InviteeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  registrationId: string;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: TrilingualDto }) sessionTitle: Trilingual;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Place on the waiting list (1 is next), when waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EnrolmentPageDto extends PageMetaDto {
  @ApiProperty({ type: [EnrolmentDto] }) items: EnrolmentDto[];
}

export interface EnrolmentRow {
  id: string;
  registration_id: string;
  session_id: string;
  title: Trilingual;
  starts_at: Date;
  ends_at: Date;
  status: EnrolmentStatus;
  waitlist_position: string | null;
  created_at: Date;
}

/** An enrolment as registration holds it: toEnrolmentDto needs the session's title and times besides (programme's). */
export type EnrolmentClaimRow = Omit<EnrolmentRow, 'title' | 'starts_at' | 'ends_at'>;

/** Selects the enrolment's side of what toEnrolmentDto needs; the waiting-list position is counted by arrival. */
export const ENROLMENT_SELECT = `
  SELECT e.id, e.registration_id, e.session_id, e.status, e.created_at,
         CASE WHEN e.status = 'waitlisted' THEN
           (SELECT count(*) FROM enrolment w WHERE w.session_id = e.session_id AND w.status = 'waitlisted' AND w.arrival <= e.arrival)
         END AS waitlist_position
    FROM enrolment e`;

export function toEnrolmentDto(row: EnrolmentRow): EnrolmentDto {
  return {
    id: row.id,
    registrationId: row.registration_id,
    sessionId: row.session_id,
    sessionTitle: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    createdAt: row.created_at.toISOString(),
  };
}

export class ListSessionEnrolmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES, description: 'Default: seat holders and the waiting list (not the cancelled)' })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}

/** One delegate's claim on a session, as the organisers see it. */
export class SessionEnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String, description: 'In the delegate\'s own script; null once the registration is erased' }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES, description: 'enrolled: holds a seat; waitlisted: waits for one' }) status: EnrolmentStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Place on the waiting list (1 is next), when waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time', description: 'When the delegate asked for the seat (the waiting list is served in this order)' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'The last change: a promotion from the waiting list, a cancellation' }) updatedAt: string;
}

export class SessionEnrolmentPageDto extends PageMetaDto {
  @ApiProperty({ type: [SessionEnrolmentDto] }) items: SessionEnrolmentDto[];
}

export interface SessionEnrolmentRow {
  id: string;
  registration_id: string;
  name_native: string | null;
  name_latin: string | null;
  status: EnrolmentStatus;
  waitlist_position: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toSessionEnrolmentDto(row: SessionEnrolmentRow): SessionEnrolmentDto {
  return {
    id: row.id,
    registrationId: row.registration_id,
    nameNative: row.name_native,
    nameLatin: row.name_latin,
    status: row.status,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
