import type { Role } from '../users/role.js';

/** What the JWT strategy attaches to a request after checking the token, the user and the session. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  sessionId: string;
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid: string;
}

export const JWT_ISSUER = 'sco-backoffice';
export const JWT_AUDIENCE = 'sco-backoffice-api';
