import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import { ToDate } from '#core/http/to-date.transform.js';


export class CreateCheckInListDto {
  @TrilingualField({ maxLength: 200 })
  name: Trilingual;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a session\'s own door; without it, the venue entrance' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

export class ScanDto {
  @ApiProperty({ description: 'The token read from the badge\'s QR code' })
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  listId: string;

  @ApiProperty({ description: 'Chosen by the scanner for this scan, unique within the edition; the same scan (same badge, same list) sent again returns the first answer, anything else with a used nonce answers NONCE_REUSED', example: 'b1d5c0de-0001' })
  @Matches(/^[\w.:-]{8,100}$/, { message: 'nonce must be 8 to 100 letters, digits, or . : _ -' })
  nonce: string;

  @ApiProperty({ format: 'date-time', description: 'When the badge was scanned (scans may arrive later, from offline devices)' })
  @ToDate()
  @IsDate()
  scannedAt: Date;
}

export class ScanBatchDto {
  @ApiProperty({ type: [ScanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ScanDto)
  scans: ScanDto[];
}

export const SCAN_CODES = [
  'CHECKED_IN',
  'ALREADY_CHECKED_IN',
  'UNKNOWN_BADGE',
  'BADGE_REVOKED',
  'REGISTRATION_PENDING',
  'REGISTRATION_REJECTED',
  'NOT_ENROLLED',
  'WRONG_EVENT',
  'NONCE_REUSED',
] as const;
export type ScanCode = (typeof SCAN_CODES)[number];

/** Whose badge was scanned, for the door staff to compare with the face. */
export class ScanDelegateDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: String, nullable: true }) nameNative: string | null;
  @ApiProperty({ type: String, nullable: true }) nameLatin: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

export class ScanDetailsDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the badge was first checked in on this list' }) checkedInAt?: string;
  @ApiPropertyOptional({ type: ScanDelegateDto }) delegate?: ScanDelegateDto;
}

export class ScanAnswerDto {
  @ApiProperty({ description: '201 for a new check-in; the error status otherwise' }) statusCode: number;
  @ApiProperty({ enum: SCAN_CODES }) code: ScanCode;
  @ApiProperty() message: string;
  @ApiProperty({ type: ScanDetailsDto }) details: ScanDetailsDto;
}

/** One scan's answer in a batch, named by the nonce it was sent with. */
export class ScanBatchItemAnswerDto extends ScanAnswerDto {
  @ApiProperty() nonce: string;
}

export class ScanBatchAnswerDto {
  @ApiProperty({ type: [ScanBatchItemAnswerDto] }) answers: ScanBatchItemAnswerDto[];
}

export class CheckInListDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: TrilingualDto }) name: Trilingual;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ description: 'Checked in so far' }) checkedIn: number;
  @ApiProperty({ description: 'Expected: approved registrations (entrance) or enrolled delegates (session)' }) expected: number;
}

export class CheckInListPageDto extends PageMetaDto {
  @ApiProperty({ type: [CheckInListDto] }) items: CheckInListDto[];
}

export class InsideDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
}

export class InsidePageDto extends PageMetaDto {
  @ApiProperty({ type: [InsideDto] }) items: InsideDto[];
}
