import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { validationExceptionFactory } from '#core/errors/validation-errors.js';
import { InvalidCredentialsError } from '../auth/auth-errors.js';
import { LoginDto } from '../auth/auth.dto.js';

/**
 * Guards run before pipes, so the login body is validated here (same rules as
 * everywhere: unknown fields rejected) before passport-local reads it.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationExceptionFactory(errors);
    request.body = dto;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new InvalidCredentialsError();
    return user;
  }
}
