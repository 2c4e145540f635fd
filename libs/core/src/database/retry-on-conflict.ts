/** SQLSTATEs that mean "another transaction got there first; the same work may well succeed now". */
const RETRYABLE = new Set(['40001', '40P01']);

function driverError(error: unknown): { code?: unknown; constraint?: unknown } | undefined {
  return (error as { driverError?: object }).driverError ?? (error as object);
}

/**
 * Runs a REPEATABLE READ (or SERIALIZABLE) unit of work again when PostgreSQL
 * aborted it for a concurrent change, as its documentation asks of clients.
 * `constraints` names unique constraints whose violation also means "someone
 * else committed first": a retry starts from a snapshot that includes it.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, constraints: readonly string[] = [], attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const driver = driverError(error);
      const retryable =
        RETRYABLE.has(String(driver?.code)) || (driver?.code === '23505' && constraints.includes(String(driver.constraint)));
      if (attempt >= attempts || !retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
