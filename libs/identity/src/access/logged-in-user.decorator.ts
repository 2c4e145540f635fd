import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { User } from '../users/user.entity.js';

/** The user passport-local verified on the login route. Stays inside the API: services map it to DTOs. */
export const LoggedInUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): User => context.switchToHttp().getRequest<FastifyRequest & { user: User }>().user,
);
