import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import type { Person } from './person.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePersonDto {
  @ApiProperty({ example: '李刚', description: 'The name in the person\'s own script' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameNative: string;

  @ApiProperty({ example: 'Li Gang' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameLatin: string;

  @ApiPropertyOptional({ type: String, example: 'Ли Ган', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  nameCyrillic?: string | null;

  @TrilingualField({ optional: true, maxLength: 100 })
  honorific?: Trilingual | null;

  @TrilingualField({ optional: true, maxLength: 500 })
  position?: Trilingual | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'CN', description: 'ISO 3166-1 alpha-2', nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {}

export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches any of the three name forms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ nullable: true, type: String }) nameCyrillic: string | null;
  @ApiProperty({ type: TrilingualDto, nullable: true }) honorific: Trilingual | null;
  @ApiProperty({ type: TrilingualDto, nullable: true }) position: Trilingual | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
}

export class PersonPageDto extends PageMetaDto {
  @ApiProperty({ type: [PersonDto] }) items: PersonDto[];
}

export function toPersonDto(person: Person): PersonDto {
  return {
    id: person.id,
    nameNative: person.nameNative,
    nameLatin: person.nameLatin,
    nameCyrillic: person.nameCyrillic,
    honorific: person.honorific,
    position: person.position,
    organisationId: person.organisationId,
    country: person.country,
  };
}
