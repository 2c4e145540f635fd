import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import {
  type AgreementSignedJob,
  type EnrolmentChangedJob,
  type InvitationCreatedJob,
  InvalidJobPayloadError,
  type RegistrationChangedJob,
  type ScheduleReleasedJob,
  validateJobPayload,
} from '#core/queue/job-payloads.js';
import { AgendaBuilder } from '#agenda/index.js';
import { workerLockOptions } from '#core/config/app-config.js';
import { JobName, QueueName } from '#core/queue/queue-names.js';
import { NotificationEvents, ScheduleChangeNotices } from '#messaging/index.js';

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

@Processor(QueueName.Registration, workerLockOptions())
export class RegistrationEventsProcessor extends WorkerHost {
  constructor(private readonly events: NotificationEvents) {
    super();
  }

  process(job: Job): Promise<void> {
    return handle(this.events, job);
  }
}

@Processor(QueueName.Outcomes, workerLockOptions())
export class OutcomeEventsProcessor extends WorkerHost {
  constructor(private readonly events: NotificationEvents) {
    super();
  }

  process(job: Job): Promise<void> {
    return handle(this.events, job);
  }
}

/**
 * A schedule release: its nine agenda documents are planned (on the agendas queue), and the delegates of
 * each moved or re-roomed session are told. A retried job plans the builds again (each finds its document
 * and stores nothing) and records no message twice.
 */
@Processor(QueueName.Programme, workerLockOptions())
export class ProgrammeEventsProcessor extends WorkerHost {
  constructor(
    private readonly notices: ScheduleChangeNotices,
    private readonly agendas: AgendaBuilder,
  ) {
    super();
  }

  async process(job: Job): Promise<{ agendaBuilds: number; messages: number }> {
    if (job.name !== JobName.ScheduleReleased) throw new UnrecoverableError(`Unknown job ${job.name}`);
    try {
      const p = validateJobPayload<ScheduleReleasedJob>(JobName.ScheduleReleased, job.data);
      const agendaBuilds = await this.agendas.planRelease(p.releaseId);
      return { agendaBuilds, messages: await this.notices.releasePublished(p.releaseId) };
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
