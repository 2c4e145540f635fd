import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/**
 * Where `vite build` put the console: dist/console beside the compiled api (dist/apps/api/src/…), or, when this
 * file runs from source (the tests), dist/console of the checkout.
 */
export function consoleDirectory(): string | undefined {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return [join(root, 'console'), join(root, 'dist', 'console')].find((dir) => existsSync(join(dir, 'index.html')));
}

const HASHED_ASSET = /\/assets\/[^/]+-[\w-]{8,}\.\w+$/;

/**
 * The web console at /console/, same origin as /api (so the refresh cookie and CSRF header work without CORS).
 * Built files are served as they are; any other path under /console/ answers the app's index.html, whose router
 * then shows the page (or its own "not found"). Hashed assets are cached for a year, index.html never, so a new
 * build is picked up on the next load.
 */
export async function mountConsole(app: NestFastifyApplication, logger: Logger, dir = consoleDirectory()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!dir) {
    logger.warn('the web console is not built (npm run build): /console/ is not served');
    return;
  }
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    // One route per built file, found now: every other path falls through to the app's index.html below.
    wildcard: false,
    index: false,
    // The Swagger UI registers its own instance; two cannot both decorate the reply.
    decorateReply: false,
    cacheControl: false,
    setHeaders: (response, path) => {
      const value = HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      // @fastify/static 10 hands the reply; the 9.x line that stands in under Jest hands the raw response.
      const target = response as unknown as { header?: (name: string, value: string) => void; setHeader?: (name: string, value: string) => void };
      if (target.header) target.header('Cache-Control', value);
      else target.setHeader?.('Cache-Control', value);
    },
  });
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    // A missing script or style is a 404: the app's page in its place would fail as a script, silently.
    if (request.url.startsWith('/console/assets/')) {
      return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: 'No such file of the console' });
    }
    // Read per request (under a kilobyte): a rebuild while the api runs is served at once.
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(readFileSync(join(dir, 'index.html')));
  };
  fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  fastify.get('/console/', sendIndex);
  fastify.get('/console/*', sendIndex);
}
