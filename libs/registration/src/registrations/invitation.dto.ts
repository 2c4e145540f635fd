import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  position?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ description: 'The delegation the guest belongs to' })
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

export class GuestListReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Rows read' }) rows: number;
  @ApiProperty({ description: 'Invitations created (0 on a dry run or when any row is bad)' }) invited: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Every bad row: { row, field, reason }' })
  errors: { row: number; field: string | null; reason: string }[];
}
