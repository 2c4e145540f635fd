import { CreateIdentityTables1763740000000 } from './1763740000000-CreateIdentityTables.js';
import { CreateAuditLogAndOutbox1763740000001 } from './1763740000001-CreateAuditLogAndOutbox.js';
import { CreateNotification1763740000002 } from './1763740000002-CreateNotification.js';
import { CreateProgramme1763740000003 } from './1763740000003-CreateProgramme.js';
import { CreateScheduleRelease1763740000004 } from './1763740000004-CreateScheduleRelease.js';
import { CreateRegistration1763740000005 } from './1763740000005-CreateRegistration.js';
import { CreateOutcomes1763740000006 } from './1763740000006-CreateOutcomes.js';
import { CreateAgendas1763740000007 } from './1763740000007-CreateAgendas.js';
import { CheckInScanFunction1763740000008 } from './1763740000008-CheckInScanFunction.js';
import { ClaimSeatFunction1763740000009 } from './1763740000009-ClaimSeatFunction.js';
import { LoginHotPath1763740000010 } from './1763740000010-LoginHotPath.js';
import { NonceOwnershipAndDelegationHeads1763740000011 } from './1763740000011-NonceOwnershipAndDelegationHeads.js';
import { ConsentNoticeTextAndReminderLookup1763740000012 } from './1763740000012-ConsentNoticeTextAndReminderLookup.js';
import { RecordWhenOutcomeDone1763740000014 } from './1763740000014-RecordWhenOutcomeDone.js';
import { CreateVisaLetters1763740000030 } from './1763740000030-CreateVisaLetters.js';
import { CoreWritesAuditAndOutbox1763740000060 } from './1763740000060-CoreWritesAuditAndOutbox.js';
import { PlpgsqlWritersThroughCore1763740000061 } from './1763740000061-PlpgsqlWritersThroughCore.js';

/** Every migration, in order. A new migration is added here as well as in this folder. */
export const ALL_MIGRATIONS = [
  CreateIdentityTables1763740000000,
  CreateAuditLogAndOutbox1763740000001,
  CreateNotification1763740000002,
  CreateProgramme1763740000003,
  CreateScheduleRelease1763740000004,
  CreateRegistration1763740000005,
  CreateOutcomes1763740000006,
  CreateAgendas1763740000007,
  CheckInScanFunction1763740000008,
  ClaimSeatFunction1763740000009,
  LoginHotPath1763740000010,
  NonceOwnershipAndDelegationHeads1763740000011,
  ConsentNoticeTextAndReminderLookup1763740000012,
  RecordWhenOutcomeDone1763740000014,
  CreateVisaLetters1763740000030,
  CoreWritesAuditAndOutbox1763740000060,
  PlpgsqlWritersThroughCore1763740000061,
];
