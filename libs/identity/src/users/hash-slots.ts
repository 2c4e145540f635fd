/**
 * How many argon2 computations may run at once in this process. @node-rs/argon2 computes on libuv's thread pool
 * (UV_THREADPOOL_SIZE, 4 by default), the pool that fs, dns.lookup and async crypto also use. Each computation
 * keeps a core busy for ~10 ms over 19 MiB of memory, so more of them than there are cores only time-slices the
 * cores between them (each slower, caches thrashed, 19 MiB more resident each) and makes the event loop, which
 * runs every login's queries and answers, wait behind them; and one pool thread is kept free of hashes so other
 * pool work never queues behind a burst of logins. On a 2-core machine with the default pool: 2.
 */
export function hashSlotsFor(cores: number, poolSize: number): number {
  return Math.max(1, Math.min(cores, poolSize - 1));
}
