// The public face of libs/registration: what other libraries, the apps, test/ and bench/ may import (#registration/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/registration import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { BadgesService } from './badges/badges.service.js';
export { CheckInListDto, CheckInListPageDto, CreateCheckInListDto, DoorListQueryDto, ExpectedPageDto, ExpectedPersonDto, ExpectedQueryDto, InsideDto, InsidePageDto, ManualCheckInDto, ScanAnswerDto, ScanBatchAnswerDto, ScanBatchDto, ScanDto } from './check-in/check-in.dto.js';
export { CheckInService } from './check-in/check-in.service.js';
export { DelegationDto, DelegationPageDto, UpdateDelegationDto } from './delegations/delegation.dto.js';
export { DelegationsService } from './delegations/delegations.service.js';
export { EnrolDto, EnrolmentDto, EnrolmentPageDto, InviteeDto, ListSessionEnrolmentsQueryDto, SessionEnrolmentDto, SessionEnrolmentPageDto } from './enrolments/enrolment.dto.js';
export { EnrolmentRepository } from './enrolments/enrolment.repository.js';
export { EnrolmentsService } from './enrolments/enrolments.service.js';
export { MyEditionDto, MyProgrammeDto, MySessionDto } from './enrolments/my-programme.dto.js';
export { MyProgrammeService } from './enrolments/my-programme.service.js';
export { type ExportFile, ExportsService } from './exports/exports.service.js';
export { MAX_GUEST_ROWS, describeGuestListColumns } from './guest-list/parse-guest-list.js';
export type { RegistrationCategory } from './registration-vocabulary.js';
export { RegistrationModule } from './registration.module.js';
export { GuestListReportDto, InvitationDto, InvitationPageDto, InvitationSummaryDto, InviteGuestDto } from './registrations/invitation.dto.js';
export { InvitationsService } from './registrations/invitations.service.js';
export { RegistrationIntakeService } from './registrations/registration-intake.service.js';
export { BulkDecisionDto, BulkDecisionResultDto, DecisionDto, ListRegistrationsQueryDto, RegisterDto, RegistrationDto, RegistrationPageDto, SignUpDto, UpdateRegistrationDto } from './registrations/registration.dto.js';
export { RegistrationRepository } from './registrations/registration.repository.js';
export { RegistrationsService } from './registrations/registrations.service.js';
export { RegistrationSeedRepository } from './seeding/registration-seed.repository.js';
export { MyVisaLetterDto, MyVisaLetterPageDto, VisaLetterDownloadsDto, VisaLetterDownloadsPageDto, VisaLetterLanguageQueryDto, VisaLetterTextDto, VisaLetterTextInputDto, VisaLetterVerificationDto } from './visa-letters/visa-letter.dto.js';
export { VisaLettersService } from './visa-letters/visa-letters.service.js';
