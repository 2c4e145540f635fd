import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '#core/errors/app-error.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded spreadsheet sent as the raw request body (text/csv or .xlsx), with its format. */
export const SpreadsheetUpload = createParamDecorator((_: unknown, context: ExecutionContext): { file: Buffer; format: 'csv' | 'xlsx' } => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!Buffer.isBuffer(request.body) || (type !== CSV_TYPE && type !== XLSX_TYPE)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the guest list as ${CSV_TYPE} or ${XLSX_TYPE}`);
  }
  return { file: request.body, format: type === CSV_TYPE ? 'csv' : 'xlsx' };
});
