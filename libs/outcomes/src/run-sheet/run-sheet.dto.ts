import { ApiProperty } from '@nestjs/swagger';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { OUTCOME_KINDS, OUTCOME_STATUSES } from '../outcomes-vocabulary.js';
import type { RunSheet, RunSheetEntry } from './run-sheet.service.js';

/** The OpenAPI shapes of a run sheet (format=json); each class implements the service's interface. */
export class RunSheetPartyDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiProperty({ type: [String] }) signatories: string[];
}

export class RunSheetEntryDto implements RunSheetEntry {
  @ApiProperty({ type: 'integer' }) order: number;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind: RunSheetEntry['kind'];
  @ApiProperty() title: string;
  @ApiProperty({ enum: OUTCOME_STATUSES }) status: RunSheetEntry['status'];
  @ApiProperty({ type: [RunSheetPartyDto] }) parties: RunSheetPartyDto[];
  @ApiProperty({ type: [String] }) witnesses: string[];
  @ApiProperty({ type: [String] }) unveilers: string[];
}

export class RunSheetSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
}

export class RunSheetDto implements RunSheet {
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ type: RunSheetSessionDto }) session: RunSheetSessionDto;
  @ApiProperty({ type: [RunSheetEntryDto] }) entries: RunSheetEntryDto[];
}
