import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { JOB_CONTRACTS } from '../queue/job-payloads.js';
import type { JobName } from '../queue/queue-names.js';

/** One row of `outbox_job_contract`: what core_enqueue accepts for a job (its queue, and its payload's keys). */
export interface JobContractRow {
  name: JobName;
  queue: string;
  /** Keys the payload must carry, not null (every decorated property without @IsOptional). */
  requiredKeys: string[];
  /** Every key the payload may carry: the DTO's decorated properties (the TS validator forbids the rest). */
  allowedKeys: string[];
}

/**
 * The job contracts as the database holds them, derived from the one definition (JOB_CONTRACTS and the payload
 * DTOs' class-validator decorators), so the SQL writer checks the same queue and keys as validateJobPayload.
 * The finer rules (UUIDs, enumerations) stay in the DTOs; the database checks what it can without a copy of them.
 */
export function jobContractRows(): JobContractRow[] {
  const storage = getMetadataStorage();
  return (Object.entries(JOB_CONTRACTS) as [JobName, (typeof JOB_CONTRACTS)[JobName]][])
    .map(([name, contract]) => {
      const metadata = storage.getTargetValidationMetadatas(contract.payload, '', true, false);
      const allowed = [...new Set(metadata.map((m) => m.propertyName))].sort();
      const optional = new Set(metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
      return { name, queue: contract.queue, requiredKeys: allowed.filter((key) => !optional.has(key)), allowedKeys: allowed };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

type Query = (sql: string, parameters?: unknown[]) => Promise<unknown>;

/**
 * Writes `outbox_job_contract` from the TypeScript definitions: runMigrations calls it after every run, so the
 * table follows the code that is deployed without a migration per new job (a migration's text is frozen; the
 * definitions are not). One statement: jobs no longer defined are removed, the others upserted.
 */
export async function writeJobContracts(query: Query): Promise<void> {
  const rows = jobContractRows();
  await query(
    `WITH wanted AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(name text, queue text, "requiredKeys" text[], "allowedKeys" text[])
     ), removed AS (
       DELETE FROM outbox_job_contract c WHERE NOT EXISTS (SELECT 1 FROM wanted w WHERE w.name = c.name)
     )
     INSERT INTO outbox_job_contract AS c (name, queue, required_keys, allowed_keys)
     SELECT name, queue, "requiredKeys", "allowedKeys" FROM wanted
     ON CONFLICT (name) DO UPDATE SET queue = EXCLUDED.queue, required_keys = EXCLUDED.required_keys, allowed_keys = EXCLUDED.allowed_keys
       WHERE (c.queue, c.required_keys, c.allowed_keys) IS DISTINCT FROM (EXCLUDED.queue, EXCLUDED.required_keys, EXCLUDED.allowed_keys)`,
    [JSON.stringify(rows)],
  );
}
