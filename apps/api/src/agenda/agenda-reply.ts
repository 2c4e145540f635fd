import type { FastifyReply } from 'fastify';
import type { AgendaDownload } from '#agenda/index.js';

/** Sends a stored document (or its 304) with the headers that came with it. */
export function sendAgenda(reply: FastifyReply, download: AgendaDownload): Buffer | undefined {
  void reply.status(download.status).headers(download.headers);
  return download.body;
}
