import Fastify from 'fastify';

/**
 * The baseline server: bare Fastify answering a constant, nothing else (no logging, no validation, no database).
 * Started as a process of its own by hello-world-process.ts, like the api, so both are measured from outside.
 * GET and POST: the check-in baseline sends the scanners' JSON body, which Fastify parses and ignores.
 */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.post('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('hello-world listening\n');
