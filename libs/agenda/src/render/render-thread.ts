import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type RenderJob, runRenderJob } from './render-job.js';

/** Below the requests' threads: on Linux a thread's own niceness, so a busy machine serves requests first. */
const RENDER_NICENESS = 10;

try {
  setPriority(RENDER_NICENESS);
} catch {
  // Not permitted here (some containers): render at normal priority.
}

parentPort!.on('message', (message: { id: number; job: RenderJob }) => {
  runRenderJob(message.job).then(
    (content) => {
      // A copy of its own, so the whole buffer can be handed over without copying again.
      const bytes = new Uint8Array(content);
      parentPort!.postMessage({ id: message.id, content: bytes }, [bytes.buffer]);
    },
    (error: Error) => parentPort!.postMessage({ id: message.id, error: error.message }),
  );
});
