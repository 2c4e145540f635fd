import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '#core/errors/app-error.js';

/** Upload types read as raw bytes; which type a document really is, is decided by its bytes afterwards. */
export const DOCUMENT_UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'];

export const RawDocument = createParamDecorator((_: unknown, context: ExecutionContext): Buffer => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the document's bytes as the body (${DOCUMENT_UPLOAD_TYPES.join(', ')})`);
  return body;
});
