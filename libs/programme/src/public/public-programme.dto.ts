import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { SESSION_KINDS, SESSION_ROLES, type SessionKind, type SessionRoleKind } from '../programme-vocabulary.js';

export const MAX_PROGRAMME_PAGE = 500;

export class PublicProgrammeQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Else Accept-Language, else the event default. A regional tag (ru-RU) is its language; any other value answers 400 UNSUPPORTED_LANGUAGE. The answer names its language in Content-Language',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  lang?: string;

  @ApiPropertyOptional({ example: '2025-07-18' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  track?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  room?: string;

  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  kind?: SessionKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PROGRAMME_PAGE, default: MAX_PROGRAMME_PAGE, description: 'A whole programme fits one page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PROGRAMME_PAGE)
  pageSize: number = MAX_PROGRAMME_PAGE;
}

export class PublicNamedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PublicRoomDto extends PublicNamedDto {
  @ApiProperty({ type: PublicNamedDto }) venue: PublicNamedDto;
}

export class PublicTrackDto extends PublicNamedDto {
  @ApiProperty() colour: string;
}

export class PublicOrganisationDto extends PublicNamedDto {
  @ApiProperty() country: string;
}

export class PublicPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'In the script of the language asked for' }) name: string;
  @ApiProperty({ description: 'In the person\'s own script' }) nameNative: string;
  @ApiProperty({ nullable: true, type: String }) honorific: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ type: PublicOrganisationDto, nullable: true }) organisation: PublicOrganisationDto | null;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRoleKind;
  @ApiProperty({ type: 'integer' }) protocolOrder: number;
}

export class PublicSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) theme: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ example: '2025-07-18', description: 'The day in the event time zone' }) day: string;
  @ApiProperty({ type: PublicRoomDto, nullable: true }) room: PublicRoomDto | null;
  @ApiProperty({ type: PublicTrackDto, nullable: true }) track: PublicTrackDto | null;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languagesSpoken: Language[];
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languagesInterpreted: Language[];
  @ApiProperty({ type: [PublicOrganisationDto] }) hosts: PublicOrganisationDto[];
  @ApiProperty({ type: [PublicPersonDto] }) people: PublicPersonDto[];
  @ApiProperty({ description: 'True when a text was shown in another language for lack of a translation' }) fellBack: boolean;
}

/** The edition as the programme names it, in the reader's language. */
export class PublicProgrammeEventDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ format: 'date' }) firstDay: string;
  @ApiProperty({ format: 'date' }) lastDay: string;
}

export class PublicProgrammeReleaseDto {
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class PublicProgrammeDto {
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ type: PublicProgrammeEventDto }) event: PublicProgrammeEventDto;
  @ApiProperty({ type: PublicProgrammeReleaseDto }) release: PublicProgrammeReleaseDto;
  @ApiProperty({ type: [PublicTrackDto] }) tracks: PublicTrackDto[];
  @ApiProperty({ type: [PublicSessionDto] }) items: PublicSessionDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
