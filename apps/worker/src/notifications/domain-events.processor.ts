import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import {
  type AgreementSignedJob,
  type EnrolmentChangedJob,
  type InvitationCreatedJob,
  InvalidJobPayloadError,
  type RegistrationChangedJob,
  validateJobPayload,
} from '#core/queue/job-payloads.js';
import { JobName, QueueName } from '#core/queue/queue-names.js';
import { NotificationEvents } from '#messaging/notifications/notification-events.service.js';

/** Turns a domain event into the messages it calls for (recorded once; sent by the notifications queue). */
async function handle(events: NotificationEvents, job: Job): Promise<void> {
  try {
    switch (job.name as JobName) {
      case JobName.RegistrationChanged: {
        const p = validateJobPayload<RegistrationChangedJob>(JobName.RegistrationChanged, job.data);
        return await events.registrationChanged(p.registrationId, p.change);
      }
      case JobName.EnrolmentChanged: {
        const p = validateJobPayload<EnrolmentChangedJob>(JobName.EnrolmentChanged, job.data);
        return await events.enrolmentChanged(p.enrolmentId, p.change);
      }
      case JobName.InvitationCreated: {
        const p = validateJobPayload<InvitationCreatedJob>(JobName.InvitationCreated, job.data);
        return await events.invitationCreated(p.invitationId, p.encryptedToken);
      }
      case JobName.AgreementSigned: {
        const p = validateJobPayload<AgreementSignedJob>(JobName.AgreementSigned, job.data);
        return await events.agreementSigned(p.outcomeId);
      }
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  } catch (error) {
    if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

@Processor(QueueName.Registration)
export class RegistrationEventsProcessor extends WorkerHost {
  constructor(private readonly events: NotificationEvents) {
    super();
  }

  process(job: Job): Promise<void> {
    return handle(this.events, job);
  }
}

@Processor(QueueName.Outcomes)
export class OutcomeEventsProcessor extends WorkerHost {
  constructor(private readonly events: NotificationEvents) {
    super();
  }

  process(job: Job): Promise<void> {
    return handle(this.events, job);
  }
}
