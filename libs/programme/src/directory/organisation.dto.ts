import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../programme-vocabulary.js';
import type { Organisation } from './organisation.entity.js';

export class CreateOrganisationDto {
  @TrilingualField({ maxLength: 300 })
  name: Trilingual;

  @ApiProperty({ example: 'BY', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

export class ListOrganisationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches the name in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'KZ' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
}

export class OrganisationPageDto extends PageMetaDto {
  @ApiProperty({ type: [OrganisationDto] }) items: OrganisationDto[];
}

export function toOrganisationDto(organisation: Organisation): OrganisationDto {
  return { id: organisation.id, name: organisation.name, country: organisation.country, type: organisation.type };
}
