import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '#identity/index.js';
import { ProgrammeModule } from '#programme/index.js';
import { BadgesService } from './badges/badges.service.js';
import { CheckInService } from './check-in/check-in.service.js';
import { DelegationsService } from './delegations/delegations.service.js';
import { EnrolmentRepository } from './enrolments/enrolment.repository.js';
import { fieldCipherProvider } from '#core/crypto/field-cipher.provider.js';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { EnrolmentsService } from './enrolments/enrolments.service.js';
import { MyProgrammeService } from './enrolments/my-programme.service.js';
import { ExportsService } from './exports/exports.service.js';
import { InvitationsService } from './registrations/invitations.service.js';
import { Registration } from './registrations/registration.entity.js';
import { RegistrationRepository } from './registrations/registration.repository.js';
import { RegistrationIntakeService } from './registrations/registration-intake.service.js';
import { RegistrationsService } from './registrations/registrations.service.js';
import { RegistrationSeedRepository } from './seeding/registration-seed.repository.js';
import { VisaLettersService } from './visa-letters/visa-letters.service.js';

const SERVICES = [
  RegistrationIntakeService,
  RegistrationsService,
  EnrolmentsService,
  MyProgrammeService,
  InvitationsService,
  CheckInService,
  DelegationsService,
  ExportsService,
  BadgesService,
  VisaLettersService,
  // Read by the other domains (agenda): registrations and seats through their owner.
  RegistrationRepository,
  EnrolmentRepository,
  RegistrationSeedRepository,
];

/** Registrations, delegations, invitations and guest lists, enrolments and waiting lists, badges, visa letters, check-in, exports. */
@Module({
  imports: [TypeOrmModule.forFeature([Registration]), IdentityModule, ProgrammeModule],
  providers: [fieldCipherProvider, ...SERVICES],
  exports: [FieldCipher, ...SERVICES],
})
export class RegistrationModule {}
