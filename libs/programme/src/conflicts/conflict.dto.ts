import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';

export const CONFLICT_CODES = ['ROOM_CONFLICT', 'PERSON_CONFLICT', 'ROOM_TOO_SMALL', 'TIGHT_TRANSFER'] as const;

export class ConflictSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: TrilingualDto }) title: Trilingual;
  @ApiProperty({ enum: ['draft', 'scheduled'] }) status: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class ConflictDto {
  @ApiProperty({ enum: CONFLICT_CODES }) code: (typeof CONFLICT_CODES)[number];
  @ApiProperty({ enum: ['hard', 'soft'] }) severity: 'hard' | 'soft';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) personId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiProperty({ type: [ConflictSessionDto] }) sessions: ConflictSessionDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'ROOM_TOO_SMALL: capacity, seats and enrolled; TIGHT_TRANSFER: minutes' })
  detail: Record<string, unknown> | null;
}

export class ConflictReportDto extends PageMetaDto {
  @ApiProperty({ type: [ConflictDto] }) items: ConflictDto[];
  @ApiProperty() hard: number;
  @ApiProperty() soft: number;
}
