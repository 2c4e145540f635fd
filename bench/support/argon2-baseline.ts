import { verify } from '@node-rs/argon2';

/**
 * The login's baseline: bare argon2id verifications of the same hash (so the same parameters the product uses),
 * `concurrency` at a time for `seconds`, in this process (nothing else runs here meanwhile), on libuv's whole
 * default pool (4 threads), as bare argon2id runs. The api lets at most one computation per core run at once
 * (libs/identity/src/users/hash-slots.ts); the baseline is not held to that.
 */
export async function verificationsPerSecond(
  hash: string,
  password: string,
  concurrency: number,
  seconds: number,
): Promise<{ perSecond: number; cpuMsEach: number }> {
  let done = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        if (!(await verify(hash, password))) throw new Error('the baseline hash does not verify');
        done += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: done / ((performance.now() - started) / 1000), cpuMsEach: (cpu.user + cpu.system) / 1000 / done };
}
