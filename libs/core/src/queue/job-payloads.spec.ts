import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/error-envelope.js';
import { InvalidJobPayloadError, validateJobPayload, WelcomeUserJob } from './job-payloads.js';
import { JobName } from './queue-names.js';

const USER_ID = '3f2b8c1e-6a4d-4e8b-9c7a-1d2e3f4a5b6c';

function payloadError(data: unknown): InvalidJobPayloadError {
  try {
    validateJobPayload(JobName.WelcomeUser, data);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidJobPayloadError);
    return error as InvalidJobPayloadError;
  }
  throw new Error(`validateJobPayload accepted ${JSON.stringify(data)}`);
}

function fieldsOf(error: InvalidJobPayloadError): string[] {
  return (error.details as FieldError[]).map((detail) => detail.field);
}

describe(validateJobPayload.name, () => {
  it('returns a valid payload as the job DTO', () => {
    const payload = validateJobPayload<WelcomeUserJob>(JobName.WelcomeUser, { userId: USER_ID });

    expect(payload).toBeInstanceOf(WelcomeUserJob);
    expect(payload).toEqual({ userId: USER_ID });
  });

  it('rejects a missing userId', () => {
    const error = payloadError({});

    expect(error.details).toEqual([{ field: 'userId', rule: 'isUuid', message: 'userId must be a UUID' }]);
  });

  it('rejects a null payload as one without userId', () => {
    expect(fieldsOf(payloadError(null))).toEqual(['userId']);
  });

  it.each(['not-a-uuid', 42, ''])('rejects the userId %j', (userId) => {
    expect(fieldsOf(payloadError({ userId }))).toEqual(['userId']);
  });

  it('rejects unknown extra fields', () => {
    const error = payloadError({ userId: USER_ID, email: 'guest@example.org' });

    expect(error.details).toEqual([{ field: 'email', rule: 'unknownField', message: 'property email should not exist' }]);
  });

  it('is a 500 AppError naming the job', () => {
    const error = payloadError({});

    expect(error).toBeInstanceOf(AppError);
    expect(error.statusCode).toBe(500);
    expect(error.code).toBe('INVALID_JOB_PAYLOAD');
    expect(error.message).toBe('The payload of job welcome-user is invalid');
  });

  it('rejects an unknown job name', () => {
    const unknownJob = () => validateJobPayload('no-such-job' as JobName, { userId: USER_ID });

    expect(unknownJob).toThrow(InvalidJobPayloadError);
    expect(unknownJob).toThrow(
      expect.objectContaining({ details: [{ field: 'name', rule: 'known', message: 'unknown job' }] }),
    );
  });

  it('names the body as the field when the payload is not an object at all', () => {
    for (const data of ['x', 5, []]) {
      try {
        validateJobPayload(JobName.WelcomeUser, data);
        throw new Error('expected a validation error');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidJobPayloadError);
        const fields = (error as InvalidJobPayloadError).details as FieldError[];
        expect(fields.every((f) => typeof f.field === 'string' && f.field.length > 0)).toBe(true);
      }
    }
  });
});
