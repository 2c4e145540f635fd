import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import type { Track } from './track.entity.js';

export class CreateTrackDto {
  @TrilingualField({ maxLength: 300 })
  name: Trilingual;

  @ApiProperty({ example: '#1f6feb' })
  @Matches(/^#[0-9a-f]{6}$/, { message: 'colour must be #rrggbb in lower case' })
  colour: string;

  @ApiPropertyOptional({ default: 0, description: 'Order in listings' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class UpdateTrackDto extends PartialType(CreateTrackDto) {}

export class TrackDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty() colour: string;
  @ApiProperty() position: number;
}

export class TrackPageDto extends PageMetaDto {
  @ApiProperty({ type: [TrackDto] }) items: TrackDto[];
}

export function toTrackDto(track: Track): TrackDto {
  return { id: track.id, eventId: track.eventId, name: track.name, colour: track.colour, position: track.position };
}
