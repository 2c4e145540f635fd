import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { AppError } from '#core/errors/app-error.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ACCESS_METADATA, type AccessRule } from './access.decorator.js';

export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
}

/**
 * The global guard: public routes pass, every other route needs a valid bearer
 * token (401) and, where roles are named, one of them (403). A route that states
 * nothing is refused (the boot check should have caught it first).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = accessRuleOf(this.reflector, context);
    if (!rule) throw new AppError(403, 'ROUTE_ACCESS_UNDECLARED', 'This route declares no access rule');
    if (rule.kind === 'public') return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<FastifyRequest & { user: AuthenticatedUser }>().user;
    if (rule.kind === 'roles' && !rule.roles.includes(user.role)) {
      throw new AppError(403, 'FORBIDDEN', `This action needs one of the roles: ${rule.roles.join(', ')}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error;
    if (!user) {
      const name = (info as { name?: string } | undefined)?.name;
      const message = (info as { message?: string } | undefined)?.message ?? '';
      if (name === 'TokenExpiredError') throw new AppError(401, 'TOKEN_EXPIRED', 'The access token has expired');
      if (message === 'No auth token') throw new AppError(401, 'UNAUTHENTICATED', 'A bearer token is required');
      throw new AppError(401, 'INVALID_TOKEN', 'The access token is invalid or its session has ended');
    }
    return user;
  }
}
