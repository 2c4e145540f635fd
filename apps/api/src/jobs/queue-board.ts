import { createHash } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '#core/config/app-config.js';
import { AppError } from '#core/errors/app-error.js';
import { toErrorEnvelope } from '#core/errors/to-error-envelope.js';
import { ALL_QUEUES } from '#core/queue/queue-names.js';
import { AuthService } from '#identity/index.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** A checked password is trusted this long, so the board's polling does not hash a password every few seconds. */
const CHECKED_FOR_MS = 60_000;

/**
 * bull-board, for admins, where it supports the queue backend (Redis); on the PostgreSQL backend the JSON endpoints
 * under /api/jobs do the same work. The board is a browser page, which cannot send our bearer tokens, so it asks for
 * an admin's email and password (HTTP Basic over the api's HTTPS), checked by the same rules and rate limit as login.
 * Its routes live outside Nest's route table, so this hook is their access rule.
 */
export async function mountQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  if (config.queueBackend !== 'redis') return false;
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    // Look and retry, nothing more: emptying a queue or editing a job's data would bypass the outbox and the audit log.
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true, allowRetries: true })),
    serverAdapter: board,
  });
  const auth = app.get(AuthService, { strict: false });
  const checked = new Map<string, number>();

  const refuse = (reply: FastifyReply, error: AppError) => {
    const { envelope } = toErrorEnvelope(error);
    void reply.status(envelope.statusCode).header('www-authenticate', 'Basic realm="queues", charset="UTF-8"').send(envelope);
  };
  const onlyAdmins = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !encoded) return refuse(reply, new AppError(401, 'UNAUTHENTICATED', 'Admin email and password required'));
    const key = createHash('sha256').update(encoded).digest('hex');
    const until = checked.get(key);
    if (until && until > Date.now()) return;
    checked.delete(key);
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return refuse(reply, new AppError(401, 'UNAUTHENTICATED', 'Admin email and password required'));
    try {
      const user = await auth.verifyCredentials(decoded.slice(0, colon), decoded.slice(colon + 1), request.ip);
      if (user.role !== 'admin') return refuse(reply, new AppError(403, 'FORBIDDEN', 'Only admins see the queues'));
      checked.set(key, Date.now() + CHECKED_FOR_MS);
    } catch (error) {
      return refuse(reply, error instanceof AppError ? error : new AppError(401, 'UNAUTHENTICATED', 'Admin email and password required'));
    }
  };

  await app.getHttpAdapter().getInstance().register(async (scope) => {
    scope.addHook('onRequest', onlyAdmins);
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
  return true;
}
