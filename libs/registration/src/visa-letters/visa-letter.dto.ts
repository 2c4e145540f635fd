import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import { TrilingualDto } from '#core/i18n/trilingual.dto.js';
import { TrilingualField } from '#core/i18n/trilingual-field.decorator.js';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration-vocabulary.js';

/** The languages a letter is printed in beside Chinese (the host's language, always on the first page). */
export const LETTER_LANGUAGES = ['en', 'ru'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/**
 * Why a delegate cannot have a letter, as the api's error codes (the console shows them in the reader's language).
 * Checked in this order: the first that applies is the one given.
 */
export const VISA_LETTER_REFUSALS = ['VISA_LETTER_NOT_APPROVED', 'VISA_DATA_MISSING', 'VISA_LETTER_TEXT_MISSING'] as const;
export type VisaLetterRefusal = (typeof VISA_LETTER_REFUSALS)[number];

// Every text is required in all three languages: the letter prints Chinese and English or Russian, and an
// organiser must not find out from a delegate's complaint that the Russian page fell back to English.
const ALL = { required: ['zh', 'en', 'ru'] } as const;

/** What organisers set per edition (PUT replaces it whole). */
export class VisaLetterTextInputDto {
  @TrilingualField({ ...ALL, maxLength: 4000, description: 'The letter\'s body, addressed to the consulate; paragraphs separated by blank lines' })
  body: Trilingual;

  @TrilingualField({ ...ALL, maxLength: 500, description: 'The purpose of the stay, e.g. "to attend the China–SCO Expo as a delegate"' })
  purpose: Trilingual;

  @TrilingualField({ ...ALL, maxLength: 300, description: 'The inviting organisation' })
  organiserName: Trilingual;

  @TrilingualField({ ...ALL, maxLength: 500 })
  organiserAddress: Trilingual;

  @ApiProperty({ description: 'Telephone, email, website: printed as given', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  organiserContact: string;

  @TrilingualField({ ...ALL, maxLength: 200, description: 'Who signs the letter' })
  signatoryName: Trilingual;

  @TrilingualField({ ...ALL, maxLength: 200 })
  signatoryTitle: Trilingual;

  @TrilingualField({ ...ALL, maxLength: 300 })
  signatoryOrganisation: Trilingual;
}

export class VisaLetterTextDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: TrilingualDto }) body: Trilingual;
  @ApiProperty({ type: TrilingualDto }) purpose: Trilingual;
  @ApiProperty({ type: TrilingualDto }) organiserName: Trilingual;
  @ApiProperty({ type: TrilingualDto }) organiserAddress: Trilingual;
  @ApiProperty() organiserContact: string;
  @ApiProperty({ type: TrilingualDto }) signatoryName: Trilingual;
  @ApiProperty({ type: TrilingualDto }) signatoryTitle: Trilingual;
  @ApiProperty({ type: TrilingualDto }) signatoryOrganisation: Trilingual;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class VisaLetterLanguageQueryDto {
  @ApiPropertyOptional({
    enum: LETTER_LANGUAGES,
    description: 'The second language beside Chinese; default the registration\'s language when it is en or ru, else en',
  })
  @IsOptional()
  @IsIn(LETTER_LANGUAGES)
  lang?: LetterLanguage;
}

/** What anyone holding a letter may learn from its reference: that it is genuine, and nothing about the person. */
export class VisaLetterVerificationDto {
  @ApiProperty({ enum: [true] }) genuine: true;
  @ApiProperty() reference: string;
  @ApiProperty({ type: TrilingualDto, description: 'The edition the letter invites to' }) edition: Trilingual;
  @ApiProperty({ description: 'First and last day of the edition (calendar days of the event)' }) firstDay: string;
  @ApiProperty() lastDay: string;
  @ApiProperty({ format: 'date-time', description: 'When the letter was first issued' }) issuedAt: string;
  @ApiProperty({ description: 'False once the invitation was withdrawn (the registration is no longer approved, or was erased)' })
  valid: boolean;
}

/** A delegate's registration as the letter page shows it: can they have a letter, and if not, why. */
export class MyVisaLetterDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: TrilingualDto }) edition: Trilingual;
  @ApiProperty() firstDay: string;
  @ApiProperty() lastDay: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() available: boolean;
  @ApiProperty({ enum: VISA_LETTER_REFUSALS, nullable: true, description: 'Why not, when not available (the code the download answers)' })
  refusal: VisaLetterRefusal | null;
  @ApiProperty({ nullable: true, type: String, description: 'Once issued (first download)' }) reference: string | null;
  @ApiProperty({ enum: LETTER_LANGUAGES, description: 'The language printed beside Chinese unless ?lang= says otherwise' })
  defaultLanguage: LetterLanguage;
}

export class MyVisaLetterPageDto extends PageMetaDto {
  @ApiProperty({ type: [MyVisaLetterDto] }) items: MyVisaLetterDto[];
}

/** One registration's letter in the organisers' download log. */
export class VisaLetterDownloadsDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once erased' }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) lastDownloadedAt: string;
  @ApiProperty({ minimum: 1 }) downloads: number;
  @ApiProperty({ enum: LETTER_LANGUAGES, isArray: true, description: 'The languages downloaded beside Chinese' }) languages: LetterLanguage[];
}

export class VisaLetterDownloadsPageDto extends PageMetaDto {
  @ApiProperty({ type: [VisaLetterDownloadsDto] }) items: VisaLetterDownloadsDto[];
}
