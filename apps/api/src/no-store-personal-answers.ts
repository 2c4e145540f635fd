import type { FastifyInstance } from 'fastify';

const PERSONAL_PATHS = /^\/api\/(me|auth)(\/|\?|$)/;

/**
 * Answers about a person must not be kept by a browser's disk cache or a shared proxy (a kiosk PC at the venue, a
 * hotel's proxy): the delegate's own pages (/api/me/…, their badge, agenda and letters), the auth routes (tokens),
 * and anything answered to a caller who presented a bearer token (organisers' lists hold guests' data too). Set in
 * onSend, after the route, so it wins over a route's own `private, no-cache` (the personal agenda). Public answers
 * (programme, public agendas, the calendar feed behind its secret address, which calendar apps revalidate by ETag)
 * keep their own caching.
 */
export function noStorePersonalAnswers(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined || PERSONAL_PATHS.test(request.url)) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
