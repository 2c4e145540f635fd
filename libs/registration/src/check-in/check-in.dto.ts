import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
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

/** The delegation a registration belongs to. Its name is one text, as the delegation's head typed it. */
export class ScanDelegationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

/** Whose badge was scanned, for the door staff to compare with the face. */
export class ScanDelegateDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: String, nullable: true }) nameNative: string | null;
  @ApiProperty({ type: String, nullable: true }) nameLatin: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiPropertyOptional({ type: ScanDelegationDto, description: 'Present when the registration is in a delegation' }) delegation?: ScanDelegationDto;
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

/** A check-in without the badge (a damaged or forgotten one), found by name at the door: the same rules as a scan. */
export class ManualCheckInDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  registrationId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  listId: string;

  @ApiProperty({ description: 'As for a scan: unique within the edition, the same request again returns the first answer' })
  @Matches(/^[\w.:-]{8,100}$/, { message: 'nonce must be 8 to 100 letters, digits, or . : _ -' })
  nonce: string;

  @ApiProperty({ format: 'date-time' })
  @ToDate()
  @IsDate()
  scannedAt: Date;
}

export class ExpectedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, in any script (native or Latin), case-insensitive', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

/** Someone expected on a list, with what the door needs to recognise them. */
export class ExpectedPersonDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: String, nullable: true }) nameNative: string | null;
  @ApiProperty({ type: String, nullable: true }) nameLatin: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: ScanDelegationDto, nullable: true }) delegation: ScanDelegationDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When checked in on this list; null if not yet' }) checkedInAt: string | null;
}

export class ExpectedPageDto extends PageMetaDto {
  @ApiProperty({ type: [ExpectedPersonDto] }) items: ExpectedPersonDto[];
}

export class DoorListQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The reader\'s language; default the edition\'s' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
