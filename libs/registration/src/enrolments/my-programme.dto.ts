import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { SESSION_KINDS, SESSION_STATUSES, type SessionKind, type SessionStatus } from '#programme/index.js';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../registration-vocabulary.js';

/** The edition a delegate registered for, as their portal names it (in all three languages: the reader picks). */
export class MyEditionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ type: TrilingualDto }) city: Trilingual;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'Every time of the edition is shown in this zone' }) timeZone: string;
  @ApiProperty({ example: '2025-07-18' }) firstDay: string;
  @ApiProperty({ example: '2025-07-19' }) lastDay: string;
}

/** The delegate's own claim on a session, when they have one. */
export class MySeatDto {
  @ApiProperty({ format: 'uuid', description: 'The enrolment (DELETE /api/me/enrolments/{id} gives it up)' }) enrolmentId: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES.filter((status) => status !== 'cancelled') }) status: Exclude<EnrolmentStatus, 'cancelled'>;
  @ApiProperty({ nullable: true, type: Number, description: 'Place on the waiting list (1 is next), when waitlisted' }) waitlistPosition: number | null;
}

/** A session a delegate may take a seat in, with the seats left. */
export class MySessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ type: TrilingualDto }) title: Trilingual;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ example: '2025-07-18', description: 'The day in the event\'s time zone' }) day: string;
  @ApiProperty({ type: TrilingualDto, nullable: true }) room: Trilingual | null;
  @ApiProperty({ enum: SESSION_STATUSES.filter((status) => status !== 'draft'), description: 'A cancelled session takes no seats' })
  status: Exclude<SessionStatus, 'draft'>;
  @ApiProperty({ nullable: true, type: Number, description: 'Seats in all (the session\'s own, else the room\'s); null: no limit' }) capacity: number | null;
  @ApiProperty({ type: Number }) seatsTaken: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit. 0: a new claim joins the waiting list' }) seatsLeft: number | null;
  @ApiProperty({ type: Number, description: 'How many wait for a seat' }) waitlisted: number;
  @ApiProperty({ type: MySeatDto, nullable: true }) mine: MySeatDto | null;
}

export class MyProgrammeDto extends PageMetaDto {
  @ApiProperty({ type: [MySessionDto] }) items: MySessionDto[];
}

export interface MySessionRow {
  id: string;
  kind: SessionKind;
  title: Trilingual;
  starts_at: Date;
  ends_at: Date;
  day: string;
  room: Trilingual | null;
  status: Exclude<SessionStatus, 'draft'>;
  capacity: number | null;
  seats_taken: number;
  waitlisted: number;
  enrolment_id: string | null;
  enrolment_status: Exclude<EnrolmentStatus, 'cancelled'> | null;
  waitlist_position: number | null;
}

export function toMySessionDto(row: MySessionRow): MySessionDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    day: row.day,
    room: row.room,
    status: row.status,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.seats_taken),
    waitlisted: row.waitlisted,
    mine: row.enrolment_id && row.enrolment_status ? { enrolmentId: row.enrolment_id, status: row.enrolment_status, waitlistPosition: row.waitlist_position } : null,
  };
}
