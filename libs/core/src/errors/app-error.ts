/**
 * A domain error with a stable, machine-readable code. Each domain throws its own
 * subclasses (or this class) and one global filter turns them into the envelope.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that belong with the error, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A 503 that is a state, not a fault: something the product is building will be there in seconds (an agenda right
 * after a release), and clients poll with Retry-After. Logged at info, without a stack, so it does not page anyone
 * or bury real errors.
 */
export class NotReadyYetError extends AppError {
  readonly expected = true;

  constructor(code: string, message: string, details: unknown, retryAfterSeconds: number) {
    super(503, code, message, details, { 'retry-after': String(retryAfterSeconds) });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, details?: unknown) {
    super(404, 'NOT_FOUND', `${what} was not found`, details);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}
