import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageMetaDto } from '#core/http/pagination.js';
import { REGISTRATION_CATEGORIES, REGISTRATION_STATUSES, type RegistrationCategory, type RegistrationStatus } from '../registration-vocabulary.js';

export class DelegationHeadDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ description: 'An organiser confirmed or chose this head; otherwise the first member who said they head it claimed it' })
  confirmed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt: string | null;
}

/** A delegation as a registration shows it: which one, and who heads it. */
export class RegistrationDelegationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 3166-1 alpha-2: the country of its first registrant' }) country: string | null;
  @ApiProperty({ type: DelegationHeadDto, nullable: true }) head: DelegationHeadDto | null;
}

export class DelegationMemberDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ nullable: true, type: String }) nameNative: string | null;
  @ApiProperty({ nullable: true, type: String }) nameLatin: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ enum: REGISTRATION_CATEGORIES }) category: RegistrationCategory;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() isHead: boolean;
}

export class DelegationDto extends RegistrationDelegationDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ description: 'Members, erased registrations aside' }) memberCount: number;
  @ApiProperty({ type: [DelegationMemberDto], description: 'The head first, then by Latin name' }) members: DelegationMemberDto[];
}

export class DelegationPageDto extends PageMetaDto {
  @ApiProperty({ type: [DelegationDto] }) items: DelegationDto[];
}

export class UpdateDelegationDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The registration that heads the delegation: a member, not cancelled, rejected or erased. Sending the current head confirms it.',
  })
  @IsUUID()
  headRegistrationId: string;
}
