import { ApiProperty } from '@nestjs/swagger';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { SESSION_ROLES, SESSION_VISIBILITIES, type SessionVisibility } from '../programme-vocabulary.js';
import type { PersonRole, SessionRef, StagePlace } from './schedule-diff.js';

/*
 * The OpenAPI shapes of a release's change list (schedule-diff.ts computes it). Each class implements the diff's
 * own type (ReleaseChangesDto implements ScheduleChanges), so a field added there and not here fails tsc.
 */

export class SessionRefDto implements SessionRef {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: TrilingualDto }) title: Trilingual;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) roomId: string | null;
  @ApiProperty({ enum: SESSION_VISIBILITIES }) visibility: SessionVisibility;
}

export class TimeSpanDto {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class SessionMovedDto extends SessionRefDto {
  @ApiProperty({ type: TimeSpanDto, description: 'The time before' }) from: TimeSpanDto;
}

export class SessionRoomChangedDto extends SessionRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fromRoomId: string | null;
}

export class SessionRetitledDto extends SessionRefDto {
  @ApiProperty({ type: TrilingualDto }) fromTitle: Trilingual;
}

export class SessionVisibilityChangedDto extends SessionRefDto {
  @ApiProperty({ enum: SESSION_VISIBILITIES }) fromVisibility: SessionVisibility;
}

export class PersonRoleDto implements PersonRole {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: SESSION_ROLES }) role: string;
}

export class StagePlaceDto extends PersonRoleDto implements StagePlace {
  @ApiProperty({ type: 'integer' }) protocolOrder: number;
}

export class StageOrderDto {
  @ApiProperty({ type: [StagePlaceDto], description: 'The stage before, in protocol order' }) from: StagePlaceDto[];
  @ApiProperty({ type: [StagePlaceDto], description: 'The stage after, in protocol order' }) to: StagePlaceDto[];
}

export class SpeakersChangedDto extends SessionRefDto {
  @ApiProperty({ type: [PersonRoleDto], description: 'Joined the stage (interpreters aside)' }) added: PersonRoleDto[];
  @ApiProperty({ type: [PersonRoleDto], description: 'Left the stage' }) removed: PersonRoleDto[];
  @ApiProperty({ type: StageOrderDto, nullable: true, description: 'When the speaking order changed, else null' }) order: StageOrderDto | null;
}

