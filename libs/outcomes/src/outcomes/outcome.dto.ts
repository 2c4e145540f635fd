import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import { ToDate } from '#core/http/to-date.transform.js';
import {
  AGREEMENT_TYPES,
  type AgreementType,
  COOPERATION_AREA_CODES,
  type CooperationArea,
  OUTCOME_KINDS,
  OUTCOME_PERSON_ROLES,
  OUTCOME_STATUSES,
  type OutcomeKind,
  type OutcomePersonRole,
  type OutcomeStatus,
  PARTY_ROLES,
  type PartyRole,
} from '../outcomes-vocabulary.js';


export class OutcomePartyInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiPropertyOptional({ default: false, description: 'Hidden from the public list and from roles without the right to see it' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}

export class OutcomePersonInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: OUTCOME_PERSON_ROLES })
  @IsIn(OUTCOME_PERSON_ROLES)
  role: OutcomePersonRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a signatory: the party they sign for (required)' })
  @IsOptional()
  @IsUUID()
  forOrganisationId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  protocolOrder?: number;
}

export class OutcomeValueDto {
  @ApiProperty({ example: '500000000.00' })
  @Matches(/^\d{1,18}(\.\d{1,2})?$/, { message: 'amount must be a decimal number with at most 2 decimals' })
  amount: string;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}

/** A value as staff read it: the amount is withheld (null) when it is confidential and the reader may not see it. */
export class OutcomeValueViewDto {
  @ApiProperty({ type: String, nullable: true, example: '500000000.00' }) amount: string | null;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty() confidential: boolean;
}

export class CreateOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS)
  kind: OutcomeKind;

  @TrilingualField({ maxLength: 500 })
  title: Trilingual;

  @TrilingualField({ optional: true, maxLength: 5000 })
  summary?: Trilingual | null;

  @TrilingualField({ optional: true, maxLength: 50_000, description: 'The full text (an initiative)' })
  body?: Trilingual | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  sessionId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ToDate()
  @IsDate()
  occurredAt?: Date | null;

  @ApiPropertyOptional({ enum: AGREEMENT_TYPES, description: 'Required for an agreement' })
  @IsOptional()
  @IsIn(AGREEMENT_TYPES)
  agreementType?: AgreementType;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: 'Order of signing within its ceremony' })
  @IsOptional()
  @IsInt()
  @Min(1)
  signingOrder?: number | null;

  @ApiPropertyOptional({ type: OutcomeValueDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomeValueDto)
  value?: OutcomeValueDto | null;

  @ApiPropertyOptional({ enum: COOPERATION_AREA_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(COOPERATION_AREA_CODES, { each: true })
  areas?: CooperationArea[];

  @ApiPropertyOptional({ type: [OutcomePartyInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OutcomePartyInputDto)
  parties?: OutcomePartyInputDto[];

  @ApiPropertyOptional({ type: [OutcomePersonInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OutcomePersonInputDto)
  people?: OutcomePersonInputDto[];
}

/** Kind cannot change; the rest may. Lists given replace the stored ones. */
export class UpdateOutcomeDto extends PartialType(OmitType(CreateOutcomeDto, ['kind'] as const)) {}

export class SignDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was signed; now by default' })
  @IsOptional()
  @ToDate()
  @IsDate()
  signedAt?: Date;
}

export class DoneDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When it took place; now by default' })
  @IsOptional()
  @ToDate()
  @IsDate()
  doneAt?: Date;
}

export class ListOutcomesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTCOME_KINDS })
  @IsOptional()
  @IsIn(OUTCOME_KINDS)
  kind?: OutcomeKind;

  @ApiPropertyOptional({ enum: OUTCOME_STATUSES })
  @IsOptional()
  @IsIn(OUTCOME_STATUSES)
  status?: OutcomeStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ enum: COOPERATION_AREA_CODES })
  @IsOptional()
  @IsIn(COOPERATION_AREA_CODES)
  area?: CooperationArea;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  published?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Matches the title in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class OutcomePartyDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty() country: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: PartyRole;
  @ApiProperty() confidential: boolean;
}

export class OutcomePersonDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ nullable: true, type: String }) nameCyrillic: string | null;
  @ApiProperty({ type: TrilingualDto, nullable: true }) position: Trilingual | null;
  @ApiProperty({ enum: OUTCOME_PERSON_ROLES }) role: OutcomePersonRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) forOrganisationId: string | null;
  @ApiProperty() protocolOrder: number;
}

export class OutcomeDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['zh', 'en', 'ru'] }) language: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind: OutcomeKind;
  @ApiProperty({ type: TrilingualDto }) title: Trilingual;
  @ApiProperty({ type: TrilingualDto, nullable: true }) summary: Trilingual | null;
  @ApiProperty({ type: TrilingualDto, nullable: true }) body: Trilingual | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty({ enum: OUTCOME_STATUSES }) status: OutcomeStatus;
  @ApiProperty({ enum: AGREEMENT_TYPES, nullable: true }) agreementType: AgreementType | null;
  @ApiProperty({ nullable: true, type: Number }) signingOrder: number | null;
  @ApiProperty({ type: OutcomeValueViewDto, nullable: true, description: 'amount is null for a confidential value seen by staff' })
  value: OutcomeValueViewDto | null;
  @ApiProperty({ enum: COOPERATION_AREA_CODES, isArray: true }) areas: CooperationArea[];
  @ApiProperty({ type: [OutcomePartyDto] }) parties: OutcomePartyDto[];
  @ApiProperty({ type: [OutcomePersonDto] }) people: OutcomePersonDto[];
  @ApiProperty({ type: [OutcomeDocumentDto] }) documents: OutcomeDocumentDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When an outcome other than an agreement took place' })
  doneAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OutcomePageDto extends PageMetaDto {
  @ApiProperty({ type: [OutcomeDto] }) items: OutcomeDto[];
}
