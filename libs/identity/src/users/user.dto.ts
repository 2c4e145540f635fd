import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { ALL_ROLES, Role } from './role.js';
import type { User } from './user.entity.js';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'organiser@example.org' }) email: string;
  @ApiProperty({ example: '王芳' }) displayName: string;
  @ApiProperty({ enum: ALL_ROLES }) role: Role;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    preferredLanguage: user.preferredLanguage,
    active: user.active,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}

export class CreateUserDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '王芳' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ALL_ROLES })
  @IsIn(ALL_ROLES)
  role: Role;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @ApiProperty({ minLength: 12, maxLength: 200, description: 'Initial password; the user should change it' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @ApiPropertyOptional({ description: 'false deactivates the account (there is no hard delete) and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 12, maxLength: 200, description: 'Sets a new password and ends the user\'s sessions' })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Matches the email or the display name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
