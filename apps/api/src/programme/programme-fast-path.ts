import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { programmeReply, PublicProgrammeService, type ServedProgramme } from '#programme/index.js';

const PUBLIC_EVENTS = '/api/public/events/';

export function sendProgramme(request: FastifyRequest, reply: FastifyReply, served: ServedProgramme): void {
  const answer = programmeReply(served, request.headers['if-none-match'], request.headers['accept-encoding']);
  void reply.status(answer.status).headers(answer.headers).send(answer.body);
}

/**
 * The published programme is the busiest public read (every visitor, every refresh), and it is the same bytes
 * for everyone who asks the same URL in the same language. A request the full route has already answered, for
 * a release still the latest, is answered here, in Fastify's onRequest hook, before Nest's guard, pipes and
 * router: validation, rendering and JSON.stringify were done for the first such request. The hook runs after
 * the request-id hook and helmet's, and the request is logged like any other. Anything else (a new URL, a new
 * release, a release not confirmed in the last second) goes on to the full route.
 */
export function mountProgrammeFastPath(app: NestFastifyApplication): void {
  const programme = app.get(PublicProgrammeService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' || !request.url.startsWith(PUBLIC_EVENTS)) return done();
      const accept = request.headers['accept-language'];
      const served = programme.servedFor(request.url, typeof accept === 'string' ? accept : undefined);
      if (!served) return done();
      // Answered here: Fastify ends the request after the reply, without the handler.
      sendProgramme(request, reply, served);
    });
}
