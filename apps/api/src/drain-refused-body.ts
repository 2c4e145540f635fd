import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * How much of a refused body the api reads and drops before it answers. Past it the client is not sending a
 * mistaken file but a flood, and the connection is closed after the answer (it may then see a reset).
 * Four times the largest body a route takes (11 MB signed documents), so an upload of a too-large file still gets
 * its answer.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1_048_576;

/** A slow client gets this long to finish sending what it started; then it gets the answer and the close. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * A body over the limit is refused with 413 before it has been read (at once when its Content-Length says so,
 * part-way through when it is chunked). Fastify then answers with `Connection: close`, and Node closes the socket
 * with the rest of the body unread: the kernel answers the client's next segments with a reset, and a client that
 * writes the whole body before reading (or whose socket buffers are smaller than the body) gets ECONNRESET/EPIPE
 * instead of the 413 (test/e2e/oversized-bodies.e2e-spec.ts; 8 MB on loopback was enough).
 *
 * So before a 413 leaves with the request still incomplete, the rest of the body is read and dropped (nothing is
 * kept), up to DRAIN_LIMIT_BYTES and DRAIN_TIMEOUT_MS; the connection then closes cleanly after the answer. A body
 * announced beyond the bound is not waited for. Held in onSend, so the answer itself (the global filter's envelope,
 * PAYLOAD_TOO_LARGE) is unchanged.
 */
export function drainRefusedBodies(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 413 || request.raw.complete) return payload;
    const announced = Number(request.headers['content-length']);
    if (announced > DRAIN_LIMIT_BYTES) return payload;
    await drain(request.raw);
    return payload;
  });
}

/** Reads and drops what is left of a request, until it ends, the bound is passed, the time is up, or it is gone. */
function drain(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let drained = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_TIMEOUT_MS);
    raw.on('data', onData).on('end', finish).on('error', finish).on('close', finish);
    // Refused by its Content-Length, the body was never started: the stream is paused until something reads it.
    raw.resume();
  });
}
