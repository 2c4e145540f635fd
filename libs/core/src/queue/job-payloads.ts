import { plainToInstance } from 'class-transformer';
import { IsBase64, IsIn, IsInt, IsISO8601, IsObject, IsUUID, Matches, Min, validateSync } from 'class-validator';
import { AppError } from '../errors/app-error.js';
import { flattenValidationErrors } from '../errors/validation-errors.js';
import { JobName, QueueName } from './queue-names.js';

/**
 * Job payloads are DTOs, validated when the job is created and again when it is
 * handled: the worker trusts its input no more than the API does.
 */
export class WelcomeUserJob {
  @IsUUID()
  userId: string;
}

/** A schedule release was published; `changes` is its difference from the release before. */
export class ScheduleReleasedJob {
  @IsUUID()
  eventId: string;

  @IsUUID()
  releaseId: string;

  @IsInt()
  @Min(1)
  number: number;

  @IsObject()
  changes: Record<string, unknown>;
}

export class RegistrationChangedJob {
  @IsUUID()
  registrationId: string;

  @IsIn(['received', 'approved', 'rejected', 'cancelled', 'erased'])
  change: string;
}

/** Also written by the database function promote_waitlisted (change 'promoted'). */
export class EnrolmentChangedJob {
  @IsUUID()
  enrolmentId: string;

  @IsUUID()
  registrationId: string;

  @IsUUID()
  sessionId: string;

  @IsIn(['enrolled', 'waitlisted', 'promoted', 'cancelled'])
  change: string;
}

/** The invitation's token travels encrypted (FieldCipher, bound to the invitation id) for the mail to carry it. */
export class InvitationCreatedJob {
  @IsUUID()
  invitationId: string;

  @IsBase64()
  encryptedToken: string;
}

export class AgreementSignedJob {
  @IsUUID()
  outcomeId: string;

  @IsUUID()
  eventId: string;
}

/** Sends one recorded notification (at least once; the Message-ID is the notification's). */
export class DeliverNotificationJob {
  @IsUUID()
  notificationId: string;
}

/**
 * A delayed job: reminds a seat holder shortly before the session. `startsAt` is the start it was
 * planned for; at fire time a reminder whose seat or start no longer holds drops itself.
 */
export class SendSessionReminderJob {
  @IsUUID()
  enrolmentId: string;

  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, { message: 'startsAt must be a UTC timestamp' })
  startsAt: string;
}

/** Builds one agenda document of a release (idempotent: a document already stored is not built again). */
export class BuildAgendaJob {
  @IsUUID()
  releaseId: string;

  @IsIn(['zh', 'en', 'ru'])
  language: string;

  @IsIn(['html', 'pdf', 'ics'])
  format: string;
}

interface JobContract {
  queue: QueueName;
  payload: new () => object;
}

export const JOB_CONTRACTS: Record<JobName, JobContract> = {
  [JobName.WelcomeUser]: { queue: QueueName.Notifications, payload: WelcomeUserJob },
  [JobName.ScheduleReleased]: { queue: QueueName.Programme, payload: ScheduleReleasedJob },
  [JobName.RegistrationChanged]: { queue: QueueName.Registration, payload: RegistrationChangedJob },
  [JobName.EnrolmentChanged]: { queue: QueueName.Registration, payload: EnrolmentChangedJob },
  [JobName.InvitationCreated]: { queue: QueueName.Registration, payload: InvitationCreatedJob },
  [JobName.AgreementSigned]: { queue: QueueName.Outcomes, payload: AgreementSignedJob },
  [JobName.DeliverNotification]: { queue: QueueName.Notifications, payload: DeliverNotificationJob },
  [JobName.SendSessionReminder]: { queue: QueueName.Notifications, payload: SendSessionReminderJob },
  [JobName.BuildAgenda]: { queue: QueueName.Agendas, payload: BuildAgendaJob },
};

export class InvalidJobPayloadError extends AppError {
  constructor(job: string, details: unknown) {
    super(500, 'INVALID_JOB_PAYLOAD', `The payload of job ${job} is invalid`, details);
  }
}

/** Returns the typed payload or throws InvalidJobPayloadError; unknown fields are rejected too. */
export function validateJobPayload<T extends object>(name: JobName, data: unknown): T {
  const contract = JOB_CONTRACTS[name];
  if (!contract) throw new InvalidJobPayloadError(name, [{ field: 'name', rule: 'known', message: 'unknown job' }]);
  const instance = plainToInstance(contract.payload, data ?? {}) as T;
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new InvalidJobPayloadError(name, flattenValidationErrors(errors));
  return instance;
}
