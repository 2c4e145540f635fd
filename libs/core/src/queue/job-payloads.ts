import { plainToInstance } from 'class-transformer';
import { IsUUID, validateSync } from 'class-validator';
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

interface JobContract {
  queue: QueueName;
  payload: new () => object;
}

export const JOB_CONTRACTS: Record<JobName, JobContract> = {
  [JobName.WelcomeUser]: { queue: QueueName.Notifications, payload: WelcomeUserJob },
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
