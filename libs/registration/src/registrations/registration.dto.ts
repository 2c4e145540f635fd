import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '#core/http/pagination.js';
import { RegistrationDelegationDto } from '../delegations/delegation.dto.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { ORGANISATION_TYPES, type OrganisationType } from '#programme/index.js';
import {
  REGISTRATION_CATEGORIES,
  REGISTRATION_STATUSES,
  type RegistrationCategory,
  type RegistrationStatus,
} from '../registration-vocabulary.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ConsentDto {
  @ApiProperty({ enum: [true], description: 'Consent to the processing of personal data; required' })
  @Equals(true, { message: 'consent.accepted must be true: registration needs consent to the processing of personal data' })
  accepted: true;

  @ApiProperty({ example: '1', description: 'The version of the notice shown; must be the event\'s current one' })
  @IsString()
  @MaxLength(40)
  noticeVersion: string;
}

export class VisaDataDto {
  @ApiProperty({ example: 'KZ' })
  @IsISO31661Alpha2()
  nationality: string;

  @ApiProperty({ example: 'N12345678' })
  @Matches(/^[A-Z0-9]{5,20}$/i, { message: 'passportNumber must be 5 to 20 letters and digits' })
  passportNumber: string;

  @ApiProperty({ example: '1985-04-12' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'dateOfBirth must be a real date YYYY-MM-DD' })
  @Matches(DAY, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  dateOfBirth: string;
}

export class NewOrganisationDto {
  @ApiProperty({ example: 'Astana Logistics JSC' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;
}

export class DelegationChoiceDto {
  @ApiProperty({ example: 'Delegation of the Republic of Kazakhstan' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ default: false, description: 'The registrant heads the delegation (a claim, until an organiser confirms it; the first claim holds)' })
  @IsOptional()
  @IsBoolean()
  head?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Join a delegation of another country than the registration\'s; without it such a join is refused with 409 DELEGATION_COUNTRY_MISMATCH',
  })
  @IsOptional()
  @IsBoolean()
  confirmCountryMismatch?: boolean;
}

/** What a delegate tells about themselves; shared by sign-up, registration on an account, and updates. */
export class RegistrationDetailsDto {
  @ApiProperty({ example: 'Айгерим Сапарова', description: 'The name in the delegate\'s own script' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameNative: string;

  @ApiProperty({ example: 'Aigerim Saparova' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameLatin: string;

  @ApiProperty({ example: 'KZ' })
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation from the directory' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ type: NewOrganisationDto, description: 'Or a new one' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewOrganisationDto)
  newOrganisation?: NewOrganisationDto;

  @ApiPropertyOptional({ example: 'Deputy director' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  position?: string;

  @ApiProperty({ enum: REGISTRATION_CATEGORIES })
  @IsIn(REGISTRATION_CATEGORIES)
  category: RegistrationCategory;

  @ApiPropertyOptional({ type: DelegationChoiceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DelegationChoiceDto)
  delegation?: DelegationChoiceDto;

  @ApiProperty({ enum: LANGUAGES, description: 'Every message the delegate gets is in this language' })
  @IsIn(LANGUAGES)
  preferredLanguage: Language;

  @ApiPropertyOptional({ example: '+7 701 000 00 00' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'halal' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  dietaryNeeds?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessibilityNeeds?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Languages the delegate needs interpretation into' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  interpretationNeeds?: Language[];

  @ApiPropertyOptional({ example: '2025-07-17' })
  @IsOptional()
  @Matches(DAY, { message: 'arrivalDate must be a date YYYY-MM-DD' })
  arrivalDate?: string;

  @ApiPropertyOptional({ example: '2025-07-19' })
  @IsOptional()
  @Matches(DAY, { message: 'departureDate must be a date YYYY-MM-DD' })
  departureDate?: string;

  @ApiProperty({ type: ConsentDto })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  @ApiPropertyOptional({ default: false, description: 'Consent to appear on the published participant list' })
  @IsOptional()
  @IsBoolean()
  listedConsent?: boolean;

  @ApiPropertyOptional({ type: VisaDataDto, description: 'For a visa invitation letter; encrypted at rest' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VisaDataDto)
  visa?: VisaDataDto;
}

export class RegisterDto extends RegistrationDetailsDto {
  @ApiPropertyOptional({ description: 'An invitation token (for events by invitation, or to be approved at once)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  invitationToken?: string;
}

export class SignUpDto extends RegisterDto {
  @ApiProperty({ example: 'aigerim@example.kz' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

/** What a delegate may change later (consent is given once; it is not withdrawn by a PATCH). */
export class UpdateRegistrationDto extends PartialType(
  PickType(RegistrationDetailsDto, [
    'nameNative',
    'nameLatin',
    'country',
    'position',
    'preferredLanguage',
    'phone',
    'dietaryNeeds',
    'accessibilityNeeds',
    'interpretationNeeds',
    'arrivalDate',
    'departureDate',
    'listedConsent',
    'visa',
  ] as const),
) {}

export class DecisionDto {
  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

export class BulkDecisionDto extends DecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  action: 'approve' | 'reject';

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  registrationIds: string[];
}

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ enum: REGISTRATION_CATEGORIES })
  @IsOptional()
  @IsIn(REGISTRATION_CATEGORIES)
  category?: RegistrationCategory;

  @ApiPropertyOptional({ example: 'KZ' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ description: 'Matches either name form' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class VisaViewDto {
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked except for admins and organisers' }) passportNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked except for admins and organisers' }) dateOfBirth: string | null;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty({ nullable: true, type: String }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The delegate\'s login email, for organisers to contact their guests: in the organisers\' list and detail for admins and organisers only (absent for staff and elsewhere); null once erased',
  })
  email?: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: REGISTRATION_CATEGORIES }) category: RegistrationCategory;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) delegationId: string | null;
  @ApiPropertyOptional({
    type: RegistrationDelegationDto,
    nullable: true,
    description: 'The delegation with its head, in the organisers\' list and detail (GET /api/events/{eventId}/registrations…)',
  })
  delegation?: RegistrationDelegationDto | null;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) dietaryNeeds: string | null;
  @ApiProperty({ nullable: true, type: String }) accessibilityNeeds: string | null;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) interpretationNeeds: Language[];
  @ApiProperty({ nullable: true, type: String }) arrivalDate: string | null;
  @ApiProperty({ nullable: true, type: String }) departureDate: string | null;
  @ApiProperty() consentVersion: string;
  @ApiProperty({ format: 'date-time' }) consentAt: string;
  @ApiProperty() listedConsent: boolean;
  @ApiProperty({ type: VisaViewDto, nullable: true }) visa: VisaViewDto | null;
  @ApiProperty({ description: 'A badge can be printed (approved, not revoked)' }) badgeAvailable: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) anonymisedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RegistrationPageDto extends PageMetaDto {
  @ApiProperty({ type: [RegistrationDto] }) items: RegistrationDto[];
}

export class BulkSkippedDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty() reason: string;
}

export class BulkDecisionResultDto {
  @ApiProperty({ type: [String] }) changed: string[];
  @ApiProperty({ type: [BulkSkippedDto], description: 'Registrations left as they were, with why' })
  skipped: BulkSkippedDto[];
}
