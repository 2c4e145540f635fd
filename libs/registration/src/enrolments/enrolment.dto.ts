import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
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
  @ApiProperty({ type: Object }) sessionTitle: Trilingual;
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

/** Selects what toEnrolmentDto needs; the waiting-list position is counted by arrival. */
export const ENROLMENT_SELECT = `
  SELECT e.id, e.registration_id, e.session_id, s.title, s.starts_at, s.ends_at, e.status, e.created_at,
         CASE WHEN e.status = 'waitlisted' THEN
           (SELECT count(*) FROM enrolment w WHERE w.session_id = e.session_id AND w.status = 'waitlisted' AND w.arrival <= e.arrival)
         END AS waitlist_position
    FROM enrolment e JOIN session s ON s.id = e.session_id`;

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
