import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import type { Room } from './room.entity.js';
import type { Venue } from './venue.entity.js';

export class CreateVenueDto {
  @TrilingualField({ maxLength: 300 })
  name: Trilingual;

  @TrilingualField({ optional: true, maxLength: 500 })
  address?: Trilingual | null;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class VenueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ type: TrilingualDto, nullable: true }) address: Trilingual | null;
}

export class VenuePageDto extends PageMetaDto {
  @ApiProperty({ type: [VenueDto] }) items: VenueDto[];
}

export function toVenueDto(venue: Venue): VenueDto {
  return { id: venue.id, eventId: venue.eventId, name: venue.name, address: venue.address };
}

export class CreateRoomDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  venueId: string;

  @TrilingualField({ maxLength: 300 })
  name: Trilingual;

  @ApiProperty({ minimum: 1, example: 320, description: 'Seats' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity: number;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Languages the interpretation booths deliver' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretationChannels?: Language[];
}

export class UpdateRoomDto extends PartialType(CreateRoomDto) {}

export class ListRoomsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) venueId: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) interpretationChannels: Language[];
}

export class RoomPageDto extends PageMetaDto {
  @ApiProperty({ type: [RoomDto] }) items: RoomDto[];
}

export function toRoomDto(room: Room): RoomDto {
  return {
    id: room.id,
    eventId: room.eventId,
    venueId: room.venueId,
    name: room.name,
    capacity: room.capacity,
    interpretationChannels: room.interpretationChannels,
  };
}
