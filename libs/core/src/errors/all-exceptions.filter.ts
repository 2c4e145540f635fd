import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorEnvelope } from './to-error-envelope.js';

/** The global filter: every error leaves the API in one envelope. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { envelope, unexpected, headers } = toErrorEnvelope(error);
    if (unexpected) {
      // Only the route and the error: never the body, which may hold personal data.
      this.logger.error({ err: error, method: request?.method, route: request?.routeOptions?.url }, 'request failed');
    } else if (envelope.statusCode >= 500) {
      // An expected state the client retries (NotReadyYetError): one line, no stack.
      this.logger.log({ code: envelope.code, method: request?.method, route: request?.routeOptions?.url }, 'request answered: not ready yet');
    }
    if (headers) void reply.headers(headers);
    // A handler may have set another type (a PDF, a CSV) before it failed: the envelope is JSON.
    void reply.header('content-type', 'application/json; charset=utf-8').status(envelope.statusCode).send(envelope);
  }
}
