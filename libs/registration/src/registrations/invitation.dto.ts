import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '#core/http/pagination.js';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { ORGANISATION_TYPES, type OrganisationType } from '#programme/index.js';
import { GUEST_ROW_ERROR_CODES, type GuestRowErrorCode } from '../guest-list/parse-guest-list.js';
import { REGISTRATION_CATEGORIES, type RegistrationCategory } from '../registration-vocabulary.js';

export class InviteGuestDto {
  @ApiProperty({ example: 'guest@example.kz' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Айгерим Сапарова' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameNative: string;

  @ApiProperty({ example: 'Aigerim Saparova' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameLatin: string;

  @ApiProperty({ example: 'KZ' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ enum: REGISTRATION_CATEGORIES })
  @IsIn(REGISTRATION_CATEGORIES)
  category: RegistrationCategory;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @ApiPropertyOptional({
    description: 'Carried into the registration when the guest accepts (unless they name one): the directory\'s organisation of this name (in any language) and the guest\'s country, or a new one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, description: 'The type of a new organisation; without it, taken from the category' })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  organisationType?: OrganisationType;

  @ApiPropertyOptional({ description: 'Carried into the registration when the guest accepts (unless they give one)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  position?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ description: 'The delegation the guest belongs to: joined when the guest accepts (unless they choose one)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  delegation?: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Shown once: the link the guest follows carries it (it is also sent by the mail job)' }) token: string;
}

/** One refusal of a guest-list row. */
export class GuestListRowErrorDto {
  @ApiProperty({ type: 'integer', description: 'The line in the file (the header is line 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column, or null for the row as a whole' }) field: string | null;
  @ApiProperty({ enum: GUEST_ROW_ERROR_CODES, enumName: 'GuestRowErrorCode', description: 'What is wrong, for readers in other languages (`reason` says it in English, with the details)' })
  code: GuestRowErrorCode;
  @ApiProperty() reason: string;
}

/** A valid guest-list row: who the import invites (or would, on a dry run). */
export class GuestListGuestDto {
  @ApiProperty({ type: 'integer', description: 'The line in the file (the header is line 1)' }) row: number;
  @ApiProperty() email: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ example: 'KZ' }) country: string;
  @ApiProperty({ enum: REGISTRATION_CATEGORIES }) category: RegistrationCategory;
}

export class GuestListReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Guest rows read from the file, valid or not (the header and blank lines aside)' }) rowsRead: number;
  @ApiProperty({ description: 'Valid rows: the guests the import invites (or would, on a dry run)' }) rows: number;
  @ApiProperty({ description: 'Invitations created (0 on a dry run or when any row is bad)' }) invited: number;
  @ApiProperty({ type: [GuestListRowErrorDto], description: 'Every bad row' })
  errors: GuestListRowErrorDto[];
  @ApiProperty({ type: [GuestListGuestDto], description: 'Every valid row, in file order, so the report can be read row by row beside the bad ones' })
  guests: GuestListGuestDto[];
}

export const INVITATION_STATES = ['open', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** One invitation as the organisers see it: the guest invited, and what became of it (no token: it was shown once). */
export class InvitationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() nameNative: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty({ example: 'KZ' }) country: string;
  @ApiProperty({ enum: REGISTRATION_CATEGORIES }) category: RegistrationCategory;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: String, nullable: true }) delegation: string | null;
  @ApiProperty({ enum: INVITATION_STATES, enumName: 'InvitationState', description: 'open until used, revoked or past expiresAt' })
  state: InvitationState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The registration the guest made by accepting' })
  registrationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class InvitationPageDto extends PageMetaDto {
  @ApiProperty({ type: [InvitationSummaryDto] }) items: InvitationSummaryDto[];
}
