import { ApiProperty } from '@nestjs/swagger';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { AGREEMENT_TYPES, COOPERATION_AREA_CODES, OUTCOME_KINDS } from '../outcomes-vocabulary.js';
import type { PublicOutcome, PublicOutcomeGroup, PublicOutcomes } from './public-outcomes.service.js';

/*
 * The OpenAPI shapes of the public outcomes list (JSON format). The service's interfaces stay the source of
 * truth for the code; each class implements its interface, so a field added there and not here fails tsc.
 */

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class PublicOutcomeAreaDto {
  @ApiProperty({ enum: COOPERATION_AREA_CODES }) code: PublicOutcome['areas'][number]['code'];
  @ApiProperty() name: string;
}

export class PublicOutcomePartyDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'KZ' }) country: string;
  @ApiProperty() role: string;
}

export class PublicOutcomePersonDto {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: 'integer' }) protocolOrder: number;
}

export class PublicOutcomeCompletedDto {
  @ApiProperty({ enum: ['signed', 'done'] }) status: 'signed' | 'done';
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: "The event's local time with its offset, e.g. 2025-07-18T10:30:00+08:00" }) localAt: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ description: "As the reader writes it, in the list's language" }) text: string;
}

export class PublicOutcomeValueDto {
  @ApiProperty({ example: '500000000.00' }) amount: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ example: '500 000 000,00 CN¥' }) formatted: string;
}

export class PublicOutcomeDto implements PublicOutcome {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind: PublicOutcome['kind'];
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt: string | null;
  @ApiProperty({ enum: AGREEMENT_TYPES, nullable: true }) agreementType: PublicOutcome['agreementType'];
  @ApiProperty({ type: [PublicOutcomeAreaDto] }) areas: PublicOutcomeAreaDto[];
  @ApiProperty({ type: [PublicOutcomePartyDto] }) parties: PublicOutcomePartyDto[];
  @ApiProperty({ type: [PublicOutcomePersonDto] }) people: PublicOutcomePersonDto[];
  @ApiProperty({ type: PublicOutcomeCompletedDto, nullable: true }) completed: PublicOutcomeCompletedDto | null;
  @ApiProperty({ type: PublicOutcomeValueDto, nullable: true, description: 'Only a public (not confidential) value' }) value: PublicOutcomeValueDto | null;
}

export class PublicOutcomeSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
}

export class PublicOutcomeTrackDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '#1677ff' }) colour: string;
}

export class PublicOutcomeGroupDto implements PublicOutcomeGroup {
  @ApiProperty({ type: PublicOutcomeSessionDto, nullable: true }) session: PublicOutcomeSessionDto | null;
  @ApiProperty({ type: PublicOutcomeTrackDto, nullable: true }) track: PublicOutcomeTrackDto | null;
  @ApiProperty({ type: [PublicOutcomeDto] }) outcomes: PublicOutcomeDto[];
}

export class PublicOutcomesEventDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
}

export class PublicOutcomeCountsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty(COUNTS) byKind: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'By ISO 3166-1 alpha-2 country of the parties' }) byCountry: Record<string, number>;
  @ApiProperty(COUNTS) byArea: Record<string, number>;
}

export class PublicOutcomesDto implements PublicOutcomes {
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ type: PublicOutcomesEventDto }) event: PublicOutcomesEventDto;
  @ApiProperty({ type: [PublicOutcomeGroupDto] }) groups: PublicOutcomeGroupDto[];
  @ApiProperty({ type: PublicOutcomeCountsDto }) counts: PublicOutcomeCountsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "Each counted area's name in the list's language" })
  areaNames: Record<string, string>;
}
