import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '#core/http/pagination.js';
import type { NotificationStatus } from '../notification.entity.js';

/**
 * Where a planned reminder stands. planned: waiting for its time, and its seat and start still hold. obsolete:
 * waiting, but the seat was given up or the session moved since it was planned (it drops itself when due; a
 * release that moves a session plans new ones). relayed: handed to the queue, its message not recorded yet.
 * dropped: handed to the queue when it no longer held. recorded: its message was recorded (see notificationStatus).
 */
export const REMINDER_STATES = ['planned', 'obsolete', 'relayed', 'dropped', 'recorded'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export class SessionReminderDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once the registration is erased' }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ format: 'date-time', description: 'The session start it reminds of (as published when it was planned)' }) sessionStartsAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it goes: REMINDER_LEAD_MINUTES before that start, or at once if that had passed' }) sendAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it was handed to the queue' }) relayedAt: string | null;
  @ApiProperty({ enum: REMINDER_STATES }) state: ReminderState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) notificationId: string | null;
  @ApiProperty({ enum: ['queued', 'sent', 'failed'], nullable: true, type: String }) notificationStatus: NotificationStatus | null;
}

export class SessionReminderPageDto extends PageMetaDto {
  @ApiProperty({ type: [SessionReminderDto] }) items: SessionReminderDto[];
}
