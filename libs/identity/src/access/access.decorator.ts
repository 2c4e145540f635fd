import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Role } from '../users/role.js';

export const ACCESS_METADATA = 'backoffice:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] };

/**
 * Every route states who may call it with one of these three decorators; a route
 * with none is refused at boot (RouteAccessChecker). They also document the rule
 * in OpenAPI, so the documentation cannot drift from the guard.
 */
/** Marks a public operation in the OpenAPI document, which then declares it `security: []` (apps/api/src/openapi.ts). */
export const PUBLIC_EXTENSION = 'x-public';

export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule), ApiExtension(PUBLIC_EXTENSION, true));
}

export function Authenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'UNAUTHENTICATED, TOKEN_EXPIRED or INVALID_TOKEN' }),
  );
}

export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorEnvelope, description: 'UNAUTHENTICATED, TOKEN_EXPIRED or INVALID_TOKEN' }),
    ApiForbiddenResponse({ type: ErrorEnvelope, description: `FORBIDDEN: only ${roles.join(', ')}` }),
  );
}
