import { AppError } from '#core/errors/app-error.js';

export class InvalidCredentialsError extends AppError {
  constructor() {
    super(401, 'INVALID_CREDENTIALS', 'The email or the password is wrong');
  }
}

export class InvalidRefreshTokenError extends AppError {
  constructor(code: 'INVALID_REFRESH_TOKEN' | 'REFRESH_TOKEN_REUSED' = 'INVALID_REFRESH_TOKEN') {
    super(
      401,
      code,
      code === 'REFRESH_TOKEN_REUSED'
        ? 'This refresh token was already used; the session has been revoked, log in again'
        : 'The refresh token is invalid, expired or revoked',
    );
  }
}

export class TooManyLoginAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed login attempts; try again later', { retryAfterSeconds }, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** A refresh or logout carried by the cookie came without the matching anti-CSRF header (double submit). */
export class CsrfTokenInvalidError extends AppError {
  constructor() {
    super(403, 'CSRF_TOKEN_INVALID', 'The X-CSRF-Token header is missing or does not match the sco_csrf cookie');
  }
}
