import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '#core/http/caller.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

export type CallerWithSession = Caller & { sessionId: string };

/** The authenticated caller and the request id, handed by the controller to the service. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): CallerWithSession => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
  const user = request.user;
  return { userId: user?.id ?? '', role: user?.role ?? 'anonymous', requestId: String(request.id), sessionId: user?.sessionId ?? '' };
});

/** The id of the current request, for routes without an authenticated caller (login). */
export const RequestId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => String(context.switchToHttp().getRequest<FastifyRequest>().id),
);
