import { ApiProperty } from '@nestjs/swagger';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { OUTCOME_KINDS, OUTCOME_STATUSES } from '../outcomes-vocabulary.js';
import type { RunSheet, RunSheetEntry, RunSheetSession } from './run-sheet.service.js';

/** The OpenAPI shapes of a run sheet (format=json); each class implements the service's interface. */
export class RunSheetPartyDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiProperty({ type: [String] }) signatories: string[];
}

export class RunSheetEntryDto implements RunSheetEntry {
  @ApiProperty({ type: 'integer' }) order: number;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind: RunSheetEntry['kind'];
  @ApiProperty({ description: "The kind in the reader's language" }) kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: OUTCOME_STATUSES }) status: RunSheetEntry['status'];
  @ApiProperty({ description: "The status in the reader's language" }) statusLabel: string;
  @ApiProperty({ type: [RunSheetPartyDto] }) parties: RunSheetPartyDto[];
  @ApiProperty({ type: [String] }) witnesses: string[];
  @ApiProperty({ type: [String] }) unveilers: string[];
}

export class RunSheetSessionDto implements RunSheetSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ example: 'Asia/Shanghai', description: "The event's zone, in which the times below are given" }) timeZone: string;
  @ApiProperty({ example: 'UTC+08:00', description: "The zone's offset on the session's day" }) utcOffset: string;
  @ApiProperty({ example: '2025年7月18日星期五', description: "The day in the event's zone, in the reader's language" }) date: string;
  @ApiProperty({ example: '11:50', description: "Wall clock (HH:mm) in the event's zone" }) startTime: string;
  @ApiProperty({ example: '12:10' }) endTime: string;
}

export class RunSheetDto implements RunSheet {
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty() eventName: string;
  @ApiProperty({ type: RunSheetSessionDto }) session: RunSheetSessionDto;
  @ApiProperty({ type: [RunSheetEntryDto] }) entries: RunSheetEntryDto[];
}
