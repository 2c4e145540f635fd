import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { ORGANISATION_TYPES, type OrganisationType } from '#programme/programme-vocabulary.js';
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
  @ApiProperty() reason: string;
}

export class GuestListReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Guest rows read from the file, valid or not (the header and blank lines aside)' }) rowsRead: number;
  @ApiProperty({ description: 'Valid rows: the guests the import invites (or would, on a dry run)' }) rows: number;
  @ApiProperty({ description: 'Invitations created (0 on a dry run or when any row is bad)' }) invited: number;
  @ApiProperty({ type: [GuestListRowErrorDto], description: 'Every bad row' })
  errors: GuestListRowErrorDto[];
}
